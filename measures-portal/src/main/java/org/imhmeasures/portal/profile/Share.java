/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.portal.profile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.imhmeasures.core.internal.Check;

/**
 * A count out of a denominator, with its percentage.
 *
 * @param count how many have the property
 * @param denominator how many were counted (those with the property recorded)
 * @since 0.1.0
 */
public record Share(int count, int denominator) {

    /**
     * Validates.
     *
     * @param count how many have the property
     * @param denominator how many were counted (those with the property recorded)
     */
    public Share {
        Check.argument(count >= 0 && count <= denominator, "count must be 0 to the denominator: %d of %d", count,
                denominator);
    }

    /**
     * {@code 100 * count / denominator}, rounded half up to one decimal; empty when the denominator is 0.
     *
     * @return the percentage
     */
    public Optional<BigDecimal> percent() {
        return percent(count, denominator);
    }

    static Optional<BigDecimal> percent(int count, int denominator) {
        if (denominator == 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(count).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(
                denominator), 1, RoundingMode.HALF_UP));
    }

    /**
     * E.g. {@code 12 of 40 (30.0%)}, or {@code 0 of 0 (-)}.
     *
     * @return readable text
     */
    public String describe() {
        return count + " of " + denominator + " (" + percent().map(p -> p.toPlainString() + "%").orElse("-") + ")";
    }
}
