/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end (issue 8 §1): SIGTERM in the middle of a run leaves nothing. The real CLI runs in its own JVM
 * ({@code java -cp <test class path> ...Main}) and reads its input from a named pipe that this test feeds
 * and never closes, so the run is certainly in progress (blocked on its input) when the signal arrives:
 * no timing assumption, only waiting for a condition.
 */
class CliSigtermTest {

    private static final long DEADLINE_MS = 120_000;
    private static final byte[] OLD = "a previous run's output\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void sigterm_midRun_exitsNonZero_leavesNoOutputNoTemporaryFile_previousOutputUntouched(@TempDir Path dir,
            @TempDir Path logs) throws Exception {
        Path fifo = dir.resolve("in.csv");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertTrue(mkfifo.waitFor(30, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo must work");
        Path out = Files.write(dir.resolve("out.csv"), OLD);
        Path rejects = dir.resolve("rej.csv");

        // read and write: opening a named pipe this way never blocks, and the CLI's open for reading
        // finds a writer, so neither side waits for the other
        try (FileChannel feed = FileChannel.open(fifo, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            Process cli = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), "score", "--instrument", "PHQ-9", "--input", fifo.toString(), "--output",
                    out.toString(), "--rejects", rejects.toString())
                    .redirectOutput(logs.resolve("stdout").toFile()).redirectError(logs.resolve("stderr").toFile())
                    .start();
            try {
                feed.write(ByteBuffer.wrap(("record_id,phq9_1,phq9_2,phq9_3,phq9_4,phq9_5,phq9_6,phq9_7,phq9_8,phq9_9\n"
                        + "a,1,1,1,1,1,1,1,1,0\nb,9,1,1,1,1,1,1,1,0\n").getBytes(StandardCharsets.UTF_8)));
                // the temporary files exist once the outputs are open (the shutdown hook is registered before)
                long deadline = System.currentTimeMillis() + DEADLINE_MS;
                while (temporaryFiles(dir).size() < 2) {
                    if (!cli.isAlive()) {
                        fail("the CLI ended before the signal: " + Files.readString(logs.resolve("stderr")));
                    }
                    if (System.currentTimeMillis() > deadline) {
                        fail("the CLI never opened its outputs: " + Files.readString(logs.resolve("stderr")));
                    }
                    Thread.sleep(20);
                }
                assertTrue(cli.isAlive(), "still blocked on its input: the run is in progress");

                cli.destroy(); // SIGTERM
                assertTrue(cli.waitFor(DEADLINE_MS, TimeUnit.MILLISECONDS), "the CLI must end on SIGTERM");
                assertNotEquals(0, cli.exitValue(), "a run ended by a signal must not report success");
            } finally {
                cli.destroyForcibly();
            }
        }
        assertEquals(Set.of("in.csv", "out.csv"), names(dir),
                "no rejects file, no temporary file");
        assertArrayEquals(OLD, Files.readAllBytes(out), "the previous output is byte for byte as it was");
        assertEquals("", Files.readString(logs.resolve("stdout")), "no accounting line");
    }

    private static List<Path> temporaryFiles(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(".")
                    && p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    private static Set<String> names(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet());
        }
    }
}
