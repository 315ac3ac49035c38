/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imhmeasures.core.instrument.Catalogue;
import org.junit.jupiter.api.Test;

/**
 * A JSON binder (Jackson as Spring configures it, or a plain {@code ObjectMapper}) sees a problem's code,
 * message and non-identifying fields, never the value or key the user supplied.
 */
class ProblemSerialisationTest {

    private static final List<ObjectMapper> MAPPERS = List.of(new ObjectMapper(),
            new ObjectMapper().registerModule(new Jdk8Module()), new ObjectMapper().findAndRegisterModules());

    private static final List<Problem> PROBLEMS = List.of(
            new Problem.CodeNotAllowed("phq9_1", "Jane Smith", "0..3"),
            new Problem.CodeNotAllowed("phq9_2", "9434765919", "0..3"),
            new Problem.UnknownItem(3, "Quartermaine"),
            new Problem.UnknownItem(4, "1987-03-14"),
            new Problem.DuplicateItem("phq9_9", List.of(8, 9)),
            new Problem.WrongInstrument("PHQ-9", "943 476 5919"),
            new Problem.TooManyMissing(List.of("phq9_3"), 0),
            new Problem.ScoreNotAllowed("epds_10", "Jane Smith", "0..3"));

    @Test
    void codeNotAllowed_serialised_hasNoOffendingValue() throws Exception {
        for (ObjectMapper mapper : MAPPERS) {
            String json = mapper.writeValueAsString(PROBLEMS.get(0));
            assertFalse(json.contains("Jane"), json);
            assertFalse(json.contains("offendingValue"), json);
            assertFalse(json.contains("patientSupplied"), json);
            JsonNode node = mapper.readTree(json);
            assertEquals("code_not_allowed", node.get("code").asText(), json);
            assertEquals("phq9_1", node.get("item").asText(), json);
            assertEquals("0..3", node.get("allowed").asText(), json);
            assertEquals("answer to phq9_1 must be one of 0..3: <value of 10 characters>", node.get("message")
                    .asText(), json);
        }
        assertEquals("Jane Smith", ((Problem.CodeNotAllowed) PROBLEMS.get(0)).patientSuppliedValue());
    }

    @Test
    void everyProblem_serialisedWithCodeAndMessage_neverAPlantedIdentifier() throws Exception {
        for (ObjectMapper mapper : MAPPERS) {
            for (Problem problem : PROBLEMS) {
                String json = mapper.writeValueAsString(problem);
                JsonNode node = mapper.readTree(json);
                assertEquals(problem.code(), node.get("code").asText(), json);
                assertEquals(problem.message(), node.get("message").asText(), json);
                AnswerKeysTest.assertNoIdentifier(json + problem);
            }
        }
        JsonNode score = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(PROBLEMS.get(7)));
        assertEquals("score_not_allowed", score.get("code").asText());
        assertEquals("epds_10", score.get("item").asText());
        assertEquals("0..3", score.get("allowed").asText());
        assertFalse(score.toString().contains("Jane") || score.toString().contains("patientSupplied"), score.toString());
        JsonNode unknown = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(PROBLEMS.get(2)));
        assertEquals(3, unknown.get("position").asInt());
    }

    @Test
    void notScorable_serialised_hasNoPlantedIdentifier() throws Exception {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("phq9_1", "Jane Smith");
        codes.put("Quartermaine", "1");
        codes.put("phq9_9", "3");
        codes.put("phq9_9 ", "9434765919");
        ScoreResult result = Scorer.of(Catalogue.builtIn().get("PHQ-9")).score(Administration.of("1987-03-14",
                codes));
        for (ObjectMapper mapper : MAPPERS.subList(1, 3)) {
            String json = mapper.writeValueAsString(result);
            assertTrue(json.contains("duplicate_item"), json);
            AnswerKeysTest.assertNoIdentifier(json);
        }
    }
}
