/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each scoring rule's own arithmetic, as written in its javadoc; the catalogue's goldens cover real instruments. */
class ScoringRuleTest {

    private static final Source SOURCE = Source.of("test rule");

    private static BigDecimal total(ScoringRule rule, int raw, int items, int answered) {
        return rule.total(raw, items, answered).orElseThrow();
    }

    @Test
    void sum_isTheRawSumWhenComplete_andProratedToTwoDecimalsOtherwise() {
        ScoringRule sum = new ScoringRule.Sum(SOURCE);
        assertEquals(new BigDecimal("13"), total(sum, 13, 9, 9));
        // 8 of 9 answered, sum 8: 8 × 9 / 8 = 9.00
        assertEquals(new BigDecimal("9.00"), total(sum, 8, 9, 8));
        // 7 × 9 / 8 = 7.875 -> 7.88, half up
        assertEquals(new BigDecimal("7.88"), total(sum, 7, 9, 8));
        assertEquals(Optional.of(ScoreRange.of(0, 27)), sum.totalRange("X", 9, 0, 27));
    }

    @Test
    void mean_isTheMeanOfTheAnsweredItems_alwaysTwoDecimals() {
        ScoringRule mean = new ScoringRule.Mean(SOURCE);
        assertEquals(new BigDecimal("3.00"), total(mean, 36, 12, 12));
        assertEquals(new BigDecimal("3.27"), total(mean, 36, 12, 11));
        assertEquals(Optional.of(ScoreRange.of(BigDecimal.ONE, new BigDecimal("5"))), mean.totalRange("X", 12, 12, 60));
    }

    @Test
    void clinicalScore_isTheSumWhenCompleteWithMultiplierN_elseScaledMean() {
        ScoringRule core10 = new ScoringRule.ClinicalScore(10, SOURCE);
        assertEquals(new BigDecimal("17"), total(core10, 17, 10, 10));
        // 15 over 9 answered: 15 × 10 / 9 = 16.666... -> 16.67
        assertEquals(new BigDecimal("16.67"), total(core10, 15, 10, 9));
        ScoringRule five = new ScoringRule.ClinicalScore(5, SOURCE);
        // complete, multiplier 5 of 10 items: 12 × 5 / 10 = 6, kept whole
        assertEquals(new BigDecimal("6"), total(five, 12, 10, 10));
        assertEquals(new BigDecimal("6.50"), total(five, 13, 10, 10));
        assertEquals(Optional.of(ScoreRange.of(0, 20)), five.totalRange("X", 10, 0, 40));
    }

    @Test
    void conversionTable_looksUpTheSum_orTheProratedSumRoundedHalfUp() {
        Map<Integer, BigDecimal> table = new LinkedHashMap<>();
        for (int raw = 2; raw <= 6; raw++) {
            table.put(raw, new BigDecimal(raw + ".50"));
        }
        ScoringRule rule = new ScoringRule.ConversionTable(table, SOURCE);
        assertEquals(new BigDecimal("4.50"), total(rule, 4, 2, 2));
        // 1 item of 2 answered with score 2: 2 × 2 / 1 = 4 -> table[4]
        assertEquals(new BigDecimal("4.50"), total(rule, 2, 2, 1));
        assertEquals(Optional.of(ScoreRange.of(new BigDecimal("2.5"), new BigDecimal("6.5"))),
                rule.totalRange("X", 2, 2, 6));
        IllegalArgumentException uncovered = assertThrows(IllegalArgumentException.class,
                () -> rule.totalRange("X", 2, 1, 6));
        assertEquals("conversion table of X must cover every raw score 1..6: 1 missing", uncovered.getMessage());
        IllegalArgumentException extra = assertThrows(IllegalArgumentException.class,
                () -> rule.totalRange("X", 2, 2, 5));
        assertEquals("conversion table of X must hold only raw scores 2..5: 5 entries", extra.getMessage());
    }

    @Test
    void conversionTable_mustIncrease() {
        ScoringRule rule = new ScoringRule.ConversionTable(Map.of(0, BigDecimal.ONE, 1, BigDecimal.ONE), SOURCE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rule.totalRange("X", 1, 0, 1));
        assertTrue(e.getMessage().startsWith("conversion table of X must increase with the raw score"), e.getMessage());
    }

    @Test
    void singleRating_isTheRating_andNeedsOneItem() {
        ScoringRule rule = new ScoringRule.SingleRating(SOURCE);
        assertEquals(new BigDecimal("65"), total(rule, 65, 1, 1));
        assertEquals(Optional.of(ScoreRange.of(1, 100)), rule.totalRange("X", 1, 1, 100));
        assertThrows(IllegalArgumentException.class, () -> rule.totalRange("X", 2, 2, 200));
    }

    @Test
    void perGoalAndSubscalesOnly_reportNoTotal() {
        for (ScoringRule rule : new ScoringRule[] {new ScoringRule.PerGoal(SOURCE),
            new ScoringRule.SubscalesOnly(SOURCE)}) {
            assertEquals(Optional.empty(), rule.total(10, 2, 2), rule.toString());
            assertEquals(Optional.empty(), rule.totalRange("X", 2, 0, 20), rule.toString());
        }
    }

    @Test
    void aggregation_sumProratesAndMeanDivides() {
        assertEquals(new BigDecimal("12"), Aggregation.SUM.score(12, 7, 7));
        // 10 × 7 / 6 = 11.666... -> 11.67
        assertEquals(new BigDecimal("11.67"), Aggregation.SUM.score(10, 7, 6));
        assertEquals(new BigDecimal("1.67"), Aggregation.MEAN.score(10, 7, 6));
        assertEquals(ScoreRange.of(0, 21), Aggregation.SUM.range(0, 21, 7));
        assertEquals(ScoreRange.of(0, 3), Aggregation.MEAN.range(0, 21, 7));
    }
}
