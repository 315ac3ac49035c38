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
 * Immutable options for individual change: start from {@link #defaults()} and change one setting at a
 * time; each {@code with} method returns a new instance and never changes the receiver. A final class
 * rather than a record so that settings can be added without breaking callers.
 *
 * <p>Defaults: {@link RciMethod#FIXED_THRESHOLD}, {@link ParameterSource#PUBLISHED},
 * {@link SignificanceCriterion#AUTO}, α = 0.05, and no caller-supplied value: reliability, post
 * reliability, fixed threshold, cut-off and reference norms all come from the instrument's definition
 * unless supplied here, and {@link ChangeParameters#suppliedByCaller()} names those that were. Two
 * options are equal when every setting is equal.
 *
 * @since 0.1.0
 */
public final class ChangeOptions {

    private static final ChangeOptions DEFAULTS = new ChangeOptions(RciMethod.FIXED_THRESHOLD,
            ParameterSource.PUBLISHED, SignificanceCriterion.AUTO, OptionalDouble.empty(), OptionalDouble.empty(), 0.05,
            OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    private final RciMethod method;
    private final ParameterSource parameters;
    private final SignificanceCriterion criterion;
    private final OptionalDouble reliability;
    private final OptionalDouble reliabilityPost;
    private final double alpha;
    private final OptionalDouble threshold;
    private final OptionalDouble cutoff;
    private final Optional<Reference> functionalNorm;
    private final Optional<Reference> clinicalNorm;
    private final Optional<MinimalImportantDifference> minimalImportantDifference;
    private final Optional<PercentageChange> percentageChange;

    /**
     * A reference sample's mean and SD supplied by the caller, for the Jacobson–Truax cut-offs (and, for the
     * clinical sample, the SD of the index).
     *
     * @param mean the mean
     * @param sd the standard deviation, greater than 0
     */
    public record Reference(double mean, double sd) {

        /**
         * Validates.
         *
         * @param mean the mean, finite
         * @param sd the standard deviation, finite and greater than 0
         */
        public Reference {
            Check.argument(Double.isFinite(mean), "reference mean must be finite: %s", mean);
            Check.argument(Double.isFinite(sd) && sd > 0, "reference SD must be greater than 0: %s", sd);
        }
    }

    /**
     * The caller's minimal important differences for {@link RciMethod#ANCHOR_BASED}, in score points, one for
     * each direction (an anchor study often finds them unequal). No instrument definition publishes one yet,
     * so the caller always gives them; the model never guesses a default.
     *
     * @param improvement the change in the better direction that counts as improvement, greater than 0
     * @param deterioration the change in the worse direction that counts as deterioration, greater than 0
     * @since 0.1.0
     */
    public record MinimalImportantDifference(double improvement, double deterioration) {

        /**
         * Validates.
         *
         * @param improvement points in the better direction, finite and greater than 0
         * @param deterioration points in the worse direction, finite and greater than 0
         */
        public MinimalImportantDifference {
            Check.argument(Double.isFinite(improvement) && improvement > 0,
                    "minimal important improvement must be greater than 0: %s", improvement);
            Check.argument(Double.isFinite(deterioration) && deterioration > 0,
                    "minimal important deterioration must be greater than 0: %s", deterioration);
        }
    }

    /**
     * The caller's thresholds for {@link RciMethod#PERCENTAGE_CHANGE}, as fractions of the baseline score
     * ({@code 0.5} is 50%), one for each direction.
     *
     * @param improvement the relative change in the better direction that counts as improvement, greater than 0
     * @param deterioration the relative change in the worse direction that counts as deterioration, greater than 0
     * @since 0.1.0
     */
    public record PercentageChange(double improvement, double deterioration) {

        /**
         * Validates.
         *
         * @param improvement fraction of baseline in the better direction, finite and greater than 0
         * @param deterioration fraction of baseline in the worse direction, finite and greater than 0
         */
        public PercentageChange {
            Check.argument(Double.isFinite(improvement) && improvement > 0,
                    "percentage improvement must be greater than 0: %s", improvement);
            Check.argument(Double.isFinite(deterioration) && deterioration > 0,
                    "percentage deterioration must be greater than 0: %s", deterioration);
        }
    }

    private ChangeOptions(RciMethod method, ParameterSource parameters, SignificanceCriterion criterion,
            OptionalDouble reliability, OptionalDouble reliabilityPost, double alpha, OptionalDouble threshold,
            OptionalDouble cutoff, Optional<Reference> functionalNorm, Optional<Reference> clinicalNorm,
            Optional<MinimalImportantDifference> minimalImportantDifference,
            Optional<PercentageChange> percentageChange) {
        this.method = Check.notNull(method, "method");
        this.parameters = Check.notNull(parameters, "parameters");
        this.criterion = Check.notNull(criterion, "criterion");
        this.reliability = Check.notNull(reliability, "reliability");
        this.reliabilityPost = Check.notNull(reliabilityPost, "post reliability");
        reliability.ifPresent(r -> Check.argument(r > 0 && r < 1, "reliability must be between 0 and 1: %s", r));
        reliabilityPost.ifPresent(r -> Check.argument(r > 0 && r < 1, "post reliability must be between 0 and 1: %s",
                r));
        Check.argument(alpha > 0 && alpha < 0.5, "alpha must be between 0 and 0.5: %s", alpha);
        this.alpha = alpha;
        this.threshold = Check.notNull(threshold, "threshold");
        threshold.ifPresent(t -> Check.argument(Double.isFinite(t) && t > 0, "threshold must be greater than 0: %s", t));
        this.cutoff = Check.notNull(cutoff, "cut-off");
        cutoff.ifPresent(c -> Check.argument(Double.isFinite(c), "cut-off must be finite: %s", c));
        this.functionalNorm = Check.notNull(functionalNorm, "functional norm");
        this.clinicalNorm = Check.notNull(clinicalNorm, "clinical norm");
        this.minimalImportantDifference = Check.notNull(minimalImportantDifference, "minimal important difference");
        this.percentageChange = Check.notNull(percentageChange, "percentage change");
    }

    private ChangeOptions copy(RciMethod method, ParameterSource parameters, SignificanceCriterion criterion,
            OptionalDouble reliability, OptionalDouble reliabilityPost, double alpha) {
        return new ChangeOptions(method, parameters, criterion, reliability, reliabilityPost, alpha, threshold, cutoff,
                functionalNorm, clinicalNorm, minimalImportantDifference, percentageChange);
    }

    /**
     * The default options.
     *
     * @return defaults
     */
    public static ChangeOptions defaults() {
        return DEFAULTS;
    }

    /**
     * How reliable change is decided.
     *
     * @return the method
     */
    public RciMethod method() {
        return method;
    }

    /**
     * Where the SDs and means come from.
     *
     * @return the parameter source
     */
    public ParameterSource parameters() {
        return parameters;
    }

    /**
     * How the functional cut-off is chosen.
     *
     * @return the criterion
     */
    public SignificanceCriterion criterion() {
        return criterion;
    }

    /**
     * The caller's reliability, overriding the published one.
     *
     * @return the reliability in (0, 1), or empty
     */
    public OptionalDouble reliability() {
        return reliability;
    }

    /**
     * The caller's post-score reliability (Nunnally–Kotsch).
     *
     * @return the reliability in (0, 1), or empty to use {@link #reliability()}
     */
    public OptionalDouble reliabilityPost() {
        return reliabilityPost;
    }

    /**
     * The two-sided significance level for the critical value.
     *
     * @return α, in (0, 0.5)
     */
    public double alpha() {
        return alpha;
    }

    /**
     * The caller's fixed reliable-change threshold in points, overriding the published one.
     *
     * @return the threshold, or empty
     */
    public OptionalDouble threshold() {
        return threshold;
    }

    /**
     * The caller's cut-off between the dysfunctional and functional range, overriding every criterion: a
     * score is functional strictly beyond it in the better direction, so a score exactly on it stays
     * dysfunctional (as a caseness cut-off "≥ X is a case" on a higher-is-worse scale).
     *
     * @return the cut-off, or empty
     */
    public OptionalDouble cutoff() {
        return cutoff;
    }

    /**
     * The caller's functional (non-clinical) reference, overriding the published norm.
     *
     * @return the reference, or empty
     */
    public Optional<Reference> functionalNorm() {
        return functionalNorm;
    }

    /**
     * The caller's clinical (dysfunctional) reference, overriding the published norm: its SD is also the
     * SD of the index under published parameters.
     *
     * @return the reference, or empty
     */
    public Optional<Reference> clinicalNorm() {
        return clinicalNorm;
    }

    /**
     * Returns a copy with the given way of deciding reliable change.
     *
     * @param value the method
     * @return new options
     */
    public ChangeOptions with(RciMethod value) {
        return copy(value, parameters, criterion, reliability, reliabilityPost, alpha);
    }

    /**
     * Returns a copy with the given parameter source.
     *
     * @param value published norms or the sample's own statistics
     * @return new options
     */
    public ChangeOptions with(ParameterSource value) {
        return copy(method, value, criterion, reliability, reliabilityPost, alpha);
    }

    /**
     * Returns a copy with the given cut-off criterion.
     *
     * @param value the criterion
     * @return new options
     */
    public ChangeOptions with(SignificanceCriterion value) {
        return copy(method, parameters, value, reliability, reliabilityPost, alpha);
    }

    /**
     * Returns a copy with the caller's reliability, which overrides any published value.
     *
     * @param value the reliability, in (0, 1)
     * @return new options
     */
    public ChangeOptions withReliability(double value) {
        return copy(method, parameters, criterion, OptionalDouble.of(value), reliabilityPost, alpha);
    }

    /**
     * Returns a copy with the post-score reliability for Nunnally–Kotsch.
     *
     * @param value the post-score reliability for Nunnally–Kotsch, in (0, 1)
     * @return new options
     */
    public ChangeOptions withReliabilityPost(double value) {
        return copy(method, parameters, criterion, reliability, OptionalDouble.of(value), alpha);
    }

    /**
     * Returns a copy with the given significance level.
     *
     * @param value two-sided significance level, in (0, 0.5)
     * @return new options
     */
    public ChangeOptions withAlpha(double value) {
        return copy(method, parameters, criterion, reliability, reliabilityPost, value);
    }

    /**
     * Returns a copy with the caller's fixed reliable-change threshold (used by
     * {@link RciMethod#FIXED_THRESHOLD}), overriding the published one.
     *
     * @param points the threshold in points, greater than 0
     * @return new options
     * @since 0.1.0
     */
    public ChangeOptions withThreshold(double points) {
        return new ChangeOptions(method, parameters, criterion, reliability, reliabilityPost, alpha,
                OptionalDouble.of(points), cutoff, functionalNorm, clinicalNorm, minimalImportantDifference,
                percentageChange);
    }

    /**
     * Returns a copy with the caller's functional cut-off; see {@link #cutoff()}.
     *
     * @param value the cut-off score
     * @return new options
     * @since 0.1.0
     */
    public ChangeOptions withCutoff(double value) {
        return new ChangeOptions(method, parameters, criterion, reliability, reliabilityPost, alpha, threshold,
                OptionalDouble.of(value), functionalNorm, clinicalNorm, minimalImportantDifference,
                percentageChange);
    }

    /**
     * Returns a copy with the caller's functional (non-clinical) reference mean and SD.
     *
     * @param mean the mean
     * @param sd the SD, greater than 0
     * @return new options
     * @since 0.1.0
     */
    public ChangeOptions withFunctionalNorm(double mean, double sd) {
        return new ChangeOptions(method, parameters, criterion, reliability, reliabilityPost, alpha, threshold, cutoff,
                Optional.of(new Reference(mean, sd)), clinicalNorm,
                minimalImportantDifference, percentageChange);
    }

    /**
     * Returns a copy with the caller's clinical (dysfunctional) reference mean and SD.
     *
     * @param mean the mean
     * @param sd the SD, greater than 0
     * @return new options
     * @since 0.1.0
     */
    public ChangeOptions withClinicalNorm(double mean, double sd) {
        return new ChangeOptions(method, parameters, criterion, reliability, reliabilityPost, alpha, threshold, cutoff,
                functionalNorm, Optional.of(new Reference(mean, sd)),
                minimalImportantDifference, percentageChange);
    }

    /**
     * The caller's minimal important differences, for {@link RciMethod#ANCHOR_BASED}.
     *
     * @return the differences, or empty
     * @since 0.1.0
     */
    public Optional<MinimalImportantDifference> minimalImportantDifference() {
        return minimalImportantDifference;
    }

    /**
     * The caller's percentage-change thresholds, for {@link RciMethod#PERCENTAGE_CHANGE}.
     *
     * @return the thresholds, or empty
     * @since 0.1.0
     */
    public Optional<PercentageChange> percentageChange() {
        return percentageChange;
    }

    /**
     * Returns a copy with the caller's minimal important differences for {@link RciMethod#ANCHOR_BASED}.
     *
     * @param improvement points of change in the better direction that count as improvement, greater than 0
     * @param deterioration points of change in the worse direction that count as deterioration, greater than 0
     * @return new options
     * @since 0.1.0
     */
    public ChangeOptions withMinimalImportantDifference(double improvement, double deterioration) {
        return new ChangeOptions(method, parameters, criterion, reliability, reliabilityPost, alpha, threshold, cutoff,
                functionalNorm, clinicalNorm, Optional.of(new MinimalImportantDifference(improvement, deterioration)),
                percentageChange);
    }

    /**
     * Returns a copy with the caller's percentage-change thresholds for {@link RciMethod#PERCENTAGE_CHANGE}, as
     * fractions of the baseline score.
     *
     * @param improvement relative change in the better direction that counts as improvement, e.g. 0.5 for 50%
     * @param deterioration relative change in the worse direction that counts as deterioration
     * @return new options
     * @since 0.1.0
     */
    public ChangeOptions withPercentageChange(double improvement, double deterioration) {
        return new ChangeOptions(method, parameters, criterion, reliability, reliabilityPost, alpha, threshold, cutoff,
                functionalNorm, clinicalNorm, minimalImportantDifference,
                Optional.of(new PercentageChange(improvement, deterioration)));
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof ChangeOptions o && method == o.method && parameters == o.parameters
                && criterion == o.criterion && reliability.equals(o.reliability)
                && reliabilityPost.equals(o.reliabilityPost) && Double.compare(alpha, o.alpha) == 0
                && threshold.equals(o.threshold) && cutoff.equals(o.cutoff) && functionalNorm.equals(o.functionalNorm)
                && clinicalNorm.equals(o.clinicalNorm) && minimalImportantDifference.equals(o.minimalImportantDifference)
                && percentageChange.equals(o.percentageChange);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, parameters, criterion, reliability, reliabilityPost, alpha, threshold, cutoff,
                functionalNorm, clinicalNorm, minimalImportantDifference, percentageChange);
    }

    @Override
    public String toString() {
        return "ChangeOptions[method=" + method + ", parameters=" + parameters + ", criterion=" + criterion
                + ", reliability=" + reliability + ", reliabilityPost=" + reliabilityPost + ", alpha=" + alpha
                + ", threshold=" + threshold + ", cutoff=" + cutoff + ", functionalNorm=" + functionalNorm
                + ", clinicalNorm=" + clinicalNorm + ", minimalImportantDifference=" + minimalImportantDifference
                + ", percentageChange=" + percentageChange + "]";
    }
}
