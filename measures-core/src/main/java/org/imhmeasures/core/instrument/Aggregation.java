/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How item scores are combined into a subscale score. Each constant carries its arithmetic: the
 * definition check derives a subscale's range with {@link #range}, scorers compute its score with
 * {@link #score}.
 *
 * <p>Notation: a subscale of {@code k} items, {@code a} answered ({@code 1 <= a <= k}), {@code S} the sum
 * of the answered scores. Scores that are not whole have two decimals, rounded half up.
 *
 * @since 0.1.0
 */
public enum Aggregation {
    /**
     * Sum of the item scores (PBQ factors, HADS anxiety and depression): {@code S} when complete,
     * {@code S × k / a} when prorated. Range: the sum of the item minima to the sum of the maxima.
     */
    SUM {
        @Override
        public ScoreRange range(int minSum, int maxSum, int itemCount) {
            return ScoreRange.of(minSum, maxSum);
        }

        @Override
        public BigDecimal score(int sum, int itemCount, int answeredCount) {
            return answeredCount == itemCount ? BigDecimal.valueOf(sum)
                    : divide(BigDecimal.valueOf((long) sum * itemCount), answeredCount);
        }
    },
    /**
     * Arithmetic mean of the answered item scores: {@code S / a}, complete or not. Range: the mean item
     * minimum to the mean item maximum.
     */
    MEAN {
        @Override
        public ScoreRange range(int minSum, int maxSum, int itemCount) {
            return ScoreRange.of(meanBound(minSum, itemCount), meanBound(maxSum, itemCount));
        }

        @Override
        public BigDecimal score(int sum, int itemCount, int answeredCount) {
            return divide(BigDecimal.valueOf(sum), answeredCount);
        }
    };

    /**
     * The range of a subscale's score.
     *
     * @param minSum the sum of its items' minimum scores
     * @param maxSum the sum of its items' maximum scores
     * @param itemCount {@code k}, at least 1
     * @return the range
     * @since 0.1.0
     */
    public abstract ScoreRange range(int minSum, int maxSum, int itemCount);

    /**
     * A subscale's score from the scores of its answered items. Whether an incomplete subscale may be
     * scored at all is the caller's missing-item policy, not decided here.
     *
     * @param sum {@code S}, the sum of the answered item scores
     * @param itemCount {@code k}
     * @param answeredCount {@code a}, in {@code 1..k}
     * @return the score
     * @since 0.1.0
     */
    public abstract BigDecimal score(int sum, int itemCount, int answeredCount);

    private static BigDecimal divide(BigDecimal value, int by) {
        return value.divide(BigDecimal.valueOf(by), 2, RoundingMode.HALF_UP);
    }

    /** {@code sum / count} at ten decimals, the precision of a derived range bound. */
    private static BigDecimal meanBound(int sum, int count) {
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 10, RoundingMode.HALF_UP);
    }
}
