/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.change;

import java.util.Objects;
import java.util.OptionalDouble;
import org.imhmeasures.core.internal.Check;

/**
 * Immutable options for individual change: start from {@link #defaults()} and change one setting at a
 * time; each {@code with} method returns a new instance and never changes the receiver. A final class
 * rather than a record so that settings can be added without breaking callers.
 *
 * <p>Defaults: {@link RciMethod#FIXED_THRESHOLD}, {@link ParameterSource#PUBLISHED},
 * {@link SignificanceCriterion#AUTO}, α = 0.05, no caller-supplied reliability. Two options are equal when
 * every setting is equal.
 *
 * @since 0.1.0
 */
public final class ChangeOptions {

    private static final ChangeOptions DEFAULTS = new ChangeOptions(RciMethod.FIXED_THRESHOLD,
            ParameterSource.PUBLISHED, SignificanceCriterion.AUTO, OptionalDouble.empty(), OptionalDouble.empty(), 0.05);

    private final RciMethod method;
    private final ParameterSource parameters;
    private final SignificanceCriterion criterion;
    private final OptionalDouble reliability;
    private final OptionalDouble reliabilityPost;
    private final double alpha;

    private ChangeOptions(RciMethod method, ParameterSource parameters, SignificanceCriterion criterion,
            OptionalDouble reliability, OptionalDouble reliabilityPost, double alpha) {
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
     * Published or sample parameters.
     *
     * @return the parameter source
     */
    public ParameterSource parameters() {
        return parameters;
    }

    /**
     * Which cut-off decides the functional range.
     *
     * @return the criterion
     */
    public SignificanceCriterion criterion() {
        return criterion;
    }

    /**
     * The caller's reliability, which overrides any published value.
     *
     * @return the reliability in (0, 1), or empty
     */
    public OptionalDouble reliability() {
        return reliability;
    }

    /**
     * The post-score reliability for Nunnally–Kotsch.
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
     * Returns a copy with the given way of deciding reliable change.
     *
     * @param value the method
     * @return new options
     */
    public ChangeOptions with(RciMethod value) {
        return new ChangeOptions(value, parameters, criterion, reliability, reliabilityPost, alpha);
    }

    /**
     * Returns a copy with the given parameter source.
     *
     * @param value the parameter source
     * @return new options
     */
    public ChangeOptions with(ParameterSource value) {
        return new ChangeOptions(method, value, criterion, reliability, reliabilityPost, alpha);
    }

    /**
     * Returns a copy with the given significance criterion.
     *
     * @param value the significance criterion
     * @return new options
     */
    public ChangeOptions with(SignificanceCriterion value) {
        return new ChangeOptions(method, parameters, value, reliability, reliabilityPost, alpha);
    }

    /**
     * Returns a copy with the caller's reliability, which overrides any published value.
     *
     * @param value the reliability, in (0, 1)
     * @return new options
     */
    public ChangeOptions withReliability(double value) {
        return new ChangeOptions(method, parameters, criterion, OptionalDouble.of(value), reliabilityPost, alpha);
    }

    /**
     * Returns a copy with the post-score reliability for Nunnally–Kotsch.
     *
     * @param value the post-score reliability for Nunnally–Kotsch, in (0, 1)
     * @return new options
     */
    public ChangeOptions withReliabilityPost(double value) {
        return new ChangeOptions(method, parameters, criterion, reliability, OptionalDouble.of(value), alpha);
    }

    /**
     * Returns a copy with the given significance level.
     *
     * @param value two-sided significance level, in (0, 0.5)
     * @return new options
     */
    public ChangeOptions withAlpha(double value) {
        return new ChangeOptions(method, parameters, criterion, reliability, reliabilityPost, value);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof ChangeOptions o && method == o.method && parameters == o.parameters
                && criterion == o.criterion && reliability.equals(o.reliability)
                && reliabilityPost.equals(o.reliabilityPost) && Double.compare(alpha, o.alpha) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, parameters, criterion, reliability, reliabilityPost, alpha);
    }

    @Override
    public String toString() {
        return "ChangeOptions[method=" + method + ", parameters=" + parameters + ", criterion=" + criterion
                + ", reliability=" + reliability + ", reliabilityPost=" + reliabilityPost + ", alpha=" + alpha + "]";
    }
}
