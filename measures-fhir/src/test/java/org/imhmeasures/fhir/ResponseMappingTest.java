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
import static org.junit.jupiter.api.Assertions.fail;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.Answer;
import org.imhmeasures.scoring.Timepoint;
import org.junit.jupiter.api.Test;

class ResponseMappingTest {

    private static final Catalogue CATALOGUE = Catalogue.builtIn();
    private static final Instrument PHQ9 = CATALOGUE.get("PHQ-9");
    private static final Instrument PIRGAS = CATALOGUE.get("PIR-GAS");
    private static final int RUNS_PER_INSTRUMENT = 200;

    private static Administration phq9(String... codes) {
        Map<String, String> byItem = new LinkedHashMap<>();
        for (int i = 0; i < codes.length; i++) {
            byItem.put("phq9_" + (i + 1), codes[i]);
        }
        return Administration.of("PHQ-9", byItem);
    }

    @Test
    void toResponse_fullAdministration_mapsEveryField() {
        Administration administration = phq9("0", "1", "2", "3", "0", "1", "2", "3", "1")
                .withDate(LocalDate.of(2026, 1, 5)).withTimepoint(Timepoint.FOLLOW_UP).withRespondent("birth mother");
        QuestionnaireResponse response = ResponseMapping.toResponse(PHQ9, administration,
                Optional.of(new Reference("Patient/p1")));
        assertEquals("https://imh-measures.org/fhir/Questionnaire/phq9|1.0.0", response.getQuestionnaire());
        assertEquals(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED, response.getStatus());
        assertEquals("Patient/p1", response.getSubject().getReference());
        assertEquals("2026-01-05", response.getAuthoredElement().getValueAsString());
        assertEquals("birth mother", response.getSource().getDisplay());
        assertEquals("follow-up", ((CodeType) response.getExtensionByUrl(ResponseMapping.TIMEPOINT_EXTENSION)
                .getValue()).getValue());
        assertEquals(9, response.getItem().size());
        QuestionnaireResponseItemComponent fourth = response.getItem().get(3);
        assertEquals("phq9_4", fourth.getLinkId());
        Coding coding = fourth.getAnswerFirstRep().getValueCoding();
        assertEquals("https://imh-measures.org/fhir/CodeSystem/phq9-answers", coding.getSystem());
        assertEquals("3", coding.getCode());
    }

    @Test
    void toResponse_missingAndDeclined_leavesOutMissingAndMarksDeclined() {
        Map<String, Answer> answers = new LinkedHashMap<>(phq9("0", "1", "2", "3", "0", "1", "2", "3", "1").answers());
        answers.put("phq9_2", Answer.MISSING);
        answers.put("phq9_9", Answer.DECLINED);
        Administration administration = new Administration("PHQ-9", answers, Optional.empty(), Optional.empty(),
                Optional.empty());
        QuestionnaireResponse response = ResponseMapping.toResponse(PHQ9, administration);
        assertEquals(8, response.getItem().size());
        assertTrue(response.getItem().stream().noneMatch(i -> i.getLinkId().equals("phq9_2")));
        QuestionnaireResponseItemComponent declined = response.getItem().get(7);
        assertEquals("phq9_9", declined.getLinkId());
        assertFalse(declined.hasAnswer());
        assertEquals("asked-declined", ((CodeType) declined.getExtensionByUrl(FhirUris.DATA_ABSENT_REASON)
                .getValue()).getValue());
    }

    @Test
    void toResponse_rating_mapsToValueInteger() {
        QuestionnaireResponse response = ResponseMapping.toResponse(PIRGAS,
                Administration.of("PIR-GAS", Map.of("pirgas_1", "72")));
        assertEquals(72, response.getItemFirstRep().getAnswerFirstRep().getValueIntegerType().getValue());
    }

    @Test
    void toResponse_codeNotAllowed_isRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ResponseMapping.toResponse(PHQ9, phq9("0", "1", "2", "7", "0", "1", "2", "3", "1")));
        assertEquals("answer to phq9_4 must be one of 0..3: 7", e.getMessage());
    }

    @Test
    void toResponse_otherInstrument_isRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ResponseMapping.toResponse(PIRGAS, phq9("0")));
        assertEquals("administration instrument must be PIR-GAS: PHQ-9", e.getMessage());
    }

    @Test
    void toResponse_unknownItem_isRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ResponseMapping.toResponse(PHQ9, Administration.of("PHQ-9", Map.of("phq9_10", "1"))));
        assertEquals("answered item must be an item of PHQ-9: phq9_10", e.getMessage());
    }

    /** QR out then in gives the same administration, for every catalogue instrument, with gaps. */
    @Test
    void roundTrip_randomAdministrations_giveEqualAdministration() {
        long base = RandomAdministrations.baseSeed();
        System.out.println("ResponseMappingTest.roundTrip seed " + base);
        List<Instrument> instruments = CATALOGUE.instruments();
        int checked = 0;
        for (int k = 0; k < instruments.size(); k++) {
            Instrument instrument = instruments.get(k);
            for (int run = 0; run < RUNS_PER_INSTRUMENT; run++) {
                long seed = base + k * 1_000_003L + run;
                Administration out = RandomAdministrations.of(instrument, new Random(seed), true);
                QuestionnaireResponse response = ResponseMapping.toResponse(instrument, out);
                Administration in = ResponseMapping.toAdministration(CATALOGUE, response);
                assertEquals(out, in, () -> instrument.id() + " round trip failed; rerun with -Dimh.seed=" + seed);
                checked++;
            }
        }
        assertEquals(instruments.size() * RUNS_PER_INSTRUMENT, checked);
    }

    /** Any mutation of a valid response either maps or fails with our typed error, never anything else. */
    @Test
    void toAdministration_randomlySpoiledResponses_mapOrFailTyped() {
        long base = RandomAdministrations.baseSeed();
        System.out.println("ResponseMappingTest.spoiled seed " + base);
        List<Instrument> instruments = CATALOGUE.instruments();
        int rejected = 0;
        for (int run = 0; run < 3_000; run++) {
            long seed = base + run;
            Random random = new Random(seed);
            Instrument instrument = instruments.get(random.nextInt(instruments.size()));
            QuestionnaireResponse response = ResponseMapping.toResponse(instrument,
                    RandomAdministrations.of(instrument, random, true));
            int spoils = 1 + random.nextInt(3);
            for (int s = 0; s < spoils; s++) {
                spoil(response, random);
            }
            try {
                Administration administration = ResponseMapping.toAdministration(CATALOGUE, response);
                assertEquals(instrument.items().size(), administration.answers().size(), "seed " + seed);
            } catch (FhirMappingException e) {
                rejected++;
                assertTrue(e.getMessage().startsWith(e.path() + " must "), () -> "seed " + seed + ": " + e.getMessage());
                assertTrue(e.path().startsWith("QuestionnaireResponse"), "seed " + seed);
            } catch (RuntimeException e) {
                fail("seed " + seed + ": untyped " + e, e);
            }
        }
        assertTrue(rejected > 0, "spoiling must reject some responses");
    }

    private static void spoil(QuestionnaireResponse response, Random random) {
        List<QuestionnaireResponseItemComponent> items = response.getItem();
        QuestionnaireResponseItemComponent item = items.isEmpty() ? response.addItem().setLinkId("x")
                : items.get(random.nextInt(items.size()));
        switch (random.nextInt(12)) {
            case 0 -> item.setLinkId(random.nextBoolean() ? null : "zz_" + random.nextInt(3));
            case 1 -> item.addAnswer().setValue(new IntegerType(random.nextInt(200) - 50));
            case 2 -> item.getAnswer().clear();
            case 3 -> item.getAnswerFirstRep().setValue(new StringType("1"));
            case 4 -> item.getAnswerFirstRep().setValue(new Coding(null, Integer.toString(random.nextInt(8)), null));
            case 5 -> item.getAnswerFirstRep().setValue(new BooleanType(true));
            case 6 -> response.setQuestionnaire(random.nextBoolean() ? null : response.getQuestionnaire() + "x");
            case 7 -> response.setAuthoredElement(new DateTimeType(random.nextBoolean() ? "2026" : "2026-03"));
            case 8 -> items.add(item.copy());
            case 9 -> item.addItem().setLinkId(item.getLinkId());
            case 10 -> response.addExtension(ResponseMapping.TIMEPOINT_EXTENSION,
                    random.nextBoolean() ? new CodeType("week-" + random.nextInt(9)) : new StringType("baseline"));
            default -> {
                QuestionnaireResponseItemComponent group = new QuestionnaireResponseItemComponent().setLinkId("group");
                group.addItem(item.copy());
                items.remove(item);
                items.add(group);
            }
        }
    }

    @Test
    void toAdministration_message_namesPathExpectedAndFound() {
        QuestionnaireResponse response = ResponseMapping.toResponse(PHQ9, phq9("0", "1", "2", "3", "0", "1", "2",
                "3", "1"));
        response.getItem().get(3).getAnswerFirstRep().setValue(new Coding(FhirUris.answers(PHQ9), "7", null));
        FhirMappingException e = assertThrows(FhirMappingException.class,
                () -> ResponseMapping.toAdministration(CATALOGUE, response));
        assertInstanceOf(FhirMappingException.InvalidValue.class, e);
        assertEquals("QuestionnaireResponse.item[3].answer[0].valueCoding.code", e.path());
        assertEquals("be one of 0..3", e.expected());
        assertEquals("7", e.found());
        assertEquals("QuestionnaireResponse.item[3].answer[0].valueCoding.code must be one of 0..3: 7",
                e.getMessage());
    }

    @Test
    void toAdministration_hugeOrControlCharacterValue_isClippedInMessage() {
        QuestionnaireResponse response = ResponseMapping.toResponse(PHQ9, phq9("0"));
        response.getItemFirstRep().getAnswerFirstRep().setValue(new Coding(null, "9".repeat(10_000) + "\u0000", null));
        FhirMappingException e = assertThrows(FhirMappingException.class,
                () -> ResponseMapping.toAdministration(CATALOGUE, response));
        // the value as found is patient data: kept clipped for the caller, never in the message (issue 8)
        assertEquals(83, e.patientSuppliedValue().length());
        assertEquals("<value of 10001 characters>", e.found());
        assertTrue(e.getMessage().length() < 200);
    }
}
