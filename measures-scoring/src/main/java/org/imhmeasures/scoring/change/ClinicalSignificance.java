/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.change;

/**
 * Clinically significant change in Jacobson &amp; Truax's sense (1991, J Consult Clin Psychol 59(1):12–19,
 * doi:10.1037/0022-006X.59.1.12): reliable improvement <em>and</em> a move from the dysfunctional into the
 * functional range. A pair that only crossed the cut-off is {@link #NOT_SIGNIFICANT} here; the crossing
 * alone is {@link CutoffCrossing}. Significant pairs are the J&amp;T category {@link Category#RECOVERED}
 * and the NHS category {@link Category#RELIABLE_RECOVERY}.
 *
 * @since 0.1.0
 */
public enum ClinicalSignificance {
    /** Reliably improved and crossed from the dysfunctional into the functional range. */
    SIGNIFICANT,
    /** Not both (no reliable improvement, or no crossing into the functional range). */
    NOT_SIGNIFICANT,
    /** No cut-off is available for the instrument and options, so the criterion cannot be judged. */
    NOT_DEFINED;
}
