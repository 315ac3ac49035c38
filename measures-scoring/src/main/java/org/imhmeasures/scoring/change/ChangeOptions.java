/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.change;

import java.util.OptionalDouble;
import org.imhmeasures.core.internal.Check;

/**
 * Immutable options for individual change. Each {@code with} returns a new instance.
 *
 * <p>Defaults: {@link RciMethod#FIXED_THRESHOLD}, {@link ParameterSource#PUBLISHED},
 * {@link SignificanceCriterion#AUTO}, α = 0.05, no caller-supplied reliability.
 *
 * @param method how reliable change is decided
 * @param parameters published or sample parameters
 * @param criterion which cut-off decides the functional range
 * @param reliability the caller's reliability (overrides any published value), in (0, 1)
 * @param reliabilityPost the post-score reliability for Nunnally–Kotsch; defaults to {@code reliability}
 * @param alpha two-sided significance level for the critical value, in (0, 0.5)
 * @since 0.1.0
 */
public record ChangeOptions(RciMethod method, ParameterSource parameters, SignificanceCriterion criterion,
        OptionalDouble reliability, OptionalDouble reliabilityPost, double alpha) {

    private static final ChangeOptions DEFAULTS = new ChangeOptions(RciMethod.FIXED_THRESHOLD,
            ParameterSource.PUBLISHED, SignificanceCriterion.AUTO, OptionalDouble.empty(), OptionalDouble.empty(), 0.05);

    /**
     * Validates.
     *
     * @param method how reliable change is decided
     * @param parameters published or sample parameters
     * @param criterion which cut-off decides the functional range
     * @param reliability the caller's reliability (overrides any published value), in (0, 1)
     * @param reliabilityPost the post-score reliability for Nunnally–Kotsch; defaults to {@code reliability}
     * @param alpha two-sided significance level for the critical value, in (0, 0.5)
     */
    public ChangeOptions {
        Check.notNull(method, "method");
        Check.notNull(parameters, "parameters");
        Check.notNull(criterion, "criterion");
        Check.notNull(reliability, "reliability");
        Check.notNull(reliabilityPost, "post reliability");
        reliability.ifPresent(r -> Check.argument(r > 0 && r < 1, "reliability must be between 0 and 1: %s", r));
        reliabilityPost.ifPresent(r -> Check.argument(r > 0 && r < 1, "post reliability must be between 0 and 1: %s",
                r));
        Check.argument(alpha > 0 && alpha < 0.5, "alpha must be between 0 and 0.5: %s", alpha);
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
}
