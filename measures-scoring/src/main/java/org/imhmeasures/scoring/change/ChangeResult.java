/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.change;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.imhmeasures.core.internal.Check;

/**
 * The individual change between two totals: {@link Assessed} or {@link NotAssessable}.
 *
 * @since 0.1.0
 */
public sealed interface ChangeResult permits ChangeResult.Assessed, ChangeResult.NotAssessable {

    /**
     * An assessed pair. Only a {@link ChangeModel} creates one, so a consumer that publishes it (a FHIR
     * change Observation) can trust it was computed, not assembled. Two assessments are equal when every
     * value is equal; {@link #toString()} names the verdicts, never the scores.
     */
    final class Assessed implements ChangeResult {
        private final double pre;
        private final double post;
        private final double change;
        private final OptionalDouble rci;
        private final ReliableChangeDirection reliableChange;
        private final ClinicalSignificance clinicalSignificance;
        private final Optional<Boolean> dysfunctionalAtStart;
        private final Category category;

        Assessed(double pre, double post, double change, OptionalDouble rci, ReliableChangeDirection reliableChange,
                ClinicalSignificance clinicalSignificance, Optional<Boolean> dysfunctionalAtStart, Category category) {
            this.pre = pre;
            this.post = post;
            this.change = change;
            this.rci = Check.notNull(rci, "rci");
            this.reliableChange = Check.notNull(reliableChange, "reliable change");
            this.clinicalSignificance = Check.notNull(clinicalSignificance, "clinical significance");
            this.dysfunctionalAtStart = Check.notNull(dysfunctionalAtStart, "dysfunctional at start");
            this.category = Check.notNull(category, "category");
        }

        /**
         * The earlier score.
         *
         * @return the pre score
         */
        public double pre() {
            return pre;
        }

        /**
         * The later score.
         *
         * @return the post score
         */
        public double post() {
            return post;
        }

        /**
         * The change.
         *
         * @return {@code post − pre}
         */
        public double change() {
            return change;
        }

        /**
         * The reliable change index.
         *
         * @return the index; absent for fixed thresholds
         */
        public OptionalDouble rci() {
            return rci;
        }

        /**
         * The reliable-change verdict.
         *
         * @return improved, deteriorated or none
         */
        public ReliableChangeDirection reliableChange() {
            return reliableChange;
        }

        /**
         * Whether the pair moved into the functional range.
         *
         * @return the verdict, {@link ClinicalSignificance#NOT_DEFINED} without a cut-off
         */
        public ClinicalSignificance clinicalSignificance() {
            return clinicalSignificance;
        }

        /**
         * Whether {@code pre} lay in the dysfunctional range.
         *
         * @return the answer; absent without a cut-off
         */
        public Optional<Boolean> dysfunctionalAtStart() {
            return dysfunctionalAtStart;
        }

        /**
         * The method's category.
         *
         * @return the category
         */
        public Category category() {
            return category;
        }

        @Override
        public boolean equals(Object other) {
            return this == other || other instanceof Assessed a && Double.compare(pre, a.pre) == 0
                    && Double.compare(post, a.post) == 0 && Double.compare(change, a.change) == 0 && rci.equals(a.rci)
                    && reliableChange == a.reliableChange && clinicalSignificance == a.clinicalSignificance
                    && dysfunctionalAtStart.equals(a.dysfunctionalAtStart) && category == a.category;
        }

        @Override
        public int hashCode() {
            return Objects.hash(pre, post, change, rci, reliableChange, clinicalSignificance, dysfunctionalAtStart,
                    category);
        }

        @Override
        public String toString() {
            return "Assessed[reliableChange=" + reliableChange + ", clinicalSignificance=" + clinicalSignificance
                    + ", category=" + category + "]";
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
