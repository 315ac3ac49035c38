/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.TypeConversionException;

/** {@code --max-rejects N|P%}: a completed run that rejected more rows than allowed exits 3. */
class MaxRejectsTest {

    private static final MaxRejects.Converter PARSE = new MaxRejects.Converter();

    /** Four rows, one rejected (an answer out of range). */
    private static Path input(Path dir) throws Exception {
        return Files.writeString(dir.resolve("in.csv"), "record_id,phq9_1,phq9_2,phq9_3,phq9_4,phq9_5,phq9_6,phq9_7,"
                + "phq9_8,phq9_9\na,1,1,1,1,1,1,1,1,0\nb,9,1,1,1,1,1,1,1,0\nc,0,0,0,0,0,0,0,0,0\nd,2,2,2,2,2,2,2,2,0\n");
    }

    private static CliRun score(Path dir, String limit) throws Exception {
        return CliRun.of("score", "--instrument", "PHQ-9", "--input", input(dir).toString(), "--output",
                dir.resolve("out.csv").toString(), "--max-rejects", limit);
    }

    @Test
    void count_exactlyTheLimit_passes_oneMore_exitsThree(@TempDir Path dir) throws Exception {
        CliRun atLimit = score(dir, "1");
        assertEquals(0, atLimit.status(), atLimit.err());
        assertEquals("", atLimit.err());
        CliRun over = score(dir, "0");
        assertEquals(3, over.status(), over.err());
        assertEquals("imh-measures: rejected rows must number at most 0: 1 of 4 rejected (--max-rejects)",
                over.err().strip());
        assertTrue(over.out().contains("rows read 4 = scored 3 + rejected 1"), "the accounting line stays: " + over.out());
        assertTrue(Files.exists(dir.resolve("out.csv")), "the run completed: its output is in place");
    }

    @Test
    void percent_exactlyTheLimit_passes_belowItExitsThree(@TempDir Path dir) throws Exception {
        assertEquals(0, score(dir, "25%").status(), "1 of 4 is exactly 25%");
        assertEquals(0, score(dir, "100%").status());
        CliRun over = score(dir, "24.9%");
        assertEquals(3, over.status(), over.err());
        assertEquals("imh-measures: rejected rows must number at most 24.9% of rows read: 1 of 4 rejected "
                + "(--max-rejects)", over.err().strip());
    }

    @Test
    void otherCommands_takeTheLimitToo(@TempDir Path dir) throws Exception {
        CliRun fhir = CliRun.of("fhir", "--instrument", "PHQ-9", "--input", input(dir).toString(), "--output",
                dir.resolve("out.ndjson").toString(), "--max-rejects", "0");
        assertEquals(3, fhir.status(), fhir.err());
        Path pairs = Files.writeString(dir.resolve("pairs.csv"), "record_id,pre,post\na,18,8\nb,12,\n");
        CliRun change = CliRun.of("change", "--instrument", "PHQ-9", "--input", pairs.toString(), "--output",
                dir.resolve("change.csv").toString(), "--max-rejects", "50%");
        assertEquals(0, change.status(), change.err());
        assertEquals(3, CliRun.of("change", "--instrument", "PHQ-9", "--input", pairs.toString(), "--output",
                dir.resolve("change.csv").toString(), "--max-rejects", "49%").status());
    }

    @Test
    void unusableLimits_exitTwoWithOneLine(@TempDir Path dir) throws Exception {
        for (String bad : List.of("-1", "1.5", "101%", "%", "5 %", "1e3", "٣", "10%%", "")) {
            CliRun r = score(dir, bad);
            assertEquals(2, r.status(), bad + ": " + r.err());
            assertEquals("imh-measures: --max-rejects must be a whole number or a percentage from 0% to 100%: " + bad,
                    r.err().lines().findFirst().orElseThrow(), bad);
        }
    }

    @Test
    void exceededBy_edges() {
        assertFalse(PARSE.convert("0").exceededBy(0, 0));
        assertTrue(PARSE.convert("0").exceededBy(1, 1));
        assertFalse(PARSE.convert("0%").exceededBy(0, 0), "no rows read: nothing exceeded");
        assertTrue(PARSE.convert("0%").exceededBy(1, 1_000_000));
        assertFalse(PARSE.convert("0.5%").exceededBy(5, 1000), "exactly 0.5%");
        assertTrue(PARSE.convert("0.5%").exceededBy(6, 1000));
        assertFalse(PARSE.convert("999999999999999999").exceededBy(Long.MAX_VALUE / 10, Long.MAX_VALUE));
    }

    @Test
    void parse_refusesWithTheOneLineMessage() {
        TypeConversionException e = org.junit.jupiter.api.Assertions.assertThrows(TypeConversionException.class,
                () -> PARSE.convert("abc"));
        assertEquals("--max-rejects must be a whole number or a percentage from 0% to 100%: abc", e.getMessage());
    }
}
