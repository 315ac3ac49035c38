/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.cohort;

import org.imhmeasures.core.internal.Check;

/**
 * A confidence interval {@code [lower, upper]}.
 *
 * @param lower lower bound
 * @param upper upper bound, at least {@code lower}
 * @since 0.1.0
 */
public record Interval(double lower, double upper) {

    /**
     * Validates.
     *
     * @param lower lower bound
     * @param upper upper bound, at least {@code lower}
     */
    public Interval {
        Check.argument(Double.isFinite(lower) && Double.isFinite(upper) && lower <= upper,
                "interval must be finite with lower <= upper: [%s, %s]", lower, upper);
    }
}
