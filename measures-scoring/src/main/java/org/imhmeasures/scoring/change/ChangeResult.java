/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.change;

import java.util.OptionalDouble;
import org.imhmeasures.core.internal.Check;

/**
 * The individual change between two totals: {@link Assessed} or {@link NotAssessable}.
 *
 * @since 0.1.0
 */
public sealed interface ChangeResult permits ChangeResult.Assessed, ChangeResult.NotAssessable {

    /**
     * An assessed pair.
     *
     * @param pre the earlier total
     * @param post the later total
     * @param change {@code post − pre}
     * @param rci the reliable change index; absent for fixed thresholds
     * @param reliableChange the verdict
     * @param clinicalSignificance whether the pair moved into the functional range
     * @param dysfunctionalAtStart whether {@code pre} lay in the dysfunctional range (absent without a cut-off)
     * @param category the method's category
     */
    record Assessed(double pre, double post, double change, OptionalDouble rci, ReliableChangeDirection reliableChange,
            ClinicalSignificance clinicalSignificance, java.util.Optional<Boolean> dysfunctionalAtStart,
            Category category) implements ChangeResult {
        /**
         * Validates.
         *
         * @param pre the earlier total
         * @param post the later total
         * @param change {@code post − pre}
         * @param rci the reliable change index; absent for fixed thresholds
         * @param reliableChange the verdict
         * @param clinicalSignificance whether the pair moved into the functional range
         * @param dysfunctionalAtStart whether {@code pre} lay in the dysfunctional range (absent without a cut-off)
         * @param category the method's category
         */
        public Assessed {
            Check.notNull(rci, "rci");
            Check.notNull(reliableChange, "reliable change");
            Check.notNull(clinicalSignificance, "clinical significance");
            Check.notNull(dysfunctionalAtStart, "dysfunctional at start");
            Check.notNull(category, "category");
        }
    }

    /**
     * No assessment is possible, and why. Never a guess.
     *
     * @param reason the typed reason
     * @param message what is missing, in the form {@code <what> must <rule>: <value>}
     */
    record NotAssessable(Reason reason, String message) implements ChangeResult {
        /**
         * Validates.
         *
         * @param reason the typed reason
         * @param message what is missing, in the form {@code <what> must <rule>: <value>}
         */
        public NotAssessable {
            Check.notNull(reason, "reason");
            Check.notBlank(message, "message");
        }
    }

    /** Why a change cannot be assessed. */
    enum Reason {
        /** The instrument publishes no parameter the method needs (no threshold, SD or reliability). */
        NO_PUBLISHED_PARAMETERS,
        /** The method needs statistics of a sample (post mean and SD, correlation). */
        NEEDS_SAMPLE_STATISTICS,
        /** Sample parameters need a reliability and none was given or published. */
        NO_RELIABILITY,
        /** The sample is too small (fewer than 2 pairs) or has no variance. */
        DEGENERATE_SAMPLE,
        /** The instrument reports no single score to compare (HADS). */
        NO_TOTAL,
        /** A score lies outside the instrument's range. */
        SCORE_OUT_OF_RANGE
    }
}
