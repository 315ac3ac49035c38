/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

/**
 * Where a score stands against an instrument's published bands.
 *
 * <p>Some sources confirm bands for only part of the range (PIR-GAS: 61-100). A score outside every
 * confirmed band then has no band label, but that is not the same as an instrument without bands: the
 * score has a band in the full published scheme, which this library cannot name. A blank would hide
 * it, so results say which side of the confirmed bands the score lies on. For PIR-GAS a rating below 61
 * is one of the most impaired relationships.
 *
 * @since 0.1.0
 */
public enum BandStatus {
    /** The score lies in a confirmed band. */
    IN_BAND,
    /** Bands are confirmed for part of the range only, and the score lies below the lowest of them. */
    BELOW_CONFIRMED_BANDS,
    /** Bands are confirmed for part of the range only, and the score lies above the highest of them. */
    ABOVE_CONFIRMED_BANDS,
    /** The score lies in a gap between two confirmed bands. */
    BETWEEN_CONFIRMED_BANDS,
    /** The instrument publishes no bands, or there is no score to place. */
    NO_BANDS;

    /**
     * Tells whether the score has a band in the published scheme that no confirmed band covers.
     *
     * @return {@code true} for the three {@code *_CONFIRMED_BANDS} values
     */
    public boolean outsideConfirmedBands() {
        return this == BELOW_CONFIRMED_BANDS || this == ABOVE_CONFIRMED_BANDS || this == BETWEEN_CONFIRMED_BANDS;
    }
}
