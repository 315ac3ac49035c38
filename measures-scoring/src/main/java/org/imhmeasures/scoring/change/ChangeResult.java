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
        private final CutoffCrossing crossedCutoff;
        private final ClinicalSignificance clinicallySignificant;
        private final Optional<Boolean> dysfunctionalAtStart;
        private final Category category;
        private final OptionalDouble clinicalSignificanceIndex;
        private final OptionalDouble relativeChange;

        Assessed(double pre, double post, double change, OptionalDouble rci, ReliableChangeDirection reliableChange,
                CutoffCrossing crossedCutoff, Optional<Boolean> dysfunctionalAtStart, Category category) {
            this(pre, post, change, rci, reliableChange, crossedCutoff, dysfunctionalAtStart, category,
                    OptionalDouble.empty(), OptionalDouble.empty());
        }

        Assessed(double pre, double post, double change, OptionalDouble rci, ReliableChangeDirection reliableChange,
                CutoffCrossing crossedCutoff, Optional<Boolean> dysfunctionalAtStart, Category category,
                OptionalDouble clinicalSignificanceIndex, OptionalDouble relativeChange) {
            this.pre = pre;
            this.post = post;
            this.change = change;
            this.rci = Check.notNull(rci, "rci");
            this.reliableChange = Check.notNull(reliableChange, "reliable change");
            this.crossedCutoff = Check.notNull(crossedCutoff, "cut-off crossing");
            this.clinicallySignificant = crossedCutoff == CutoffCrossing.NOT_DEFINED ? ClinicalSignificance.NOT_DEFINED
                    : crossedCutoff == CutoffCrossing.INTO_FUNCTIONAL
                            && reliableChange == ReliableChangeDirection.IMPROVED ? ClinicalSignificance.SIGNIFICANT
                            : ClinicalSignificance.NOT_SIGNIFICANT;
            this.dysfunctionalAtStart = Check.notNull(dysfunctionalAtStart, "dysfunctional at start");
            this.category = Check.notNull(category, "category");
            this.clinicalSignificanceIndex = Check.notNull(clinicalSignificanceIndex, "clinical significance index");
            this.relativeChange = Check.notNull(relativeChange, "relative change");
        }

        /**
         * Hageman &amp; Arrindell's individual clinical-significance index CS_indiv: how far the post score's
         * true-score estimate lies beyond the true-score cut-off, in standard errors (see {@link ChangeModel}).
         *
         * @return the index for {@link RciMethod#HAGEMAN_ARRINDELL} with a cut-off; empty otherwise
         * @since 0.1.0
         */
        public OptionalDouble clinicalSignificanceIndex() {
            return clinicalSignificanceIndex;
        }

        /**
         * The change relative to baseline, (post − pre) / pre, for {@link RciMethod#PERCENTAGE_CHANGE}.
         *
         * @return the fraction (−0.5 is a 50% fall); empty for the other methods
         * @since 0.1.0
         */
        public OptionalDouble relativeChange() {
            return relativeChange;
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
         * Whether the pair crossed the cut-off from the dysfunctional into the functional range, reliably
         * or not. This alone is not clinically significant change: see {@link #clinicallySignificant()}.
         *
         * @return the crossing, {@link CutoffCrossing#NOT_DEFINED} without a cut-off
         * @since 0.1.0
         */
        public CutoffCrossing crossedCutoff() {
            return crossedCutoff;
        }

        /**
         * Whether the change is clinically significant in Jacobson &amp; Truax's sense: reliably improved and
         * crossed into the functional range.
         *
         * @return the verdict, {@link ClinicalSignificance#NOT_DEFINED} without a cut-off
         * @since 0.1.0
         */
        public ClinicalSignificance clinicallySignificant() {
            return clinicallySignificant;
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
                    && reliableChange == a.reliableChange && crossedCutoff == a.crossedCutoff
                    && dysfunctionalAtStart.equals(a.dysfunctionalAtStart) && category == a.category
                    && clinicalSignificanceIndex.equals(a.clinicalSignificanceIndex)
                    && relativeChange.equals(a.relativeChange);
        }

        @Override
        public int hashCode() {
            return Objects.hash(pre, post, change, rci, reliableChange, crossedCutoff, dysfunctionalAtStart, category,
                    clinicalSignificanceIndex, relativeChange);
        }

        @Override
        public String toString() {
            return "Assessed[reliableChange=" + reliableChange + ", crossedCutoff=" + crossedCutoff
                    + ", clinicallySignificant=" + clinicallySignificant + ", category=" + category + "]";
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
        SCORE_OUT_OF_RANGE,
        /** A scored result is of another instrument than the model's. */
        INSTRUMENT_MISMATCH,
        /** A scored result was scored against another definition version than the model's. */
        DEFINITION_VERSION_MISMATCH,
        /** The instrument reports change per goal (GBO): the goal must be named. */
        NEEDS_SUBSCALE,
        /** The named subscale is not one of the instrument's. */
        UNKNOWN_SUBSCALE,
        /**
         * The instrument's change parameters are for its total, not for the named subscale (only per-goal
         * instruments, whose goals share one scale and threshold, assess a subscale).
         */
        NO_SUBSCALE_PARAMETERS,
        /** The named subscale or goal has no score in one of the results (unrated goal, missing items). */
        NO_SCORE,
        /**
         * {@link RciMethod#ANCHOR_BASED} needs minimal important differences and the definition publishes none:
         * the caller must give them.
         *
         * @since 0.1.0
         */
        NO_MINIMAL_IMPORTANT_DIFFERENCE,
        /**
         * {@link RciMethod#PERCENTAGE_CHANGE} needs improvement and deterioration percentages: the caller must
         * give them.
         *
         * @since 0.1.0
         */
        NO_PERCENTAGE_THRESHOLDS,
        /**
         * The pair's baseline is 0 or below, so a change relative to it is undefined
         * ({@link RciMethod#PERCENTAGE_CHANGE}).
         *
         * @since 0.1.0
         */
        BASELINE_NOT_POSITIVE,
        /**
         * The method and the clinical-significance criterion do not combine as published (Hageman–Arrindell
         * with criterion b, caseness or a supplied cut-off), so the model refuses rather than mix them.
         *
         * @since 0.1.0
         */
        UNSUPPORTED_COMBINATION,
        /**
         * The instrument records answers only (a feedback question: {@code ScoringRule.AnswersOnly}): it has no
         * score, so there is nothing to compare.
         *
         * @since 0.2.0
         */
        ANSWERS_ONLY
    }
}
