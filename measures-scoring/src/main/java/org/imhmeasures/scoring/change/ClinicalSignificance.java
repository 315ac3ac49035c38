/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.change;

/**
 * Whether a pair of scores moved from the dysfunctional into the functional range.
 *
 * @since 0.1.0
 */
public enum ClinicalSignificance {
    /** Started in the dysfunctional range and ended in the functional range. */
    SIGNIFICANT,
    /** Did not make that move (including people who started in the functional range). */
    NOT_SIGNIFICANT,
    /** No cut-off is available for the instrument and options. */
    NOT_DEFINED;
}
