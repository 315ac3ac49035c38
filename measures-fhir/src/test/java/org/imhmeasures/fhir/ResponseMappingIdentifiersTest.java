/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.scoring.Administration;
import org.junit.jupiter.api.Test;

/**
 * An inbound resource's values (linkIds, codes, systems, dates, timepoints, canonicals) may be patient
 * data: {@link FhirMappingException#getMessage()}, {@link FhirMappingException#found()}, {@code toString()}
 * and the serialised exception never contain them; {@link FhirMappingException#patientSuppliedValue()}
 * does. Outbound mapping errors never echo a key or code that is not shaped like one.
 */
class ResponseMappingIdentifiersTest {

    private static final Catalogue CATALOGUE = Catalogue.builtIn();
    private static final Instrument PHQ9 = CATALOGUE.get("PHQ-9");
    private static final List<String> PLANTED = List.of("9434765919", "943 476 5919", "943-476-5919", "Jane Smith",
            "Quartermaine", "1987-03-14");

    private static QuestionnaireResponse phq9() {
        Map<String, String> codes = new LinkedHashMap<>();
        for (int i = 1; i <= 9; i++) {
            codes.put("phq9_" + i, "1");
        }
        return ResponseMapping.toResponse(PHQ9, Administration.of("PHQ-9", codes));
    }

    private static FhirMappingException failing(Consumer<QuestionnaireResponse> edit) {
        QuestionnaireResponse response = phq9();
        edit.accept(response);
        return assertThrows(FhirMappingException.class, () -> ResponseMapping.toAdministration(CATALOGUE, response));
    }

    private static void assertRedacted(FhirMappingException e, String planted) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(e);
        }
        String serialised = bytes.toString(StandardCharsets.ISO_8859_1);
        String shown = e.getMessage() + e.found() + e + e.expected() + e.path() + serialised;
        for (String identifier : PLANTED) {
            assertFalse(shown.contains(identifier), identifier + " leaked: " + e.getMessage());
        }
        assertFalse(shown.contains("5919"), e.getMessage());
        assertTrue(e.patientSuppliedValue().contains(planted), e.patientSuppliedValue());
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            FhirMappingException back = (FhirMappingException) in.readObject();
            assertEquals(e.getMessage(), back.getMessage());
            assertEquals(e.found(), back.patientSuppliedValue(), "the raw value does not travel");
        }
    }

    @Test
    void toAdministration_plantedInEveryInboundValue_neverInMessageOrFound() throws Exception {
        for (String planted : PLANTED) {
            assertRedacted(failing(r -> r.getItem().get(2).setLinkId(planted)), planted);
            assertRedacted(failing(r -> r.getItem().get(3).getAnswerFirstRep().setValue(new Coding(null, planted,
                    null))), planted);
            assertRedacted(failing(r -> r.getItem().get(3).getAnswerFirstRep().setValue(new Coding("urn:" + planted,
                    "1", null))), planted);
            assertRedacted(failing(r -> r.addExtension(ResponseMapping.TIMEPOINT_EXTENSION,
                    new CodeType(planted))), planted);
            assertRedacted(failing(r -> r.setQuestionnaire("https://example.org/Questionnaire/" + planted)), planted);
        }
    }

    @Test
    void toAdministration_dateOfBirthInAuthored_neverInMessage() throws Exception {
        FhirMappingException e = failing(r -> r.setAuthoredElement(new DateTimeType("1987-03")));
        assertRedacted(e, "1987-03");
        assertEquals("QuestionnaireResponse.authored", e.path());
    }

    @Test
    void toAdministration_answerCodesAndTypes_areStillShown() {
        FhirMappingException e = failing(r -> r.getItem().get(3).getAnswerFirstRep().setValue(new Coding(null, "7",
                null)));
        assertEquals("7", e.found());
        assertTrue(e.getMessage().endsWith(": 7"), e.getMessage());
    }

    @Test
    void toResponse_keysAndCodesThatAreNotShapedLikeOnes_areNotEchoed() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("Jane Smith", "1");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> ResponseMapping.toResponse(PHQ9, Administration.of("PHQ-9", codes)));
        assertEquals("answered item must be an item of PHQ-9: <value of 10 characters>", unknown.getMessage());
        IllegalArgumentException code = assertThrows(IllegalArgumentException.class,
                () -> ResponseMapping.toResponse(PHQ9, Administration.of("PHQ-9", Map.of("phq9_1", "9434765919"))));
        assertEquals("answer to phq9_1 must be one of 0..3: <value of 10 characters>", code.getMessage());
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> ResponseMapping.toResponse(PHQ9, Administration.of("9434765919", Map.of())));
        assertFalse(other.getMessage().contains("9434765919"), other.getMessage());
        Map<String, String> twice = new LinkedHashMap<>();
        twice.put("phq9_1", "1");
        twice.put("phq9_1 ", "3");
        IllegalArgumentException duplicate = assertThrows(IllegalArgumentException.class,
                () -> ResponseMapping.toResponse(PHQ9, Administration.of("PHQ-9", twice)));
        assertEquals("administration must have one answer per item (no blank or repeated keys): 2 unplaced",
                duplicate.getMessage());
    }
}
