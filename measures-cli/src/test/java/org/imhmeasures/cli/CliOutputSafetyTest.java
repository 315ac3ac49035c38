/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end (issue 8 §1): a run never destroys its input and never leaves output that looks complete.
 * Every refusal exits 2 with one line before anything is written; every failed run exits 1 and leaves
 * no new file, no temporary file, and any previous output byte for byte as it was.
 */
class CliOutputSafetyTest {

    private static final String PHQ9_HEADER = "record_id,phq9_1,phq9_2,phq9_3,phq9_4,phq9_5,phq9_6,phq9_7,phq9_8,phq9_9\n";
    private static final String PHQ9 = PHQ9_HEADER + "a,1,1,1,1,1,1,1,1,0\nb,9,1,1,1,1,1,1,1,0\n";
    /** The last row opens a quote it never closes: the run fails after every other row was processed. */
    private static final String PHQ9_BAD_LAST_ROW = PHQ9 + "\"c,1,1,1,1,1,1,1,1,0\n";
    private static final String PAIRS = "record_id,pre,post\na,18,8\nb,12,\n";
    private static final byte[] OLD = "a previous run's output\n".getBytes(StandardCharsets.UTF_8);

    /** Every path under {@code dir}, relative, folders included. */
    static Set<String> tree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static String submission() throws IOException {
        try (InputStream in = CliOutputSafetyTest.class.getResourceAsStream(
                "/org/imhmeasures/cli/valid-submission.json")) {
            return new ObjectMapper().readTree(in).toString();
        }
    }

    /** Asserts a refusal: exit 2, one line, the message, and the folder exactly as it was. */
    private static void assertRefused(Path dir, String message, String... args) throws IOException {
        Set<String> before = tree(dir);
        List<byte[]> contents = new ArrayList<>();
        for (String name : before) {
            contents.add(Files.isRegularFile(dir.resolve(name)) ? Files.readAllBytes(dir.resolve(name)) : null);
        }
        CliRun r = CliRun.of(args);
        assertEquals(2, r.status(), String.join(" ", args) + ": " + r.err());
        assertEquals("imh-measures: " + message, r.err().strip(), String.join(" ", args));
        assertEquals(1, r.err().lines().count(), r.err());
        assertEquals("", r.out());
        assertEquals(before, tree(dir), "nothing created: " + String.join(" ", args));
        int i = 0;
        for (String name : before) {
            byte[] content = contents.get(i++);
            if (content != null) {
                assertArrayEquals(content, Files.readAllBytes(dir.resolve(name)), name + " unchanged");
            }
        }
    }

    /** Asserts a failed run: exit 1, one line, and the folder holds exactly {@code expected}. */
    private static CliRun assertFailed(Path dir, Set<String> expected, String... args) throws IOException {
        CliRun r = CliRun.of(args);
        assertEquals(1, r.status(), String.join(" ", args) + ": " + r.err());
        assertEquals(1, r.err().lines().filter(l -> !l.contains("warning:")).count(), r.err());
        assertEquals(new TreeSet<>(expected), tree(dir), "no new file, no temporary file: " + String.join(" ", args));
        return r;
    }

    @Test
    void score_outputOrRejectsIsTheInputUnderAnyName_refusedWithExit2_inputUnchanged(@TempDir Path dir)
            throws IOException {
        Path in = Files.writeString(dir.resolve("in.csv"), PHQ9);
        Files.createDirectory(dir.resolve("sub"));
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), in);
        Path hard = Files.createLink(dir.resolve("hard.csv"), in);
        String[] same = {dir + "/./in.csv", dir + "/sub/../in.csv", link.toString(), hard.toString()};
        for (String output : same) {
            String name = Path.of(output).getFileName().toString();
            assertRefused(dir, "--output must differ from --input: " + name, "score", "--instrument", "PHQ-9",
                    "--input", in.toString(), "--output", output);
            assertRefused(dir, "--rejects must differ from --input: " + name, "score", "--instrument", "PHQ-9",
                    "--input", in.toString(), "--output", dir.resolve("out.csv").toString(), "--rejects", output);
        }
        assertRefused(dir, "--output must differ from --input: in.csv", "score", "--instrument", "PHQ-9", "--input",
                link.toString(), "--output", dir + "/sub/../in.csv", "--format", "wide");
        assertRefused(dir, "--rejects must differ from --output: out.csv", "score", "--instrument", "PHQ-9",
                "--input", in.toString(), "--output", dir.resolve("out.csv").toString(), "--rejects",
                dir + "/sub/../out.csv");
        assertArrayEquals(PHQ9.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(in));
    }

    @Test
    void change_summaryOutputOrRejectsClash_refusedWithExit2_inputUnchanged(@TempDir Path dir) throws IOException {
        Path in = Files.writeString(dir.resolve("pairs.csv"), PAIRS);
        String out = dir.resolve("out.csv").toString();
        String[] base = {"change", "--instrument", "PHQ-9", "--input", in.toString()};
        assertRefused(dir, "--summary must differ from --input: pairs.csv", concat(base, "--output", out, "--summary",
                dir + "/./pairs.csv"));
        assertRefused(dir, "--summary must differ from --output: out.csv", concat(base, "--output", out, "--summary",
                out));
        assertRefused(dir, "--output must differ from --input: pairs.csv", concat(base, "--output", in.toString()));
        assertRefused(dir, "--rejects must differ from --input: pairs.csv", concat(base, "--output", out, "--rejects",
                in.toString()));
        assertRefused(dir, "--summary must differ from --rejects: r.csv", concat(base, "--output", out, "--rejects",
                dir.resolve("r.csv").toString(), "--summary", dir.resolve("r.csv").toString()));
        assertArrayEquals(PAIRS.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(in));
    }

    @Test
    void profileAndFhir_outputIsTheInput_refusedWithExit2_inputUnchanged(@TempDir Path dir) throws IOException {
        String jsonl = submission() + "\n";
        Path referrals = Files.writeString(dir.resolve("referrals.jsonl"), jsonl);
        Path link = Files.createSymbolicLink(dir.resolve("link.jsonl"), referrals);
        assertRefused(dir, "--output must differ from --input: referrals.jsonl", "profile", "--input",
                referrals.toString(), "--output", dir + "/./referrals.jsonl");
        assertRefused(dir, "--output must differ from --input: link.jsonl", "profile", "--input",
                referrals.toString(), "--output", link.toString());
        assertArrayEquals(jsonl.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(referrals));

        Path in = Files.writeString(dir.resolve("in.csv"), PHQ9);
        assertRefused(dir, "--output must differ from --input: in.csv", "fhir", "--instrument", "PHQ-9", "--input",
                in.toString(), "--output", dir + "/./in.csv");
        assertRefused(dir, "--rejects must differ from --input: in.csv", "fhir", "--instrument", "PHQ-9", "--input",
                in.toString(), "--output", dir.resolve("out.ndjson").toString(), "--rejects", in.toString());
        assertRefused(dir, "--rejects must differ from --output: out.ndjson", "fhir", "--instrument", "PHQ-9",
                "--input", in.toString(), "--output", dir.resolve("out.ndjson").toString(), "--rejects",
                dir.resolve("out.ndjson").toString());
        assertArrayEquals(PHQ9.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(in));
    }

    @Test
    void score_badLastRow_leavesNoNewFileNoTemporaryFile_andThePreviousOutputUntouched(@TempDir Path dir)
            throws IOException {
        Path in = Files.writeString(dir.resolve("in.csv"), PHQ9_BAD_LAST_ROW);
        Path out = Files.write(dir.resolve("out.csv"), OLD);
        CliRun r = assertFailed(dir, Set.of("in.csv", "out.csv"), "score", "--instrument", "PHQ-9", "--input",
                in.toString(), "--output", out.toString(), "--rejects", dir.resolve("rej.csv").toString());
        assertTrue(r.err().startsWith("imh-measures: --input in.csv: line ") && r.err().contains("quoted cell must be closed"), r.err());
        assertArrayEquals(OLD, Files.readAllBytes(out), "the previous output is byte for byte as it was");
        assertEquals("", r.out(), "no accounting line for a run that did not complete");
    }

    @Test
    void score_headerFailure_leavesNoHeaderOnlyOutput(@TempDir Path dir) throws IOException {
        Path in = Files.writeString(dir.resolve("in.csv"), "id,phq9_1\n1,2\n");
        assertFailed(dir, Set.of("in.csv"), "score", "--instrument", "PHQ-9", "--input", in.toString(), "--output",
                dir.resolve("out.csv").toString(), "--rejects", dir.resolve("rej.csv").toString());
        assertFailed(dir, Set.of("in.csv"), "fhir", "--instrument", "PHQ-9", "--input", in.toString(), "--output",
                dir.resolve("out.ndjson").toString(), "--rejects", dir.resolve("rej.csv").toString());
        assertFailed(dir, Set.of("in.csv"), "change", "--instrument", "PHQ-9", "--input", in.toString(), "--output",
                dir.resolve("out.csv").toString(), "--summary", dir.resolve("s.json").toString());
    }

    @Test
    void changeAndFhir_badLastRow_leaveNothing_previousOutputsUntouched(@TempDir Path dir) throws IOException {
        Path pairs = Files.writeString(dir.resolve("pairs.csv"), PAIRS + "\"c,1,2\n");
        Path summary = Files.write(dir.resolve("summary.json"), OLD);
        assertFailed(dir, Set.of("pairs.csv", "summary.json"), "change", "--instrument", "PHQ-9", "--input",
                pairs.toString(), "--output", dir.resolve("out.csv").toString(), "--rejects",
                dir.resolve("rej.csv").toString(), "--summary", summary.toString());
        assertArrayEquals(OLD, Files.readAllBytes(summary));

        Path in = Files.writeString(dir.resolve("in.csv"), PHQ9_BAD_LAST_ROW);
        Path ndjson = Files.write(dir.resolve("out.ndjson"), OLD);
        assertFailed(dir, Set.of("pairs.csv", "summary.json", "in.csv", "out.ndjson"), "fhir", "--instrument",
                "PHQ-9", "--input", in.toString(), "--output", ndjson.toString(), "--rejects",
                dir.resolve("rej.csv").toString());
        assertArrayEquals(OLD, Files.readAllBytes(ndjson));
    }

    @Test
    void profile_unreadableInput_leavesNoOutput(@TempDir Path dir) throws IOException {
        // not UTF-8: the run fails while reading, after the output was prepared
        Path in = Files.write(dir.resolve("referrals.jsonl"), new byte[] {'{', (byte) 0xff, '}', '\n'});
        Path out = Files.write(dir.resolve("profile.json"), OLD);
        assertFailed(dir, Set.of("referrals.jsonl", "profile.json"), "profile", "--input", in.toString(), "--output",
                out.toString());
        assertArrayEquals(OLD, Files.readAllBytes(out));
    }

    @Test
    void unwritableRejects_failBeforeTheRun_oneLine_exit1_previousOutputUntouched(@TempDir Path dir)
            throws IOException {
        Path in = Files.writeString(dir.resolve("in.csv"), PHQ9);
        Path out = Files.write(dir.resolve("out.csv"), OLD);
        Files.createDirectory(dir.resolve("rej"));
        CliRun folder = assertFailed(dir, Set.of("in.csv", "out.csv", "rej"), "score", "--instrument", "PHQ-9",
                "--input", in.toString(), "--output", out.toString(), "--rejects", dir.resolve("rej").toString());
        assertEquals("imh-measures: --rejects must be a file, not a folder: rej", folder.err().strip());
        CliRun missing = assertFailed(dir, Set.of("in.csv", "out.csv", "rej"), "score", "--instrument", "PHQ-9",
                "--input", in.toString(), "--output", out.toString(), "--rejects", dir.resolve("no/rej.csv")
                        .toString());
        assertEquals("imh-measures: --rejects must be in an existing folder: rej.csv", missing.err().strip());
        assertArrayEquals(OLD, Files.readAllBytes(out));
        CliRun change = assertFailed(dir, Set.of("in.csv", "out.csv", "rej"), "change", "--instrument", "PHQ-9",
                "--input", in.toString(), "--output", dir.resolve("c.csv").toString(), "--summary",
                dir.resolve("rej").toString());
        assertEquals("imh-measures: --summary must be a file, not a folder: rej", change.err().strip());
    }

    @Test
    void successfulRuns_leaveExactlyTheirOutputs_noTemporaryFile(@TempDir Path dir) throws IOException {
        Path in = Files.writeString(dir.resolve("in.csv"), PHQ9);
        Files.write(dir.resolve("out.csv"), OLD);
        CliRun r = CliRun.of("score", "--instrument", "PHQ-9", "--input", in.toString(), "--output",
                dir.resolve("out.csv").toString(), "--rejects", dir.resolve("rej.csv").toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(Set.of("in.csv", "out.csv", "rej.csv"), tree(dir));
        assertEquals(2, Files.readAllLines(dir.resolve("out.csv")).size(), "previous output replaced: header + a");
        assertFalse(Files.readString(dir.resolve("out.csv")).contains("previous"));
        Path pairs = Files.writeString(dir.resolve("pairs.csv"), PAIRS);
        assertEquals(0, CliRun.of("change", "--instrument", "PHQ-9", "--input", pairs.toString(), "--output",
                dir.resolve("c.csv").toString(), "--summary", dir.resolve("s.json").toString(), "--rejects",
                dir.resolve("cr.csv").toString()).status());
        assertEquals(Set.of("in.csv", "out.csv", "rej.csv", "pairs.csv", "c.csv", "s.json", "cr.csv"), tree(dir));
    }

    @Test
    void demo_outputBlockedHalfWay_leavesNoOutputAtAll(@TempDir Path dir) throws IOException {
        // the scores of the second instrument cannot be written: the demo fails after writing several files
        Files.createDirectories(dir.resolve("scores/phq9.csv"));
        CliRun r = CliRun.of("demo", "--families", "20", "--out", dir.toString());
        assertEquals(1, r.status(), r.err());
        assertEquals("imh-measures: --out must be a file, not a folder: phq9.csv", r.err().strip());
        assertEquals(Set.of("administrations", "change", "scores", "scores/phq9.csv"), tree(dir),
                "no output and no temporary file: only the folders");
        CliRun ok = CliRun.of("demo", "--families", "20", "--out", dir.resolve("fresh").toString());
        assertEquals(0, ok.status(), ok.err());
        assertTrue(tree(dir.resolve("fresh")).stream().noneMatch(n -> n.endsWith(".tmp")), tree(dir).toString());
    }

    private static String[] concat(String[] base, String... more) {
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
