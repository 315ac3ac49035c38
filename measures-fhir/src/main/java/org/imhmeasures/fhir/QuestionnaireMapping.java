/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.fhir;

import java.math.BigDecimal;
import java.util.Locale;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemAnswerOptionComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.imhmeasures.core.instrument.AnswerOption;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.core.instrument.Item;
import org.imhmeasures.core.instrument.Licence;
import org.imhmeasures.core.instrument.ResponseScale;

/**
 * Maps an {@link Instrument} to a FHIR R4 {@code Questionnaire} that conforms to base R4 and
 * UKCore-Questionnaire.
 *
 * <p>What is mapped:
 * <ul>
 * <li>{@code url} = {@link FhirUris#questionnaire(Instrument)}, {@code version} = the definition version,
 *     {@code name} = {@code IMH_<KEY>}, {@code title} = the instrument name, {@code status} = active,
 *     {@code copyright} = the licence holder, terms and citation;</li>
 * <li>{@code code} = the LOINC panel code, where the instrument has one;</li>
 * <li>one item per instrument item, in form order: {@code linkId} = item id, {@code text} = the item
 *     wording where the definition holds it (the licence allows it or a licensee loaded it), otherwise a
 *     neutral label {@code "<ID> item <n>"}; {@code code} = the LOINC item code where known;</li>
 * <li>coded options become a {@code choice} item whose {@code answerOption.valueCoding} has system
 *     {@link FhirUris#answers(Instrument)}, code = the option code, display = the option label where
 *     shipped, and an {@code ordinalValue} extension carrying the option's score (so reverse keying is
 *     visible to SDC {@code weight()}/{@code ordinal()});</li>
 * <li>ratings (PIR-GAS 1–100, GBO 0–10) become an {@code integer} item with {@code minValue} and
 *     {@code maxValue} extensions.</li>
 * </ul>
 * No item is {@code required}: each instrument's missing-item rule decides whether a partial form
 * scores. No calculated total item is added: the library scores, and publishes the score as an
 * Observation ({@link ScoreMapping}).
 *
 * <p>Thread-safe and stateless; each call returns a new mutable HAPI resource.
 *
 * @since 0.1.0
 */
public final class QuestionnaireMapping {

    private QuestionnaireMapping() {
    }

    /**
     * Maps an instrument to a Questionnaire.
     *
     * @param instrument the instrument definition
     * @return a new Questionnaire with id {@code imh-<key>}
     * @throws NullPointerException if {@code instrument} is null
     */
    public static Questionnaire toQuestionnaire(Instrument instrument) {
        Require.notNull(instrument, "instrument");
        Questionnaire questionnaire = new Questionnaire();
        questionnaire.setId("imh-" + instrument.key());
        questionnaire.setUrl(FhirUris.questionnaire(instrument));
        questionnaire.setVersion(instrument.definitionVersion());
        questionnaire.setName("IMH_" + instrument.key().toUpperCase(Locale.ROOT));
        questionnaire.setTitle(instrument.name());
        questionnaire.setStatus(PublicationStatus.ACTIVE);
        questionnaire.setExperimental(false);
        questionnaire.setPublisher("imh-measures");
        questionnaire.setDescription(description(instrument));
        questionnaire.setCopyright(copyright(instrument.licence()));
        questionnaire.addSubjectType("Patient");
        instrument.codes().loincPanel().ifPresent(code -> questionnaire.addCode(
                new Coding(FhirUris.LOINC, code, null)));
        for (Item item : instrument.items()) {
            questionnaire.addItem(item(instrument, item));
        }
        return questionnaire;
    }

    /**
     * The neutral label used when an item's wording may not ship, e.g. {@code EPDS item 3}.
     *
     * @param instrument the instrument
     * @param item one of its items
     * @return the label
     */
    public static String neutralLabel(Instrument instrument, Item item) {
        return instrument.id() + " item " + item.position();
    }

    private static String description(Instrument instrument) {
        StringBuilder text = new StringBuilder(instrument.name()).append(" (").append(instrument.id())
                .append(", definition ").append(instrument.definitionVersion()).append(") for ")
                .append(instrument.appliesTo());
        instrument.recallPeriod().ifPresent(period -> text.append("; recall period: ").append(period));
        return text.append('.').toString();
    }

    private static String copyright(Licence licence) {
        return "© " + licence.holder() + ". " + licence.terms() + " Cite: " + licence.citation();
    }

    private static QuestionnaireItemComponent item(Instrument instrument, Item item) {
        QuestionnaireItemComponent component = new QuestionnaireItemComponent();
        component.setLinkId(item.id());
        component.setText(item.wording().orElse(neutralLabel(instrument, item)));
        String loinc = instrument.codes().loincItems().get(item.id());
        if (loinc != null) {
            component.addCode(new Coding(FhirUris.LOINC, loinc, null));
        }
        component.setRequired(false);
        component.setRepeats(false);
        ResponseScale scale = item.scale();
        if (scale instanceof ResponseScale.Options options) {
            component.setType(QuestionnaireItemType.CHOICE);
            for (AnswerOption option : options.options()) {
                QuestionnaireItemAnswerOptionComponent answer = component.addAnswerOption();
                answer.addExtension(FhirUris.ORDINAL_VALUE, new DecimalType(BigDecimal.valueOf(option.score())));
                Coding coding = new Coding(FhirUris.answers(instrument), option.code(), option.label().orElse(null));
                answer.setValue(coding);
            }
        } else if (scale instanceof ResponseScale.Rating rating) {
            component.setType(QuestionnaireItemType.INTEGER);
            component.addExtension(FhirUris.MIN_VALUE, new IntegerType(rating.min()));
            component.addExtension(FhirUris.MAX_VALUE, new IntegerType(rating.max()));
        }
        return component;
    }
}
