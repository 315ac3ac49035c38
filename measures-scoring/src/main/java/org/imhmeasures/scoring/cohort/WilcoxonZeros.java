/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.cohort;

/**
 * What the Wilcoxon signed-rank test does with pairs whose change is zero.
 *
 * <ul>
 *   <li>{@link #DROP} (the default): zero changes are removed before ranking, as Wilcoxon (1945) did and
 *       as R's {@code wilcox.test} and SciPy's {@code scipy.stats.wilcoxon} (default
 *       {@code zero_method="wilcox"}) do; n is the number of non-zero changes.</li>
 *   <li>{@link #PRATT}: zero changes are ranked with the others and their ranks then dropped (Pratt 1959,
 *       "Remarks on zeros and ties in the Wilcoxon signed rank procedures", JASA 54:655–667; SciPy
 *       {@code zero_method="pratt"}); this is what Apache Commons Statistics 1.2 does.</li>
 * </ul>
 * With no zero change the two agree.
 *
 * @since 0.1.0
 */
public enum WilcoxonZeros {
    /** Drop zero changes before ranking (R, SciPy default). */
    DROP,
    /** Rank zero changes, then drop their ranks (Pratt 1959). */
    PRATT
}
