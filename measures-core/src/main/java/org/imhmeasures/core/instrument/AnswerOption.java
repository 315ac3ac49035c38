/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

import java.util.Optional;
import org.imhmeasures.core.internal.Check;

/**
 * One answer option of an item: the {@code code} recorded for it and the {@code score} it adds.
 *
 * <p>Codes follow one convention across the catalogue: the number printed beside the option on the
 * published form, or where the form prints none (EPDS, PBQ) the option's 0-based position from the
 * top. The score is whatever the scoring manual gives that option, so reverse keying is data: EPDS
 * item 3 maps code {@code 0} to score 3.
 *
 * <p>{@code loincAnswer} is the LOINC answer code (an {@code LA} code such as {@code LA6568-5}, "Not at
 * all" on the PHQ-9) that LOINC-coded forms record for this option, where the definition gives one with
 * its source; FHIR mapping uses it to read LOINC-coded responses and to add it as a second coding.
 *
 * @param code the recorded answer code, never blank
 * @param score the score the option contributes
 * @param label optional option text; absent where the wording may not ship
 * @param loincAnswer the LOINC answer code ({@code LAnnnn-n}) of this option, where known
 * @since 0.1.0
 */
public record AnswerOption(String code, int score, Optional<String> label, Optional<String> loincAnswer)
        implements ListedAnswer {

    /**
     * Validates and trims.
     *
     * @param code the recorded answer code, never blank
     * @param score the score the option contributes
     * @param label optional option text; absent where the wording may not ship
     * @param loincAnswer the LOINC answer code ({@code LAnnnn-n}) of this option, where known
     */
    public AnswerOption {
        code = Check.notBlank(code, "option code");
        Check.notNull(label, "option label");
        label = label.map(String::strip).filter(text -> !text.isEmpty());
        Check.notNull(loincAnswer, "option loinc answer").ifPresent(la -> Check.argument(
                la.matches("LA\\d{1,8}-\\d"), "loinc answer code must look like LAnnnn-n: %s", la));
    }

    /**
     * Creates an option without a LOINC answer code.
     *
     * @param code the recorded answer code, never blank
     * @param score the score the option contributes
     * @param label optional option text; absent where the wording may not ship
     * @since 0.1.0
     */
    public AnswerOption(String code, int score, Optional<String> label) {
        this(code, score, label, Optional.empty());
    }

    /**
     * Creates an option without text.
     *
     * @param code recorded code
     * @param score contributed score
     * @return the option
     */
    public static AnswerOption of(String code, int score) {
        return new AnswerOption(code, score, Optional.empty());
    }

    /**
     * Returns a copy with the given text.
     *
     * @param text the option text
     * @return a new option
     */
    public AnswerOption withLabel(String text) {
        return new AnswerOption(code, score, Optional.of(text), loincAnswer);
    }

    /**
     * Returns a copy with the given LOINC answer code.
     *
     * @param la the LOINC answer code, e.g. {@code LA6568-5}
     * @return a new option
     * @throws IllegalArgumentException if {@code la} does not look like {@code LAnnnn-n}
     * @since 0.1.0
     */
    public AnswerOption withLoincAnswer(String la) {
        return new AnswerOption(code, score, label, Optional.of(la));
    }
}
