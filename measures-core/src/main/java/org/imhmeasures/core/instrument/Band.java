/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

import java.math.BigDecimal;
import org.imhmeasures.core.internal.Check;

/**
 * One severity band: a label for the scores {@code from..to}, bounds included.
 *
 * <p>When a score is not a whole number (a prorated total), it falls in the band with the largest
 * {@code from} not above it, as long as it is not above that band's upper neighbour's start; see
 * {@link Bands#classify(BigDecimal)}.
 *
 * @param label the band's published label, e.g. {@code moderate}
 * @param from lowest score in the band
 * @param to highest score in the band
 * @since 0.1.0
 */
public record Band(String label, BigDecimal from, BigDecimal to) {

    /**
     * Validates and normalises.
     *
     * @param label the band's published label, e.g. {@code moderate}
     * @param from lowest score in the band
     * @param to highest score in the band
     */
    public Band {
        label = Check.notBlank(label, "band label");
        Check.notNull(from, "band from");
        Check.notNull(to, "band to");
        from = Decimals.normalise(from, "band from");
        to = Decimals.normalise(to, "band to");
        Check.argument(from.compareTo(to) <= 0, "band %s from must be at most to: %s > %s", label,
                Decimals.show(from), Decimals.show(to));
    }

    /**
     * Creates a band of whole-number bounds.
     *
     * @param label published label
     * @param from lowest score in the band
     * @param to highest score in the band
     * @return the band
     */
    public static Band of(String label, long from, long to) {
        return new Band(label, BigDecimal.valueOf(from), BigDecimal.valueOf(to));
    }
}
