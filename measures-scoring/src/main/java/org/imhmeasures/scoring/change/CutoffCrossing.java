/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.change;

/**
 * Whether a pair of scores crossed the functional cut-off from the dysfunctional into the functional
 * range. This is only the cut-off half of Jacobson &amp; Truax's clinically significant change: a pair can
 * cross by less than measurement error. For the whole criterion, crossing <em>and</em> reliable improvement,
 * see {@link ClinicalSignificance}.
 *
 * @since 0.1.0
 */
public enum CutoffCrossing {
    /** Started in the dysfunctional range and ended in the functional range. */
    INTO_FUNCTIONAL,
    /** Did not make that move (including people who started in the functional range). */
    NOT_INTO_FUNCTIONAL,
    /** No cut-off is available for the instrument and options. */
    NOT_DEFINED
}
