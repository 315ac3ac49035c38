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

/** Issue 12 §5: the referral-level outcome over PHQ-9 and GAD-7 (thresholds 6 and 4, caseness 10 and 8). */
class OutcomeCommandTest {

    private static String scores(String... rows) {
        return "record_id,timepoint,total,date\n" + String.join("\n", rows) + "\n";
    }

    @Test
    void outcome_appliesTheMultiMeasureRule_withDenominators(@TempDir Path dir) throws Exception {
        Path scores = Files.createDirectory(dir.resolve("scores"));
        Files.writeString(scores.resolve("PHQ-9.csv"), scores(
                "a,baseline,18,2026-01-01", "a,discharge,6,2026-04-01", // improved, recovered
                "b,baseline,12,2026-01-01", "b,discharge,5,2026-04-01", // improved, but GAD-7 deteriorates
                "c,baseline,6,2026-01-01", "c,discharge,5,2026-04-01", // not a case on PHQ-9
                "d,baseline,15,2026-01-01", "d,discharge,9,2026-04-01", // improved; GAD-7 still a case
                "e,baseline,15,2026-01-01")); // no post: incomplete
        Files.writeString(scores.resolve("gad7.csv"), scores(
                "a,baseline,12,2026-01-01", "a,discharge,4,2026-04-01",
                "b,baseline,3,2026-01-01", "b,discharge,9,2026-04-01",
                "c,baseline,5,2026-01-01", "c,discharge,4,2026-04-01",
                "d,baseline,12,2026-01-01", "d,discharge,10,2026-04-01",
                "e,baseline,9,2026-01-01", "e,discharge,2,2026-04-01"));
        Path out = dir.resolve("outcome.csv");
        CliRun r = CliRun.of("outcome", "--from-scores", scores.toString(), "--measures", "PHQ-9,GAD-7", "--pre",
                "baseline", "--post", "last", "--output", out.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(List.of("record_id,outcome,case_at_baseline,recovery,reliable_recovery",
                "a,reliably_improved,true,true,true", "b,reliably_deteriorated,true,false,false",
                "c,no_reliable_change,false,,", "d,reliably_improved,true,false,false"), Files.readAllLines(out));
        assertTrue(r.out().contains("referrals 5 = assessed 4 + incomplete 1 + rejected 0"), r.out());
        assertTrue(r.out().contains("reliable improvement: 2 of 4 (50.0%) of referrals assessed"), r.out());
        assertTrue(r.out().contains("reliable deterioration: 1 of 4 (25.0%) of referrals assessed"), r.out());
        assertTrue(r.out().contains("recovery: 1 of 3 (33.3%) of cases at baseline"), r.out());
        assertTrue(r.out().contains("reliable recovery: 1 of 3 (33.3%) of cases at baseline"), r.out());
        CliRun suppressed = CliRun.of("outcome", "--from-scores", scores.toString(), "--measures", "PHQ-9,GAD-7",
                "--output", dir.resolve("o2.csv").toString(), "--suppress", "3");
        assertTrue(suppressed.out().contains("recovery: <3 of 3 of cases at baseline"), suppressed.out());
    }

    @Test
    void outcome_badMeasures_exitTwo(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("o.csv");
        assertEquals(2, CliRun.of("outcome", "--from-scores", dir.toString(), "--measures", "PHQ-9", "--output",
                out.toString()).status());
        assertEquals(2, CliRun.of("outcome", "--from-scores", dir.toString(), "--measures", "PHQ-9,PHQ-9", "--output",
                out.toString()).status());
        assertEquals(2, CliRun.of("outcome", "--from-scores", dir.toString(), "--measures", "PHQ-9,KIPS", "--output",
                out.toString()).status());
        assertEquals(1, CliRun.of("outcome", "--from-scores", dir.toString(), "--measures", "PHQ-9,GAD-7", "--output",
                out.toString()).status());
        assertFalse(Files.exists(out));
    }
}
