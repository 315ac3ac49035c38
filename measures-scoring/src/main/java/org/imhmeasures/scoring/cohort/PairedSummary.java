/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.cohort;

import java.util.Optional;
import java.util.OptionalDouble;
import org.imhmeasures.core.internal.Check;

/**
 * Pre/post statistics of a cohort. See {@link CohortStatistics#summarise(long, double[], double[])} for
 * formulas and degenerate cases.
 *
 * @param nRead records read (including those without both scores)
 * @param nPaired records with both a pre and a post score
 * @param completeness {@code nPaired / nRead}, absent when nothing was read
 * @param meanPre mean pre score
 * @param meanPost mean post score
 * @param meanChange mean of {@code post − pre}
 * @param sdChange SD of the changes (n − 1)
 * @param meanChangeCi95 t-based 95% interval of the mean change
 * @param pairedT paired t-test
 * @param wilcoxon Wilcoxon signed-rank test
 * @param cohensDz Cohen's d_z = mean change / SD of change
 * @param cohensDzCi95 approximate 95% interval of d_z
 * @param hedgesG Hedges' small-sample correction of d_z
 * @param hedgesGCi95 approximate 95% interval of g
 * @since 0.1.0
 */
public record PairedSummary(long nRead, long nPaired, OptionalDouble completeness, OptionalDouble meanPre,
        OptionalDouble meanPost, OptionalDouble meanChange, OptionalDouble sdChange, Optional<Interval> meanChangeCi95,
        Optional<TestResult> pairedT, Optional<TestResult> wilcoxon, OptionalDouble cohensDz,
        Optional<Interval> cohensDzCi95, OptionalDouble hedgesG, Optional<Interval> hedgesGCi95) {

    /**
     * Validates.
     *
     * @param nRead records read (including those without both scores)
     * @param nPaired records with both a pre and a post score
     * @param completeness {@code nPaired / nRead}, absent when nothing was read
     * @param meanPre mean pre score
     * @param meanPost mean post score
     * @param meanChange mean of {@code post − pre}
     * @param sdChange SD of the changes (n − 1)
     * @param meanChangeCi95 t-based 95% interval of the mean change
     * @param pairedT paired t-test
     * @param wilcoxon Wilcoxon signed-rank test
     * @param cohensDz Cohen's d_z = mean change / SD of change
     * @param cohensDzCi95 approximate 95% interval of d_z
     * @param hedgesG Hedges' small-sample correction of d_z
     * @param hedgesGCi95 approximate 95% interval of g
     */
    public PairedSummary {
        Check.argument(nPaired >= 0 && nPaired <= nRead, "paired must lie within 0..read: %d of %d", nPaired, nRead);
        for (Object value : new Object[] {completeness, meanPre, meanPost, meanChange, sdChange, meanChangeCi95,
            pairedT, wilcoxon, cohensDz, cohensDzCi95, hedgesG, hedgesGCi95}) {
            Check.notNull(value, "statistic");
        }
    }
}
