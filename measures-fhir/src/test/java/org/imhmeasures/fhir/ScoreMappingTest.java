/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationComponentComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.core.instrument.Subscale;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.Scored;
import org.junit.jupiter.api.Test;

class ScoreMappingTest {

    private static final Catalogue CATALOGUE = Catalogue.builtIn();

    private static Map<String, String> codes(Instrument instrument, String... values) {
        Map<String, String> byItem = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            byItem.put(instrument.items().get(i).id(), values[i]);
        }
        return byItem;
    }

    private static QuestionnaireResponse response(Instrument instrument, Administration administration) {
        QuestionnaireResponse response = ResponseMapping.toResponse(instrument, administration,
                Optional.of(new Reference("Patient/p1")));
        response.setId("qr-1");
        return response;
    }

    private static Observation observe(Instrument instrument, Administration administration) {
        Scored scored = (Scored) Scorer.of(instrument).score(administration);
        return ScoreMapping.toObservation(instrument, scored, response(instrument, administration));
    }

    private static Set<String> interpretationCodes(List<CodeableConcept> concepts) {
        return concepts.stream().flatMap(c -> c.getCoding().stream()).map(Coding::getCode).collect(Collectors.toSet());
    }

    @Test
    void toObservation_phq9_hasCodesValueInterpretationsAndProvenance() {
        Instrument phq9 = CATALOGUE.get("PHQ-9");
        Administration administration = Administration.of("PHQ-9",
                codes(phq9, "3", "3", "3", "3", "2", "2", "1", "1", "2")).withDate(LocalDate.of(2026, 3, 1));
        Observation observation = observe(phq9, administration);
        List<Coding> coding = observation.getCode().getCoding();
        assertEquals(FhirUris.LOINC, coding.get(0).getSystem());
        assertEquals("44261-6", coding.get(0).getCode());
        assertEquals(FhirUris.SNOMED_CT, coding.get(1).getSystem());
        assertEquals("720433000", coding.get(1).getCode());
        assertEquals(2, coding.size());
        assertEquals(20, observation.getValueIntegerType().getValue());
        assertEquals("survey", observation.getCategoryFirstRep().getCodingFirstRep().getCode());
        assertEquals("QuestionnaireResponse/qr-1", observation.getDerivedFromFirstRep().getReference());
        assertEquals("Patient/p1", observation.getSubject().getReference());
        assertEquals("2026-03-01", observation.getEffectiveDateTimeType().getValueAsString());
        assertEquals("band: severe", observation.getInterpretation().get(0).getText());
        assertEquals(Set.of("A", "AA"), interpretationCodes(observation.getInterpretation()));
        CodeableConcept critical = observation.getInterpretation().get(2);
        assertEquals("AA", critical.getCodingFirstRep().getCode());
        assertTrue(critical.getText().startsWith("critical item phq9_9 scored 2: "), critical.getText());
        assertTrue(observation.getMethod().getText().contains("PHQ-9 definition 1.0.0"));
    }

    @Test
    void toObservation_belowCaseness_isNormalWithoutCriticalFlag() {
        Instrument phq9 = CATALOGUE.get("PHQ-9");
        Observation observation = observe(phq9, Administration.of("PHQ-9",
                codes(phq9, "0", "1", "0", "1", "0", "0", "0", "0", "0")));
        assertEquals(2, observation.getValueIntegerType().getValue());
        assertEquals(Set.of("N"), interpretationCodes(observation.getInterpretation()));
    }

    @Test
    void toObservation_swemwbsMetric_isDecimalQuantity() {
        Instrument swemwbs = CATALOGUE.get("SWEMWBS");
        Scored scored = (Scored) Scorer.of(swemwbs).score(Administration.of("SWEMWBS",
                codes(swemwbs, "3", "3", "4", "2", "3", "3", "4")));
        Observation observation = ScoreMapping.toObservation(swemwbs, scored,
                response(swemwbs, Administration.of("SWEMWBS", codes(swemwbs, "3", "3", "4", "2", "3", "3", "4"))));
        assertTrue(observation.hasValueQuantity());
        assertEquals(0, scored.total().orElseThrow().compareTo(observation.getValueQuantity().getValue()));
        assertEquals("{score}", observation.getValueQuantity().getCode());
        assertEquals("718466001", observation.getCode().getCodingFirstRep().getCode());
    }

    @Test
    void toObservation_hadsWithoutTotal_hasSubscaleComponentsAndOwnCode() {
        Instrument hads = CATALOGUE.get("HADS");
        String[] values = new String[14];
        for (int i = 0; i < 14; i++) {
            values[i] = Integer.toString(i % 4);
        }
        Observation observation = observe(hads, Administration.of("HADS", codes(hads, values)));
        assertFalse(observation.hasValue());
        assertEquals(FhirUris.SCORE_CODES, observation.getCode().getCodingFirstRep().getSystem());
        assertEquals("hads-total", observation.getCode().getCodingFirstRep().getCode());
        assertEquals(hads.subscales().size(), observation.getComponent().size());
        Scored scored = (Scored) Scorer.of(hads).score(Administration.of("HADS", codes(hads, values)));
        for (int i = 0; i < hads.subscales().size(); i++) {
            Subscale subscale = hads.subscales().get(i);
            ObservationComponentComponent component = observation.getComponent().get(i);
            assertEquals("hads-subscale-" + subscale.id().replace('_', '-'),
                    component.getCode().getCodingFirstRep().getCode());
            BigDecimal expected = scored.subscales().get(subscale.id()).score().orElseThrow();
            assertEquals(expected.intValueExact(), component.getValueIntegerType().getValue());
        }
    }

    /**
     * PIR-GAS bands are confirmed for 61-100 only (DC:0-3R copy; NCTSN): a rating of 45 has no band label, and
     * the Observation says it is below the confirmed bands instead of carrying no band interpretation.
     */
    @Test
    void toObservation_pirgasBelowConfirmedBands_saysSo() {
        Instrument pirgas = CATALOGUE.get("PIR-GAS");
        Observation low = observe(pirgas, Administration.of("PIR-GAS", codes(pirgas, "45")));
        assertEquals(45, low.getValueIntegerType().getValue());
        assertEquals(List.of("band: below the confirmed bands"),
                low.getInterpretation().stream().map(CodeableConcept::getText).collect(Collectors.toList()));
        Observation banded = observe(pirgas, Administration.of("PIR-GAS", codes(pirgas, "61")));
        assertEquals(List.of("band: significantly perturbed"),
                banded.getInterpretation().stream().map(CodeableConcept::getText).collect(Collectors.toList()));
    }

    /**
     * The caseness text is "case: " or "not a case: " and the cut-off's meaning, said once: HADS 1.0.0 read
     * "case: case: abnormal anxiety score (11-21)", and "not a case: case: ..." below the cut-off. Anxiety 11
     * and depression 7 (awell-score bands: 11-21 abnormal, the case).
     */
    @Test
    void toObservation_hadsCaseness_saysCaseOnce() {
        Instrument hads = CATALOGUE.get("HADS");
        Observation observation = observe(hads, Administration.of("HADS",
                codes(hads, "2", "1", "2", "1", "2", "1", "2", "1", "1", "1", "1", "1", "1", "1")));
        ObservationComponentComponent anxiety = observation.getComponent().get(0);
        ObservationComponentComponent depression = observation.getComponent().get(1);
        assertEquals(11, anxiety.getValueIntegerType().getValue());
        assertEquals(List.of("band: abnormal", "case: abnormal anxiety score (11-21)"),
                anxiety.getInterpretation().stream().map(CodeableConcept::getText).collect(Collectors.toList()));
        assertEquals(7, depression.getValueIntegerType().getValue());
        assertEquals(List.of("band: normal", "not a case: abnormal depression score (11-21)"),
                depression.getInterpretation().stream().map(CodeableConcept::getText).collect(Collectors.toList()));
    }

    @Test
    void toObservation_responseWithoutId_isRejected() {
        Instrument phq9 = CATALOGUE.get("PHQ-9");
        Administration administration = Administration.of("PHQ-9", codes(phq9, "0", "0", "0", "0", "0", "0", "0",
                "0", "0"));
        Scored scored = (Scored) Scorer.of(phq9).score(administration);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScoreMapping.toObservation(phq9, scored, ResponseMapping.toResponse(phq9, administration)));
        assertEquals("source questionnaire response must have an id: none", e.getMessage());
    }

    @Test
    void toObservation_scoreOfOtherInstrument_isRejected() {
        Instrument phq9 = CATALOGUE.get("PHQ-9");
        Administration administration = Administration.of("PHQ-9", codes(phq9, "0", "0", "0", "0", "0", "0", "0",
                "0", "0"));
        Scored scored = (Scored) Scorer.of(phq9).score(administration);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScoreMapping.toObservation(CATALOGUE.get("GAD-7"), scored, response(phq9, administration)));
        assertEquals("score instrument must be GAD-7: PHQ-9", e.getMessage());
    }

    /** Every instrument, random complete answers: value and components agree with the score. */
    @Test
    void toObservation_everyInstrumentRandomAnswers_valueMatchesScore() {
        long base = RandomAdministrations.baseSeed();
        System.out.println("ScoreMappingTest seed " + base);
        // answers-only instruments get no score Observation (AnswersOnlyFhirTest)
        for (Instrument instrument : CATALOGUE.instruments().stream().filter(Instrument::scored).toList()) {
            for (int run = 0; run < 50; run++) {
                long seed = base + run;
                Administration administration = RandomAdministrations.of(instrument, new Random(seed), false);
                Scored scored = (Scored) Scorer.of(instrument).score(administration);
                Observation observation = ScoreMapping.toObservation(instrument, scored,
                        response(instrument, administration));
                String where = instrument.id() + " seed " + seed;
                if (scored.total().isPresent()) {
                    BigDecimal value = observation.hasValueIntegerType()
                            ? BigDecimal.valueOf(observation.getValueIntegerType().getValue())
                            : observation.getValueQuantity().getValue();
                    assertEquals(0, scored.total().get().compareTo(value), where);
                } else {
                    assertFalse(observation.hasValue(), where);
                }
                assertEquals(scored.subscales().size(), observation.getComponent().size(), where);
                long critical = observation.getInterpretation().stream()
                        .filter(c -> "AA".equals(c.getCodingFirstRep().getCode())).count();
                assertEquals(scored.criticalAlerts().size(), critical, where);
            }
        }
    }

    @Test
    void codeSystem_holdsEveryOwnCodeUsed() {
        CodeSystem system = ScoreMapping.codeSystem(CATALOGUE);
        Set<String> codes = system.getConcept().stream().map(c -> c.getCode()).collect(Collectors.toSet());
        for (Instrument instrument : CATALOGUE.instruments()) {
            assertEquals(instrument.scored(), codes.contains(instrument.key() + "-total"), instrument.id());
            for (Subscale subscale : instrument.subscales()) {
                assertTrue(codes.contains(instrument.key() + "-subscale-" + subscale.id().replace('_', '-')),
                        subscale.id());
            }
        }
        assertEquals(codes.size(), system.getConcept().size(), "codes must be unique");
    }
}
