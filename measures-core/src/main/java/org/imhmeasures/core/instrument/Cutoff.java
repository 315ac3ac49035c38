/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

import java.math.BigDecimal;
import org.imhmeasures.core.internal.Check;

/**
 * A caseness cut-off: the score at which a person counts as a "case" for the instrument.
 *
 * @param threshold the published threshold score
 * @param comparison whether case means at least or at most the threshold
 * @param meaning what being a case means, e.g. {@code possible depression: assess further}
 * @param source where the cut-off comes from
 * @since 0.1.0
 */
public record Cutoff(BigDecimal threshold, Comparison comparison, String meaning, Source source) {

    /** How a score is compared with the threshold. */
    public enum Comparison {
        /** Case when {@code score >= threshold} (symptom scales). */
        AT_LEAST,
        /** Case when {@code score <= threshold} (confidence and well-being scales). */
        AT_MOST
    }

    /**
     * Validates and normalises.
     *
     * @param threshold the published threshold score
     * @param comparison whether case means at least or at most the threshold
     * @param meaning what being a case means, e.g. {@code possible depression: assess further}
     * @param source where the cut-off comes from
     */
    public Cutoff {
        threshold = Decimals.normalise(threshold, "cut-off threshold");
        Check.notNull(comparison, "cut-off comparison");
        meaning = Check.notBlank(meaning, "cut-off meaning");
        Check.notNull(source, "cut-off source");
    }

    /**
     * Tells whether a score is a case.
     *
     * @param score the score
     * @return {@code true} when the score meets the cut-off
     */
    public boolean isCase(BigDecimal score) {
        int c = score.compareTo(threshold);
        return comparison == Comparison.AT_LEAST ? c >= 0 : c <= 0;
    }
}
