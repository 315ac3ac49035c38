/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.fhir;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Expression;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemAnswerOptionComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.imhmeasures.core.instrument.Aggregation;
import org.imhmeasures.core.instrument.AnswerOption;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.core.instrument.Item;
import org.imhmeasures.core.instrument.ListedAnswer;
import org.imhmeasures.core.instrument.Licence;
import org.imhmeasures.core.instrument.ResponseScale;
import org.imhmeasures.core.instrument.ScoringRule;
import org.imhmeasures.core.instrument.Subscale;

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
 *     shipped, otherwise a neutral position label ({@link #neutralOptionLabel}, e.g.
 *     {@code option 1 of 4 (code 0)}) so that a renderer never shows a bare code beside a score; an
 *     {@code ordinalValue} extension carrying the option's score (so reverse keying is visible to SDC
 *     {@code weight()}/{@code ordinal()}); and, where the definition gives the option's LOINC answer code,
 *     extension {@value FhirUris#LOINC_ANSWER} with that code as a second coding ({@code http://loinc.org},
 *     e.g. {@code LA6568-5}) — R4's {@code answerOption.valueCoding} holds one coding only;</li>
 * <li>ratings (PIR-GAS 1–100, GBO 0–10) become an {@code integer} item with {@code minValue} and
 *     {@code maxValue} extensions;</li>
 * <li>a read-only calculated total (SDC {@code calculatedExpression}, the mechanism LHC-Forms evaluates) where
 *     the instrument's score is a plain sum of coded items ({@code sum} scoring: PHQ-9, GAD-7, EPDS, …), and
 *     one per summed subscale (HADS anxiety and depression, …): an {@code integer} item, {@code linkId}
 *     {@link #totalLinkId} or {@link #subscaleLinkId}, {@code code} = the LOINC total where known, whose
 *     FHIRPath expression sums the answers' {@code weight()} (their {@code ordinalValue}) once every
 *     summed item is answered, and is empty until then (a partial sum is not the score).
 *     Inbound mapping ignores these items for scoring and compares their value with the library's score
 *     ({@link FhirScoring}).</li>
 * </ul>
 * No item is {@code required}: each instrument's missing-item rule decides whether a partial form
 * scores. The calculated total is a display aid for the person filling the form: the score of record is
 * the library's, published as an Observation ({@link ScoreMapping}). Instruments whose total is not a
 * plain sum (CORE-10 clinical score, SWEMWBS conversion, KIPS mean) get no calculated item.
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
        if (instrument.scoring() instanceof ScoringRule.Sum && allCoded(instrument, instrument.items().stream()
                .map(Item::id).toList())) {
            QuestionnaireItemComponent total = calculated(totalLinkId(instrument), instrument.id() + " total score",
                    instrument.items().stream().map(Item::id).toList());
            instrument.codes().loincTotal().ifPresent(code -> total.addCode(new Coding(FhirUris.LOINC, code, null)));
            questionnaire.addItem(total);
        }
        for (Subscale subscale : instrument.subscales()) {
            if (subscale.aggregation() == Aggregation.SUM && allCoded(instrument, subscale.itemIds())) {
                questionnaire.addItem(calculated(subscaleLinkId(instrument, subscale), instrument.id() + " "
                        + subscale.name() + " score", subscale.itemIds()));
            }
        }
        return questionnaire;
    }

    private static boolean allCoded(Instrument instrument, List<String> itemIds) {
        return !itemIds.isEmpty() && itemIds.stream().allMatch(id -> instrument.item(id)
                .map(item -> item.scale() instanceof ResponseScale.Options).orElse(false));
    }

    /**
     * A read-only integer item whose value is the sum of the answers' weights (ordinalValue) once every one of
     * {@code itemIds} is answered, else empty.
     */
    private static QuestionnaireItemComponent calculated(String linkId, String text, List<String> itemIds) {
        String answers = "%resource.repeat(item).where(linkId in (" + String.join(" | ", itemIds.stream()
                .map(id -> "'" + id + "'").toList()) + ")).answer";
        String expression = "iif(" + answers + ".count() = " + itemIds.size() + ", " + answers
                + ".value.weight().sum(), {})";
        QuestionnaireItemComponent item = new QuestionnaireItemComponent();
        item.setLinkId(linkId);
        item.setText(text);
        item.setType(QuestionnaireItemType.INTEGER);
        item.setReadOnly(true);
        item.setRequired(false);
        item.setRepeats(false);
        item.addExtension(CALCULATED_EXPRESSION, new Expression().setLanguage("text/fhirpath")
                .setExpression(expression).setDescription("sum of the answers' scores (ordinalValue) once all "
                        + itemIds.size() + " items are answered; the library's score is the score of record"));
        return item;
    }

    /** SDC extension with a FHIRPath expression whose value a renderer keeps in the item's answer. */
    public static final String CALCULATED_EXPRESSION =
            "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression";

    /**
     * The linkId of the calculated total item, {@code <key>_total}, e.g. {@code phq9_total}.
     *
     * @param instrument the instrument
     * @return the linkId
     */
    public static String totalLinkId(Instrument instrument) {
        return instrument.key() + "_total";
    }

    /**
     * The linkId of a subscale's calculated item, {@code <key>_subscale_<id>} (id lower case), e.g.
     * {@code hads_subscale_anxiety}.
     *
     * @param instrument the instrument
     * @param subscale one of its subscales
     * @return the linkId
     */
    public static String subscaleLinkId(Instrument instrument, Subscale subscale) {
        return instrument.key() + "_subscale_" + subscale.id().toLowerCase(Locale.ROOT);
    }

    /**
     * The neutral label of an answer option whose wording may not ship: {@code option <n> of <N> (code <c>)},
     * its place among the item's options as the definition lists them, e.g. {@code option 1 of 4 (code 0)}, so
     * that a renderer never shows a bare code beside a score. It claims no place on the printed form: a
     * definition's codes are the printed numbers or, where the form prints none, 0-based positions from the
     * top, and some forms print their numbers in a direction that varies by item (HADS). A licensee's wording
     * supplement ({@code Catalogue.withWording}) replaces it with the option's text.
     *
     * @param options the item's options
     * @param option one of them
     * @return the label
     * @throws IllegalArgumentException if {@code option} is not one of {@code options}
     */
    public static String neutralOptionLabel(ResponseScale.Options options, AnswerOption option) {
        return neutralOptionLabel((ResponseScale) options, option);
    }

    /**
     * The neutral label of a listed answer whose wording may not ship, scored option or unscored category
     * alike: {@code option <n> of <N> (code <c>)}, as {@link #neutralOptionLabel(ResponseScale.Options,
     * AnswerOption)}.
     *
     * @param scale the item's scale
     * @param answer one of its listed answers
     * @return the label
     * @throws IllegalArgumentException if {@code answer} is not one of the scale's listed answers
     * @since 0.2.0
     */
    public static String neutralOptionLabel(ResponseScale scale, ListedAnswer answer) {
        List<ListedAnswer> listed = scale.listedAnswers();
        int index = listed.indexOf(answer);
        Require.argument(index >= 0, "option must be one of the item's options: %s", Redact.code(answer.code()));
        return "option " + (index + 1) + " of " + listed.size() + " (code " + answer.code() + ")";
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
        if (!scale.listedAnswers().isEmpty()) {
            component.setType(QuestionnaireItemType.CHOICE);
            for (ListedAnswer option : scale.listedAnswers()) {
                QuestionnaireItemAnswerOptionComponent answer = component.addAnswerOption();
                // only a scored option has a weight: an unscored category (answers_only) gets none, so no
                // renderer or FHIRPath weight() invents a score for it
                if (option instanceof AnswerOption scored) {
                    answer.addExtension(FhirUris.ORDINAL_VALUE, new DecimalType(BigDecimal.valueOf(scored.score())));
                }
                option.loincAnswer().ifPresent(la -> answer.addExtension(FhirUris.LOINC_ANSWER,
                        new Coding(FhirUris.LOINC, la, option.label().orElse(null))));
                Coding coding = new Coding(FhirUris.answers(instrument), option.code(),
                        option.label().orElse(neutralOptionLabel(scale, option)));
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
