/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading input from the command line (issue 8 §2): a byte-order mark is dropped, invalid UTF-8 is a
 * located one-line error (never "files must be readable and writable"), duplicate header columns are
 * refused with their position, and a 400 MB JSON Lines line runs through {@code score --format jsonl}
 * and {@code profile} within {@code -Xmx256m}.
 */
class InputReadingCliTest {

    private static final String BOM = "\uFEFF";
    private static final String PHQ9_HEADER = "record_id,phq9_1,phq9_2,phq9_3,phq9_4,phq9_5,phq9_6,phq9_7,phq9_8,"
            + "phq9_9";

    private static byte[] withBadByte(String before, String after) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        bytes.write(0xFF); // never valid in UTF-8 (a Latin-1 "ÿ", say)
        bytes.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    private static String submission() throws IOException {
        try (InputStream in = InputReadingCliTest.class.getResourceAsStream(
                "/org/imhmeasures/cli/valid-submission.json")) {
            return new ObjectMapper().readTree(in).toString();
        }
    }

    private static void assertLocatedFailure(CliRun r, String where) {
        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().contains(where + "input must be UTF-8: invalid byte sequence"), r.err());
        assertFalse(r.err().contains("readable and writable"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void score_csvWithByteOrderMark_scoresEveryItem(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, BOM + "core10_1,core10_2,core10_3,core10_4,core10_5,core10_6,core10_7,core10_8,core10_9,"
                + "core10_10,record_id\n1,3,3,1,1,0,1,1,1,2,a\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("out.csv");
        CliRun r = CliRun.of("score", "--instrument", "CORE-10", "--input", in.toString(), "--output", out.toString());
        assertEquals(0, r.status(), r.err());
        assertFalse(r.err().contains("warning"), r.err());
        assertEquals("a,CORE-10,1.0.1,10,10,healthy/low level,false,0,false,,", Files.readAllLines(out).get(1));
    }

    @Test
    void score_invalidUtf8_isLocatedAtTheBadByte(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("in.csv");
        Files.write(in, withBadByte(PHQ9_HEADER + "\nr1,1,1,1,1,1,1,1,1,0\n" + "x".repeat(40_000) + "\nr2,1", ",1\n"));
        CliRun r = CliRun.of("score", "--instrument", "PHQ-9", "--input", in.toString(), "--output",
                dir.resolve("out.csv").toString());
        assertLocatedFailure(r, "--input in.csv: line 4, column 5: ");
    }

    @Test
    void score_jsonlInvalidUtf8_isLocated(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("in.jsonl");
        Files.write(in, withBadByte("{}\n{\"record_id\":\"", "\"}\n"));
        CliRun r = CliRun.of("score", "--instrument", "PHQ-9", "--format", "jsonl", "--input", in.toString(),
                "--output", dir.resolve("out.csv").toString());
        assertLocatedFailure(r, "--input in.jsonl: line 2, column 15: ");
    }

    @Test
    void score_duplicateItemColumn_isRefusedWithItsPosition(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, PHQ9_HEADER + ",phq9_3\nr1,1,1,1,1,1,1,1,1,0,2\n");
        CliRun r = CliRun.of("score", "--instrument", "PHQ-9", "--input", in.toString(), "--output",
                dir.resolve("out.csv").toString());
        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().contains("--input in.csv: line 1, column 74: header columns must be unique: phq9_3 "
                + "repeated (cells 4 and 11)"), r.err());
    }

    @Test
    void change_invalidUtf8_isLocated_andByteOrderMarkIsDropped(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.write(bad, withBadByte("record_id,pre,post\na,16,", "9\n"));
        CliRun r = CliRun.of("change", "--instrument", "PHQ-9", "--input", bad.toString(), "--output",
                dir.resolve("out.csv").toString());
        assertLocatedFailure(r, "--input bad.csv: line 2, column 6: ");

        Path bom = dir.resolve("bom.csv");
        Files.writeString(bom, BOM + "record_id,pre,post\na,16,9\n", StandardCharsets.UTF_8);
        CliRun ok = CliRun.of("change", "--instrument", "PHQ-9", "--input", bom.toString(), "--output",
                dir.resolve("out2.csv").toString());
        assertEquals(0, ok.status(), ok.err());
        assertTrue(ok.out().contains("rows read 1 = assessed 1 + rejected 0"), ok.out());
    }

    @Test
    void change_twoPreColumns_isRefused(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, "record_id,pre,post,pre\na,16,9,20\n");
        CliRun r = CliRun.of("change", "--instrument", "PHQ-9", "--input", in.toString(), "--output",
                dir.resolve("out.csv").toString());
        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().contains("line 1, column 20: header columns must be unique: pre repeated"), r.err());
    }

    @Test
    void fhir_invalidUtf8_isLocated(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("in.csv");
        Files.write(in, withBadByte(PHQ9_HEADER + "\nr1,1,1,1,1,1,1,1,1,", "0\n"));
        CliRun r = CliRun.of("fhir", "--instrument", "PHQ-9", "--input", in.toString(), "--output",
                dir.resolve("out.ndjson").toString());
        assertLocatedFailure(r, "line 2, column 20: ");
    }

    @Test
    void profile_byteOrderMark_isDropped_andInvalidUtf8IsLocated(@TempDir Path dir) throws IOException {
        Path bom = dir.resolve("bom.jsonl");
        Files.writeString(bom, BOM + submission() + "\n", StandardCharsets.UTF_8);
        CliRun ok = CliRun.of("profile", "--input", bom.toString());
        assertEquals(0, ok.status(), ok.err());
        assertTrue(ok.out().contains("1 of 1 submissions profiled, 0 rejected"), ok.out());

        Path bad = dir.resolve("bad.jsonl");
        Files.write(bad, withBadByte(submission() + "\n{\"format\":\"", "\"}\n"));
        assertLocatedFailure(CliRun.of("profile", "--input", bad.toString()), "--input bad.jsonl: line 2, column 12: ");
    }

    @Test
    void profile_lineOverTheSubmissionLimit_isRejectedAsLineTooLong(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, "{\"format\":\"" + "x".repeat(1_100_000) + "\"}\n" + submission() + "\n");
        CliRun r = CliRun.of("profile", "--input", in.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("line 1 must be a valid submission: line_too_long"), r.err());
        assertTrue(r.out().contains("1 of 2 submissions profiled, 1 rejected"), r.out());
    }

    // --- 400 MB on one line, real CLI, -Xmx256m, no file of that size: the test writes into a FIFO ---

    /** Writes {@code prefix}, {@code filler} bytes of '1', then {@code suffix} to {@code fifo}. */
    private static Thread feed(Path fifo, String prefix, long filler, String suffix) {
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write(prefix.getBytes(StandardCharsets.UTF_8));
                byte[] block = new byte[65_536];
                Arrays.fill(block, (byte) '1');
                for (long left = filler; left > 0; left -= block.length) {
                    out.write(block, 0, (int) Math.min(block.length, left));
                }
                out.write(suffix.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // the CLI stopped reading (it failed): its exit status says so
            }
        }, "fifo feed");
        writer.setDaemon(true);
        writer.start();
        return writer;
    }

    /** A named pipe (POSIX {@code mkfifo}); the tests that need one are disabled on Windows, which has none. */
    private static Path fifo(Path dir) throws IOException, InterruptedException {
        Path fifo = dir.resolve("input.fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
        assertTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo must create " + fifo);
        return fifo;
    }

    private record Subprocess(int status, String err, long millis) {
    }

    private static Subprocess cli256m(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path err = dir.resolve("stderr.txt");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(err.toFile()).start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("CLI did not finish within 300 s");
        }
        return new Subprocess(process.exitValue(), Files.readString(err) + Files.readString(dir.resolve("stdout.txt")),
                (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "needs a POSIX named pipe")
    void scoreJsonl_400MbLine_runsWithin256MbHeap(@TempDir Path dir) throws Exception {
        Path fifo = fifo(dir);
        String valid = "{\"record_id\":\"b\",\"instrument\":\"PHQ-9\",\"answers\":{\"phq9_1\":\"1\","
                + "\"phq9_2\":\"1\",\"phq9_3\":\"1\",\"phq9_4\":\"1\",\"phq9_5\":\"1\",\"phq9_6\":\"1\","
                + "\"phq9_7\":\"1\",\"phq9_8\":\"1\",\"phq9_9\":\"0\"}}";
        feed(fifo, "{\"record_id\":\"a\",\"instrument\":\"PHQ-9\",\"answers\":{\"phq9_1\":\"", 400L * 1024 * 1024,
                "\"}}\n" + valid + "\n");
        Path out = dir.resolve("out.csv");
        Path rej = dir.resolve("rej.csv");
        Subprocess r = cli256m(dir, "score", "--instrument", "PHQ-9", "--format", "jsonl", "--input", fifo.toString(),
                "--output", out.toString(), "--rejects", rej.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("rows read 2 = scored 1 + rejected 1"), r.err() + " after " + r.millis() + " ms");
        assertEquals("1,,line_too_long,line must be at most 1048576 characters: longer,,", Files.readAllLines(rej)
                .get(1));
        assertEquals("b,PHQ-9,1.0.0,8,8,mild,false,0,false,,,", Files.readAllLines(out).get(1));
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "needs a POSIX named pipe")
    void profile_400MbLine_runsWithin256MbHeap(@TempDir Path dir) throws Exception {
        Path fifo = fifo(dir);
        feed(fifo, "{\"format\":\"", 400L * 1024 * 1024, "\"}\n" + submission() + "\n");
        Subprocess r = cli256m(dir, "profile", "--input", fifo.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("line 1 must be a valid submission: line_too_long"), r.err());
        assertTrue(r.err().contains("1 of 2 submissions profiled, 1 rejected"), r.err() + " after " + r.millis()
                + " ms");
    }
}
