/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.mapping;

import java.util.Locale;
import org.imhmeasures.scoring.AnswerKind;

/**
 * How an export stores each answer.
 *
 * @since 0.1.0
 */
public enum AnswerForm {
    /** Option codes as the definition lists them (the default); see {@link AnswerKind#CODES}. */
    CODES,
    /**
     * Item scores, read back to their option through the definition; see {@link AnswerKind#SCORES} (an EPDS
     * export that stores scores must say so, or item 10's most severe answer scores 0 and raises no alert).
     */
    SCORES,
    /**
     * Option text, matched to an option ignoring case, surrounding spaces and runs of spaces: the definition's
     * own labels where its wording ships (PHQ-9, GAD-7) or a licensee wording supplement provides them, and the
     * mapping's {@code labels} (text to code) for every item of the block. A text that matches no option is
     * not allowed ({@code code_not_allowed}); it is never read as a code.
     */
    LABELS;

    /**
     * The name in a mapping file: {@code codes}, {@code scores} or {@code labels}.
     *
     * @return the lower-case name
     */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
