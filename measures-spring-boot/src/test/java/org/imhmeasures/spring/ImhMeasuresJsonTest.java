/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.portal.submission.SubmissionResult;
import org.imhmeasures.portal.submission.SubmissionValidator;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.AnswerKind;
import org.imhmeasures.scoring.NotScorable;
import org.imhmeasures.scoring.ScoreResult;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.change.ChangeModel;
import org.imhmeasures.scoring.change.ChangeOptions;
import org.imhmeasures.scoring.change.ChangeResult;
import org.imhmeasures.scoring.json.AdministrationRequest;
import org.imhmeasures.scoring.json.ImhMeasuresModule;
import org.imhmeasures.scoring.json.WireForm;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Jackson 3 module writes the library's one wire form (docs/json.md), byte for byte as the Jackson 2
 * module does, reads administrations with the library's strict reader, and the problem details carry the same
 * entries; no submitted value reaches any of them.
 */
class ImhMeasuresJsonTest {

    private static final String PLANTED = "Jane Planted 9434765919";
    private static final Catalogue CATALOGUE = Catalogue.builtIn();
    private final JsonMapper mapper = JsonMapper.builder().addModule(new ImhMeasuresJacksonModule()).build();
    private final ObjectMapper jackson2 = new ObjectMapper().registerModule(new ImhMeasuresModule());

    private static ScoreResult phq9(String item9, String extraKey) {
        Map<String, String> answers = new HashMap<>(Map.of("phq9_1", "2", "phq9_2", "2", "phq9_3", "1", "phq9_4",
                "3", "phq9_5", "1", "phq9_6", "2", "phq9_7", "1", "phq9_8", "0", "phq9_9", item9));
        if (extraKey != null) {
            answers.put(extraKey, "1");
        }
        return Scorer.of(CATALOGUE.get("PHQ-9")).score(Administration.of("PHQ-9", answers));
    }

    private static Map<String, String> all(String instrumentId, String code) {
        Map<String, String> answers = new HashMap<>();
        CATALOGUE.get(instrumentId).items().forEach(i -> answers.put(i.id(), code));
        return answers;
    }

    /** Results of real scorers: scored with an alert, without a total, with subscales, not scorable. */
    private static List<ScoreResult> results() {
        List<ScoreResult> results = new ArrayList<>();
        results.add(phq9("1", null));
        results.add(phq9(PLANTED, PLANTED));
        results.add(phq9("3", PLANTED));
        results.add(Scorer.of(CATALOGUE.get("HADS")).score(Administration.of("HADS", all("HADS", "0"))));
        results.add(Scorer.of(CATALOGUE.get("GAD-7")).score(Administration.of("GAD-7", all("GAD-7", "1"))));
        Map<String, String> partial = all("GAD-7", "2");
        partial.remove("gad7_3");
        results.add(Scorer.of(CATALOGUE.get("GAD-7")).score(Administration.of("GAD-7", partial)));
        results.add(Scorer.of(CATALOGUE.get("GAD-7")).score(Administration.of("PHQ-9", all("GAD-7", "1"))));
        return results;
    }

    @Test
    void everyResult_isByteIdenticalToTheJackson2Module() throws Exception {
        for (ScoreResult result : results()) {
            assertEquals(jackson2.writeValueAsString(result), mapper.writeValueAsString(result), result.toString());
            if (result instanceof NotScorable n) {
                for (var problem : n.problems()) {
                    assertEquals(jackson2.writeValueAsString(problem), mapper.writeValueAsString(problem));
                }
            }
        }
        // declared as the sealed interface, as a controller's List<ScoreResult> is
        assertEquals(jackson2.writeValueAsString(results()), mapper.writeValueAsString(results()));
        assertTrue(results().stream().anyMatch(NotScorable.class::isInstance));
    }

    @Test
    void changeResults_areByteIdenticalToTheJackson2Module() throws Exception {
        Instrument phq9 = CATALOGUE.get("PHQ-9");
        ChangeModel model = ChangeModel.published(phq9, ChangeOptions.defaults());
        Scorer scorer = Scorer.of(phq9);
        ChangeResult assessed = model.assess((Scored) scorer.score(Administration.of("PHQ-9", all("PHQ-9", "2"))),
                (Scored) phq9("1", null));
        ChangeResult mismatch = model.assess((Scored) phq9("1", null), (Scored) Scorer.of(CATALOGUE.get("GAD-7"))
                .score(Administration.of("GAD-7", all("GAD-7", "1"))));
        assertInstanceOf(ChangeResult.Assessed.class, assessed);
        assertInstanceOf(ChangeResult.NotAssessable.class, mismatch);
        for (ChangeResult result : List.of(assessed, mismatch)) {
            assertEquals(jackson2.writeValueAsString(result), mapper.writeValueAsString(result));
        }
    }

    @Test
    void scored_isWrittenInTheWireForm() {
        JsonNode json = mapper.readTree(mapper.writeValueAsString(phq9("1", null)));
        assertEquals(List.of("format", "status", "provenance", "rawTotal", "total", "band", "bandStatus", "caseness",
                "prorated", "itemsMissing", "subscales", "itemScores", "criticalAlerts", "criticalUnanswered"), json
                        .propertyNames().stream().toList());
        assertEquals(WireForm.FORMAT, json.get("format").asString());
        assertEquals("scored", json.get("status").asString());
        assertEquals("PHQ-9", json.at("/provenance/instrumentId").asString());
        assertEquals(13, json.get("rawTotal").asInt());
        assertEquals("13", json.get("total").toString());
        assertEquals("moderate", json.at("/band/label").asString());
        assertEquals("in_band", json.get("bandStatus").asString());
        assertEquals("case", json.get("caseness").asString());
        assertEquals("phq9_9", json.at("/criticalAlerts/0/itemId").asString());
        assertEquals(1, json.at("/criticalAlerts/0/score").asInt());
        assertEquals(3, json.at("/itemScores/phq9_4").asInt());
    }

    @Test
    void scoredWithoutTotal_omitsIt_andListsItsSubscales() {
        Scored hads = (Scored) Scorer.of(CATALOGUE.get("HADS")).score(Administration.of("HADS", all("HADS", "0")));
        JsonNode json = mapper.readTree(mapper.writeValueAsString(hads));
        assertFalse(json.has("total") || json.has("rawTotal"), json.toString());
        assertTrue(json.get("subscales").isArray() && json.get("subscales").size() >= 2, json.toString());
        assertTrue(json.at("/subscales/0/id").isString(), json.toString());
    }

    @Test
    void notScorable_isWrittenWithCodesAndLocations_neverTheSubmittedValues() {
        String json = mapper.writeValueAsString(phq9(PLANTED, PLANTED));
        assertTrue(json.startsWith("{\"format\":\"imh-measures/result@1\",\"status\":\"not_scorable\",\"provenance\":"),
                json);
        assertTrue(json.contains("{\"code\":\"unknown_item\",") && json.contains("\"blankKey\":false"), json);
        assertTrue(json.contains("{\"code\":\"code_not_allowed\",") && json.contains("\"item\":\"phq9_9\""), json);
        assertTrue(json.contains("\"criticalUnanswered\":[{\"itemId\":\"phq9_9\",\"cause\":\"code_not_allowed\""),
                json);
        assertFalse(json.contains("Planted") || json.contains("9434765919"), json);
    }

    @Test
    void administrationRequest_isReadByTheLibrarysStrictReader() throws Exception {
        AdministrationRequest request = mapper.readValue("{\"instrument\":\"PHQ-9\",\"answerKind\":\"scores\","
                + "\"answers\":{\"phq9_1\":\"2\",\"phq9_2\":1,\"phq9_3\":null},\"timepoint\":\"baseline\"}",
                AdministrationRequest.class);
        assertEquals(AnswerKind.SCORES, request.answerKind());
        assertEquals("PHQ-9", request.administration().instrumentId());
        assertEquals(AdministrationRequest.parse("{\"instrument\":\"PHQ-9\",\"answerKind\":\"scores\",\"answers\":"
                + "{\"phq9_1\":\"2\",\"phq9_2\":1,\"phq9_3\":null},\"timepoint\":\"baseline\"}"), request);
    }

    @Test
    void administrationRequest_refusesRepeatedKeysAndUnknownFields_withoutQuotingThem() {
        MismatchedInputException repeated = assertThrows(MismatchedInputException.class, () -> mapper.readValue(
                "{\"instrument\":\"PHQ-9\",\"answerKind\":\"codes\",\"answers\":{\"" + PLANTED + "\":\"1\",\""
                        + PLANTED + "\":\"2\"}}", AdministrationRequest.class));
        assertTrue(repeated.getMessage().contains("must appear once"), repeated.getMessage());
        MismatchedInputException unknown = assertThrows(MismatchedInputException.class, () -> mapper.readValue(
                "{\"instrument\":\"PHQ-9\",\"answerKind\":\"codes\",\"answers\":{},\"" + PLANTED + "\":1}",
                AdministrationRequest.class));
        assertTrue(unknown.getMessage().startsWith("field must be one of"), unknown.getMessage());
        for (Exception e : List.of(repeated, unknown)) {
            assertFalse(e.getMessage().contains("Planted") || e.getMessage().contains("9434765919"), e.getMessage());
        }
    }

    @Test
    void notScorableProblem_carriesTheWireFormsEntries_andKeepsTheAlerts() {
        NotScorable notScorable = (NotScorable) phq9("3", PLANTED);
        ProblemDetail problem = ImhProblemDetails.notScorable(notScorable);
        assertEquals(422, problem.getStatus());
        assertEquals(ImhProblemDetails.NOT_SCORABLE, problem.getType());
        Map<String, Object> form = WireForm.of(notScorable);
        assertEquals(form.get("problems"), problem.getProperties().get("problems"));
        assertEquals(form.get("criticalAlerts"), problem.getProperties().get("criticalAlerts"));
        assertEquals(form.get("criticalUnanswered"), problem.getProperties().get("criticalUnanswered"));
        String json = mapper.writeValueAsString(problem);
        assertTrue(json.contains("\"problems\":[{\"code\":\"unknown_item\""), json);
        assertTrue(json.contains("\"criticalAlerts\":[{\"itemId\":\"phq9_9\",\"score\":3,"), json);
        String all = problem.toString() + problem.getProperties() + json;
        assertFalse(all.contains("Planted") || all.contains("9434765919"), all);
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
