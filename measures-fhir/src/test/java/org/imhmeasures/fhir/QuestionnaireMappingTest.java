/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Expression;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemAnswerOptionComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.imhmeasures.core.instrument.AnswerOption;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.core.instrument.Item;
import org.imhmeasures.core.instrument.ResponseScale;
import org.junit.jupiter.api.Test;

class QuestionnaireMappingTest {

    private static final Catalogue CATALOGUE = Catalogue.builtIn();

    private static BigDecimal weight(QuestionnaireItemAnswerOptionComponent option) {
        return ((DecimalType) option.getExtensionByUrl(FhirUris.ORDINAL_VALUE).getValue()).getValue();
    }

    @Test
    void toQuestionnaire_phq9_carriesCanonicalVersionLoincAndWording() {
        Instrument phq9 = CATALOGUE.get("PHQ-9");
        Questionnaire questionnaire = QuestionnaireMapping.toQuestionnaire(phq9);
        assertEquals("https://imh-measures.org/fhir/Questionnaire/phq9", questionnaire.getUrl());
        assertEquals("1.0.0", questionnaire.getVersion());
        assertEquals("IMH_PHQ9", questionnaire.getName());
        assertEquals("44249-1", questionnaire.getCodeFirstRep().getCode());
        assertEquals(FhirUris.LOINC, questionnaire.getCodeFirstRep().getSystem());
        assertEquals(10, questionnaire.getItem().size()); // nine questions and the calculated total
        QuestionnaireItemComponent first = questionnaire.getItemFirstRep();
        assertEquals("phq9_1", first.getLinkId());
        assertEquals("Little interest or pleasure in doing things", first.getText());
        assertEquals("44250-9", first.getCodeFirstRep().getCode());
        assertEquals(QuestionnaireItemType.CHOICE, first.getType());
        assertEquals("Several days", first.getAnswerOption().get(1).getValueCoding().getDisplay());
        Coding loinc = (Coding) first.getAnswerOption().get(1).getExtensionByUrl(FhirUris.LOINC_ANSWER).getValue();
        assertEquals(FhirUris.LOINC, loinc.getSystem());
        assertEquals("LA6569-3", loinc.getCode());
        assertTrue(questionnaire.getCopyright().contains(phq9.licence().holder()));
    }

    @Test
    void toQuestionnaire_sumInstrument_endsWithReadOnlyCalculatedTotal() {
        Questionnaire questionnaire = QuestionnaireMapping.toQuestionnaire(CATALOGUE.get("PHQ-9"));
        QuestionnaireItemComponent total = questionnaire.getItem().get(9);
        assertEquals("phq9_total", total.getLinkId());
        assertEquals(QuestionnaireItemType.INTEGER, total.getType());
        assertTrue(total.getReadOnly());
        assertEquals("44261-6", total.getCodeFirstRep().getCode());
        Expression expression = (Expression) total.getExtensionByUrl(QuestionnaireMapping.CALCULATED_EXPRESSION)
                .getValue();
        assertEquals("text/fhirpath", expression.getLanguage());
        String answers = "%resource.repeat(item).where(linkId in ('phq9_1' | 'phq9_2' | 'phq9_3' | 'phq9_4' | "
                + "'phq9_5' | 'phq9_6' | 'phq9_7' | 'phq9_8' | 'phq9_9')).answer";
        assertEquals("iif(" + answers + ".count() = 9, " + answers + ".value.weight().sum(), {})",
                expression.getExpression());
    }

    @Test
    void toQuestionnaire_calculatedItems_onlyForPlainSumsAndSummedSubscales() {
        Map<String, List<String>> calculated = new java.util.TreeMap<>();
        for (Instrument instrument : CATALOGUE.instruments()) {
            List<String> linkIds = QuestionnaireMapping.toQuestionnaire(instrument).getItem().stream()
                    .filter(item -> item.hasExtension(QuestionnaireMapping.CALCULATED_EXPRESSION))
                    .map(QuestionnaireItemComponent::getLinkId).toList();
            if (!linkIds.isEmpty()) {
                calculated.put(instrument.id(), linkIds);
            }
        }
        // no calculated total for CORE-10 (clinical score), SWEMWBS (conversion), KIPS (mean), PIR-GAS and GBO
        // (ratings, no sum of coded items)
        for (String none : List.of("CORE-10", "SWEMWBS", "KIPS", "PIR-GAS", "GBO")) {
            assertFalse(calculated.containsKey(none), none + ": " + calculated.get(none));
        }
        assertEquals(List.of("phq9_total"), calculated.get("PHQ-9"));
        assertEquals(List.of("epds_total"), calculated.get("EPDS"));
        assertTrue(calculated.get("HADS").stream().allMatch(id -> id.startsWith("hads_subscale_")),
                calculated.toString());
        assertEquals(2, calculated.get("HADS").size(), calculated.toString());
    }

    @Test
    void neutralOptionLabel_namesPlaceAndCode() {
        ResponseScale.Options withNa = new ResponseScale.Options(List.of(AnswerOption.of("0", 0),
                AnswerOption.of("1", 1), AnswerOption.of("NA", 2)));
        assertEquals("option 1 of 3 (code 0)", QuestionnaireMapping.neutralOptionLabel(withNa, withNa.options().get(0)));
        assertEquals("option 3 of 3 (code NA)", QuestionnaireMapping.neutralOptionLabel(withNa, withNa.options().get(2)));
    }

    @Test
    void toQuestionnaire_licenseeWording_replacesTheNeutralOptionLabel() {
        String supplement = "{\"format\": \"imh-measures/wording@1\", \"instrument\": \"EPDS\", "
                + "\"definitionVersion\": \"" + CATALOGUE.get("EPDS").definitionVersion() + "\", \"items\": [{\"id\": "
                + "\"epds_3\", \"options\": {\"0\": \"licensed text zero\"}}]}";
        Catalogue licensed = CATALOGUE.withWording(new java.io.ByteArrayInputStream(supplement.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)), "supplement.json");
        QuestionnaireItemComponent third = QuestionnaireMapping.toQuestionnaire(licensed.get("EPDS")).getItem().get(2);
        assertEquals("licensed text zero", third.getAnswerOption().get(0).getValueCoding().getDisplay());
        assertEquals("option 2 of 4 (code 1)", third.getAnswerOption().get(1).getValueCoding().getDisplay());
    }

    @Test
    void toQuestionnaire_epds_usesNeutralLabelAndReverseKeyedWeights() {
        Questionnaire questionnaire = QuestionnaireMapping.toQuestionnaire(CATALOGUE.get("EPDS"));
        QuestionnaireItemComponent third = questionnaire.getItem().get(2);
        assertEquals("EPDS item 3", third.getText());
        // no licensed wording: a neutral position label, never a bare code a renderer shows beside the score
        assertEquals("option 1 of 4 (code 0)", third.getAnswerOption().get(0).getValueCoding()
                .getDisplay());
        // EPDS item 3: the top option (code 0) scores 3
        assertEquals("0", third.getAnswerOption().get(0).getValueCoding().getCode());
        assertEquals(0, BigDecimal.valueOf(3).compareTo(weight(third.getAnswerOption().get(0))));
        assertEquals(0, BigDecimal.ZERO.compareTo(weight(third.getAnswerOption().get(3))));
    }

    @Test
    void toQuestionnaire_pirgas_isIntegerItemWithBounds() {
        QuestionnaireItemComponent item = QuestionnaireMapping.toQuestionnaire(CATALOGUE.get("PIR-GAS"))
                .getItemFirstRep();
        assertEquals(QuestionnaireItemType.INTEGER, item.getType());
        assertEquals(1, ((IntegerType) item.getExtensionByUrl(FhirUris.MIN_VALUE).getValue()).getValue());
        assertEquals(100, ((IntegerType) item.getExtensionByUrl(FhirUris.MAX_VALUE).getValue()).getValue());
        assertFalse(item.hasAnswerOption());
    }

    /** Contract for every catalogue instrument: items, codes and weights match the definition exactly. */
    @Test
    void toQuestionnaire_everyInstrument_matchesDefinition() {
        for (Instrument instrument : CATALOGUE.instruments()) {
            Questionnaire questionnaire = QuestionnaireMapping.toQuestionnaire(instrument);
            // the questions, then calculated items only
            assertTrue(questionnaire.getItem().size() >= instrument.items().size(), instrument.id());
            questionnaire.getItem().subList(instrument.items().size(), questionnaire.getItem().size()).forEach(
                    calculated -> assertTrue(calculated.getReadOnly() && calculated.hasExtension(
                            QuestionnaireMapping.CALCULATED_EXPRESSION), instrument.id() + " " + calculated.getLinkId()));
            assertEquals(instrument.codes().loincPanel().isPresent(), questionnaire.hasCode(), instrument.id());
            for (int i = 0; i < instrument.items().size(); i++) {
                Item item = instrument.items().get(i);
                QuestionnaireItemComponent mapped = questionnaire.getItem().get(i);
                assertEquals(item.id(), mapped.getLinkId());
                assertEquals(item.wording().orElse(instrument.id() + " item " + item.position()), mapped.getText());
                assertEquals(instrument.codes().loincItems().containsKey(item.id()), mapped.hasCode(), item.id());
                if (item.scale() instanceof ResponseScale.Options options) {
                    assertEquals(options.options().size(), mapped.getAnswerOption().size(), item.id());
                    for (int o = 0; o < options.options().size(); o++) {
                        AnswerOption option = options.options().get(o);
                        QuestionnaireItemAnswerOptionComponent answer = mapped.getAnswerOption().get(o);
                        assertEquals(option.code(), answer.getValueCoding().getCode(), item.id());
                        assertEquals(FhirUris.answers(instrument), answer.getValueCoding().getSystem());
                        assertEquals(0, BigDecimal.valueOf(option.score()).compareTo(weight(answer)), item.id());
                    }
                } else if (item.scale() instanceof ResponseScale.Unscored unscored) {
                    // answers only: the codes, no weights
                    assertEquals(QuestionnaireItemType.CHOICE, mapped.getType(), item.id());
                    assertEquals(unscored.listedAnswers().size(), mapped.getAnswerOption().size(), item.id());
                    mapped.getAnswerOption().forEach(a -> assertFalse(a.hasExtension(), item.id()));
                } else {
                    assertEquals(QuestionnaireItemType.INTEGER, mapped.getType(), item.id());
                }
            }
        }
    }
}
