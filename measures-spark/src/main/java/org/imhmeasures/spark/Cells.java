/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.spark;

import java.math.BigDecimal;
import org.imhmeasures.scoring.dataset.Row;

/** Spark values as the text cells a CSV would hold. */
final class Cells {

    private Cells() {
    }

    /**
     * A value as text: strings as they are; whole numbers in decimal; a {@code double}, {@code float} or
     * decimal in plain notation without trailing zeros, so that a code stored as {@code 2.0} (a numeric
     * column with gaps, as pandas writes it) reads as {@code 2}, and {@code 2.5} stays {@code 2.5}; anything
     * else by {@code String.valueOf}.
     */
    static String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return value.toString();
        }
        if (value instanceof BigDecimal d) {
            return plain(d);
        }
        if (value instanceof Double d && Double.isFinite(d)) {
            return plain(BigDecimal.valueOf(d));
        }
        if (value instanceof Float f && Float.isFinite(f)) {
            return plain(new BigDecimal(f.toString()));
        }
        return String.valueOf(value);
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    /**
     * The library's row for a record id: no timepoint, no pass-through values, and a nominal line 1 that is
     * never shown (a Spark dataset has no lines, and its rejects no line column).
     */
    static Row where(String recordId) {
        return Row.of(1, recordId);
    }
}
