/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.imhmeasures.cli.files.OutputFiles.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFilesTest {

    private static final byte[] OLD = "previous run\n".getBytes(StandardCharsets.UTF_8);

    /** Every file name in {@code dir} (not recursive). */
    static Set<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    private static Named in(Path path) {
        return Named.of("--input", path);
    }

    private static Named out(Path path) {
        return Named.of("--output", path);
    }

    private static String refusal(Named input, Named... outputs) {
        return assertThrows(OutputFiles.SameFileException.class, () -> OutputFiles.requireDistinct(List.of(input),
                List.of(outputs))).getMessage();
    }

    @Test
    void requireDistinct_sameFileUnderAnyName_isRefused(@TempDir Path dir) throws IOException {
        Path input = Files.writeString(dir.resolve("in.csv"), "record_id\n");
        Files.createDirectory(dir.resolve("sub"));
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), input);
        Path hard = Files.createLink(dir.resolve("hard.csv"), input);
        Path linkedDir = Files.createSymbolicLink(dir.resolve("dirlink"), dir);
        for (Path same : List.of(input, dir.resolve("./in.csv"), dir.resolve("sub/../in.csv"), link, hard,
                linkedDir.resolve("in.csv"))) {
            assertEquals("--output must differ from --input: " + same.getFileName(), refusal(in(input), out(same)),
                    same.toString());
        }
        // the relative spelling, resolved against the working directory
        Path relative = Path.of("").toAbsolutePath().relativize(input);
        assertEquals("--output must differ from --input: in.csv", refusal(in(relative), out(input)));
        assertArrayEquals("record_id\n".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(input));
    }

    @Test
    void requireDistinct_twoOutputsTheSame_isRefused_evenWhenNeitherExists(@TempDir Path dir) {
        Path input = dir.resolve("in.csv");
        assertEquals("--rejects must differ from --output: o.csv", refusal(in(input), out(dir.resolve("o.csv")),
                Named.of("--rejects", dir.resolve("sub/../o.csv"))));
        assertEquals("--output must differ from --input: in.csv", refusal(in(input), out(dir.resolve("in.csv"))),
                "an input that does not exist yet is still compared by name");
    }

    @Test
    void requireDistinct_differentFiles_pass(@TempDir Path dir) throws Exception {
        Path input = Files.writeString(dir.resolve("in.csv"), "x");
        Path copy = Files.writeString(dir.resolve("copy.csv"), "x"); // same content, another file
        OutputFiles.requireDistinct(List.of(in(input)), List.of(out(copy), Named.of("--rejects", dir.resolve("r.csv"))));
    }

    @Test
    void commit_movesEveryOutputIntoPlace_andLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("out.csv");
        Path rejects = Files.write(dir.resolve("rej.csv"), OLD);
        try (OutputFiles files = OutputFiles.open(List.of(), List.of(out(target), Named.of("--rejects", rejects)))) {
            assertEquals(3, names(dir).size(), "two temporary files created up front, next to the targets");
            files.writer(target).write("new output\n");
            files.writer(rejects).write("new rejects\n");
            assertFalse(Files.exists(target), "nothing at the target before the commit");
            assertArrayEquals(OLD, Files.readAllBytes(rejects));
            files.commit();
        }
        assertEquals("new output\n", Files.readString(target));
        assertEquals("new rejects\n", Files.readString(rejects));
        assertEquals(Set.of("out.csv", "rej.csv"), names(dir));
    }

    @Test
    void close_withoutCommit_discardsEverything_previousFilesUntouched(@TempDir Path dir) throws Exception {
        Path fresh = dir.resolve("fresh.csv");
        Path previous = Files.write(dir.resolve("previous.csv"), OLD);
        OutputFiles files = OutputFiles.open(List.of(), List.of(out(fresh), Named.of("--rejects", previous)));
        try (files) {
            files.writer(fresh).write("half");
            files.writer(previous).write("half");
            // the run fails here: no commit
        }
        assertFalse(Files.exists(fresh));
        assertArrayEquals(OLD, Files.readAllBytes(previous));
        assertEquals(Set.of("previous.csv"), names(dir));
        assertFalse(Runtime.getRuntime().removeShutdownHook(files.shutdownHook()), "close removed the hook");
    }

    @Test
    void shutdownHook_discardsTheTemporaryFiles_andTheRunCannotCommitAfterwards(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("out.csv");
        Path previous = Files.write(dir.resolve("previous.csv"), OLD);
        try (OutputFiles files = OutputFiles.open(List.of(), List.of(out(target), Named.of("--rejects", previous)))) {
            Writer writer = files.writer(target);
            writer.write("rows so far");
            files.shutdownHook().run(); // what SIGTERM or SIGINT runs
            assertEquals(Set.of("previous.csv"), names(dir));
            assertThrows(IOException.class, () -> {
                writer.write("more");
                writer.flush();
            }, "the run's next write fails");
            assertThrows(OutputFiles.OutputException.class, files::commit);
            assertThrows(OutputFiles.OutputException.class, () -> files.declare(Named.of("--summary",
                    dir.resolve("s.json"))), "no new temporary file after the hook ran");
        }
        assertFalse(Files.exists(target));
        assertArrayEquals(OLD, Files.readAllBytes(previous));
        assertEquals(Set.of("previous.csv"), names(dir));
    }

    @Test
    void shutdownHook_afterCommit_changesNothing(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("out.csv");
        try (OutputFiles files = OutputFiles.open(List.of(), List.of(out(target)))) {
            files.writer(target).write("done\n");
            files.commit();
            files.shutdownHook().run();
        }
        assertEquals("done\n", Files.readString(target));
    }

    @Test
    void writeFailure_namesTheOption_andDiscards(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("out.csv");
        try (OutputFiles files = OutputFiles.open(List.of(), List.of(out(target)))) {
            Writer writer = files.writer(target);
            // an unpaired surrogate cannot be encoded as UTF-8: the same path as any write error
            OutputFiles.OutputException e = assertThrows(OutputFiles.OutputException.class, () -> {
                writer.write("ok \ud800 broken");
                writer.flush();
            });
            assertEquals("--output must be writable: out.csv (text must be valid Unicode)", e.getMessage());
        }
        assertEquals(Set.of(), names(dir));
    }

    @Test
    void open_unusableTargets_failBeforeAnythingIsWritten_withOneLine(@TempDir Path dir) throws IOException {
        Files.createDirectory(dir.resolve("folder.csv"));
        Path good = dir.resolve("good.csv");
        OutputFiles.OutputException folder = assertThrows(OutputFiles.OutputException.class, () -> OutputFiles.open(
                List.of(), List.of(out(good), Named.of("--rejects", dir.resolve("folder.csv")))));
        assertEquals("--rejects must be a file, not a folder: folder.csv", folder.getMessage());
        OutputFiles.OutputException missing = assertThrows(OutputFiles.OutputException.class, () -> OutputFiles.open(
                List.of(), List.of(out(dir.resolve("no/such/out.csv")))));
        assertEquals("--output must be in an existing folder: out.csv", missing.getMessage());
        Files.createSymbolicLink(dir.resolve("broken.csv"), dir.resolve("nowhere"));
        OutputFiles.OutputException broken = assertThrows(OutputFiles.OutputException.class, () -> OutputFiles.open(
                List.of(), List.of(out(dir.resolve("broken.csv")))));
        assertEquals("--output must not be a broken link: broken.csv", broken.getMessage());
        assertEquals(Set.of("folder.csv", "broken.csv"), names(dir), "the first output's temporary file is gone too");
    }

    @Test
    void symbolicLinkTarget_isWrittenThrough_linkKept(@TempDir Path dir) throws Exception {
        Files.createDirectory(dir.resolve("real"));
        Path real = Files.write(dir.resolve("real/out.csv"), OLD);
        Path link = Files.createSymbolicLink(dir.resolve("out.csv"), real);
        try (OutputFiles files = OutputFiles.open(List.of(), List.of(out(link)))) {
            assertEquals(2, names(dir.resolve("real")).size(), "the temporary file sits next to the real file");
            files.writer(link).write("new\n");
            files.commit();
        }
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new\n", Files.readString(real));
        assertEquals(Set.of("out.csv"), names(dir.resolve("real")));
    }

    @Test
    void existingTarget_keepsItsPermissions(@TempDir Path dir) throws Exception {
        Path target = Files.write(dir.resolve("out.csv"), OLD);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));
        try (OutputFiles files = OutputFiles.open(List.of(), List.of(out(target)))) {
            files.writer(target).write("new\n");
            files.commit();
        }
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }

    @Test
    void specialFile_isWrittenDirectly_neverReplaced_neverCompared() throws Exception {
        Path devNull = Path.of("/dev/null");
        try (OutputFiles files = OutputFiles.open(List.of(), List.of(out(devNull), Named.of("--rejects", devNull)))) {
            files.writer(devNull).write("discarded\n");
            files.commit();
        }
        assertTrue(Files.exists(devNull) && !Files.isRegularFile(devNull), "/dev/null is still a device");
    }

    @Test
    void namedPipe_isWrittenDirectly(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("pipe");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor());
        // read and write: opening never blocks, and what the run writes can be read back
        try (java.nio.channels.FileChannel reader = java.nio.channels.FileChannel.open(fifo,
                java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE);
                OutputFiles files = OutputFiles.open(List.of(), List.of(out(fifo)))) {
            assertEquals(Set.of("pipe"), names(dir), "no temporary file for a pipe");
            files.writer(fifo).write("through\n");
            files.commit();
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(8);
            reader.read(buffer);
            assertEquals("through\n", new String(buffer.array(), StandardCharsets.UTF_8));
        }
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "still a pipe");
    }

    @Test
    void declare_afterOpen_checksAgainstInputsAndEarlierOutputs(@TempDir Path dir) throws Exception {
        Path input = Files.writeString(dir.resolve("in.csv"), "x");
        Path a = dir.resolve("a.csv");
        try (OutputFiles files = OutputFiles.open(List.of(in(input)), List.of())) {
            files.declare(out(a));
            assertEquals("--summary must differ from --output: a.csv", assertThrows(
                    OutputFiles.SameFileException.class, () -> files.declare(Named.of("--summary", a))).getMessage());
            assertEquals("--summary must differ from --input: in.csv", assertThrows(
                    OutputFiles.SameFileException.class, () -> files.declare(Named.of("--summary", input)))
                    .getMessage());
            try (Writer w = files.writer(a)) {
                w.write("written");
            }
            assertEquals("written", Files.readString(files.temp(a)), "a closed output can be read back");
            files.commit();
        }
        assertEquals("written", Files.readString(a));
        assertEquals("x", Files.readString(input));
    }
}
