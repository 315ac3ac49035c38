/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.fhir;

import org.imhmeasures.core.instrument.Instrument;

/**
 * The URLs of code systems, extensions and canonical resources: the terminology URLs FHIR defines and
 * the ones this library mints under {@value #BASE}.
 *
 * @since 0.1.0
 */
public final class FhirUris {

    /** Base of every URL this library mints. */
    public static final String BASE = "https://imh-measures.org/fhir";

    /** LOINC (https://loinc.org). */
    public static final String LOINC = "http://loinc.org";

    /** SNOMED CT. */
    public static final String SNOMED_CT = "http://snomed.info/sct";

    /**
     * Our code system for scores, subscale scores and changes that have no LOINC or SNOMED CT code:
     * {@code <key>-total}, {@code <key>-subscale-<id>}, {@code <key>-change}, and the component and value
     * codes of {@link ChangeMapping}. {@link ScoreMapping#codeSystem} builds the complete CodeSystem.
     */
    public static final String SCORE_CODES = BASE + "/CodeSystem/score";

    /** Core R4 extension carrying an answer option's score (SDC 3.0 {@code ordinalValue}). */
    public static final String ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue";

    /**
     * Our extension on a Questionnaire {@code answerOption}: the option's LOINC answer code (an {@code LA}
     * code, system {@value #LOINC}) as a second coding, since {@code answerOption.valueCoding} holds one.
     */
    public static final String LOINC_ANSWER = BASE + "/StructureDefinition/loinc-answer";

    /** The canonical URL prefix of LOINC's own forms, {@code http://loinc.org/q/<panel>}. */
    public static final String LOINC_FORMS = "http://loinc.org/q/";

    /** Core R4 extension for a minimum value of an integer item. */
    public static final String MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue";

    /** Core R4 extension for a maximum value of an integer item. */
    public static final String MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue";

    /** Core R4 extension recording why a value is absent; {@code asked-declined} marks a declined item. */
    public static final String DATA_ABSENT_REASON = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";

    /** HL7 observation category code system ({@code survey}). */
    public static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";

    /** HL7 observation interpretation code system ({@code A} abnormal, {@code N} normal, {@code AA} critical). */
    public static final String INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";

    private FhirUris() {
    }

    /**
     * The canonical URL of an instrument's Questionnaire, without version:
     * {@code https://imh-measures.org/fhir/Questionnaire/<key>}.
     *
     * @param instrument the instrument
     * @return the canonical URL
     */
    public static String questionnaire(Instrument instrument) {
        return BASE + "/Questionnaire/" + instrument.key();
    }

    /**
     * The versioned canonical reference a QuestionnaireResponse carries:
     * {@code https://imh-measures.org/fhir/Questionnaire/<key>|<definitionVersion>}.
     *
     * @param instrument the instrument
     * @return the canonical reference with version
     */
    public static String versionedQuestionnaire(Instrument instrument) {
        return questionnaire(instrument) + "|" + instrument.definitionVersion();
    }

    /**
     * The code system of an instrument's answer codes: {@code https://imh-measures.org/fhir/CodeSystem/<key>-answers}.
     *
     * @param instrument the instrument
     * @return the code system URL
     */
    public static String answers(Instrument instrument) {
        return BASE + "/CodeSystem/" + instrument.key() + "-answers";
    }
}
