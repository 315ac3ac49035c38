/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.portal.submission.SubmissionResult;
import org.imhmeasures.portal.submission.SubmissionValidator;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.NotScorable;
import org.imhmeasures.scoring.ScoreResult;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.Scorer;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON form of results and the problem details: documented fields, no submitted values. */
class ImhMeasuresJsonTest {

    private static final String PLANTED = "Jane Planted 9434765919";
    private final JsonMapper mapper = JsonMapper.builder().addModule(new ImhMeasuresJacksonModule()).build();

    private static ScoreResult phq9(String item9, String extraKey) {
        Map<String, String> answers = new HashMap<>(Map.of("phq9_1", "2", "phq9_2", "2", "phq9_3", "1", "phq9_4",
                "3", "phq9_5", "1", "phq9_6", "2", "phq9_7", "1", "phq9_8", "0", "phq9_9", item9));
        if (extraKey != null) {
            answers.put(extraKey, "1");
        }
        return Scorer.of(Catalogue.builtIn().get("PHQ-9")).score(Administration.of("PHQ-9", answers));
    }

    @Test
    void scored_isWrittenWithEveryAccessor_optionalsAsValuesOrNull() {
        JsonNode json = mapper.readTree(mapper.writeValueAsString(phq9("1", null)));
        assertEquals(List.of("status", "provenance", "rawTotal", "total", "subscales", "band", "caseness",
                "itemsMissing", "prorated", "criticalAlerts", "criticalUnanswered", "itemScores"), json.propertyNames()
                .stream().toList());
        assertEquals("scored", json.get("status").asString());
        assertEquals("PHQ-9", json.at("/provenance/instrumentId").asString());
        assertEquals(13, json.get("rawTotal").asInt());
        assertEquals(13, json.get("total").asInt());
        assertEquals("moderate", json.at("/band/label").asString());
        assertEquals("case", json.get("caseness").asString());
        assertEquals("phq9_9", json.at("/criticalAlerts/0/itemId").asString());
        assertEquals(1, json.at("/criticalAlerts/0/score").asInt());
        assertEquals(3, json.at("/itemScores/phq9_4").asInt());
    }

    @Test
    void scoredWithoutTotal_writesNull() {
        Scored hads = (Scored) Scorer.of(Catalogue.builtIn().get("HADS")).score(Administration.of("HADS", hadsAll0()));
        JsonNode json = mapper.readTree(mapper.writeValueAsString(hads));
        assertTrue(json.get("total").isNull(), json.toString());
        assertTrue(json.get("subscales").size() >= 2, json.toString());
    }

    private static Map<String, String> hadsAll0() {
        Map<String, String> answers = new HashMap<>();
        Catalogue.builtIn().get("HADS").items().forEach(i -> answers.put(i.id(), "0"));
        return answers;
    }

    @Test
    void notScorable_isWrittenWithCodesAndRedactedMessages_neverTheSubmittedValues() {
        ScoreResult result = phq9(PLANTED, PLANTED);
        NotScorable notScorable = (NotScorable) result;
        String json = mapper.writeValueAsString(notScorable);
        assertTrue(json.startsWith("{\"status\":\"not_scorable\",\"provenance\":"), json);
        assertTrue(json.contains("\"code\":\"unknown_item\"") && json.contains("\"code\":\"code_not_allowed\""), json);
        assertTrue(json.contains("\"criticalUnanswered\":[{\"itemId\":\"phq9_9\",\"cause\":\"code_not_allowed\""),
                json);
        assertFalse(json.contains("Planted") || json.contains("9434765919"), json);
    }

    @Test
    void notScorableProblem_isLocatedRedacted_andKeepsTheAlerts() {
        NotScorable notScorable = (NotScorable) phq9("3", PLANTED);
        ProblemDetail problem = ImhProblemDetails.notScorable(notScorable);
        assertEquals(422, problem.getStatus());
        assertEquals(ImhProblemDetails.NOT_SCORABLE, problem.getType());
        String all = problem.toString() + problem.getProperties();
        assertFalse(all.contains("Planted") || all.contains("9434765919"), all);
        assertTrue(String.valueOf(problem.getProperties().get("criticalAlerts")).contains("phq9_9"), all);
        NotScorableException e = new NotScorableException(notScorable);
        assertEquals("administration of PHQ-9 must be scorable: [unknown_item]", e.getMessage());
    }

    @Test
    void rejectedSubmissionProblem_listsEveryViolation_withoutValues() {
        try (SubmissionValidator validator = SubmissionValidator.create()) {
            SubmissionResult.Rejected rejected = (SubmissionResult.Rejected) validator.validate(
                    "{\"format\":\"imh-measures/submission@1\",\"team\":\"" + PLANTED + "\"}");
            ProblemDetail problem = ImhProblemDetails.rejected(rejected);
            assertEquals(ImhProblemDetails.SUBMISSION_REJECTED, problem.getType());
            String all = problem.toString() + problem.getProperties();
            assertTrue(all.contains("\"team\"") || all.contains("path=team"), all);
            assertFalse(all.contains("Planted") || all.contains("9434765919"), all);
            assertEquals(rejected.violations().size(), ((List<?>) problem.getProperties().get("violations")).size());
            assertFalse(new SubmissionRejectedException(rejected).getMessage().contains("Planted"));
        }
    }
}
