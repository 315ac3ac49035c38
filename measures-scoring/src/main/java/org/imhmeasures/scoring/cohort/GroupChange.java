/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.cohort;

import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.Variance;
import org.apache.commons.statistics.distribution.TDistribution;
import org.imhmeasures.core.instrument.Direction;
import org.imhmeasures.core.internal.Check;

/**
 * Group-level change as the R package clinicalsignificance 3.0.0 reports it for its anchor-based approach
 * ({@code cs_anchor(target = "group")}, {@code R/calc_anchor.R}): the mean change within a group with its
 * confidence interval, the difference between two groups' post scores with its interval, and where each
 * interval lies against the minimal important difference ({@link MidVerdict}). Stateless and thread-safe.
 *
 * <h2>Within a group</h2>
 * Paired t interval (Student 1908; as R's {@code t.test(post, pre, paired = TRUE)}): with D = post − pre,
 * mean change D̄ ± t(1 − (1 − level)/2; n − 1)·s_D/√n; effect size Cohen's d_z = D̄ / s_D (Cohen 1988;
 * Lakens 2013, Front Psychol 4:863, doi:10.3389/fpsyg.2013.00863).
 *
 * <h2>Between two groups</h2>
 * Welch's unequal-variance t interval (Welch 1947, Biometrika 34:28–35; R's {@code t.test} default, as the
 * package uses it) on the post scores: difference = M_comparison − M_reference, SE = √(s_c²/n_c + s_r²/n_r),
 * df by Welch–Satterthwaite ν = SE⁴ / [(s_c²/n_c)²/(n_c − 1) + (s_r²/n_r)²/(n_r − 1)], interval difference ±
 * t(1 − (1 − level)/2; ν)·SE, two-sided p-value from t = difference/SE on ν df; effect size Cohen's d with the
 * pooled SD √[((n_c − 1)s_c² + (n_r − 1)s_r²)/(n_c + n_r − 2)] (Cohen 1988). The R package reports no effect
 * size; d is ours and labelled so.
 *
 * <h2>Edge cases</h2>
 * Fewer than 2 values in a group, non-finite values, or no variance at all (SE = 0 between groups; the
 * within interval of a constant change is that change) give an empty result, never NaN. An effect size
 * whose SD is 0 is empty. The t quantiles come from Apache Commons Statistics.
 *
 * @since 0.1.0
 */
public final class GroupChange {

    private GroupChange() {
    }

    /**
     * Where a group-level interval lies against the minimal important difference, in the instrument's
     * better direction (categories of clinicalsignificance {@code calc_anchor.cs_anchor_group_within}, after
     * Man-Son-Hing et al. 2002). With the estimate and interval turned so that positive is better, MID &gt; 0, in
     * this order: the interval contains 0 → {@link #NOT_STATISTICALLY_SIGNIFICANT}; lies wholly below 0 →
     * {@link #SIGNIFICANT_WORSENING}; wholly below the MID → {@link #SIGNIFICANT_NOT_CLINICALLY_RELEVANT};
     * wholly above it → {@link #LARGE_CLINICALLY_SIGNIFICANT}; contains it with the estimate at or beyond it →
     * {@link #PROBABLY_CLINICALLY_SIGNIFICANT}; otherwise {@link #NOT_SIGNIFICANTLY_BEYOND_THRESHOLD}.
     * The R package has no worsening category (it labels a significant worsening "not clinically relevant"),
     * and for higher-is-better scales no "not significant" one; we name both.
     *
     * @since 0.1.0
     */
    public enum MidVerdict {
        /** The interval contains no change. */
        NOT_STATISTICALLY_SIGNIFICANT,
        /** The interval lies wholly in the worse direction. */
        SIGNIFICANT_WORSENING,
        /** Better, but the whole interval falls short of the MID. */
        SIGNIFICANT_NOT_CLINICALLY_RELEVANT,
        /** The interval contains the MID and the estimate falls short of it. */
        NOT_SIGNIFICANTLY_BEYOND_THRESHOLD,
        /** The interval contains the MID and the estimate reaches it. */
        PROBABLY_CLINICALLY_SIGNIFICANT,
        /** The whole interval lies beyond the MID. */
        LARGE_CLINICALLY_SIGNIFICANT;

        static MidVerdict of(double estimate, Interval ci, Direction direction, double mid) {
            int d = direction == Direction.HIGHER_IS_BETTER ? 1 : -1;
            double est = d * estimate;
            double lo = Math.min(d * ci.lower(), d * ci.upper());
            double hi = Math.max(d * ci.lower(), d * ci.upper());
            if (lo <= 0 && hi >= 0) {
                return NOT_STATISTICALLY_SIGNIFICANT;
            }
            if (hi < 0) {
                return SIGNIFICANT_WORSENING;
            }
            if (hi < mid) {
                return SIGNIFICANT_NOT_CLINICALLY_RELEVANT;
            }
            if (lo > mid) {
                return LARGE_CLINICALLY_SIGNIFICANT;
            }
            return est >= mid ? PROBABLY_CLINICALLY_SIGNIFICANT : NOT_SIGNIFICANTLY_BEYOND_THRESHOLD;
        }
    }

    /**
     * Change within one group.
     *
     * @param n the number of pairs
     * @param meanChange the mean of post − pre
     * @param ci the paired t interval of the mean change at {@code confidenceLevel}
     * @param confidenceLevel the interval's level, in (0, 1)
     * @param cohensDz d_z = mean change / SD of the changes; empty when that SD is 0
     * @param verdict the interval against the MID, when one was given
     * @since 0.1.0
     */
    public record Within(long n, double meanChange, Interval ci, double confidenceLevel, OptionalDouble cohensDz,
            Optional<MidVerdict> verdict) {

        /**
         * Validates.
         *
         * @param n the number of pairs, at least 2
         * @param meanChange the mean change, finite
         * @param ci the interval
         * @param confidenceLevel the level, in (0, 1)
         * @param cohensDz the effect size, or empty
         * @param verdict the verdict, or empty
         */
        public Within {
            Check.argument(n >= 2, "pairs must number at least 2: %d", n);
            Check.argument(Double.isFinite(meanChange), "mean change must be finite: %s", meanChange);
            Check.notNull(ci, "interval");
            Check.argument(confidenceLevel > 0 && confidenceLevel < 1, "confidence level must lie in (0, 1): %s",
                    confidenceLevel);
            Check.notNull(cohensDz, "effect size");
            Check.notNull(verdict, "verdict");
        }
    }

    /**
     * The difference between a comparison group's and a reference group's post scores.
     *
     * @param nReference values in the reference group
     * @param nComparison values in the comparison group
     * @param difference M_comparison − M_reference
     * @param ci Welch's interval of the difference at {@code confidenceLevel}
     * @param confidenceLevel the interval's level, in (0, 1)
     * @param degreesOfFreedom the Welch–Satterthwaite degrees of freedom
     * @param pValue the two-sided Welch p-value for no difference
     * @param cohensD the difference over the pooled SD; empty when that SD is 0
     * @param verdict the interval against the MID, when one was given
     * @since 0.1.0
     */
    public record Between(long nReference, long nComparison, double difference, Interval ci, double confidenceLevel,
            double degreesOfFreedom, double pValue, OptionalDouble cohensD, Optional<MidVerdict> verdict) {

        /**
         * Validates.
         *
         * @param nReference values in the reference group, at least 2
         * @param nComparison values in the comparison group, at least 2
         * @param difference the difference, finite
         * @param ci the interval
         * @param confidenceLevel the level, in (0, 1)
         * @param degreesOfFreedom the degrees of freedom, greater than 0
         * @param pValue the p-value, in [0, 1]
         * @param cohensD the effect size, or empty
         * @param verdict the verdict, or empty
         */
        public Between {
            Check.argument(nReference >= 2 && nComparison >= 2, "groups must have at least 2 values each: %d and %d",
                    nReference, nComparison);
            Check.argument(Double.isFinite(difference), "difference must be finite: %s", difference);
            Check.notNull(ci, "interval");
            Check.argument(confidenceLevel > 0 && confidenceLevel < 1, "confidence level must lie in (0, 1): %s",
                    confidenceLevel);
            Check.argument(degreesOfFreedom > 0, "degrees of freedom must be greater than 0: %s", degreesOfFreedom);
            Check.argument(pValue >= 0 && pValue <= 1, "p-value must lie in [0, 1]: %s", pValue);
            Check.notNull(cohensD, "effect size");
            Check.notNull(verdict, "verdict");
        }
    }

    /**
     * The mean change within a group. See the class documentation.
     *
     * @param pre the pre scores
     * @param post the post scores, paired with {@code pre} by position
     * @param direction the instrument's direction, for the verdict
     * @param mid the minimal important difference for improvement (&gt; 0), or empty for no verdict
     * @param confidenceLevel the interval's level, e.g. 0.95
     * @return the result, or empty with fewer than 2 pairs or a non-finite value
     */
    public static Optional<Within> within(double[] pre, double[] post, Direction direction, OptionalDouble mid,
            double confidenceLevel) {
        Check.argument(pre.length == post.length, "pre and post must pair up: %d and %d", pre.length, post.length);
        checkCommon(direction, mid, confidenceLevel);
        int n = pre.length;
        double[] change = new double[n];
        for (int i = 0; i < n; i++) {
            change[i] = post[i] - pre[i];
        }
        if (n < 2 || !allFinite(change)) {
            return Optional.empty();
        }
        double mean = mean(change);
        double sd = Math.sqrt(variance(change));
        double half = quantile(confidenceLevel, n - 1) * sd / Math.sqrt(n);
        Interval ci = new Interval(mean - half, mean + half);
        OptionalDouble dz = sd > 0 ? OptionalDouble.of(mean / sd) : OptionalDouble.empty();
        Optional<MidVerdict> verdict = mid.isPresent() ? Optional.of(MidVerdict.of(mean, ci, direction,
                mid.getAsDouble())) : Optional.empty();
        return Optional.of(new Within(n, mean, ci, confidenceLevel, dz, verdict));
    }

    /**
     * The difference between two groups' post scores. See the class documentation.
     *
     * @param reference the reference group's post scores
     * @param comparison the comparison group's post scores
     * @param direction the instrument's direction, for the verdict
     * @param mid the minimal important difference for improvement (&gt; 0), or empty for no verdict
     * @param confidenceLevel the interval's level, e.g. 0.95
     * @return the result, or empty with fewer than 2 values in a group, a non-finite value or no variance
     */
    public static Optional<Between> between(double[] reference, double[] comparison, Direction direction,
            OptionalDouble mid, double confidenceLevel) {
        checkCommon(direction, mid, confidenceLevel);
        int nr = reference.length;
        int nc = comparison.length;
        if (nr < 2 || nc < 2 || !allFinite(reference) || !allFinite(comparison)) {
            return Optional.empty();
        }
        double mr = mean(reference);
        double mc = mean(comparison);
        double vr = variance(reference);
        double vc = variance(comparison);
        double ar = vr / nr;
        double ac = vc / nc;
        double se = Math.sqrt(ar + ac);
        if (!(se > 0)) {
            return Optional.empty();
        }
        double df = Math.pow(ar + ac, 2) / (ac * ac / (nc - 1) + ar * ar / (nr - 1));
        double difference = mc - mr;
        double half = quantile(confidenceLevel, df) * se;
        Interval ci = new Interval(difference - half, difference + half);
        double p = Math.min(1, 2 * TDistribution.of(df).survivalProbability(Math.abs(difference / se)));
        double pooled = Math.sqrt(((nc - 1) * vc + (nr - 1) * vr) / (nc + nr - 2));
        OptionalDouble d = pooled > 0 ? OptionalDouble.of(difference / pooled) : OptionalDouble.empty();
        Optional<MidVerdict> verdict = mid.isPresent() ? Optional.of(MidVerdict.of(difference, ci, direction,
                mid.getAsDouble())) : Optional.empty();
        return Optional.of(new Between(nr, nc, difference, ci, confidenceLevel, df, p, d, verdict));
    }

    private static void checkCommon(Direction direction, OptionalDouble mid, double confidenceLevel) {
        Check.notNull(direction, "direction");
        Check.notNull(mid, "mid");
        mid.ifPresent(m -> Check.argument(Double.isFinite(m) && m > 0, "minimal important difference must be "
                + "greater than 0: %s", m));
        Check.argument(confidenceLevel > 0 && confidenceLevel < 1, "confidence level must lie in (0, 1): %s",
                confidenceLevel);
    }

    private static double quantile(double level, double df) {
        return TDistribution.of(df).inverseCumulativeProbability(1 - (1 - level) / 2);
    }

    private static boolean allFinite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static double mean(double[] values) {
        return Mean.of(values).getAsDouble();
    }

    /** Sample variance (n − 1 denominator). */
    private static double variance(double[] values) {
        return Variance.of(values).getAsDouble();
    }
}
