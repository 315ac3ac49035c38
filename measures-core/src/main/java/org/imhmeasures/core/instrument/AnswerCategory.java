/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

import java.util.Optional;
import org.imhmeasures.core.internal.Check;

/**
 * One answer category of an item whose answers are recorded and never scored (an
 * {@link ResponseScale.Unscored} scale; {@link ScoringRule.AnswersOnly} instruments such as a feedback
 * question): the {@code code} recorded for it, and no score. Codes follow the catalogue's convention (the
 * number printed beside the answer, or where none is printed its 0-based position from the top, or the
 * definition's own word).
 *
 * @param code the recorded answer code, never blank
 * @param label optional answer text; absent where the wording may not ship
 * @param loincAnswer the LOINC answer code ({@code LAnnnn-n}) of this answer, where known
 * @since 0.2.0
 */
public record AnswerCategory(String code, Optional<String> label, Optional<String> loincAnswer)
        implements ListedAnswer {

    /**
     * Validates and trims.
     *
     * @param code the recorded answer code, never blank
     * @param label optional answer text; absent where the wording may not ship
     * @param loincAnswer the LOINC answer code ({@code LAnnnn-n}) of this answer, where known
     */
    public AnswerCategory {
        code = Check.notBlank(code, "category code");
        Check.notNull(label, "category label");
        label = label.map(String::strip).filter(text -> !text.isEmpty());
        Check.notNull(loincAnswer, "category loinc answer").ifPresent(la -> Check.argument(
                la.matches("LA\\d{1,8}-\\d"), "loinc answer code must look like LAnnnn-n: %s", la));
    }

    /**
     * Creates a category without text or LOINC answer code.
     *
     * @param code recorded code
     * @return the category
     */
    public static AnswerCategory of(String code) {
        return new AnswerCategory(code, Optional.empty(), Optional.empty());
    }

    /**
     * Returns a copy with the given text.
     *
     * @param text the answer text
     * @return a new category
     */
    public AnswerCategory withLabel(String text) {
        return new AnswerCategory(code, Optional.of(text), loincAnswer);
    }
}
