/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.imhmeasures.core.instrument.Bands;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Codes;
import org.imhmeasures.core.instrument.CriticalItemRule;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.core.instrument.Item;
import org.imhmeasures.core.instrument.ResponseScale;
import org.imhmeasures.core.instrument.ScoreRange;
import org.imhmeasures.core.instrument.Source;
import org.junit.jupiter.api.Test;

/**
 * What {@link Scorer#of} allocates is bounded by the definition limits: a rating of a billion values is
 * refused when the instrument is built, in well under a second, so no scorer ever tries to tabulate it;
 * and a critical rating of negative scores builds a scorer (no negative table size) that still alerts.
 */
class ScorerLimitsTest {

    private static Instrument singleRating(ResponseScale.Rating rating, Optional<CriticalItemRule> critical) {
        Instrument p = Catalogue.builtIn().get("PIR-GAS");
        Item item = new Item("pirgas_1", 1, Optional.empty(), rating, critical);
        return new Instrument(p.id(), p.definitionVersion(), p.name(), p.respondent(), p.recallPeriod(),
                p.appliesTo(), List.of(item), p.itemScoring(), List.of(), p.scoring(), p.missingItems(),
                Optional.of(ScoreRange.of(rating.min(), rating.max())), p.direction(), Bands.none(), Optional.empty(),
                List.of(), List.of(), Codes.none(), p.licence(), List.of());
    }

    @Test
    void instrument_ratingOfABillionValues_isRefusedBeforeAnyScorerExists() {
        IllegalArgumentException e = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> assertThrows(
                IllegalArgumentException.class, () -> singleRating(new ResponseScale.Rating(1, 999_999_999),
                        Optional.empty())));
        assertEquals("rating of item pirgas_1 must span at most 1001 values: 1..999999999", e.getMessage());
    }

    @Test
    void scorer_largestAllowedRating_buildsAtOnce() {
        Instrument wide = singleRating(new ResponseScale.Rating(-Instrument.MAX_ITEM_SCORE,
                -Instrument.MAX_ITEM_SCORE + Instrument.MAX_RATING_SPAN), Optional.empty());
        Scorer scorer = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> Scorer.of(wide));
        assertEquals(-1000, assertInstanceOf(Scored.class, scorer.scoreCodes(new String[] {"-1000"})).rawTotal().getAsInt());
    }

    @Test
    void scorer_criticalRatingOfNegativeScores_buildsAndAlerts() {
        Instrument negative = singleRating(new ResponseScale.Rating(-10, -5), Optional.of(new CriticalItemRule(-7,
                "test alert", Source.of("test"))));
        Scorer scorer = Scorer.of(negative);
        Scored alert = assertInstanceOf(Scored.class, scorer.scoreCodes(new String[] {"-6"}));
        assertEquals(-6, alert.criticalAlerts().get(0).score());
        assertTrue(assertInstanceOf(Scored.class, scorer.scoreCodes(new String[] {"-9"})).criticalAlerts().isEmpty());
    }
}
