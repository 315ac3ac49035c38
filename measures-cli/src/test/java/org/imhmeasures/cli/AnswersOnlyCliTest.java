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
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.core.instrument.InstrumentDefinitions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An instrument that records answers only, as a user runs it: the TEST-FEEDBACK fixture (a made-up three-item
 * feedback form) given with {@code --definition}.
 */
class AnswersOnlyCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path definition(Path dir) throws IOException {
        try (InputStream in = AnswersOnlyCliTest.class.getResourceAsStream("test-feedback.json")) {
            Path file = dir.resolve("test-feedback.json");
            Files.write(file, in.readAllBytes());
            return file;
        }
    }

    private static Instrument instrument(Path definition) {
        return InstrumentDefinitions.read(definition);
    }

    /** Messy: spaces, a blank, a code that is not allowed, a word in the wrong case, a short row, a formula. */
    private static final String MESSY = "record_id,site,testfeedback_1,testfeedback_2,testfeedback_3\n"
            + "r1,A,4,yes,0\n"
            + "r2,A, 6 , no ,\n"
            + "r3,B,,unsure,2\n"
            + "r4,B,,,1\n"
            + "r5,B,7,yes,0\n"
            + "r6,C,2,YES,1\n"
            + "r7,C,5\n"
            + "r8,C,=HYPERLINK(1),no,1\n";

    @Test
    void score_messyCsv_answersInTheirColumns_rejectsAsUsual(@TempDir Path dir) throws Exception {
        Path def = definition(dir);
        Path in = Files.writeString(dir.resolve("feedback.csv"), MESSY);
        Path out = dir.resolve("scores.csv");
        Path rejects = dir.resolve("rejects.csv");
        CliRun r = CliRun.of("score", "--definition", def.toString(), "--instrument", "TEST-FEEDBACK", "--input",
                in.toString(), "--output", out.toString(), "--rejects", rejects.toString());
        assertEquals(0, r.status(), r.err() + r.out());
        assertEquals(List.of("record_id,instrument,definition_version,raw_total,total,band,caseness,items_missing,"
                        + "prorated,critical_items,critical_unanswered,answer:testfeedback_1,answer:testfeedback_2,"
                        + "answer:testfeedback_3",
                "r1,TEST-FEEDBACK,1.0.0,,,,,0,false,,,4,yes,0",
                "r2,TEST-FEEDBACK,1.0.0,,,,,1,false,,,6,no,",
                "r3,TEST-FEEDBACK,1.0.0,,,,,1,false,,,,unsure,2"), Files.readAllLines(out));
        List<String> rejected = Files.readAllLines(rejects);
        assertEquals(6, rejected.size(), rejected.toString());
        assertTrue(rejected.get(1).startsWith("5,r4,too_many_missing,"), rejected.get(1));
        assertTrue(rejected.get(2).startsWith("6,r5,code_not_allowed,answer to testfeedback_1 must be one of 1..6: 7"),
                rejected.get(2));
        assertTrue(rejected.get(3).startsWith("7,r6,code_not_allowed,"), rejected.get(3));
        assertTrue(rejected.get(4).startsWith("8,r7,malformed_row,"), rejected.get(4));
        assertTrue(rejected.get(5).startsWith("9,r8,code_not_allowed,"), rejected.get(5));
        assertFalse(Files.readString(rejects).contains("HYPERLINK"), "a submitted value is never echoed");
        assertTrue(r.out().contains("rows read 8 = scored 3 + rejected 5"), r.out());
    }

    @Test
    void score_labels_fromTheDefinitionAndAWordingSupplement(@TempDir Path dir) throws Exception {
        Path def = definition(dir);
        Path wording = Files.writeString(dir.resolve("wording.json"), "{\"format\": \"imh-measures/wording@1\", "
                + "\"instrument\": \"TEST-FEEDBACK\", \"definitionVersion\": \"1.0.0\", \"items\": ["
                + "{\"id\": \"testfeedback_2\", \"options\": {\"yes\": \"Yes please\", \"no\": \"No thanks\", "
                + "\"unsure\": \"Not sure\"}}, {\"id\": \"testfeedback_3\", \"options\": {\"0\": \"Never\", "
                + "\"1\": \"Sometimes\", \"2\": \"Always\"}}]}");
        Path in = Files.writeString(dir.resolve("labels.csv"), "record_id,testfeedback_1,testfeedback_2,testfeedback_3\n"
                + "a,Test answer four,Not sure,Always\n"
                + "b,test answer five,NO THANKS,\n"
                + "c,Something else,Yes please,Never\n");
        Path out = dir.resolve("scores.csv");
        Path rejects = dir.resolve("rejects.csv");
        CliRun r = CliRun.of("score", "--definition", def.toString(), "--wording", wording.toString(), "--instrument",
                "TEST-FEEDBACK", "--answers", "labels", "--input", in.toString(), "--output", out.toString(),
                "--rejects", rejects.toString());
        assertEquals(0, r.status(), r.err() + r.out());
        List<String> lines = Files.readAllLines(out);
        assertEquals(List.of("a,TEST-FEEDBACK,1.0.0,,,,,0,false,,,4,unsure,2", "b,TEST-FEEDBACK,1.0.0,,,,,1,false,,,5,no,"),
                lines.subList(1, lines.size()));
        assertEquals(2, Files.readAllLines(rejects).size(), Files.readString(rejects));
        assertTrue(Files.readAllLines(rejects).get(1).contains(",c,"), Files.readString(rejects));
    }

    @Test
    void score_answersScores_isRefusedWithExit2AndOneLine(@TempDir Path dir) throws Exception {
        Path def = definition(dir);
        Path in = Files.writeString(dir.resolve("feedback.csv"), MESSY);
        Path out = dir.resolve("scores.csv");
        CliRun r = CliRun.of("score", "--definition", def.toString(), "--instrument", "TEST-FEEDBACK", "--answers",
                "scores", "--input", in.toString(), "--output", out.toString());
        assertEquals(2, r.status(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("--answers scores must not be used with TEST-FEEDBACK: it records answers only"),
                r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void change_andReport_refuseWithExit2AndOneLine(@TempDir Path dir) throws Exception {
        Path def = definition(dir);
        Path pairs = Files.writeString(dir.resolve("pairs.csv"), "record_id,pre,post\na,1,2\n");
        for (String params : List.of("published", "sample")) {
            CliRun change = CliRun.of("change", "--definition", def.toString(), "--instrument", "TEST-FEEDBACK",
                    "--params", params, "--input", pairs.toString(), "--output", dir.resolve("c.csv").toString());
            assertEquals(2, change.status(), change.err());
            assertEquals("imh-measures: score of TEST-FEEDBACK must exist for change: it records answers only and has "
                    + "no score to compare", change.err().strip());
            assertFalse(Files.exists(dir.resolve("c.csv")));
        }
        Path scores = Files.createDirectories(dir.resolve("scores"));
        Files.writeString(scores.resolve("testfeedback.csv"), "record_id,instrument,definition_version,raw_total,"
                + "total,timepoint\na,TEST-FEEDBACK,1.0.0,,,baseline\n");
        CliRun report = CliRun.of("report", "--definition", def.toString(), "--scores", scores.toString(), "--output",
                dir.resolve("report.html").toString());
        assertEquals(2, report.status(), report.err());
        assertTrue(report.err().strip().endsWith("imh-measures: --scores must hold a score file of a scored "
                + "instrument: TEST-FEEDBACK records answers only and has no score to compare"), report.err());
        assertFalse(Files.exists(dir.resolve("report.html")));
        // beside a scored measure, the feedback file is left out with a warning and the report is written
        Files.writeString(scores.resolve("phq9.csv"), "record_id,instrument,definition_version,raw_total,total,"
                + "timepoint\na,PHQ-9,1.0.0,20,20,baseline\na,PHQ-9,1.0.0,10,10,discharge\n");
        CliRun both = CliRun.of("report", "--definition", def.toString(), "--scores", scores.toString(), "--pre",
                "baseline", "--post", "discharge", "--output", dir.resolve("report.html").toString());
        assertEquals(0, both.status(), both.err());
        assertTrue(both.err().contains("warning: --scores testfeedback.csv: TEST-FEEDBACK records answers only and "
                + "has no score to compare: left out"), both.err());
        assertTrue(both.out().contains("(1 measures"), both.out());
    }

    @Test
    void fhir_writesTheResponsesAlone(@TempDir Path dir) throws Exception {
        Path def = definition(dir);
        Path in = Files.writeString(dir.resolve("feedback.csv"), MESSY);
        Path out = dir.resolve("feedback.ndjson");
        CliRun r = CliRun.of("fhir", "--definition", def.toString(), "--instrument", "TEST-FEEDBACK", "--input",
                in.toString(), "--output", out.toString());
        assertEquals(0, r.status(), r.err() + r.out());
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals(3, lines.size(), "one QuestionnaireResponse per mapped row, no Observation");
        for (String line : lines) {
            JsonNode resource = JSON.readTree(line);
            assertEquals("QuestionnaireResponse", resource.get("resourceType").asText(), line);
        }
        assertTrue(lines.get(1).contains("\"code\":\"no\""), lines.get(1));
        assertTrue(r.out().contains("rows read 8 = mapped 3 + rejected 5"), r.out());
    }

    @Test
    void instruments_textAndJson_showTheMethodAndOptionsWithoutScores(@TempDir Path dir) throws Exception {
        Instrument feedback = instrument(definition(dir));
        String table = InstrumentsCommand.table(List.of(feedback));
        assertTrue(table.contains("answers only (no score)"), table);
        JsonNode json = JSON.readTree(InstrumentsCommand.json(List.of(feedback), List.of())).get(0);
        assertEquals("answers_only", json.get("scoring").asText());
        assertTrue(json.get("range").isNull());
        assertEquals("not_applicable", json.get("direction").asText());
        assertEquals("minimum_answered", json.get("missingItems").get("rule").asText());
        JsonNode options = json.get("items").get(0).get("options");
        assertEquals(6, options.size());
        assertEquals("1", options.get(0).get("code").asText());
        assertEquals("Test answer one", options.get(0).get("label").asText());
        json.get("items").forEach(item -> item.get("options").forEach(o -> assertFalse(o.has("score"), o.toString())));
        assertEquals(3, json.get("items").get(1).get("options").size());
    }

    @Test
    void inspect_proposesCodesForTheFeedbackColumns(@TempDir Path dir) throws Exception {
        Path def = definition(dir);
        Path in = Files.writeString(dir.resolve("feedback.csv"), MESSY);
        Path mapping = dir.resolve("mapping.json");
        CliRun r = CliRun.of("inspect", "--definition", def.toString(), "--input", in.toString(), "--output",
                mapping.toString());
        assertEquals(0, r.status(), r.err() + r.out());
        assertTrue(r.out().contains("TEST-FEEDBACK"), r.out());
        JsonNode proposed = JSON.readTree(Files.readString(mapping));
        assertTrue(proposed.toString().contains("TEST-FEEDBACK"), proposed.toString());
    }
}
