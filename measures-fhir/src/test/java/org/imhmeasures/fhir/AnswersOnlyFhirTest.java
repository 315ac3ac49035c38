/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.Timepoint;
import org.junit.jupiter.api.Test;

/**
 * FHIR resources of an instrument that records answers only (the TEST-FEEDBACK fixture): a Questionnaire
 * whose options carry no weight, a QuestionnaireResponse that round-trips to the same answers, and no score
 * Observation.
 */
class AnswersOnlyFhirTest {

    private static final Instrument FEEDBACK = TestFeedback.instrument();
    private static final Catalogue CATALOGUE = TestFeedback.catalogue();

    private static Administration administration() {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("testfeedback_1", "2");
        answers.put("testfeedback_2", "unsure");
        answers.put("testfeedback_3", "");
        return Administration.of("TEST-FEEDBACK", answers).withDate(LocalDate.of(2026, 4, 1))
                .withTimepoint(Timepoint.DISCHARGE).withRespondent("birth mother");
    }

    private static QuestionnaireResponse response() {
        QuestionnaireResponse response = ResponseMapping.toResponse(FEEDBACK, administration(),
                Optional.of(new Reference("Patient/example")));
        response.setId("qr-feedback");
        return response;
    }

    private static void assertValid(String what, Resource resource) {
        for (Optional<String> profile : List.of(Optional.<String>empty(), Validation.ukCore(resource.fhirType()))) {
            List<SingleValidationMessage> errors = Validation.errors(Validation.validate(resource, profile));
            assertTrue(errors.isEmpty(), () -> what + " " + profile.orElse("base R4") + ":\n"
                    + Validation.describe(errors));
        }
    }

    @Test
    void questionnaire_optionsAreCodingsWithoutWeights_andThereIsNoTotalItem() {
        Questionnaire questionnaire = QuestionnaireMapping.toQuestionnaire(FEEDBACK);
        assertEquals(3, questionnaire.getItem().size(), "three questions and no calculated score item");
        for (Questionnaire.QuestionnaireItemComponent item : questionnaire.getItem()) {
            assertEquals(Questionnaire.QuestionnaireItemType.CHOICE, item.getType(), item.getLinkId());
            assertFalse(item.getAnswerOption().isEmpty(), item.getLinkId());
            for (Questionnaire.QuestionnaireItemAnswerOptionComponent option : item.getAnswerOption()) {
                assertFalse(option.hasExtension(FhirUris.ORDINAL_VALUE), "no ordinalValue: " + item.getLinkId());
                assertFalse(option.hasExtension("http://hl7.org/fhir/StructureDefinition/itemWeight"));
                Coding coding = option.getValueCoding();
                assertEquals(FhirUris.answers(FEEDBACK), coding.getSystem());
            }
            assertFalse(item.hasExtension(QuestionnaireMapping.CALCULATED_EXPRESSION));
        }
        Coding first = questionnaire.getItem().get(0).getAnswerOption().get(0).getValueCoding();
        assertEquals("1", first.getCode());
        assertEquals("Test answer one", first.getDisplay());
        assertEquals("Test question one?", questionnaire.getItem().get(0).getText());
        Coding unlabelled = questionnaire.getItem().get(1).getAnswerOption().get(2).getValueCoding();
        assertEquals("unsure", unlabelled.getCode());
        assertEquals("option 3 of 3 (code unsure)", unlabelled.getDisplay());
        String json = FhirContext.forR4Cached().newJsonParser().encodeResourceToString(questionnaire);
        assertFalse(json.contains("ordinalValue") || json.contains("weight"), json);
        assertValid("TEST-FEEDBACK Questionnaire", questionnaire);
    }

    @Test
    void response_roundTripsToTheAdministrationAndTheScoredAnswers() {
        QuestionnaireResponse response = response();
        assertValid("TEST-FEEDBACK QuestionnaireResponse", response);
        assertEquals(2, response.getItem().size(), "the unanswered item is left out");
        assertEquals("unsure", response.getItem().get(1).getAnswerFirstRep().getValueCoding().getCode());
        Administration back = ResponseMapping.toAdministration(CATALOGUE, response);
        Scored scored = assertInstanceOf(Scored.class, Scorer.of(FEEDBACK).score(back));
        assertEquals(Map.of("testfeedback_1", "2", "testfeedback_2", "unsure"), scored.recordedAnswers());
        assertEquals(List.of("testfeedback_3"), scored.itemsMissing());
        assertEquals(Scorer.of(FEEDBACK).score(administration()), scored);
        // through JSON, as a record system sends it
        String json = FhirContext.forR4Cached().newJsonParser().encodeResourceToString(response);
        QuestionnaireResponse parsed = FhirContext.forR4Cached().newJsonParser().parseResource(
                QuestionnaireResponse.class, json);
        assertEquals(scored, Scorer.of(FEEDBACK).score(ResponseMapping.toAdministration(CATALOGUE, parsed)));
    }

    @Test
    void inboundResponse_withACodeTheItemDoesNotList_isRefusedLocated() {
        QuestionnaireResponse response = response();
        response.getItem().get(1).getAnswerFirstRep().setValue(new Coding(FhirUris.answers(FEEDBACK), "maybe", null));
        FhirMappingException e = assertThrows(FhirMappingException.class, () -> ResponseMapping.toAdministration(
                CATALOGUE, response));
        assertTrue(e.getMessage().contains("item[1].answer[0].valueCoding.code"), e.getMessage());
        assertTrue(e.getMessage().contains("yes, no, unsure"), e.getMessage());
    }

    @Test
    void scoreMapping_makesNoScoreObservation_typed() {
        Scored scored = (Scored) Scorer.of(FEEDBACK).score(administration());
        NoScoreException e = assertThrows(NoScoreException.class, () -> ScoreMapping.toObservation(FEEDBACK, scored,
                response()));
        assertEquals("TEST-FEEDBACK", e.instrumentId());
        assertFalse(e.getMessage().contains("unsure"), e.getMessage());
        AdministrationKey key = AdministrationKey.of("REC-1", administration());
        QuestionnaireResponse stable = DatasetResources.defaults().response(FEEDBACK, administration(), key);
        assertValid("TEST-FEEDBACK stable QuestionnaireResponse", stable);
        assertThrows(NoScoreException.class, () -> DatasetResources.defaults().observation(FEEDBACK, scored, stable,
                key));
    }

    @Test
    void fhirScoring_answersOnlyResponse_isRefusedWithAnInformationIssueAndNoObservation() {
        String json = FhirContext.forR4Cached().newJsonParser().encodeResourceToString(response());
        FhirScoring.Outcome outcome = FhirScoring.of(CATALOGUE).score(json.getBytes(StandardCharsets.UTF_8));
        FhirScoring.Refused refused = assertInstanceOf(FhirScoring.Refused.class, outcome);
        assertTrue(refused.alert().isEmpty());
        OperationOutcome oo = refused.operationOutcome();
        assertEquals(1, oo.getIssue().size());
        assertEquals(OperationOutcome.IssueSeverity.INFORMATION, oo.getIssueFirstRep().getSeverity());
        assertEquals("answers_only", oo.getIssueFirstRep().getDetails().getText());
        assertTrue(refused.summary().contains("records answers only"), refused.summary());
        assertFalse(refused.summary().contains("unsure"), refused.summary());
        // base R4 (UK Core's OperationOutcome profile is not vendored: the other refusals are not checked there either)
        assertEquals(List.of(), Validation.errors(Validation.validate(oo, Optional.empty())));
        // an invalid answer is refused as for any instrument
        QuestionnaireResponse bad = response();
        bad.getItem().get(0).getAnswerFirstRep().setValue(new Coding(FhirUris.answers(FEEDBACK), "9", null));
        FhirScoring.Refused invalid = assertInstanceOf(FhirScoring.Refused.class, FhirScoring.of(CATALOGUE).score(bad));
        assertEquals(OperationOutcome.IssueSeverity.ERROR, invalid.operationOutcome().getIssueFirstRep().getSeverity());
    }
}
