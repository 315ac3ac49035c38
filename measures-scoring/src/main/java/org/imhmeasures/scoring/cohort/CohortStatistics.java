/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.cohort;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.StandardDeviation;
import org.apache.commons.statistics.distribution.TDistribution;
import org.apache.commons.statistics.inference.TTest;
import org.apache.commons.statistics.inference.WilcoxonSignedRankTest;
import org.imhmeasures.core.internal.Check;
import org.imhmeasures.scoring.change.Category;
import org.imhmeasures.scoring.change.ChangeResult;
import org.imhmeasures.scoring.change.CutoffCrossing;
import org.imhmeasures.scoring.change.ReliableChangeDirection;

/**
 * Cohort outcome statistics over paired pre/post totals, computed with Apache Commons Statistics 1.2.
 *
 * <h2>Formulas</h2>
 * <ul>
 *   <li>change = post − pre; mean and SD (n − 1) of the changes;</li>
 *   <li>95% interval of the mean change: mean ± t(0.975, n−1)·SD/√n;</li>
 *   <li>paired t-test (two-sided) and Wilcoxon signed-rank test (two-sided; exact p-value for small
 *       samples without ties, normal approximation with continuity correction otherwise — the
 *       {@code AUTO} method of Commons Statistics, as R's {@code wilcox.test} with {@code correct = TRUE});
 *       zero changes are dropped before ranking by default, as R and SciPy do, or ranked and then dropped
 *       (Pratt) on request: see {@link WilcoxonZeros};</li>
 *   <li>Cohen's d_z = mean change / SD of change, with the approximate standard error
 *       √(1/n + d_z²/(2n)) and a normal 95% interval (Borenstein et al. 2009, Introduction to
 *       Meta-Analysis, ch. 4, for the paired design); Hedges' g = J·d_z with J = 1 − 3/(4(n−1) − 1),
 *       its interval the d_z interval times J. The sign of d_z follows post − pre: on a
 *       higher-is-worse scale improvement is negative.</li>
 * </ul>
 *
 * <h2>Degenerate cases (decided once)</h2>
 * <ul>
 *   <li>no pairs: every statistic is absent;</li>
 *   <li>one pair: means and mean change only;</li>
 *   <li>zero SD of change (every change equal): the interval of the mean change is the point; the t-test
 *       and d_z are absent (undefined); the Wilcoxon test is absent when every change is zero;</li>
 *   <li>nothing read: completeness is absent.</li>
 * </ul>
 *
 * @since 0.1.0
 */
public final class CohortStatistics {

    private static final double Z95 = 1.959963984540054;

    private CohortStatistics() {
    }

    /**
     * Summarises paired totals.
     *
     * @param nRead the number of records read, including unpaired ones
     * @param pre pre totals of the paired records
     * @param post post totals, same length
     * @return the summary
     */
    public static PairedSummary summarise(long nRead, double[] pre, double[] post) {
        return summarise(nRead, pre, post, WilcoxonZeros.DROP);
    }

    /**
     * Summarises paired totals, with the given treatment of zero changes in the Wilcoxon test.
     *
     * @param nRead the number of records read, including unpaired ones
     * @param pre pre totals of the paired records
     * @param post post totals, same length
     * @param zeros what the Wilcoxon test does with zero changes
     * @return the summary
     * @since 0.1.0
     */
    public static PairedSummary summarise(long nRead, double[] pre, double[] post, WilcoxonZeros zeros) {
        Check.notNull(zeros, "zeros");
        Check.argument(pre.length == post.length, "pre and post must pair up: %d != %d", pre.length, post.length);
        int n = pre.length;
        Check.argument(nRead >= n, "records read must be at least the pairs: %d < %d", nRead, n);
        OptionalDouble completeness = nRead == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) n / nRead);
        if (n == 0) {
            return new PairedSummary(nRead, 0, completeness, OptionalDouble.empty(), OptionalDouble.empty(),
                    OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    OptionalDouble.empty(), Optional.empty(), OptionalDouble.empty(), Optional.empty());
        }
        double[] change = new double[n];
        boolean anyNonZero = false;
        for (int i = 0; i < n; i++) {
            change[i] = post[i] - pre[i];
            anyNonZero |= change[i] != 0;
        }
        OptionalDouble meanPre = OptionalDouble.of(Mean.of(pre).getAsDouble());
        OptionalDouble meanPost = OptionalDouble.of(Mean.of(post).getAsDouble());
        double meanChange = Mean.of(change).getAsDouble();
        if (n == 1) {
            return new PairedSummary(nRead, 1, completeness, meanPre, meanPost, OptionalDouble.of(meanChange),
                    OptionalDouble.empty(), Optional.empty(), Optional.empty(), Optional.empty(), OptionalDouble.empty(),
                    Optional.empty(), OptionalDouble.empty(), Optional.empty());
        }
        double sd = StandardDeviation.of(change).getAsDouble();
        double t = TDistribution.of(n - 1).inverseCumulativeProbability(0.975);
        double half = t * sd / Math.sqrt(n);
        Optional<Interval> ci = Optional.of(new Interval(meanChange - half, meanChange + half));
        Optional<TestResult> tTest = Optional.empty();
        OptionalDouble dz = OptionalDouble.empty();
        Optional<Interval> dzCi = Optional.empty();
        OptionalDouble g = OptionalDouble.empty();
        Optional<Interval> gCi = Optional.empty();
        if (sd > 0) {
            TTest.Result r = TTest.withDefaults().pairedTest(post, pre);
            tTest = Optional.of(new TestResult(r.getStatistic(), OptionalDouble.of(r.getDegreesOfFreedom()),
                    r.getPValue()));
            double d = meanChange / sd;
            double se = Math.sqrt(1.0 / n + d * d / (2.0 * n));
            dz = OptionalDouble.of(d);
            dzCi = Optional.of(new Interval(d - Z95 * se, d + Z95 * se));
            double j = 1 - 3.0 / (4.0 * (n - 1) - 1);
            g = OptionalDouble.of(j * d);
            gCi = Optional.of(new Interval(j * (d - Z95 * se), j * (d + Z95 * se)));
        }
        Optional<TestResult> wilcoxon = Optional.empty();
        if (anyNonZero) {
            WilcoxonSignedRankTest.Result w;
            if (zeros == WilcoxonZeros.PRATT) {
                // Commons Statistics ranks zero differences, then drops them (Pratt)
                w = WilcoxonSignedRankTest.withDefaults().test(post, pre);
            } else {
                w = WilcoxonSignedRankTest.withDefaults().test(Arrays.stream(change).filter(c -> c != 0)
                        .toArray());
            }
            wilcoxon = Optional.of(new TestResult(w.getStatistic(), OptionalDouble.empty(), w.getPValue()));
        }
        return new PairedSummary(nRead, n, completeness, meanPre, meanPost, OptionalDouble.of(meanChange),
                OptionalDouble.of(sd), ci, tTest, wilcoxon, dz, dzCi, g, gCi);
    }

    /**
     * Counts individual change results per category, per reliable-change verdict and for crossing the
     * cut-off into the functional range. Reliable improvement, no change and deterioration, and the
     * categories, have the assessed pairs as denominator; recovery (crossing into the functional range)
     * and reliable recovery (recovery with reliable improvement) are counted among those who started in
     * the dysfunctional range, the NHS Talking Therapies denominator: recovery rate = recovered ÷
     * (finished a course of treatment − not at caseness at the start), improvement rate = reliably improved
     * ÷ finished a course of treatment (NHS Digital, Psychological Therapies: reports on the use of IAPT
     * services, June 2020 final, "Outcomes" section with worked examples).
     *
     * @param results change results of the paired records
     * @return the counts
     */
    public static CategoryCounts count(List<ChangeResult> results) {
        Map<Category, Long> categories = new EnumMap<>(Category.class);
        Map<ReliableChangeDirection, Long> reliable = new EnumMap<>(ReliableChangeDirection.class);
        long assessed = 0;
        long notAssessable = 0;
        long dysfunctionalAtStart = 0;
        long crossedIntoFunctional = 0;
        long reliableRecovery = 0;
        for (ChangeResult result : results) {
            if (result instanceof ChangeResult.Assessed a) {
                assessed++;
                categories.merge(a.category(), 1L, Long::sum);
                reliable.merge(a.reliableChange(), 1L, Long::sum);
                if (a.dysfunctionalAtStart().orElse(false)) {
                    dysfunctionalAtStart++;
                    if (a.crossedCutoff() == CutoffCrossing.INTO_FUNCTIONAL) {
                        crossedIntoFunctional++;
                        if (a.reliableChange() == ReliableChangeDirection.IMPROVED) {
                            reliableRecovery++;
                        }
                    }
                }
            } else {
                notAssessable++;
            }
        }
        Map<Category, Proportion> categoryProportions = new EnumMap<>(Category.class);
        for (Map.Entry<Category, Long> e : categories.entrySet()) {
            categoryProportions.put(e.getKey(), Proportion.of(e.getValue(), assessed));
        }
        Map<ReliableChangeDirection, Proportion> reliableProportions = new EnumMap<>(ReliableChangeDirection.class);
        for (ReliableChangeDirection direction : ReliableChangeDirection.values()) {
            reliableProportions.put(direction, Proportion.of(reliable.getOrDefault(direction, 0L), assessed));
        }
        return new CategoryCounts(assessed, notAssessable, categoryProportions, reliableProportions,
                Proportion.of(crossedIntoFunctional, dysfunctionalAtStart),
                Proportion.of(reliableRecovery, dysfunctionalAtStart));
    }
}
