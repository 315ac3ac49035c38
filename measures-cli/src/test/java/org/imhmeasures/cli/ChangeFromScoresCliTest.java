/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeFromScoresCliTest {

    static final String SCORES = String.join("\n",
            "record_id,instrument,definition_version,raw_total,total,band,caseness,items_missing,prorated,"
                    + "critical_items,critical_unanswered,timepoint,team,age_band,date",
            "f1,PHQ-9,1,18,18,moderately severe,case,0,false,,,baseline,North,0-6 months,2026-01-05",
            "f1,PHQ-9,1,6,6,mild,not_case,0,false,,,discharge,North,0-6 months,2026-05-05",
            "f2,PHQ-9,1,15,15,moderately severe,case,0,false,,,baseline,South,antenatal,2026-01-06",
            "f3,PHQ-9,1,9,9,mild,not_case,0,false,,,discharge,South,antenatal,2026-05-06",
            "f4,PHQ-9,1,20,20,severe,case,0,false,,,baseline,North,0-6 months,2026-01-07",
            "f4,PHQ-9,1,21,21,severe,case,0,false,,,baseline,North,0-6 months,2026-01-08",
            "f5,PHQ-9,1,14,14,moderate,case,0,false,,,baseline,South,antenatal,2026-01-09",
            "f5,PHQ-9,1,12,12,moderate,case,0,false,,,discharge,South,antenatal,2026-05-09", "");

    @Test
    void fromScores_pairsAndNamesEveryCount(@TempDir Path dir) throws Exception {
        Path scores = Files.writeString(dir.resolve("scores.csv"), SCORES);
        Path out = dir.resolve("change.csv");
        Path summary = dir.resolve("summary.json");
        Path rejects = dir.resolve("rejects.csv");
        CliRun r = CliRun.of("change", "--instrument", "PHQ-9", "--from-scores", scores.toString(), "--pre", "baseline",
                "--post", "discharge", "--group-by", "team,age_band", "--output", out.toString(), "--summary",
                summary.toString(), "--rejects", rejects.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("records 5 = paired 2 + baseline only 1 + post only 1 + rejected 1"), r.out());
        List<String> rows = Files.readAllLines(out);
        assertEquals("record_id,pre,post,change,rci,reliable_change,clinically_significant,category", rows.get(0));
        assertEquals(3, rows.size());
        assertTrue(rows.get(1).startsWith("f1,18,6,-12,"));
        JsonNode json = new ObjectMapper().readTree(summary.toFile());
        JsonNode records = json.get("records");
        assertEquals(5, records.get("records").asInt());
        assertEquals(2, records.get("paired").asInt());
        assertEquals(1, records.get("baselineOnly").asInt());
        assertEquals(1, records.get("postOnly").asInt());
        assertEquals(1, records.get("rejected").asInt());
        assertEquals(5, json.get("overall").get("nRead").asInt(), "completeness is paired of records");
        assertEquals(2, json.get("overall").get("nPaired").asInt());
        List<String> rej = Files.readAllLines(rejects);
        assertEquals(2, rej.size());
        assertTrue(rej.get(1).startsWith("7,f4,duplicate_timepoint,"), rej.get(1));
    }

    @Test
    void fromScores_sameNumbersAsPairsCsv(@TempDir Path dir) throws Exception {
        Path scores = Files.writeString(dir.resolve("scores.csv"), SCORES);
        Path pairs = Files.writeString(dir.resolve("pairs.csv"), "record_id,pre,post\nf1,18,6\nf5,14,12\n");
        CliRun a = CliRun.of("change", "--instrument", "PHQ-9", "--from-scores", scores.toString(), "--post",
                "discharge", "--output", dir.resolve("a.csv").toString());
        CliRun b = CliRun.of("change", "--instrument", "PHQ-9", "--input", pairs.toString(), "--output",
                dir.resolve("b.csv").toString());
        assertEquals(0, a.status(), a.err());
        assertEquals(Files.readString(dir.resolve("b.csv")), Files.readString(dir.resolve("a.csv")));
    }

    @Test
    void fromScores_directoryByInstrument_andLast(@TempDir Path dir) throws Exception {
        Path scoresDir = Files.createDirectory(dir.resolve("scores"));
        Files.writeString(scoresDir.resolve("phq9.csv"), SCORES);
        Files.writeString(scoresDir.resolve("gad7.csv"), "record_id,timepoint,total\n");
        CliRun r = CliRun.of("change", "--instrument", "PHQ-9", "--from-scores", scoresDir.toString(),
                "--output", dir.resolve("c.csv").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("paired 2 +"), r.out());
        CliRun none = CliRun.of("change", "--instrument", "EPDS", "--from-scores", scoresDir.toString(),
                "--output", dir.resolve("d.csv").toString());
        assertEquals(1, none.status());
        assertTrue(none.err().contains("--from-scores must hold one score file for EPDS"), none.err());
        assertFalse(Files.exists(dir.resolve("d.csv")));
    }

    @Test
    void inputAndFromScores_exactlyOne(@TempDir Path dir) throws Exception {
        Path scores = Files.writeString(dir.resolve("scores.csv"), SCORES);
        assertEquals(2, CliRun.of("change", "--instrument", "PHQ-9", "--output", dir.resolve("x.csv").toString())
                .status());
        assertEquals(2, CliRun.of("change", "--instrument", "PHQ-9", "--input", scores.toString(), "--from-scores",
                scores.toString(), "--output", dir.resolve("x.csv").toString()).status());
        CliRun same = CliRun.of("change", "--instrument", "PHQ-9", "--from-scores", scores.toString(), "--pre", "a",
                "--post", "a", "--output", dir.resolve("x.csv").toString());
        assertEquals(2, same.status());
    }

    @Test
    void fromScores_lastWithoutDateColumn_failsWithColumnName(@TempDir Path dir) throws Exception {
        Path scores = Files.writeString(dir.resolve("scores.csv"), "record_id,timepoint,total\nf1,baseline,3\n");
        CliRun r = CliRun.of("change", "--instrument", "PHQ-9", "--from-scores", scores.toString(), "--output",
                dir.resolve("x.csv").toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("date column date"), r.err());
    }

    @Test
    void suppressAndCrossedGroups_inSummaryAndText(@TempDir Path dir) throws Exception {
        Path scores = Files.writeString(dir.resolve("scores.csv"), SCORES);
        Path summary = dir.resolve("s.json");
        CliRun r = CliRun.of("change", "--instrument", "PHQ-9", "--from-scores", scores.toString(), "--post",
                "discharge", "--group-by", "team*age_band", "--suppress", "3", "--wilcoxon-zeros", "pratt",
                "--output", dir.resolve("c.csv").toString(), "--summary", summary.toString());
        assertEquals(0, r.status(), r.err());
        JsonNode json = new ObjectMapper().readTree(summary.toFile());
        assertEquals(3, json.get("suppressedBelow").asInt());
        JsonNode crossed = json.get("groups").get("team*age_band");
        assertEquals("North / 0-6 months", crossed.get(0).get("group").asText());
        assertEquals("<3", crossed.get(0).get("nPaired").asText());
        assertTrue(r.out().contains("Counts below 3 are shown as <3."), r.out());
        assertEquals(2, CliRun.of("change", "--instrument", "PHQ-9", "--input", scores.toString(), "--output",
                dir.resolve("x.csv").toString(), "--suppress", "-1").status());
        assertEquals(2, CliRun.of("change", "--instrument", "PHQ-9", "--input", scores.toString(), "--output",
                dir.resolve("x.csv").toString(), "--wilcoxon-zeros", "zero").status());
    }
}
