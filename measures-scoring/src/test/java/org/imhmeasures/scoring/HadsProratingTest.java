/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.junit.jupiter.api.Test;

/**
 * HADS missing items: strict by default; with the opt-in PRORATE policy, the published half rule per subscale
 * (Bell ML, Fairclough DL, Fiero MH, Butow PN (2016) BMC Res Notes 9:479): at least 4 of 7 answered, score =
 * answered sum x 7 / answered count. Expected values worked by hand.
 */
class HadsProratingTest {

    private static final Instrument HADS = Catalogue.builtIn().get("HADS");
    private static final Scorer PRORATING = Scorer.of(HADS, ScoringOptions.defaults().with(MissingItemPolicy.PRORATE));

    private static Administration administration(String answers) {
        String[] codes = answers.split(" ");
        Map<String, String> byItem = new LinkedHashMap<>();
        for (int i = 0; i < codes.length; i++) {
            byItem.put(HADS.items().get(i).id(), codes[i].equals(".") ? "" : codes[i]);
        }
        return Administration.of("HADS", byItem);
    }

    @Test
    void oneItemMissing_byDefaultAndStrict_isNotScorable() {
        Administration oneMissing = administration("2 1 . 1 2 1 1 1 1 1 1 1 1 1");
        for (Scorer scorer : List.of(Scorer.of(HADS), Scorer.of(HADS, ScoringOptions.defaults()
                .with(MissingItemPolicy.STRICT)))) {
            NotScorable n = assertInstanceOf(NotScorable.class, scorer.score(oneMissing), scorer.toString());
            assertEquals(List.of(new Problem.TooManyMissing(List.of("hads_3"), 0)), n.problems());
        }
    }

    @Test
    void proratedSubscale_isBandedAndCasedOnItsUnroundedScore() {
        // depression 3+3+2+3 = 11 over 4 answered: 77 / 4 = 19.25, abnormal and a case
        Scored high = assertInstanceOf(Scored.class, PRORATING.score(administration("0 . 0 . 0 . 0 3 0 3 0 2 0 3")));
        SubscaleScore depression = high.subscales().get("depression");
        assertEquals("19.25", depression.score().orElseThrow().toPlainString());
        assertEquals("abnormal", depression.band().orElseThrow().label());
        assertEquals(Caseness.CASE, depression.caseness());
        assertTrue(depression.prorated());
        assertTrue(high.prorated(), "a prorated subscale makes a result without a total prorated");
        // anxiety 9 over 6 answered: 63 / 6 = 10.50, still borderline (8-10) and not a case: no rounding to 11
        Scored edge = assertInstanceOf(Scored.class, PRORATING.score(administration(". 0 2 0 2 0 2 0 1 0 1 0 1 0")));
        SubscaleScore anxiety = edge.subscales().get("anxiety");
        assertEquals("10.50", anxiety.score().orElseThrow().toPlainString());
        assertEquals("borderline", anxiety.band().orElseThrow().label());
        assertEquals(Caseness.NOT_CASE, anxiety.caseness());
        SubscaleScore complete = edge.subscales().get("depression");
        assertEquals("0", complete.score().orElseThrow().toPlainString());
        assertTrue(!complete.prorated());
    }

    @Test
    void fewerThanFourAnsweredInASubscale_isTooManyMissingForThatSubscale() {
        // depression items 2, 4, 6, 8 missing: 3 answered of 7; anxiety complete
        NotScorable n = assertInstanceOf(NotScorable.class,
                PRORATING.score(administration("1 . 1 . 1 . 1 . 1 1 1 1 1 1")));
        assertEquals(List.of(new Problem.TooManyMissing(List.of("hads_2", "hads_4", "hads_6", "hads_8"), 3)),
                n.problems());
        // both subscales short: one problem each, in subscale order
        NotScorable both = assertInstanceOf(NotScorable.class,
                PRORATING.score(administration(". . . . . . . . 1 1 1 1 1 1")));
        assertEquals(List.of("anxiety:hads_1;hads_3;hads_5;hads_7", "depression:hads_2;hads_4;hads_6;hads_8"),
                both.problems().stream().map(p -> ((Problem.TooManyMissing) p).missing())
                        .map(ids -> (ids.get(0).equals("hads_1") ? "anxiety:" : "depression:") + String.join(";", ids))
                        .collect(Collectors.toList()));
    }

    @Test
    void prorating_allowsThreeMissingPerSubscale_sixInAll() {
        assertEquals(6, PRORATING.allowedMissing());
        assertEquals(0, Scorer.of(HADS).allowedMissing());
    }
}
