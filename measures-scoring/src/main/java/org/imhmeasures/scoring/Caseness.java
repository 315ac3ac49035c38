/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring;

/**
 * Whether a score meets the instrument's caseness cut-off.
 *
 * @since 0.1.0
 */
public enum Caseness {
    /** At or beyond the cut-off. */
    CASE,
    /** Not at the cut-off. */
    NOT_CASE,
    /** No published cut-off, or no score to compare. */
    NOT_DEFINED,
    /**
     * The instrument has no total and gives caseness per subscale (HADS anxiety and depression): see each
     * {@link SubscaleScore#caseness()}. Only ever the caseness of a whole result, never of a subscale.
     *
     * @since 0.1.0
     */
    PER_SUBSCALE;
}
