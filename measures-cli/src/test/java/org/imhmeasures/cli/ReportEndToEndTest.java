/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analyst's path of issue 12 in three commands, as a user runs them: {@code inspect} a messy export
 * (Excel UTF-8 with BOM, CRLF, UK dates, an NHS number column, blank rows, a label that is no answer),
 * {@code score --map … --output-dir}, then {@code report} with the portal submissions.
 */
class ReportEndToEndTest {

    private static final String NHS = "9434765919";

    static Path messyExport(Path dir, long seed) throws IOException {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("\uFEFFClient ID,NHS Number,Team,Infant DOB,Contact Date,Outcome Timepoint");
        for (int i = 1; i <= 9; i++) {
            csv.append(",PHQ9 Q").append(i);
        }
        for (int i = 1; i <= 7; i++) {
            csv.append(",GAD7 Item ").append(i);
        }
        csv.append("\r\n");
        for (int c = 1; c <= 40; c++) {
            String team = c % 3 == 0 ? "South Team" : "North Team";
            String dob = String.format("%02d/03/2024", 1 + c % 27);
            int severity = 1 + random.nextInt(3);
            for (String timepoint : List.of("Initial Assessment", "Discharge")) {
                if (timepoint.equals("Discharge") && c % 8 == 0) {
                    continue; // no discharge yet: baseline only
                }
                boolean discharge = timepoint.equals("Discharge");
                csv.append("c-").append(c).append(',').append(NHS).append(',').append(team).append(',').append(dob)
                        .append(',').append(discharge ? "20/09/2024" : "15/04/2024").append(',').append(timepoint);
                for (int i = 1; i <= 9; i++) {
                    int code = Math.max(0, Math.min(3, severity - (discharge ? random.nextInt(3) : 0)
                            + random.nextInt(2) - 1 + (i == 9 ? -3 : 0)));
                    csv.append(',').append(c == 5 && i == 4 ? "Nearly" : Integer.toString(code));
                }
                for (int i = 1; i <= 7; i++) {
                    csv.append(',').append(Math.max(0, Math.min(3, severity - (discharge ? random.nextInt(3) : 0))));
                }
                csv.append("\r\n");
            }
        }
        csv.append(",,,,,,,,,,,,,,,,,,,,,\r\n");
        return Files.writeString(dir.resolve("export.csv"), csv.toString());
    }

    @Test
    void inspectScoreReport_onAMessyExport_givesTheReportWithEverySection(@TempDir Path dir) throws Exception {
        Path export = messyExport(dir, 12);
        CliRun inspect = CliRun.of("inspect", "--input", export.toString());
        assertEquals(0, inspect.status(), inspect.err());
        assertTrue(inspect.out().contains("\"PHQ9 Q1\" -> PHQ-9 phq9_1"), inspect.out());
        assertTrue(inspect.out().contains("\"NHS Number\": looks like an identifier"), inspect.out());

        StringBuilder phq = new StringBuilder();
        for (int i = 1; i <= 9; i++) {
            phq.append(i == 1 ? "" : ", ").append("\"phq9_").append(i).append("\": \"PHQ9 Q").append(i).append('"');
        }
        StringBuilder gad = new StringBuilder();
        for (int i = 1; i <= 7; i++) {
            gad.append(i == 1 ? "" : ", ").append("\"gad7_").append(i).append("\": \"GAD7 Item ").append(i).append('"');
        }
        Path map = Files.writeString(dir.resolve("mapping.json"), """
                {"format": "imh-measures/mapping@1", "dateFormat": "dd/MM/yyyy",
                 "recordId": "Client ID", "timepoint": "Outcome Timepoint",
                 "timepoints": {"Initial Assessment": "baseline", "Discharge": "discharge"},
                 "date": "Contact Date", "keep": {"team": "Team"}, "infant": {"birthDate": "Infant DOB"},
                 "instruments": {"PHQ-9": {"answers": "codes", "items": {%s}},
                                 "GAD-7": {"answers": "codes", "items": {%s}}}}
                """.formatted(phq, gad));
        Path scores = dir.resolve("scores");
        CliRun score = CliRun.of("score", "--map", map.toString(), "--input", export.toString(), "--instruments",
                "all", "--output-dir", scores.toString());
        assertEquals(0, score.status(), score.err());
        assertTrue(score.out().contains("PHQ-9 1.0.0: rows read 75 = scored 73 + rejected 2"), score.out());

        Path submissions = dir.resolve("referrals.jsonl");
        try (InputStream in = ReportEndToEndTest.class.getResourceAsStream("valid-submission.json")) {
            ObjectMapper json = new ObjectMapper();
            String line = json.writeValueAsString(json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            Files.writeString(submissions, line + "\n" + line + "\n{\"format\": \"nonsense\"}\n");
        }
        Path html = dir.resolve("report.html");
        CliRun report = CliRun.of("report", "--scores", scores.toString(), "--submissions", submissions.toString(),
                "--pre", "baseline", "--post", "last", "--output", html.toString(), "--title", "Q3 outcomes");
        assertEquals(0, report.status(), report.err());
        assertTrue(report.out().contains("(2 measures, referral profile)"), report.out());
        assertTrue(report.err().contains("--submissions line 3 must be a valid submission"), report.err());
        String page = Files.readString(html);
        for (String id : List.of("m-phq9", "m-phq9-quality", "m-phq9-jt", "m-phq9-categories", "m-phq9-cohort",
                "m-phq9-by-team", "m-phq9-by-age-band", "m-gad7", "m-gad7-jt", "referral-profile", "provenance")) {
            assertTrue(page.contains("id=\"" + id + "\""), "section " + id);
        }
        String quality = ReportCommandTest.section(page, "m-phq9-quality");
        assertTrue(quality.contains("Rejected by scoring</th><td>2<"), quality);
        assertTrue(quality.contains("Baseline only</th><td>5<"), "c-8, 16, 24, 32 and c-40 have no discharge: "
                + quality);
        assertTrue(page.contains("3 submissions read: 2 accepted and profiled, 1 rejected"), "the referral profile");
        assertFalse(page.contains(NHS) || page.contains("943 476 5919"), "no NHS number reaches the report");

        CliRun change = CliRun.of("change", "--instrument", "GAD-7", "--from-scores", scores.toString(), "--pre",
                "baseline", "--post", "last", "--group-by", "team,age_band", "--output", dir.resolve("c.csv").toString(),
                "--summary", dir.resolve("gad7.json").toString());
        assertEquals(0, change.status(), change.err());
        assertEquals(new ObjectMapper().readTree(Files.readString(dir.resolve("gad7.json"))),
                ReportCommandTest.embeddedSummary(page, "m-gad7"), "GAD-7 as change --summary gives it");
    }
}
