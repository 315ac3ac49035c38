/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ScoringOptionsTest {

    @Test
    void with_returnsNewOptions_andLeavesTheReceiverAsItWas() {
        ScoringOptions defaults = ScoringOptions.defaults();
        ScoringOptions prorate = defaults.with(MissingItemPolicy.PRORATE);
        ScoringOptions wider = prorate.withMaxMissingFraction(new BigDecimal("0.2"));
        assertNotSame(defaults, prorate);
        assertEquals(MissingItemPolicy.INSTRUMENT_RULE, defaults.missingItems());
        assertEquals(new BigDecimal("0.10"), defaults.maxMissingFraction());
        assertEquals(MissingItemPolicy.PRORATE, prorate.missingItems());
        assertEquals(new BigDecimal("0.10"), prorate.maxMissingFraction());
        assertEquals(new BigDecimal("0.2"), wider.maxMissingFraction());
        assertEquals(MissingItemPolicy.PRORATE, wider.missingItems());
        ScoringOptions scores = wider.with(AnswerKind.SCORES);
        assertEquals(AnswerKind.CODES, defaults.answerKind());
        assertEquals(AnswerKind.CODES, wider.answerKind());
        assertEquals(AnswerKind.SCORES, scores.answerKind());
        assertEquals(new BigDecimal("0.2"), scores.maxMissingFraction());
        assertEquals(MissingItemPolicy.PRORATE, scores.missingItems());
    }

    @Test
    void equality_isBySetting_withTheFractionComparedByValue() {
        ScoringOptions a = ScoringOptions.defaults().with(MissingItemPolicy.PRORATE);
        ScoringOptions b = ScoringOptions.defaults().withMaxMissingFraction(new BigDecimal("0.1"))
                .with(MissingItemPolicy.PRORATE);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, ScoringOptions.defaults());
        assertEquals("ScoringOptions[missingItems=PRORATE, maxMissingFraction=0.10, answerKind=CODES]", a.toString());
        assertNotEquals(a, a.with(AnswerKind.SCORES));
    }

    @Test
    void withMaxMissingFraction_outsideZeroToOne_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScoringOptions.defaults().withMaxMissingFraction(BigDecimal.ONE));
        assertEquals("max missing fraction must be between 0 and 1: 1", e.getMessage());
    }

    @Test
    void optionsAndResults_haveNoPublicConstructor() {
        for (Class<?> type : new Class<?>[] {ScoringOptions.class, Scored.class}) {
            assertEquals(0, type.getConstructors().length, type.getName());
            assertEquals(true, Modifier.isFinal(type.getModifiers()), type.getName());
            assertEquals(false, type.isRecord(), type.getName());
        }
    }
}
