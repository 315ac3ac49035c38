/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.cohort;

import java.util.Objects;
import org.imhmeasures.core.internal.Check;

/**
 * Small-number suppression for outputs meant for publication: a count below the threshold N is shown as
 * {@code <N}, and so is any share computed from it (its numerator or its denominator below N); a group
 * with fewer than N pairs also has its summary statistics (means, intervals, tests, effect sizes) left out,
 * since a mean of one or two families discloses their scores. Zero counts are below N and suppressed too.
 * {@link #none()} shows everything. Immutable; equal when the thresholds are equal.
 *
 * @since 0.1.0
 */
public final class Suppression {

    private static final Suppression NONE = new Suppression(0);

    private final int threshold;

    private Suppression(int threshold) {
        Check.argument(threshold >= 0, "suppression threshold must be at least 0: %d", threshold);
        this.threshold = threshold;
    }

    /**
     * No suppression.
     *
     * @return the policy showing every count
     */
    public static Suppression none() {
        return NONE;
    }

    /**
     * Suppresses counts below {@code n}.
     *
     * @param n the threshold, at least 0 (0 suppresses nothing)
     * @return the policy
     */
    public static Suppression below(int n) {
        return n == 0 ? NONE : new Suppression(n);
    }

    /**
     * The threshold N; 0 when nothing is suppressed.
     *
     * @return N
     */
    public int threshold() {
        return threshold;
    }

    /**
     * Whether a count is hidden.
     *
     * @param count a count
     * @return true when {@code count < N}
     */
    public boolean hides(long count) {
        return count < threshold;
    }

    /**
     * A count as shown: the number, or {@code <N}.
     *
     * @param count a count
     * @return its text
     */
    public String show(long count) {
        return hides(count) ? "<" + threshold : Long.toString(count);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Suppression s && s.threshold == threshold;
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(threshold);
    }

    @Override
    public String toString() {
        return threshold == 0 ? "Suppression[none]" : "Suppression[below " + threshold + "]";
    }
}
