/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.cohort;

import java.util.Optional;
import org.imhmeasures.core.internal.Check;

/**
 * A count out of a total, with its percentage and Wilson score 95% interval.
 *
 * <p>Wilson (1927): with p̂ = x/n and z = 1.959964, centre = (p̂ + z²/2n) / (1 + z²/n) and half-width =
 * z·√(p̂(1−p̂)/n + z²/4n²) / (1 + z²/n). Unlike the Wald interval it stays within [0, 1] and is usable at
 * 0% and 100%. With n = 0 the percentage and interval are absent.
 *
 * @param count the count
 * @param total the denominator
 * @param percent 100·count/total, absent when total is 0
 * @param wilson95 the Wilson 95% interval in percent, absent when total is 0
 * @since 0.1.0
 */
public record Proportion(long count, long total, Optional<Double> percent, Optional<Interval> wilson95) {

    private static final double Z = 1.959963984540054;

    /**
     * Validates.
     *
     * @param count the count
     * @param total the denominator
     * @param percent 100·count/total, absent when total is 0
     * @param wilson95 the Wilson 95% interval in percent, absent when total is 0
     */
    public Proportion {
        Check.argument(count >= 0 && count <= total, "count must lie within 0..total: %d of %d", count, total);
        Check.notNull(percent, "percent");
        Check.notNull(wilson95, "interval");
    }

    /**
     * Computes the proportion and its interval.
     *
     * @param count the count
     * @param total the denominator
     * @return the proportion
     */
    public static Proportion of(long count, long total) {
        if (total == 0) {
            return new Proportion(count, 0, Optional.empty(), Optional.empty());
        }
        double n = total;
        double p = count / n;
        double z2 = Z * Z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        double lower = Math.max(0, centre - half);
        double upper = Math.min(1, centre + half);
        return new Proportion(count, total, Optional.of(100 * p), Optional.of(new Interval(100 * lower, 100 * upper)));
    }
}
