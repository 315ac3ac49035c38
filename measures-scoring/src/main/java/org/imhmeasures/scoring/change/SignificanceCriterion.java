/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.change;

/**
 * Which cut-off decides whether a score lies in the functional range, for clinical significance.
 *
 * @since 0.1.0
 */
public enum SignificanceCriterion {
    /**
     * Jacobson–Truax criterion c when functional and dysfunctional norms exist, else the caseness cut-off; for
     * Hageman–Arrindell the true-score c when a functional reference exists, else the true-score a.
     */
    AUTO,
    /** The instrument's caseness cut-off (NHS recovery uses this). */
    CASENESS,
    /** J&amp;T criterion a: beyond two SDs of the dysfunctional mean, towards functioning. */
    JT_A,
    /**
     * J&amp;T criterion b: within two SDs of the functional mean, with the <em>functional</em> SD as in Jacobson
     * &amp; Truax (1991): b = M_func − d·2·SD_func (d = +1 when higher is better). clinicalsignificance 3.0.0
     * uses b = M_func − d·2·SD_dys (the clinical SD, since 2022); ours is the published formula.
     */
    JT_B,
    /** J&amp;T criterion c: nearer the functional than the dysfunctional mean, weighted by the SDs. */
    JT_C,
    /**
     * A cut-off supplied by the caller ({@link ChangeOptions#withCutoff}); functional strictly beyond it in the
     * better direction, so a score on it is dysfunctional. Never chosen by {@link #AUTO}.
     */
    SUPPLIED
}
