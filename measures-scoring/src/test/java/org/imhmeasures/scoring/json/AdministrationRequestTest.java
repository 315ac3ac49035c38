/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.scoring.Answer;
import org.imhmeasures.scoring.AnswerKind;
import org.imhmeasures.scoring.ScoreResult;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.ScoringOptions;
import org.imhmeasures.scoring.Timepoint;
import org.junit.jupiter.api.Test;

/**
 * Reading an administration from JSON: the documented document reads, every other one fails with a
 * located {@link AdministrationJsonException} that never quotes it, through {@link AdministrationRequest#parse}
 * and through any mapper with the module.
 */
class AdministrationRequestTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new ImhMeasuresModule());
    // a host mapper that quotes sources in its locations: our errors must not
    private static final ObjectMapper QUOTING = JsonMapper.builder().enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .addModule(new ImhMeasuresModule()).build();

    @Test
    void theDocumentedExample_reads() throws IOException {
        String json = "{\"instrument\":\"PHQ-9\",\"answerKind\":\"codes\",\"answers\":{\"phq9_1\":\"2\",\"phq9_2\":1,"
                + "\"phq9_3\":null},\"date\":\"2026-01-31\",\"timepoint\":\"follow_up\",\"respondent\":\"mother\"}";
        AdministrationRequest request = AdministrationRequest.parse(json);
        assertEquals(AnswerKind.CODES, request.answerKind());
        assertEquals("PHQ-9", request.administration().instrumentId());
        assertEquals(new Answer.Given("2"), request.administration().answers().get("phq9_1"));
        assertEquals(new Answer.Given("1"), request.administration().answers().get("phq9_2"));
        assertEquals(Answer.MISSING, request.administration().answers().get("phq9_3"));
        assertEquals(Optional.of(LocalDate.of(2026, 1, 31)), request.administration().date());
        assertEquals(Optional.of(Timepoint.FOLLOW_UP), request.administration().timepoint());
        assertEquals(Optional.of("mother"), request.administration().respondent());
        assertEquals(request, MAPPER.readValue(json, AdministrationRequest.class));
        Schemas.assertValid(Schemas.ADMINISTRATION, MAPPER.readTree(json));
        assertFalse(request.toString().contains("mother"), request.toString());
    }

    @Test
    void epdsStoredAsScores_item10MostSevere_raisesTheAlert() throws IOException {
        String answers = "\"epds_1\":0,\"epds_2\":0,\"epds_3\":0,\"epds_4\":0,\"epds_5\":0,\"epds_6\":0,\"epds_7\":0,"
                + "\"epds_8\":0,\"epds_9\":0,\"epds_10\":3";
        AdministrationRequest request = AdministrationRequest.parse("{\"instrument\":\"EPDS\",\"answerKind\":\"scores\","
                + "\"answers\":{" + answers + "}}");
        Scorer scorer = Scorer.of(Catalogue.builtIn().get("EPDS"), request.options(ScoringOptions.defaults()));
        Scored scored = assertInstanceOf(Scored.class, scorer.score(request.administration()));
        assertEquals(3, scored.rawTotal().orElseThrow());
        assertEquals("epds_10", scored.criticalAlerts().get(0).itemId());
        JsonNode json = MAPPER.valueToTree(scored);
        assertEquals("epds_10", json.at("/criticalAlerts/0/itemId").asText());
    }

    @Test
    void badDocuments_failLocated_neverQuotingThem() {
        String answers = "\"answers\":{\"phq9_1\":\"1\"}";
        List<Case> cases = List.of(
                new Case("[]", "", "administration must be a JSON object: an array"),
                new Case("{\"instrument\":\"PHQ-9\"," + answers + "}", "answerKind", "answerKind must be given"),
                new Case("{\"instrument\":\"PHQ-9\",\"answerKind\":\"Jane Smith\"," + answers + "}", "answerKind",
                        "answerKind must be codes or scores: <value of 10 characters>"),
                new Case("{\"answerKind\":\"codes\"," + answers + "}", "instrument", "instrument must be a non-blank"),
                new Case("{\"instrument\":\" \",\"answerKind\":\"codes\"," + answers + "}", "instrument",
                        "instrument must be a non-blank string: blank"),
                new Case("{\"instrument\":\"PHQ-9\",\"answerKind\":\"codes\"}", "answers", "answers must be an object: "
                        + "missing"),
                new Case("{\"instrument\":\"PHQ-9\",\"answerKind\":\"codes\",\"answers\":[\"1\"]}", "answers",
                        "answers must be an object: an array"),
                new Case("{\"instrument\":\"PHQ-9\",\"answerKind\":\"codes\"," + answers + ",\"Jane Smith\":1}",
                        "<key#3>", "field must be one of [instrument, answerKind, answers, date, timepoint, respondent]"
                                + ": <value of 10 characters>"),
                new Case("{\"instrument\":\"PHQ-9\",\"answerKind\":\"codes\"," + answers + ",\"answerKind\":\"codes\"}",
                        "answerKind", "answerKind must appear once: twice"),
                new Case("{\"instrument\":\"PHQ-9\",\"answerKind\":\"codes\",\"answers\":{\"Jane Smith\":\"1\","
                        + "\"Jane Smith\":\"2\"}}", "answers.<key#1>",
                        "answer key at answers.<key#1> must appear once: repeated"),
                new Case("{\"instrument\":\"PHQ-9\",\"answerKind\":\"codes\",\"answers\":{\"Jane Smith\":{\"a\":1}}}",
                        "answers.<key#0>",
                        "answer at answers.<key#0> must be a string, a whole number or null: an object"),
                new Case("{\"instrument\":\"PHQ-9\",\"answerKind\":\"codes\",\"answers\":{\"phq9_1\":1.5}}",
                        "answers.<key#0>",
                        "answer at answers.<key#0> must be a string, a whole number or null: a decimal number"),
                new Case("{\"instrument\":\"PHQ-9\",\"answerKind\":\"codes\",\"answers\":{\"phq9_1\":true}}",
                        "answers.<key#0>",
                        "answer at answers.<key#0> must be a string, a whole number or null: a boolean"),
                new Case("{\"instrument\":\"PHQ-9\",\"answerKind\":\"codes\"," + answers + ",\"date\":\"14/03/1987\"}",
                        "date", "date must be an ISO date (yyyy-mm-dd): <value of 10 characters>"),
                new Case("{\"instrument\":\"PHQ-9\",\"answerKind\":\"codes\"," + answers + ",\"timepoint\":\"Smith\"}",
                        "timepoint", "timepoint must be one of baseline, review, discharge, follow_up: "
                                + "<value of 5 characters>"),
                new Case("{\"instrument\":9434765919,\"answerKind\":\"codes\"," + answers + "}", "instrument",
                        "instrument must be a string: a whole number"));
        for (Case c : cases) {
            for (ObjectMapper mapper : List.of(MAPPER, QUOTING)) {
                AdministrationJsonException e = assertThrows(AdministrationJsonException.class,
                        () -> mapper.readValue(c.json(), AdministrationRequest.class), c.json());
                assertLocated(c, e);
            }
            AdministrationJsonException e = assertThrows(AdministrationJsonException.class,
                    () -> AdministrationRequest.parse(c.json()), c.json());
            assertLocated(c, e);
        }
    }

    @Test
    void overLongString_failsLocatedThroughAMapper_andAtTheParserLimitThroughParse() {
        String json = "{\"instrument\":\"PHQ-9\",\"answerKind\":\"codes\",\"answers\":{\"phq9_1\":\""
                + "x".repeat(10_001) + "Jane Smith\"}}";
        AdministrationJsonException e = assertThrows(AdministrationJsonException.class,
                () -> MAPPER.readValue(json, AdministrationRequest.class));
        assertLocated(new Case(json, "answers.<key#0>", "answers.<key#0> must be at most 10000 characters: longer"), e);
        AdministrationJsonException strict = assertThrows(AdministrationJsonException.class,
                () -> AdministrationRequest.parse(json));
        assertLocated(new Case(json, "", "administration must stay within the reading limits"), strict);
    }

    private record Case(String json, String path, String message) {
    }

    private static void assertLocated(Case c, AdministrationJsonException e) {
        String json = c.json().length() > 200 ? c.json().substring(0, 200) + "..." : c.json();
        assertEquals(c.path(), e.path(), json);
        assertTrue(e.getOriginalMessage().startsWith(c.message()), e.getOriginalMessage());
        // a value is located by line and column too; a parser limit may come without one
        assertTrue(c.path().isEmpty() || e.getLocation() != null && e.getLocation().getLineNr() == 1, e.getMessage());
        for (String planted : List.of("Jane", "Smith", "9434765919", "1987")) {
            assertFalse(e.getMessage().contains(planted), () -> "planted " + planted + " in " + e.getMessage());
        }
    }

    @Test
    void parse_refusesWhatTheStrictParserRefuses_withoutQuoting() {
        String ok = "{\"instrument\":\"PHQ-9\",\"answerKind\":\"codes\",\"answers\":{\"phq9_1\":\"1\"}}";
        List<String> bad = List.of(ok + " {\"Jane Smith\":1}", "{\"instrument\":Jane Smith}", "{\"instrument\":\"PHQ-9\"",
                "{\"instrument\":\"PHQ-9\",\"answerKind\":\"codes\",\"answers\":{\"phq9_1\":123456789012345678901234}}",
                "null", "");
        for (String json : bad) {
            AdministrationJsonException e = assertThrows(AdministrationJsonException.class,
                    () -> AdministrationRequest.parse(json), json);
            assertEquals("", e.path(), json);
            assertFalse(e.getMessage().contains("Jane") || e.getMessage().contains("Smith"), e.getMessage());
        }
        String many = "{\"instrument\":\"PHQ-9\",\"answerKind\":\"codes\",\"answers\":{" + String.join(",",
                java.util.stream.IntStream.range(0, 1_001).mapToObj(i -> "\"k" + i + "\":1").toList()) + "}}";
        AdministrationJsonException e = assertThrows(AdministrationJsonException.class,
                () -> AdministrationRequest.parse(many));
        assertEquals("answers.<key#1000>", e.path());
    }

    @Test
    void unknownAndNearDuplicateKeys_reachTheScorer_asItsTypedProblems() throws IOException {
        AdministrationRequest request = AdministrationRequest.parse("{\"instrument\":\"PHQ-9\",\"answerKind\":\"codes\","
                + "\"answers\":{\"Jane Smith\":\"1\",\"phq9_9\":\"3\",\"phq9_9 \":\"0\"}}");
        ScoreResult result = Scorer.of(Catalogue.builtIn().get("PHQ-9")).score(request.administration());
        JsonNode json = MAPPER.valueToTree(result);
        assertEquals("not_scorable", json.get("status").asText());
        assertTrue(json.toString().contains("\"code\":\"unknown_item\""), json.toString());
        assertTrue(json.toString().contains("\"code\":\"duplicate_item\""), json.toString());
        assertEquals("phq9_9", json.at("/criticalAlerts/0/itemId").asText(), "the alert is raised all the same");
        assertFalse(json.toString().contains("Jane"), json.toString());
    }

    /** Any input either reads or fails with our typed error, never anything else. Seeded: rerun with -Dadmin.seed. */
    @Test
    void randomDocuments_readOrFailTyped() {
        long seed = Long.getLong("admin.seed", System.nanoTime());
        Random random = new Random(seed);
        String base = "{\"instrument\":\"PHQ-9\",\"answerKind\":\"scores\",\"answers\":{\"phq9_1\":\"1\",\"phq9_2\":2,"
                + "\"phq9_3\":null},\"date\":\"2026-01-31\",\"timepoint\":\"review\"}";
        String alphabet = "{}[]\":,0123456789.-enrtul \\aA";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder json = new StringBuilder(base);
            int edits = 1 + random.nextInt(4);
            for (int k = 0; k < edits; k++) {
                int at = random.nextInt(json.length() + 1);
                switch (random.nextInt(3)) {
                    case 0 -> json.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 1 -> {
                        if (at < json.length()) {
                            json.deleteCharAt(at);
                        }
                    }
                    default -> {
                        if (at < json.length()) {
                            json.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                        }
                    }
                }
            }
            String text = json.toString();
            try {
                AdministrationRequest.parse(text);
            } catch (AdministrationJsonException e) {
                assertTrue(e.getOriginalMessage().contains(" must "), "seed " + seed + ": " + e.getOriginalMessage());
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + " (rerun with -Dadmin.seed=" + seed + "): " + text, e);
            }
            try {
                MAPPER.readValue(text, AdministrationRequest.class);
            } catch (JsonProcessingException e) {
                // the host's own parse errors, or ours
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + " (rerun with -Dadmin.seed=" + seed + "): " + text, e);
            }
        }
    }

    @Test
    void schema_acceptsTheDocumentedForm_andRefusesWhatTheReaderRefuses() throws IOException {
        assertTrue(Schemas.valid(Schemas.ADMINISTRATION, MAPPER.readTree(
                "{\"instrument\":\"PHQ-9\",\"answerKind\":\"scores\",\"answers\":{\"phq9_1\":1,\"phq9_2\":null}}")));
        for (String json : List.of("{\"instrument\":\"PHQ-9\",\"answers\":{}}",
                "{\"instrument\":\"PHQ-9\",\"answerKind\":\"codes\",\"answers\":{},\"extra\":1}",
                "{\"instrument\":\"PHQ-9\",\"answerKind\":\"codes\",\"answers\":{\"phq9_1\":1.5}}",
                "{\"instrument\":\"PHQ-9\",\"answerKind\":\"code\",\"answers\":{}}")) {
            assertFalse(Schemas.valid(Schemas.ADMINISTRATION, MAPPER.readTree(json)), json);
            assertThrows(AdministrationJsonException.class, () -> AdministrationRequest.parse(json), json);
        }
        assertEquals(Map.of(), AdministrationRequest.parse("{\"instrument\":\"PHQ-9\",\"answerKind\":\"codes\","
                + "\"answers\":{}}").administration().answers());
    }
}
