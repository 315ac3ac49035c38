/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

import java.math.BigDecimal;
import org.imhmeasures.core.internal.Check;

/**
 * Decimal normalisation and display used by the value types of this package, in one place.
 *
 * <p>Limits: a normalised value (band bounds, ranges, cut-offs) must be below {@code 1e12} in magnitude
 * with at most {@value #MAX_SCALE} decimal places once trailing zeros are stripped. The check looks at
 * precision and scale only, so a value such as {@code 1e999999999} is refused before anything expands it
 * to a billion digits (which {@code setScale(0)} or {@code toPlainString()} would do).
 */
final class Decimals {

    /** The most decimal places a normalised value may keep. */
    static final int MAX_SCALE = 12;

    /** Values of this many integer digits or more are refused (magnitude 1e12). */
    private static final int MAX_INTEGER_DIGITS = 12;

    private Decimals() {
    }

    /**
     * Strips trailing zeros and keeps whole numbers at scale 0 (never {@code 1E+1}).
     *
     * @throws IllegalArgumentException when the value is out of the bounds above; the message says so
     *         without printing the value
     */
    static BigDecimal normalise(BigDecimal value, String what) {
        Check.notNull(value, what);
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.signum() == 0) {
            return BigDecimal.ZERO;
        }
        Check.argument(stripped.precision() - stripped.scale() <= MAX_INTEGER_DIGITS && stripped.scale() <= MAX_SCALE,
                "%s must be below 1e12 with at most %d decimal places: out of bounds", what, MAX_SCALE);
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** {@link #normalise(BigDecimal, String)} for a value called "value". */
    static BigDecimal normalise(BigDecimal value) {
        return normalise(value, "value");
    }

    /**
     * A value for a message: plain notation when short, otherwise a description that costs nothing to
     * build. Use this, never {@code toPlainString()}, for values not yet validated.
     */
    static String show(BigDecimal value) {
        return Check.show(value);
    }
}
