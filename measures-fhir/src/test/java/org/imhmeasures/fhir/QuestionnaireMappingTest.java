/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
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
        assertEquals(9, questionnaire.getItem().size());
        QuestionnaireItemComponent first = questionnaire.getItemFirstRep();
        assertEquals("phq9_1", first.getLinkId());
        assertEquals("Little interest or pleasure in doing things", first.getText());
        assertEquals("44250-9", first.getCodeFirstRep().getCode());
        assertEquals(QuestionnaireItemType.CHOICE, first.getType());
        assertEquals("Several days", first.getAnswerOption().get(1).getValueCoding().getDisplay());
        assertTrue(questionnaire.getCopyright().contains(phq9.licence().holder()));
    }

    @Test
    void toQuestionnaire_epds_usesNeutralLabelAndReverseKeyedWeights() {
        Questionnaire questionnaire = QuestionnaireMapping.toQuestionnaire(CATALOGUE.get("EPDS"));
        QuestionnaireItemComponent third = questionnaire.getItem().get(2);
        assertEquals("EPDS item 3", third.getText());
        assertFalse(third.getAnswerOption().get(0).getValueCoding().hasDisplay());
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
            assertEquals(instrument.items().size(), questionnaire.getItem().size(), instrument.id());
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
                } else {
                    assertEquals(QuestionnaireItemType.INTEGER, mapped.getType(), item.id());
                }
            }
        }
    }
}
