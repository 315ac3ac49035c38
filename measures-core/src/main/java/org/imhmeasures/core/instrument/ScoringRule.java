/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.imhmeasures.core.internal.Check;

/**
 * How an instrument's reported score ("total") is derived from its item scores. Each rule carries its
 * own arithmetic: {@link #totalRange} derives the range a definition must declare, {@link #total}
 * computes the reported score; the definition check and every scorer use these two methods and no other
 * copy of the formulas.
 *
 * <p>The raw total is always the sum of the item scores; the rule says what is reported on top of it.
 * Notation: {@code n} items, {@code a} of them answered ({@code 1 <= a <= n}), {@code S} the sum of the
 * answered item scores. Computed totals that are not whole have two decimals, rounded half
 * up; a prorated sum is {@code S × n / a}.
 *
 * @since 0.1.0
 */
public sealed interface ScoringRule permits ScoringRule.Sum, ScoringRule.Mean, ScoringRule.ClinicalScore,
        ScoringRule.ConversionTable, ScoringRule.SingleRating, ScoringRule.PerGoal, ScoringRule.SubscalesOnly,
        ScoringRule.AnswersOnly {

    /**
     * Where the rule comes from.
     *
     * @return the source
     */
    Source source();

    /**
     * The range of the reported total of {@code itemCount} items whose raw total spans
     * {@code minRaw..maxRaw}, checking that the rule fits the items.
     *
     * @param instrumentId the instrument, for messages
     * @param itemCount the number of items, at least 1
     * @param minRaw the lowest raw total (sum of the item minimum scores)
     * @param maxRaw the highest raw total
     * @return the range, or empty when the rule reports no total
     * @throws IllegalArgumentException when the rule does not fit the items (a conversion table that does
     *         not cover exactly the raw totals or does not increase; a single rating over several items)
     * @since 0.1.0
     */
    Optional<ScoreRange> totalRange(String instrumentId, int itemCount, int minRaw, int maxRaw);

    /**
     * The reported total of an administration: {@code answeredCount} of {@code itemCount} items answered,
     * their scores summing to {@code rawSum}. See each rule for its formula. The caller has applied the
     * missing-item rule: whether {@code answeredCount < itemCount} is allowed is not decided here.
     *
     * @param rawSum {@code S}, the sum of the answered item scores
     * @param itemCount {@code n}
     * @param answeredCount {@code a}, in {@code 1..n}
     * @return the total, or empty when the rule reports no total
     * @since 0.1.0
     */
    Optional<BigDecimal> total(int rawSum, int itemCount, int answeredCount);

    /** {@code value / by} with two decimals, half up. */
    private static BigDecimal divide(BigDecimal value, int by) {
        return value.divide(BigDecimal.valueOf(by), 2, RoundingMode.HALF_UP);
    }

    /** {@code S × n / a} with two decimals, half up. */
    private static BigDecimal prorate(int sum, int itemCount, int answeredCount) {
        return divide(BigDecimal.valueOf((long) sum * itemCount), answeredCount);
    }

    /** {@code sum / count} at ten decimals, the precision of a derived range bound. */
    private static BigDecimal meanBound(long sum, int count) {
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 10, RoundingMode.HALF_UP);
    }

    /**
     * Total = sum of item scores (PHQ-9, GAD-7, EPDS, WEMWBS, KPCS, PBQ): {@code S} when complete (a whole
     * number), {@code S × n / a} when prorated. Range: the sum of the item minima to the sum of the maxima.
     *
     * @param source scoring manual
     */
    record Sum(Source source) implements ScoringRule {
        /**
         * Validates.
         *
         * @param source scoring manual
         */
        public Sum {
            Check.notNull(source, "scoring source");
        }

        @Override
        public Optional<ScoreRange> totalRange(String instrumentId, int itemCount, int minRaw, int maxRaw) {
            return Optional.of(ScoreRange.of(minRaw, maxRaw));
        }

        @Override
        public Optional<BigDecimal> total(int rawSum, int itemCount, int answeredCount) {
            return Optional.of(answeredCount == itemCount ? BigDecimal.valueOf(rawSum)
                    : prorate(rawSum, itemCount, answeredCount));
        }
    }

    /**
     * Total = mean of the answered item scores (KIPS): {@code S / a}, two decimals, complete or not.
     * Range: the mean item minimum to the mean item maximum.
     *
     * @param source scoring manual
     */
    record Mean(Source source) implements ScoringRule {
        /**
         * Validates.
         *
         * @param source scoring manual
         */
        public Mean {
            Check.notNull(source, "scoring source");
        }

        @Override
        public Optional<ScoreRange> totalRange(String instrumentId, int itemCount, int minRaw, int maxRaw) {
            return Optional.of(ScoreRange.of(meanBound(minRaw, itemCount), meanBound(maxRaw, itemCount)));
        }

        @Override
        public Optional<BigDecimal> total(int rawSum, int itemCount, int answeredCount) {
            return Optional.of(divide(BigDecimal.valueOf(rawSum), answeredCount));
        }
    }

    /**
     * Total = mean item score × {@code multiplier} (CORE-10 "clinical score", multiplier 10):
     * {@code S × multiplier / a}. Complete with {@code multiplier = n} it is the sum {@code S} (a whole
     * number); otherwise two decimals, except that a complete total that comes out whole is kept whole.
     * Range: {@code multiplier ×} the mean item minimum to {@code multiplier ×} the mean item maximum.
     *
     * @param multiplier the multiplier, positive
     * @param source scoring manual
     */
    record ClinicalScore(int multiplier, Source source) implements ScoringRule {
        /**
         * Validates.
         *
         * @param multiplier the multiplier, positive
         * @param source scoring manual
         */
        public ClinicalScore {
            Check.argument(multiplier > 0, "clinical score multiplier must be positive: %d", multiplier);
            Check.notNull(source, "scoring source");
        }

        @Override
        public Optional<ScoreRange> totalRange(String instrumentId, int itemCount, int minRaw, int maxRaw) {
            BigDecimal times = BigDecimal.valueOf(multiplier);
            return Optional.of(ScoreRange.of(meanBound(minRaw, itemCount).multiply(times),
                    meanBound(maxRaw, itemCount).multiply(times)));
        }

        @Override
        public Optional<BigDecimal> total(int rawSum, int itemCount, int answeredCount) {
            boolean complete = answeredCount == itemCount;
            if (complete && multiplier == itemCount) {
                return Optional.of(BigDecimal.valueOf(rawSum));
            }
            BigDecimal scaled = divide(BigDecimal.valueOf((long) rawSum * multiplier), answeredCount);
            // a complete total that is whole prints as one (10 items × multiplier 5: 12.00 -> 12)
            return Optional.of(complete && scaled.stripTrailingZeros().scale() <= 0
                    ? scaled.setScale(0, RoundingMode.UNNECESSARY) : scaled);
        }
    }

    /**
     * Total = published conversion of the raw sum (SWEMWBS raw 7–35 → metric score): the table value of
     * {@code S} when complete; when prorated, of {@code S × n / a} rounded half up to a whole number.
     * Range: the converted lowest to the converted highest raw total; the table must hold exactly the raw
     * totals {@code minRaw..maxRaw} and increase with them.
     *
     * @param table raw sum → converted score, one entry for every possible raw sum
     * @param source the published table
     */
    record ConversionTable(Map<Integer, BigDecimal> table, Source source) implements ScoringRule {
        /**
         * Validates and copies into ascending order.
         *
         * @param table raw sum → converted score, one entry for every possible raw sum
         * @param source the published table
         */
        public ConversionTable {
            Check.notNull(table, "conversion table");
            Check.argument(!table.isEmpty(), "conversion table must have entries: none");
            TreeMap<Integer, BigDecimal> sorted = new TreeMap<>();
            // values keep the scale they are published with (SWEMWBS metric 7.00), so they print as published
            table.forEach((raw, converted) -> {
                // bounded like every other definition number (validated, not normalised)
                Decimals.normalise(converted, "converted score");
                sorted.put(Check.notNull(raw, "raw score"), converted);
            });
            table = Collections.unmodifiableMap(sorted);
            Check.notNull(source, "conversion table source");
        }

        @Override
        public Optional<ScoreRange> totalRange(String instrumentId, int itemCount, int minRaw, int maxRaw) {
            for (int raw = minRaw; raw <= maxRaw; raw++) {
                Check.argument(table.containsKey(raw),
                        "conversion table of %s must cover every raw score %d..%d: %d missing", instrumentId, minRaw,
                        maxRaw, raw);
            }
            Check.argument(table.size() == maxRaw - minRaw + 1,
                    "conversion table of %s must hold only raw scores %d..%d: %d entries", instrumentId, minRaw,
                    maxRaw, table.size());
            BigDecimal previous = null;
            for (BigDecimal converted : table.values()) {
                Check.argument(previous == null || converted.compareTo(previous) > 0,
                        "conversion table of %s must increase with the raw score: %s after %s", instrumentId,
                        Decimals.show(converted), previous == null ? "" : Decimals.show(previous));
                previous = converted;
            }
            return Optional.of(ScoreRange.of(table.get(minRaw), table.get(maxRaw)));
        }

        @Override
        public Optional<BigDecimal> total(int rawSum, int itemCount, int answeredCount) {
            int key = answeredCount == itemCount ? rawSum
                    : prorate(rawSum, itemCount, answeredCount).setScale(0, RoundingMode.HALF_UP).intValueExact();
            return Optional.of(table.get(key));
        }
    }

    /**
     * Total = the one clinician rating (PIR-GAS 1–100), {@code S} of the single item. Range: the rating's.
     *
     * @param source scoring manual
     */
    record SingleRating(Source source) implements ScoringRule {
        /**
         * Validates.
         *
         * @param source scoring manual
         */
        public SingleRating {
            Check.notNull(source, "scoring source");
        }

        @Override
        public Optional<ScoreRange> totalRange(String instrumentId, int itemCount, int minRaw, int maxRaw) {
            Check.argument(itemCount == 1, "single-rating instrument %s must have one item: %d", instrumentId,
                    itemCount);
            return Optional.of(ScoreRange.of(minRaw, maxRaw));
        }

        @Override
        public Optional<BigDecimal> total(int rawSum, int itemCount, int answeredCount) {
            // one item: answered means complete; the sum's arithmetic keeps any other call well defined
            return Optional.of(answeredCount == itemCount ? BigDecimal.valueOf(rawSum)
                    : prorate(rawSum, itemCount, answeredCount));
        }
    }

    /**
     * No total: each goal is rated on its own and change is read per goal (GBO). No range, no total.
     *
     * @param source scoring guidance
     */
    record PerGoal(Source source) implements ScoringRule {
        /**
         * Validates.
         *
         * @param source scoring guidance
         */
        public PerGoal {
            Check.notNull(source, "scoring source");
        }

        @Override
        public Optional<ScoreRange> totalRange(String instrumentId, int itemCount, int minRaw, int maxRaw) {
            return Optional.empty();
        }

        @Override
        public Optional<BigDecimal> total(int rawSum, int itemCount, int answeredCount) {
            return Optional.empty();
        }
    }

    /**
     * No total: the instrument reports subscale scores only (HADS anxiety and depression). No range, no
     * total.
     *
     * @param source scoring manual
     */
    record SubscalesOnly(Source source) implements ScoringRule {
        /**
         * Validates.
         *
         * @param source scoring manual
         */
        public SubscalesOnly {
            Check.notNull(source, "scoring source");
        }

        @Override
        public Optional<ScoreRange> totalRange(String instrumentId, int itemCount, int minRaw, int maxRaw) {
            return Optional.empty();
        }

        @Override
        public Optional<BigDecimal> total(int rawSum, int itemCount, int answeredCount) {
            return Optional.empty();
        }
    }

    /**
     * No score at all: the answers are recorded by code and nothing is computed from them (a feedback
     * question such as the NHS Friends and Family Test: "answers stored, no score invented"). The items are
     * on {@link ResponseScale.Unscored} scales; the instrument has no total, range, subscales, bands,
     * cut-off, reliable change, critical items, norms or derived forms (the definition check refuses each).
     *
     * @param source where the instrument says its answers are used as they stand
     * @since 0.2.0
     */
    record AnswersOnly(Source source) implements ScoringRule {
        /**
         * Validates.
         *
         * @param source where the instrument says its answers are used as they stand
         */
        public AnswersOnly {
            Check.notNull(source, "scoring source");
        }

        @Override
        public Optional<ScoreRange> totalRange(String instrumentId, int itemCount, int minRaw, int maxRaw) {
            return Optional.empty();
        }

        @Override
        public Optional<BigDecimal> total(int rawSum, int itemCount, int answeredCount) {
            return Optional.empty();
        }
    }
}
