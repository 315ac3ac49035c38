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

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.Reference;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.Answer;
import org.imhmeasures.scoring.MissingItemPolicy;
import org.imhmeasures.scoring.NotScorable;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.ScoringOptions;
import org.junit.jupiter.api.Test;

/**
 * Hazard controls at the FHIR boundary: a display that contradicts its code is refused, only completed,
 * amended and in-progress responses are scored (final / preliminary), an unanswered critical item is named on
 * the score Observation, and an unscorable administration with an alert still becomes an Observation.
 */
class ClinicalSafetyMappingTest {

    private static final Catalogue CATALOGUE = Catalogue.builtIn();
    private static final Instrument PHQ9 = CATALOGUE.get("PHQ-9");
    private static final Instrument CORE10 = CATALOGUE.get("CORE-10");

    private static Map<String, String> codes(Instrument instrument, String... values) {
        Map<String, String> byItem = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            byItem.put(instrument.items().get(i).id(), values[i]);
        }
        return byItem;
    }

    private static QuestionnaireResponse response(Instrument instrument, String... values) {
        QuestionnaireResponse response = ResponseMapping.toResponse(instrument,
                Administration.of(instrument.id(), codes(instrument, values)), Optional.of(new Reference("Patient/p")));
        response.setId("qr-1");
        return response;
    }

    private static Coding coding(QuestionnaireResponse response, int item) {
        return response.getItem().get(item).getAnswerFirstRep().getValueCoding();
    }

    private static List<String> codesOf(List<CodeableConcept> concepts) {
        return concepts.stream().flatMap(c -> c.getCoding().stream()).map(Coding::getCode).toList();
    }

    // --- inbound: display against code -------------------------------------------------------------

    @Test
    void toAdministration_displayIsLabelOfAnotherOption_isLocatedInvalidValueWithoutTheText() {
        QuestionnaireResponse response = response(PHQ9, "1", "1", "1", "1", "1", "1", "1", "1", "0");
        coding(response, 8).setDisplay("Nearly every day"); // the label of code 3: the alert would be lost
        FhirMappingException e = assertThrows(FhirMappingException.class,
                () -> ResponseMapping.toAdministration(CATALOGUE, response));
        assertInstanceOf(FhirMappingException.InvalidValue.class, e);
        assertEquals("QuestionnaireResponse.item[8].answer[0].valueCoding.display", e.path());
        assertEquals("QuestionnaireResponse.item[8].answer[0].valueCoding.display must agree with valueCoding.code 0 "
                + "of phq9_9: the label of code 3", e.getMessage());
        assertFalse(e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("nearly"), e.getMessage());
    }

    @Test
    void toAdministration_displayDiffersOnlyInCaseAndWhitespace_maps() {
        QuestionnaireResponse response = response(PHQ9, "1", "1", "1", "1", "1", "1", "1", "1", "3");
        coding(response, 8).setDisplay("  nearly\u00a0EVERY   day\t");
        coding(response, 0).setDisplay("SEVERALDAYS");
        Administration administration = ResponseMapping.toAdministration(CATALOGUE, response);
        assertEquals(new Answer.Given("3"), administration.answers().get("phq9_9"));
    }

    @Test
    void toAdministration_displayMatchingNoLabel_mapsOnTheCode() {
        QuestionnaireResponse response = response(PHQ9, "1", "1", "1", "1", "1", "1", "1", "1", "0");
        coding(response, 8).setDisplay("Pas du tout"); // a translation: only another option's label contradicts
        assertEquals(new Answer.Given("0"), ResponseMapping.toAdministration(CATALOGUE, response).answers()
                .get("phq9_9"));
    }

    @Test
    void toAdministration_noWording_displayNotCompared_licenseeWording_compared() {
        Instrument epds = CATALOGUE.get("EPDS");
        QuestionnaireResponse response = response(epds, "0", "0", "0", "0", "0", "0", "0", "0", "0", "3");
        coding(response, 9).setDisplay("(licensed option a)");
        // built in: EPDS ships no option labels, so there is nothing to compare with
        assertEquals(new Answer.Given("3"), ResponseMapping.toAdministration(CATALOGUE, response).answers()
                .get("epds_10"));
        Catalogue licensed = CATALOGUE.withWording(new ByteArrayInputStream(("{\"format\":\"imh-measures/wording@1\","
                + "\"instrument\":\"EPDS\",\"definitionVersion\":\"" + epds.definitionVersion() + "\",\"items\":[{\"id\":"
                + "\"epds_10\",\"options\":{\"0\":\"(Licensed option A)\",\"1\":\"(b)\",\"2\":\"(c)\",\"3\":\"(d)\"}}]}")
                .getBytes(StandardCharsets.UTF_8)), "wording.json");
        FhirMappingException e = assertThrows(FhirMappingException.class,
                () -> ResponseMapping.toAdministration(licensed, response));
        assertEquals("QuestionnaireResponse.item[9].answer[0].valueCoding.display", e.path());
        assertEquals("the label of code 0", e.found());
    }

    @Test
    void toResponse_thenToAdministration_shippedLabelsAsDisplays_roundTrip() {
        QuestionnaireResponse response = response(PHQ9, "0", "1", "2", "3", "0", "1", "2", "3", "2");
        assertEquals("More than half the days", coding(response, 8).getDisplay());
        assertEquals(new Answer.Given("2"), ResponseMapping.toAdministration(CATALOGUE, response).answers()
                .get("phq9_9"));
    }

    // --- status ---------------------------------------------------------------------------------------

    @Test
    void toAdministration_stoppedOrEnteredInError_isNotScored() {
        for (QuestionnaireResponseStatus status : List.of(QuestionnaireResponseStatus.STOPPED,
                QuestionnaireResponseStatus.ENTEREDINERROR)) {
            QuestionnaireResponse response = response(PHQ9, "1", "1", "1", "1", "1", "1", "1", "1", "1");
            response.setStatus(status);
            FhirMappingException e = assertThrows(FhirMappingException.InvalidValue.class,
                    () -> ResponseMapping.toAdministration(CATALOGUE, response));
            assertEquals("QuestionnaireResponse.status", e.path());
            assertEquals("QuestionnaireResponse.status must be completed, amended or in-progress to be scored: "
                    + status.toCode(), e.getMessage());
        }
    }

    @Test
    void toObservation_statusFollowsResponse_completedAmendedFinal_inProgressPreliminary() {
        Map<QuestionnaireResponseStatus, ObservationStatus> expected = Map.of(
                QuestionnaireResponseStatus.COMPLETED, ObservationStatus.FINAL,
                QuestionnaireResponseStatus.AMENDED, ObservationStatus.FINAL,
                QuestionnaireResponseStatus.INPROGRESS, ObservationStatus.PRELIMINARY);
        expected.forEach((status, observationStatus) -> {
            QuestionnaireResponse response = response(PHQ9, "1", "1", "1", "1", "1", "1", "1", "1", "1");
            response.setStatus(status);
            Administration inbound = ResponseMapping.toAdministration(CATALOGUE, response);
            Scored scored = (Scored) Scorer.of(PHQ9).score(inbound);
            assertEquals(observationStatus, ScoreMapping.toObservation(PHQ9, scored, response).getStatus(),
                    status.toCode());
        });
    }

    @Test
    void toObservation_sourceNotScoredStatus_isRefused() {
        QuestionnaireResponse response = response(PHQ9, "1", "1", "1", "1", "1", "1", "1", "1", "1");
        Scored scored = (Scored) Scorer.of(PHQ9).score(ResponseMapping.toAdministration(CATALOGUE, response));
        response.setStatus(QuestionnaireResponseStatus.STOPPED);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScoreMapping.toObservation(PHQ9, scored, response));
        assertEquals("source questionnaire response status must be completed, amended or in-progress: stopped",
                e.getMessage());
    }

    // --- outbound: unanswered critical item on a score ----------------------------------------------

    @Test
    void toObservation_core10ProratedWithoutItem6_saysCriticalItemUnanswered() {
        QuestionnaireResponse response = response(CORE10, "1", "3", "3", "1", "1", "", "1", "1", "1", "2");
        Scored scored = (Scored) Scorer.of(CORE10).score(ResponseMapping.toAdministration(CATALOGUE, response));
        assertTrue(scored.prorated());
        Observation observation = ScoreMapping.toObservation(CORE10, scored, response);
        assertEquals(0, scored.total().orElseThrow().compareTo(observation.getValueQuantity().getValue()),
                "the value is the prorated total, unchanged");
        CodeableConcept indeterminate = observation.getInterpretation().stream()
                .filter(c -> "IND".equals(c.getCodingFirstRep().getCode())).findFirst().orElseThrow();
        assertEquals(FhirUris.INTERPRETATION, indeterminate.getCodingFirstRep().getSystem());
        assertTrue(indeterminate.getText().startsWith("critical item core10_6 unanswered: alert status unknown; "),
                indeterminate.getText());
        assertTrue(observation.getNote().stream().anyMatch(n -> n.getText().startsWith(
                "critical item(s) core10_6 not answered")), observation.getNote().toString());
    }

    @Test
    void toObservation_phq9ProratedWithoutItem9_hasIndNotAa() {
        QuestionnaireResponse response = response(PHQ9, "2", "2", "1", "1", "1", "1", "1", "1", "");
        Scored scored = (Scored) Scorer.of(PHQ9, ScoringOptions.defaults().with(MissingItemPolicy.PRORATE))
                .score(ResponseMapping.toAdministration(CATALOGUE, response));
        Observation observation = ScoreMapping.toObservation(PHQ9, scored, response);
        assertEquals(List.of("A", "IND"), codesOf(observation.getInterpretation()));
    }

    @Test
    void toObservation_everyCriticalItemAnswered_hasNoInd() {
        QuestionnaireResponse response = response(PHQ9, "1", "1", "1", "1", "1", "1", "1", "1", "0");
        Scored scored = (Scored) Scorer.of(PHQ9).score(ResponseMapping.toAdministration(CATALOGUE, response));
        Observation observation = ScoreMapping.toObservation(PHQ9, scored, response);
        assertFalse(codesOf(observation.getInterpretation()).contains("IND"));
        assertTrue(observation.getNote().isEmpty());
    }

    // --- outbound: alert without a score ------------------------------------------------------------

    @Test
    void toAlertObservation_notScorableWithAlert_hasNoValueDataAbsentReasonAndAa() {
        QuestionnaireResponse response = response(PHQ9, "1", "1", "1", "", "1", "1", "1", "1", "3");
        NotScorable result = (NotScorable) Scorer.of(PHQ9).score(ResponseMapping.toAdministration(CATALOGUE,
                response));
        Observation observation = ScoreMapping.toAlertObservation(PHQ9, result, Optional.of(response));
        assertFalse(observation.hasValue());
        assertEquals(ObservationStatus.FINAL, observation.getStatus());
        assertEquals("unknown", observation.getDataAbsentReason().getCodingFirstRep().getCode());
        assertEquals("score not computed: too_many_missing", observation.getDataAbsentReason().getText());
        assertEquals(ScoreMapping.totalCode(PHQ9).getCodingFirstRep().getCode(),
                observation.getCode().getCodingFirstRep().getCode());
        assertEquals(List.of("AA"), codesOf(observation.getInterpretation()));
        assertTrue(observation.getInterpretationFirstRep().getText().startsWith("critical item phq9_9 scored 3: "));
        assertEquals("QuestionnaireResponse/qr-1", observation.getDerivedFromFirstRep().getReference());
        assertEquals("Patient/p", observation.getSubject().getReference());
        assertTrue(observation.getNoteFirstRep().getText().contains("act on the alert although there is no score"));
    }

    @Test
    void toAlertObservation_withoutSource_isFinalWithoutDerivedFrom() {
        NotScorable result = (NotScorable) Scorer.of(PHQ9).scoreCodes(new String[] {"1", "1", "9", "1", "1", "1",
            "1", "1", "2"});
        Observation observation = ScoreMapping.toAlertObservation(PHQ9, result, Optional.empty());
        assertEquals(ObservationStatus.FINAL, observation.getStatus());
        assertFalse(observation.hasDerivedFrom());
        assertFalse(observation.hasSubject());
        assertEquals("score not computed: code_not_allowed", observation.getDataAbsentReason().getText());
        assertFalse(observation.getDataAbsentReason().getText().contains("9"), "recorded values are not echoed");
    }

    @Test
    void toAlertObservation_unansweredOnly_hasInd_nothingCritical_isRefused() {
        NotScorable unanswered = (NotScorable) Scorer.of(PHQ9).scoreCodes(new String[9]);
        assertEquals(List.of("IND"), codesOf(ScoreMapping.toAlertObservation(PHQ9, unanswered, Optional.empty())
                .getInterpretation()));
        NotScorable nothing = (NotScorable) Scorer.of(PHQ9).scoreCodes(new String[] {"", "1", "1", "1", "1", "1",
            "1", "1", "0"});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScoreMapping.toAlertObservation(PHQ9, nothing, Optional.empty()));
        assertEquals("not scorable result must have a critical alert or an unanswered critical item: none",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ScoreMapping.toAlertObservation(CORE10, unanswered,
                Optional.empty()));
    }
}
