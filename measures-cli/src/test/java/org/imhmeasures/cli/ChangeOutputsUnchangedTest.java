/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12 §4: {@code change} without the new flags writes byte for byte what it wrote before them.
 *
 * <p>Golden files ({@code golden/change-unchanged/<scenario>/}: exit code, stdout, stderr, out.csv,
 * summary.json, rejects.csv; the run directory written as {@code $DIR}) were produced by the command-line jar
 * built from main at commit 8e52aee, before anchor, percentage, group level and the Hageman–Arrindell
 * true-score approach existed, on {@code in.csv} and {@code scores.csv} beside them, with the arguments in
 * {@code scenarios.txt}. Tolerance: none, bytes must be equal. Hageman–Arrindell is deliberately not among
 * them: its categories changed with this issue.
 */
class ChangeOutputsUnchangedTest {

    private static final String GOLDEN = "golden/change-unchanged/";

    static Stream<String> scenarios() {
        return text("scenarios.txt").lines().filter(l -> !l.isBlank() && !l.startsWith("#"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void change_withoutNewFlags_isByteIdentical(String scenario, @TempDir Path dir) throws IOException {
        String name = scenario.substring(0, scenario.indexOf('|'));
        Files.writeString(dir.resolve("in.csv"), text("in.csv"));
        Files.writeString(dir.resolve("scores.csv"), text("scores.csv"));
        List<String> args = new ArrayList<>(List.of("change"));
        for (String arg : scenario.substring(scenario.indexOf('|') + 1).split(" ")) {
            args.add(arg.replace("$IN", dir.resolve("in.csv").toString())
                    .replace("$SCORES", dir.resolve("scores.csv").toString()));
        }
        args.addAll(List.of("--output", dir.resolve("out.csv").toString(), "--summary",
                dir.resolve("summary.json").toString(), "--rejects", dir.resolve("rejects.csv").toString()));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        String where = dir.toString();
        assertEquals(text(name + "/exit").strip(), Integer.toString(run.status()), name + ": " + run.err());
        assertEquals(text(name + "/stdout"), run.out().replace(where, "$DIR"), name + " stdout");
        assertEquals(text(name + "/stderr"), run.err().replace(where, "$DIR"), name + " stderr");
        for (String file : List.of("out.csv", "summary.json", "rejects.csv")) {
            Path written = dir.resolve(file);
            if (exists(name + "/" + file)) {
                assertEquals(text(name + "/" + file), Files.readString(written, StandardCharsets.UTF_8),
                        name + " " + file);
            } else {
                assertFalse(Files.exists(written), name + ": " + file + " must not exist");
            }
        }
    }

    private static boolean exists(String name) {
        return ChangeOutputsUnchangedTest.class.getResource(GOLDEN + name) != null;
    }

    private static String text(String name) {
        try (InputStream in = ChangeOutputsUnchangedTest.class.getResourceAsStream(GOLDEN + name)) {
            if (in == null) {
                throw new IllegalStateException("golden file must exist: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
