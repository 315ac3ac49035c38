/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.Timepoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Offline validation with HAPI's FhirInstanceValidator (see {@link Validation}): every resource the mapping
 * produces, for every catalogue instrument, has zero errors against base R4 and against the UK Core profiles
 * UKCore-Questionnaire, UKCore-QuestionnaireResponse and UKCore-Observation. Warnings are collected and
 * printed once (docs/fhir.md lists them).
 */
class ValidationTest {

    private static final Catalogue CATALOGUE = Catalogue.builtIn();
    private static final TreeSet<String> WARNINGS = new TreeSet<>();

    private record Produced(Instrument instrument, Questionnaire questionnaire, QuestionnaireResponse response,
            Optional<Observation> observation) {
    }

    private static List<Produced> produced() {
        long base = RandomAdministrations.baseSeed();
        System.out.println("ValidationTest seed " + base);
        List<Produced> all = new ArrayList<>();
        for (Instrument instrument : CATALOGUE.instruments()) {
            Administration administration = RandomAdministrations.of(instrument, new Random(base), false)
                    .withDate(LocalDate.of(2026, 4, 1)).withTimepoint(Timepoint.BASELINE)
                    .withRespondent("birth mother");
            QuestionnaireResponse response = ResponseMapping.toResponse(instrument, administration,
                    Optional.of(new Reference("Patient/example")));
            response.setId("qr-" + instrument.key());
            Scored scored = (Scored) Scorer.of(instrument).score(administration);
            // answers only (FFT, CHI-ESQ): Questionnaire and response, no score Observation
            all.add(new Produced(instrument, QuestionnaireMapping.toQuestionnaire(instrument), response,
                    instrument.scored() ? Optional.of(ScoreMapping.toObservation(instrument, scored, response))
                            : Optional.empty()));
        }
        return all;
    }

    private static void assertNoErrors(String what, Resource resource, Optional<String> profile) {
        List<SingleValidationMessage> messages = Validation.validate(resource, profile);
        messages.stream().filter(m -> m.getSeverity() == ResultSeverityEnum.WARNING)
                .forEach(m -> WARNINGS.add(resource.fhirType() + profile.map(p -> " (" + p.substring(
                        p.lastIndexOf('/') + 1) + ")").orElse(" (base R4)") + ": " + m.getMessage()
                        .replaceAll("#[0-9-]+'", "#<code>'").replaceAll("@[0-9a-f]{6,}", "")));
        List<SingleValidationMessage> errors = Validation.errors(messages);
        assertTrue(errors.isEmpty(), () -> what + " must validate without errors:\n" + Validation.describe(errors));
    }

    @AfterAll
    static void printWarnings() {
        System.out.println("Validation warnings (distinct, codes elided):");
        WARNINGS.forEach(w -> System.out.println("  " + w));
    }

    @Test
    void everyInstrument_resources_validateAgainstBaseR4() {
        for (Produced p : produced()) {
            assertNoErrors(p.instrument().id() + " Questionnaire", p.questionnaire(), Optional.empty());
            assertNoErrors(p.instrument().id() + " QuestionnaireResponse", p.response(), Optional.empty());
            p.observation().ifPresent(o -> assertNoErrors(p.instrument().id() + " Observation", o, Optional.empty()));
        }
    }

    @Test
    void everyInstrument_resources_validateAgainstUkCore() {
        for (Produced p : produced()) {
            assertNoErrors(p.instrument().id() + " Questionnaire", p.questionnaire(),
                    Validation.ukCore("Questionnaire"));
            assertNoErrors(p.instrument().id() + " QuestionnaireResponse", p.response(),
                    Validation.ukCore("QuestionnaireResponse"));
            p.observation().ifPresent(o -> assertNoErrors(p.instrument().id() + " Observation", o,
                    Validation.ukCore("Observation")));
        }
    }

    @Test
    void change_observation_validatesAgainstBaseR4AndUkCore() {
        Observation change = ChangeMappingTest.improvement();
        assertNoErrors("PHQ-9 change Observation", change, Optional.empty());
        assertNoErrors("PHQ-9 change Observation", change, Validation.ukCore("Observation"));
    }

    /**
     * Score Observations that name an unanswered critical item (IND interpretation and note), a preliminary one
     * from an in-progress response, and alert Observations for unscorable administrations with an alert (with
     * and without a source response): zero errors against base R4 and UKCore-Observation.
     */
    @Test
    void criticalSafety_observations_validateAgainstBaseR4AndUkCore() {
        List<Resource> resources = new ArrayList<>();
        Instrument core10 = CATALOGUE.get("CORE-10");
        QuestionnaireResponse core10Response = response(core10, "1", "3", "3", "1", "1", "", "1", "1", "1", "2");
        resources.add(ScoreMapping.toObservation(core10, (Scored) Scorer.of(core10).score(
                ResponseMapping.toAdministration(CATALOGUE, core10Response)), core10Response));
        Instrument phq9 = CATALOGUE.get("PHQ-9");
        QuestionnaireResponse inProgress = response(phq9, "2", "2", "1", "1", "1", "1", "1", "1", "");
        inProgress.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.INPROGRESS);
        resources.add(ScoreMapping.toObservation(phq9, (Scored) Scorer.of(phq9, org.imhmeasures.scoring.ScoringOptions
                .defaults().with(org.imhmeasures.scoring.MissingItemPolicy.PRORATE)).score(
                ResponseMapping.toAdministration(CATALOGUE, inProgress)), inProgress));
        QuestionnaireResponse alerting = response(phq9, "1", "1", "1", "", "1", "1", "1", "1", "3");
        org.imhmeasures.scoring.NotScorable notScorable = (org.imhmeasures.scoring.NotScorable) Scorer.of(phq9).score(
                ResponseMapping.toAdministration(CATALOGUE, alerting));
        resources.add(ScoreMapping.toAlertObservation(phq9, notScorable, Optional.of(alerting)));
        resources.add(ScoreMapping.toAlertObservation(phq9, notScorable, Optional.empty()));
        Instrument epds = CATALOGUE.get("EPDS");
        resources.add(ScoreMapping.toAlertObservation(epds, (org.imhmeasures.scoring.NotScorable) Scorer.of(epds)
                .scoreCodes(new String[] {"1", "1", "7", "1", "1", "1", "1", "1", "1", "0"}), Optional.empty()));
        resources.add(ScoreMapping.toAlertObservation(core10, (org.imhmeasures.scoring.NotScorable) Scorer.of(core10)
                .scoreCodes(new String[10]), Optional.empty()));
        for (int i = 0; i < resources.size(); i++) {
            assertNoErrors("safety Observation " + i, resources.get(i), Optional.empty());
            assertNoErrors("safety Observation " + i, resources.get(i), Validation.ukCore("Observation"));
        }
    }

    /** The validator checks what the alert Observation relies on: obs-6 and the interpretation codes. */
    @Test
    void validator_alertObservationWithValueOrUnknownInterpretation_reportsErrors() {
        Instrument phq9 = CATALOGUE.get("PHQ-9");
        Observation alert = ScoreMapping.toAlertObservation(phq9, (org.imhmeasures.scoring.NotScorable) Scorer.of(phq9)
                .scoreCodes(new String[9]), Optional.empty());
        alert.setValue(new org.hl7.fhir.r4.model.IntegerType(3));
        alert.addInterpretation(new org.hl7.fhir.r4.model.CodeableConcept(new Coding(FhirUris.INTERPRETATION,
                "NOT-A-CODE", null)));
        String errors = Validation.describe(Validation.errors(Validation.validate(alert, Optional.empty())));
        assertTrue(errors.contains("obs-6"), errors);
        assertTrue(errors.contains("NOT-A-CODE"), errors);
    }

    private static QuestionnaireResponse response(Instrument instrument, String... codes) {
        java.util.Map<String, String> byItem = new java.util.LinkedHashMap<>();
        for (int i = 0; i < codes.length; i++) {
            byItem.put(instrument.items().get(i).id(), codes[i]);
        }
        QuestionnaireResponse response = ResponseMapping.toResponse(instrument, Administration.of(instrument.id(),
                byItem).withDate(LocalDate.of(2026, 4, 1)), Optional.of(new Reference("Patient/example")));
        response.setId("qr-safety-" + instrument.key());
        return response;
    }

    /** The validator has teeth: an answer that is not an option of the Questionnaire is an error. */
    @Test
    void validator_answerNotInQuestionnaire_reportsError() {
        Instrument phq9 = CATALOGUE.get("PHQ-9");
        QuestionnaireResponse response = ResponseMapping.toResponse(phq9,
                RandomAdministrations.of(phq9, new Random(1), false));
        response.getItem().get(2).getAnswerFirstRep().setValue(new Coding(FhirUris.answers(phq9), "9", null));
        List<SingleValidationMessage> errors = Validation.errors(Validation.validate(response, Optional.empty()));
        assertFalse(errors.isEmpty(), "an answer outside the options must be an error");
        assertTrue(errors.stream().anyMatch(m -> m.getLocationString().contains("item[2]")),
                Validation.describe(errors));
    }

    /** The UK Core profiles are really applied: an unknown profile is an error, a known one is not. */
    @Test
    void validator_unknownProfile_reportsErrorWhileUkCoreResolves() {
        Questionnaire questionnaire = QuestionnaireMapping.toQuestionnaire(CATALOGUE.get("GAD-7"));
        assertFalse(Validation.errors(Validation.validateAgainstUnknownProfile(questionnaire,
                Validation.UK_CORE + "UKCore-Questionnaire-NoSuchProfile")).isEmpty());
        assertEquals(List.of(), Validation.errors(Validation.validate(questionnaire,
                Validation.ukCore("Questionnaire"))));
    }
}
