/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.imhmeasures.core.instrument.Catalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Help, version, argument files and the error lines of the picocli layer (issue 15). */
class HelpAndVersionTest {

    private static final List<String> COMMANDS = List.of("demo", "instruments", "score", "change", "outcome", "report",
            "profile", "fhir", "fhir-score", "inspect", "codes");

    @Test
    void everyCommandsHelp_describesItsOptionsExampleAndExitStatus_onStandardOutput() {
        for (String command : COMMANDS) {
            CliRun r = CliRun.of(command, "--help");
            assertEquals(0, r.status(), command + ": " + r.err());
            assertEquals("", r.err(), command);
            assertTrue(r.out().startsWith("Usage: imh-measures " + command + " "), r.out());
            assertTrue(r.out().contains("Example:\n  imh-measures " + command), command + ": " + r.out());
            assertTrue(r.out().contains("Exit status:\n  0   the run completed"), command + ": " + r.out());
            assertTrue(r.out().contains("  2   unusable arguments"), command + ": " + r.out());
        }
        String score = CliRun.of("score", "-h").out();
        for (String option : List.of("--instrument ID", "--input IN", "--output OUT.csv", "--rejects REJ.csv",
                "--missing strict|prorate", "--format wide|long|jsonl", "--raw-csv", "--quiet", "--max-rejects N|P%")) {
            assertTrue(score.contains(option), option + " in " + score);
        }
        assertTrue(score.contains("3   the run completed but rejected more rows than --max-rejects allows"), score);
    }

    @Test
    void topLevelHelp_listsEveryCommand() {
        CliRun r = CliRun.of("--help");
        assertEquals(0, r.status());
        for (String command : COMMANDS) {
            assertTrue(r.out().contains("\n  " + command + " "), command + " in " + r.out());
        }
        CliRun none = CliRun.of();
        assertEquals(2, none.status());
        assertTrue(none.err().startsWith("Usage: imh-measures "), none.err());
        assertEquals("", none.out());
    }

    @Test
    void version_namesTheLibraryAndEveryDefinitionVersion() {
        for (List<String> args : List.of(List.of("--version"), List.of("score", "--version"))) {
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertEquals(0, r.status(), r.err());
            assertTrue(r.out().matches("(?s)imh-measures \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n.*"), r.out());
            Catalogue.builtIn().instruments().forEach(i -> assertTrue(r.out().contains("\n  " + i.id() + " "
                    + i.definitionVersion() + "\n"), i.id() + " in " + r.out()));
        }
    }

    @Test
    void argumentFile_isExpanded(@TempDir Path dir) throws Exception {
        Path args = Files.writeString(dir.resolve("args.txt"), "instruments\n--json\n");
        CliRun r = CliRun.of("@" + args);
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("["), r.out());
    }

    @Test
    void usageErrors_areOneLineInTheProjectStyle_thenWhereToLook() {
        assertUsage("--input must be followed by a value: none given", "score", "--instrument", "PHQ-9", "--input");
        assertUsage("--input must be followed by a value: none given", "score", "--instrument", "PHQ-9", "--input",
                "--output", "o.csv");
        assertUsage("--output must be given: missing", "score", "--instrument", "PHQ-9", "--input", "i.csv");
        assertUsage("--input must be given once: repeated", "score", "--instrument", "PHQ-9", "--input", "a",
                "--input", "b", "--output", "o");
        assertUsage("argument must be one of [--json]: --xml", "instruments", "--xml");
        assertUsage("command must be one of [demo, instruments, score, change, outcome, report, profile, fhir, fhir-score, inspect, codes]: frob",
                "frob");
        assertUsage("--missing must be one of [strict, prorate]: lax", "score", "--instrument", "PHQ-9", "--input",
                "a", "--output", "b", "--missing", "lax");
        assertUsage("--families must lie within 1..10000000: 0", "demo", "--families", "0");
        assertUsage("--families and --seed must be whole numbers: not a plain whole number", "demo", "--seed", "+5");
    }

    private static void assertUsage(String message, String... args) {
        CliRun r = CliRun.of(args);
        assertEquals(2, r.status(), String.join(" ", args) + ": " + r.err());
        List<String> lines = r.err().lines().toList();
        assertEquals("imh-measures: " + message, lines.get(0), String.join(" ", args));
        assertEquals(2, lines.size(), r.err());
        assertTrue(lines.get(1).startsWith("see: imh-measures") && lines.get(1).endsWith(" --help"), lines.get(1));
        assertEquals("", r.out());
    }
}
