/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring;

/**
 * Where the cut-off a result was compared with comes from, so that "no cut-off" is never ambiguous: an
 * instrument whose cut-off is printed only in licensed materials (ASQ:SE-2) and was not supplied says so,
 * rather than looking like an instrument that has none.
 *
 * @since 0.2.0
 */
public enum CutoffStatus {
    /** The definition's own published cut-off (PHQ-9 at least 10). */
    PUBLISHED,
    /** A cut-off supplied by a licensee norms file ({@code imh-measures/norms@1}). */
    SUPPLIED,
    /**
     * The instrument's cut-off is in licensed materials and no licensee norms file supplied it: the result has
     * a total but no caseness ({@link Caseness#NOT_DEFINED}) — not a guessed one.
     */
    NOT_SUPPLIED,
    /** No cut-off is published or confirmed for the total (GBO, PIR-GAS), or the instrument has no total. */
    NONE
}
