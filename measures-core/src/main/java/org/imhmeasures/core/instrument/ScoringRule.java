/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import org.imhmeasures.core.internal.Check;

/**
 * How an instrument's reported score ("total") is derived from its item scores.
 *
 * <p>The raw total is always the sum of the item scores; the rule says what is reported on top of it.
 *
 * @since 0.1.0
 */
public sealed interface ScoringRule permits ScoringRule.Sum, ScoringRule.Mean, ScoringRule.ClinicalScore,
        ScoringRule.ConversionTable, ScoringRule.SingleRating, ScoringRule.PerGoal, ScoringRule.SubscalesOnly {

    /**
     * Where the rule comes from.
     *
     * @return the source
     */
    Source source();

    /**
     * Total = sum of item scores (PHQ-9, GAD-7, EPDS, WEMWBS, KPCS, PBQ).
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
    }

    /**
     * Total = mean of item scores (KIPS).
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
    }

    /**
     * Total = mean item score × {@code multiplier} (CORE-10 "clinical score", multiplier 10; equal to the
     * sum when every item is answered).
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
    }

    /**
     * Total = published conversion of the raw sum (SWEMWBS raw 7–35 → metric score).
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
            table = java.util.Collections.unmodifiableMap(sorted);
            Check.notNull(source, "conversion table source");
        }
    }

    /**
     * Total = the one clinician rating (PIR-GAS 1–100).
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
    }

    /**
     * No total: each goal is rated on its own and change is read per goal (GBO).
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
    }

    /**
     * No total: the instrument reports subscale scores only (HADS anxiety and depression).
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
    }
}
