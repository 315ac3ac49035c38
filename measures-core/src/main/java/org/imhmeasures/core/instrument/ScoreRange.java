/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

import java.math.BigDecimal;
import org.imhmeasures.core.internal.Check;

/**
 * A closed interval {@code [min, max]} of possible scores.
 *
 * <p>Bounds are normalised with {@link BigDecimal#stripTrailingZeros()}, so {@code 10} and
 * {@code 10.0} make equal ranges.
 *
 * @param min lowest possible score
 * @param max highest possible score, at least {@code min}
 * @since 0.1.0
 */
public record ScoreRange(BigDecimal min, BigDecimal max) {

    /**
     * Validates and normalises the bounds.
     *
     * @param min lowest possible score
     * @param max highest possible score, at least {@code min}
     */
    public ScoreRange {
        Check.notNull(min, "range min");
        Check.notNull(max, "range max");
        min = Decimals.normalise(min, "range min");
        max = Decimals.normalise(max, "range max");
        Check.argument(min.compareTo(max) <= 0, "range min must be at most max: %s > %s",
                Decimals.show(min), Decimals.show(max));
    }

    /**
     * Creates a range of whole numbers.
     *
     * @param min lowest possible score
     * @param max highest possible score
     * @return the range
     */
    public static ScoreRange of(long min, long max) {
        return new ScoreRange(BigDecimal.valueOf(min), BigDecimal.valueOf(max));
    }

    /**
     * Creates a range.
     *
     * @param min lowest possible score
     * @param max highest possible score
     * @return the range
     */
    public static ScoreRange of(BigDecimal min, BigDecimal max) {
        return new ScoreRange(min, max);
    }

    /**
     * Tells whether {@code value} lies in this range, bounds included.
     *
     * @param value a score
     * @return {@code true} when {@code min <= value <= max}
     */
    public boolean contains(BigDecimal value) {
        return value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
    }

    @Override
    public String toString() {
        return Decimals.show(min) + ".." + Decimals.show(max);
    }
}
