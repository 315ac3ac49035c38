/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.Scorer;
import org.junit.jupiter.api.Test;

/** The one-call pipeline: inbound JSON to Observation, or a located OperationOutcome (issue 16, issue 10 §6). */
class FhirScoringTest {

    private static final Path FIXTURES = Path.of("src", "test", "resources", "fixtures", "qr");
    private static final FhirScoring SCORING = FhirScoring.of(Catalogue.builtIn());

    private static byte[] fixture(String name) throws IOException {
        return Files.readAllBytes(FIXTURES.resolve(name + ".json"));
    }

    private static Observation observed(FhirScoring.Outcome outcome) {
        return assertInstanceOf(FhirScoring.Observed.class, outcome, outcome.toString()).observation();
    }

    private static FhirScoring.Refused refused(FhirScoring.Outcome outcome) {
        return assertInstanceOf(FhirScoring.Refused.class, outcome, outcome.toString());
    }

    private static List<String> expressions(OperationOutcome outcome) {
        return outcome.getIssue().stream().map(issue -> issue.getExpression().isEmpty() ? "-"
                : issue.getExpression().get(0).getValue()).toList();
    }

    private static boolean hasAlert(Observation observation, String itemId) {
        return observation.getInterpretation().stream().anyMatch(c -> "AA".equals(c.getCodingFirstRep().getCode())
                && c.getText().startsWith("critical item " + itemId));
    }

    @Test
    void score_loincPhq9Form_scoresInOneCallWithAlertSubjectPerformerAndDate() throws IOException {
        Observation observation = observed(SCORING.score(fixture("y_phq9_loinc_form")));
        assertEquals(13, ((IntegerType) observation.getValue()).getValue());
        assertTrue(hasAlert(observation, "phq9_9"), "item 9 answered LA6569-3 (several days) alerts");
        assertEquals(ObservationStatus.FINAL, observation.getStatus());
        assertEquals("Patient/example", observation.getSubject().getReference());
        assertEquals("Practitioner/example", observation.getPerformerFirstRep().getReference());
        assertEquals("2026-11-30T10:15:00Z", observation.getEffectiveDateTimeType().getValueAsString());
        // the LOINC total /44261-6 carries 13, equal to ours: no warning
        assertTrue(observation.getNote().stream().noneMatch(n -> n.getText().startsWith("warning")));
        assertTrue(observation.getDerivedFromFirstRep().getReference().startsWith("urn:uuid:"));
    }

    @Test
    void score_loincGad7FormWithDifferingTotal_ourTotalStandsWithAWarning() throws IOException {
        FhirScoring.Observed observed = assertInstanceOf(FhirScoring.Observed.class,
                SCORING.score(fixture("y_gad7_loinc_form")));
        Observation observation = observed.observation();
        assertEquals(12, ((IntegerType) observation.getValue()).getValue());
        assertEquals(1, observed.warnings().size(), observed.warnings().toString());
        String warning = observed.warnings().get(0);
        assertTrue(warning.contains("item 70274-6") && warning.contains("QuestionnaireResponse.item[7]")
                && warning.contains("differs"), warning);
        assertFalse(warning.contains("11"), "the response's own number is not repeated: " + warning);
        assertTrue(observation.getNote().stream().map(Annotation::getText).anyMatch(warning::equals));
    }

    @Test
    void score_ourFormWithCalculatedTotal_scoresAndComparesIt() {
        Instrument phq9 = Catalogue.builtIn().get("PHQ-9");
        QuestionnaireResponse response = ResponseMapping.toResponse(phq9, Administration.of("PHQ-9", Map.of(
                "phq9_1", "1", "phq9_2", "1", "phq9_3", "1", "phq9_4", "1", "phq9_5", "1", "phq9_6", "1",
                "phq9_7", "1", "phq9_8", "1", "phq9_9", "0")));
        response.addItem().setLinkId(QuestionnaireMapping.totalLinkId(phq9)).addAnswer().setValue(new IntegerType(8));
        response.addItem().setLinkId("intro"); // a display item: ignored
        response.setId("qr-7");
        FhirScoring.Observed agreeing = assertInstanceOf(FhirScoring.Observed.class, SCORING.score(response));
        assertEquals(8, ((IntegerType) agreeing.observation().getValue()).getValue());
        assertEquals(List.of(), agreeing.warnings());
        assertEquals("QuestionnaireResponse/qr-7", agreeing.observation().getDerivedFromFirstRep().getReference());

        response.getItem().get(9).getAnswerFirstRep().setValue(new IntegerType(9));
        FhirScoring.Observed differing = assertInstanceOf(FhirScoring.Observed.class, SCORING.score(response));
        assertEquals(8, ((IntegerType) differing.observation().getValue()).getValue());
        assertEquals(1, differing.warnings().size());
    }

    @Test
    void score_unscorable_givesOneLocatedIssuePerProblemAndTheAlert() {
        // two mapping problems (an unknown answered item, a code that is no option) and item 9 at alert level
        String json = "{\"resourceType\":\"QuestionnaireResponse\",\"questionnaire\":"
                + "\"https://imh-measures.org/fhir/Questionnaire/phq9\",\"status\":\"completed\",\"item\":["
                + "{\"linkId\":\"phq9_1\",\"answer\":[{\"valueCoding\":{\"code\":\"7\"}}]},"
                + "{\"linkId\":\"phq9_10\",\"answer\":[{\"valueCoding\":{\"code\":\"1\"}}]},"
                + "{\"linkId\":\"phq9_9\",\"answer\":[{\"valueCoding\":{\"code\":\"3\"}}]}]}";
        FhirScoring.Refused refused = refused(SCORING.score(json.getBytes(StandardCharsets.UTF_8)));
        OperationOutcome outcome = refused.operationOutcome();
        assertEquals(List.of("QuestionnaireResponse.item[0].answer[0].valueCoding.code",
                "QuestionnaireResponse.item[1].linkId"), expressions(outcome));
        for (OperationOutcomeIssueComponent issue : outcome.getIssue()) {
            assertEquals(OperationOutcome.IssueSeverity.ERROR, issue.getSeverity());
            assertTrue(issue.getDiagnostics().startsWith(issue.getExpression().get(0).getValue() + " must "),
                    issue.getDiagnostics());
        }
        Observation alert = refused.alert().orElseThrow();
        assertTrue(hasAlert(alert, "phq9_9"));
        assertFalse(alert.hasValue());
        assertEquals(refused.responseReference().orElseThrow(), alert.getDerivedFromFirstRep().getReference());
        assertEquals(outcome.getIssue().get(0).getDiagnostics(), refused.summary());
    }

    @Test
    void score_mapsButTooManyMissing_issueLocatedAtTheResponse() throws IOException {
        FhirScoring.Refused refused = refused(SCORING.score(fixture("y_phq9_partial_in_progress")));
        assertEquals(1, refused.operationOutcome().getIssue().size());
        assertEquals("too_many_missing", refused.operationOutcome().getIssueFirstRep().getDetails().getText());
        assertTrue(refused.summary().startsWith("response must be scorable: "), refused.summary());
        assertTrue(refused.summary().endsWith("; critical item unanswered: phq9_9"), refused.summary());
        assertTrue(refused.alert().isEmpty(), "item 9 unanswered: no alert resource, the IND is in the summary");
    }

    @Test
    void score_duplicateKey_isRefusedAndLocatedThoughHapiWouldAcceptIt() {
        String json = "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\n\"status\":\"stopped\"}";
        FhirScoring.Refused refused = refused(SCORING.score(json.getBytes(StandardCharsets.UTF_8)));
        assertEquals("line 2 column 9: input must be well-formed JSON within limits: keys must not repeat: "
                + "duplicate key", refused.summary());
        assertEquals(refused.summary(), refused.operationOutcome().getIssueFirstRep().getDiagnostics());
        assertEquals(Optional.empty(), refused.responseReference());
    }

    @Test
    void score_limitsAndStructure_refusedWithoutEchoingContent() {
        String planted = "Quartermaine";
        List<String> inputs = List.of(" ".repeat(FhirScoring.MAX_BYTES + 1),
                "{\"resourceType\":\"QuestionnaireResponse\",\"item\":" + "[{\"item\":".repeat(40) + "[]"
                        + "}]".repeat(40) + "}",
                "{\"resourceType\":\"QuestionnaireResponse\",\"" + planted + "\":1}",
                "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"" + planted + "\"}",
                "{\"resourceType\":\"QuestionnaireResponse\",\"id\":1e99999}");
        for (String input : inputs) {
            FhirScoring.Refused refused = refused(SCORING.score(input.getBytes(StandardCharsets.UTF_8)));
            String json = FhirContext.forR4Cached().newJsonParser().encodeResourceToString(refused.operationOutcome());
            assertFalse(json.contains(planted), json);
            assertEquals(1, refused.operationOutcome().getIssue().size(), json);
        }
    }

    @Test
    void score_responseWithoutId_getsTheSameUrnForTheSameContent() throws IOException {
        String first = SCORING.score(fixture("y_phq9_complete")).responseReference().orElseThrow();
        String again = SCORING.score(fixture("y_phq9_complete")).responseReference().orElseThrow();
        String other = SCORING.score(fixture("y_phq9_amended_display_variants")).responseReference().orElseThrow();
        assertTrue(first.matches("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), first);
        assertEquals(first, again);
        assertFalse(first.equals(other));
    }

    @Test
    void score_fallbacks_fillWhatTheResponseLacks() throws IOException {
        FhirScoring withFallbacks = SCORING.withSubject(new Reference("Patient/fallback"))
                .withPerformer(new Reference("Practitioner/fallback")).withEffective(LocalDate.of(2026, 12, 1));
        Observation lacking = observed(withFallbacks.score(fixture("y_gad7_loinc_form")));
        assertEquals("Patient/fallback", lacking.getSubject().getReference());
        assertEquals("Practitioner/fallback", lacking.getPerformerFirstRep().getReference());
        assertEquals("2026-11-30", lacking.getEffectiveDateTimeType().getValueAsString(), "authored wins");
        Observation having = observed(withFallbacks.score(fixture("y_phq9_loinc_form")));
        assertEquals("Patient/example", having.getSubject().getReference());
        assertEquals("Practitioner/example", having.getPerformerFirstRep().getReference());
    }

    @Test
    void score_stoppedResponseAtAlertLevel_refusedButTheAlertIsKept() throws IOException {
        FhirScoring.Refused refused = refused(SCORING.score(fixture("n_stopped")));
        assertEquals(List.of("QuestionnaireResponse.status"), expressions(refused.operationOutcome()));
        // n_stopped answers item 9 above 0? only then must the alert travel with the refusal
        QuestionnaireResponse parsed = FhirContext.forR4Cached().newJsonParser().parseResource(
                QuestionnaireResponse.class, new String(fixture("n_stopped"), StandardCharsets.UTF_8));
        parsed.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        boolean alertLevel = Scorer.of(Catalogue.builtIn().get("PHQ-9")).score(ResponseMapping.toAdministration(
                Catalogue.builtIn(), parsed)).criticalAlerts().size() > 0;
        assertEquals(alertLevel, refused.alert().isPresent());
    }

    @Test
    void score_sameTotalAsTheDirectApi_forEveryCatalogueInstrument() {
        for (Instrument instrument : Catalogue.builtIn().instruments().stream().filter(Instrument::scored).toList()) {
            Administration administration = RandomAdministrations.of(instrument, new java.util.Random(16), false);
            QuestionnaireResponse response = ResponseMapping.toResponse(instrument, administration);
            FhirScoring.Outcome outcome = SCORING.score(response);
            if (Scorer.of(instrument).score(administration) instanceof Scored scored) {
                Observation observation = observed(outcome);
                QuestionnaireResponse withId = response.copy();
                withId.setId("x");
                Observation direct = ScoreMapping.toObservation(instrument, scored, withId);
                assertTrue(direct.getValue() == null ? observation.getValue() == null
                        : direct.getValue().equalsDeep(observation.getValue()), instrument.id());
                assertEquals(direct.getInterpretation().size(), observation.getInterpretation().size(), instrument.id());
            } else {
                refused(outcome);
            }
        }
    }

    @Test
    void questionnaire_loincAnswerCoding_isOnEveryPhq9Option() {
        Questionnaire form = QuestionnaireMapping.toQuestionnaire(Catalogue.builtIn().get("PHQ-9"));
        form.getItem().subList(0, 9).forEach(item -> item.getAnswerOption().forEach(option -> assertTrue(
                ((Coding) option.getExtensionByUrl(FhirUris.LOINC_ANSWER).getValue()).getCode().startsWith("LA"))));
    }
}
