/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.change;

import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.StandardDeviation;
import org.imhmeasures.core.internal.Check;

/**
 * Summary statistics of paired pre and post totals, for sample-based reliable change.
 *
 * <p>Means, SDs (n − 1 denominator, Apache Commons Statistics) and the Pearson pre–post correlation.
 * With fewer than two pairs the SDs and correlation are {@code NaN}; with a zero SD the correlation is
 * {@code NaN}. {@link ChangeModel} turns those into a typed "not assessable" result.
 *
 * @param n number of pairs
 * @param meanPre mean of pre totals
 * @param sdPre SD of pre totals
 * @param meanPost mean of post totals
 * @param sdPost SD of post totals
 * @param correlation Pearson correlation of pre and post
 * @since 0.1.0
 */
public record SampleStatistics(int n, double meanPre, double sdPre, double meanPost, double sdPost,
        double correlation) {

    /**
     * Validates.
     *
     * @param n number of pairs
     * @param meanPre mean of pre totals
     * @param sdPre SD of pre totals
     * @param meanPost mean of post totals
     * @param sdPost SD of post totals
     * @param correlation Pearson correlation of pre and post
     */
    public SampleStatistics {
        Check.argument(n >= 0, "n must not be negative: %d", n);
    }

    /**
     * Computes the statistics of paired totals.
     *
     * @param pre pre totals
     * @param post post totals, same length
     * @return the statistics
     */
    public static SampleStatistics of(double[] pre, double[] post) {
        Check.argument(pre.length == post.length, "pre and post must pair up: %d != %d", pre.length, post.length);
        int n = pre.length;
        if (n == 0) {
            return new SampleStatistics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double meanPre = Mean.of(pre).getAsDouble();
        double meanPost = Mean.of(post).getAsDouble();
        double sdPre = n < 2 ? Double.NaN : StandardDeviation.of(pre).getAsDouble();
        double sdPost = n < 2 ? Double.NaN : StandardDeviation.of(post).getAsDouble();
        double correlation = Double.NaN;
        if (n >= 2 && sdPre > 0 && sdPost > 0) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += (pre[i] - meanPre) * (post[i] - meanPost);
            }
            correlation = sum / (n - 1) / (sdPre * sdPost);
        }
        return new SampleStatistics(n, meanPre, sdPre, meanPost, sdPost, correlation);
    }
}
