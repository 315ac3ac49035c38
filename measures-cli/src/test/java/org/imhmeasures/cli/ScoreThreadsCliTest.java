/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code score --threads N}: the same files and lines as one thread; a failed run leaves no output. */
class ScoreThreadsCliTest {

    private static String input(long seed, int rows) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("record_id,team,phq9_1,phq9_2,phq9_3,phq9_4,phq9_5,phq9_6,phq9_7,phq9_8,"
                + "phq9_9\n");
        for (int i = 0; i < rows; i++) {
            csv.append(random.nextInt(200) == 0 ? "" : "r" + i).append(random.nextInt(100) == 0 ? ",=cmd" : ",t1");
            for (int c = 0; c < 9; c++) {
                int cell = random.nextInt(40);
                csv.append(',').append(cell == 0 ? "" : cell == 1 ? "9" : Integer.toString(random.nextInt(4)));
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    private static CliRun score(Path dir, Path in, String name, String threads) {
        return CliRun.of("score", "--instrument", "PHQ-9", "--input", in.toString(), "--output",
                dir.resolve(name + ".csv").toString(), "--rejects", dir.resolve(name + "-rejects.csv").toString(),
                "--threads", threads, "--quiet");
    }

    @Test
    void score_threads_sameBytesAndLinesAsOneThread(@TempDir Path dir) throws Exception {
        long seed = Long.getLong("imh.seed", System.nanoTime());
        String context = "seed " + seed + " (rerun with -Dimh.seed=" + seed + ")";
        Path in = dir.resolve("in.csv");
        Files.writeString(in, input(seed, 5_000), StandardCharsets.UTF_8);
        CliRun one = score(dir, in, "one", "1");
        assertEquals(0, one.status(), one.err());
        assertTrue(one.out().contains("critical-item alerts in"), context + one.out());
        for (String threads : new String[] {"2", "4"}) {
            CliRun many = score(dir, in, "many" + threads, threads);
            assertEquals(one, many, context);
            assertArrayEquals(Files.readAllBytes(dir.resolve("one.csv")),
                    Files.readAllBytes(dir.resolve("many" + threads + ".csv")), context);
            assertArrayEquals(Files.readAllBytes(dir.resolve("one-rejects.csv")),
                    Files.readAllBytes(dir.resolve("many" + threads + "-rejects.csv")), context);
        }
    }

    @Test
    void score_threads_failureNearTheEnd_leavesNoOutput(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.csv");
        byte[] rows = input(3, 5_000).getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[rows.length + 4];
        System.arraycopy(rows, 0, broken, 0, rows.length);
        broken[rows.length] = 'r';
        broken[rows.length + 1] = ',';
        broken[rows.length + 2] = (byte) 0xC3; // not UTF-8: a lead byte without its continuation
        broken[rows.length + 3] = '\n';
        Files.write(in, broken);
        CliRun r = score(dir, in, "out", "3");
        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().startsWith("imh-measures: --input in.csv: "), r.err());
        assertFalse(Files.exists(dir.resolve("out.csv")));
        assertFalse(Files.exists(dir.resolve("out-rejects.csv")));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left beside the outputs");
        }
    }

    @Test
    void threads_outsideTheRange_isAUsageError(@TempDir Path dir) {
        for (String threads : new String[] {"0", "65", "-1", "two"}) {
            CliRun r = CliRun.of("score", "--instrument", "PHQ-9", "--input", dir.resolve("in.csv").toString(),
                    "--output", dir.resolve("out.csv").toString(), "--threads", threads);
            assertEquals(2, r.status(), threads);
            assertTrue(r.err().contains("--threads must be a whole number from 1 to 64: " + threads), r.err());
        }
    }

    @Test
    void automatic_smallInputOneThread_largeInputPipelined(@TempDir Path dir) throws Exception {
        Path small = dir.resolve("small.csv");
        Files.writeString(small, "record_id\n");
        assertEquals(1, Threads.choose(null, small));
        assertEquals(3, Threads.choose(3, small));
        assertEquals(1, Threads.choose(null, dir.resolve("absent.csv")));
        Path large = dir.resolve("large.csv");
        try (FileChannel channel = FileChannel.open(large, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[1]), Threads.AUTO_BYTES - 1);
        }
        assertEquals(Math.min(Threads.AUTO_MAX, Runtime.getRuntime().availableProcessors()),
                Threads.choose(null, large));
    }
}
