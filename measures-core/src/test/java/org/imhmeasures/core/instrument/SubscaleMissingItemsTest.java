/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A subscale's own published missing-item rule (CORE-OM domains). */
class SubscaleMissingItemsTest {

    private static final Source SOURCE = Source.of("test");

    private static Subscale subscale(Optional<SubscaleProrating> prorating, MissingItemRule rule) {
        return new Subscale("domain", "Domain", List.of("a", "b", "c"), Aggregation.MEAN, ScoreRange.of(0, 4),
                Bands.none(), Optional.empty(), SOURCE, Codes.none(), prorating, Optional.of(rule));
    }

    @Test
    void coreOmDomains_carryThePublishedRules() {
        Instrument core = Catalogue.builtIn().get("CORE-OM");
        assertEquals(Optional.of(1), core.subscales().stream().filter(s -> s.id().equals("problems")).findFirst()
                .flatMap(Subscale::missingItems).map(r -> ((MissingItemRule.Prorate) r).maxMissing()));
        assertTrue(core.subscales().stream().filter(s -> s.id().equals("wellbeing")).findFirst().orElseThrow()
                .missingItems().orElseThrow() instanceof MissingItemRule.NoneAllowed);
        assertEquals(Optional.of(3), core.subscales().stream().filter(s -> s.id().equals("non_risk")).findFirst()
                .flatMap(Subscale::missingItems).map(r -> ((MissingItemRule.Prorate) r).maxMissing()));
    }

    @Test
    void onlyNoneAllowedOrProrate_belowTheSubscaleSize_withoutAnOptInRule() {
        subscale(Optional.empty(), new MissingItemRule.Prorate(2, SOURCE));
        subscale(Optional.empty(), new MissingItemRule.NoneAllowed("none"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> subscale(Optional.empty(),
                new MissingItemRule.Prorate(3, SOURCE))).getMessage().contains("at most 2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> subscale(Optional.empty(),
                new MissingItemRule.MinimumAnswered(2, SOURCE))).getMessage().contains("none_allowed or prorate"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> subscale(Optional.of(
                new SubscaleProrating(2, SOURCE)), new MissingItemRule.Prorate(1, SOURCE))).getMessage()
                .contains("both"));
    }
}
