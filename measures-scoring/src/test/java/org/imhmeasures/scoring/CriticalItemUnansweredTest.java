/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.core.instrument.Item;
import org.imhmeasures.core.instrument.ResponseScale;
import org.imhmeasures.scoring.CriticalItemUnanswered.Cause;
import org.junit.jupiter.api.Test;

/**
 * Hazard control "missed self-harm alert": a critical item that is not validly answered is flagged on every
 * result, whatever the missing-item policy, and the flag never changes the score.
 */
class CriticalItemUnansweredTest {

    private static final Catalogue CATALOGUE = Catalogue.builtIn();
    private static final Instrument PHQ9 = CATALOGUE.get("PHQ-9");
    private static final Instrument CORE10 = CATALOGUE.get("CORE-10");
    private static final Instrument EPDS = CATALOGUE.get("EPDS");

    private static Map<String, String> answers(Instrument instrument, String... codes) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < codes.length; i++) {
            map.put(instrument.items().get(i).id(), codes[i]);
        }
        return map;
    }

    private static Scorer scorer(Instrument instrument, MissingItemPolicy policy) {
        return Scorer.of(instrument, ScoringOptions.defaults().with(policy));
    }

    private static List<String> ids(ScoreResult result) {
        return result.criticalUnanswered().stream().map(CriticalItemUnanswered::itemId).toList();
    }

    @Test
    void score_core10Item6Missing_instrumentRule_isProratedAndFlagged() {
        Scored s = assertInstanceOf(Scored.class, Scorer.of(CORE10).score(Administration.of("CORE-10",
                answers(CORE10, "1", "3", "3", "1", "1", "", "1", "1", "1", "2"))));
        assertTrue(s.prorated());
        assertEquals(List.of("core10_6"), s.itemsMissing());
        assertEquals(10, s.rawTotal().getAsInt(), "items 2 and 3 are reverse keyed");
        assertEquals(new BigDecimal("11.11"), s.total().orElseThrow(), "total unchanged by the flag: 10 x 10 / 9");
        CriticalItemUnanswered flag = s.criticalUnanswered().get(0);
        assertEquals("core10_6", flag.itemId());
        assertEquals(Cause.UNANSWERED, flag.cause());
        assertEquals(CORE10.item("core10_6").orElseThrow().critical().orElseThrow().reason(), flag.reason());
        assertTrue(s.criticalAlerts().isEmpty());
    }

    @Test
    void score_phq9Item9Missing_prorate_isProratedAndFlagged() {
        Scored s = assertInstanceOf(Scored.class, scorer(PHQ9, MissingItemPolicy.PRORATE).score(Administration.of(
                "PHQ-9", answers(PHQ9, "2", "2", "1", "1", "1", "1", "1", "1", ""))));
        assertEquals(new BigDecimal("11.25"), s.total().orElseThrow(), "same total as before the flag existed");
        assertEquals(List.of("phq9_9"), ids(s));
    }

    @Test
    void score_phq9Item9Missing_strict_isNotScorableAndFlagged() {
        for (MissingItemPolicy policy : List.of(MissingItemPolicy.STRICT, MissingItemPolicy.INSTRUMENT_RULE)) {
            NotScorable n = assertInstanceOf(NotScorable.class, scorer(PHQ9, policy).score(Administration.of("PHQ-9",
                    answers(PHQ9, "2", "2", "1", "1", "1", "1", "1", "1", ""))));
            assertEquals(List.of("phq9_9"), ids(n), policy.name());
            assertEquals(Cause.UNANSWERED, n.criticalUnanswered().get(0).cause());
        }
    }

    @Test
    void score_epdsItem10Declined_isFlaggedAsUnanswered() {
        Map<String, Answer> given = new LinkedHashMap<>();
        for (Item item : EPDS.items()) {
            given.put(item.id(), item.id().equals("epds_10") ? Answer.DECLINED : new Answer.Given("1"));
        }
        ScoreResult result = scorer(EPDS, MissingItemPolicy.PRORATE).score(new Administration("EPDS", given,
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty()));
        assertInstanceOf(Scored.class, result);
        assertEquals(List.of(new CriticalItemUnanswered("epds_10", Cause.UNANSWERED,
                EPDS.item("epds_10").orElseThrow().critical().orElseThrow().reason())), result.criticalUnanswered());
    }

    @Test
    void score_criticalItemWithCodeNotAllowed_isFlaggedOnEveryPath() {
        String[] codes = {"1", "1", "1", "1", "1", "1", "1", "1", "7"};
        ScoreResult byMap = Scorer.of(PHQ9).score(Administration.of("PHQ-9", answers(PHQ9, codes)));
        ScoreResult byStrings = Scorer.of(PHQ9).scoreCodes(codes);
        ScoreResult byInts = Scorer.of(PHQ9).scoreCodes(Arrays.stream(codes).mapToInt(Integer::parseInt).toArray());
        for (ScoreResult result : List.of(byMap, byStrings, byInts)) {
            NotScorable n = assertInstanceOf(NotScorable.class, result);
            assertInstanceOf(Problem.CodeNotAllowed.class, n.firstProblem());
            assertEquals(1, n.criticalUnanswered().size());
            assertEquals(Cause.CODE_NOT_ALLOWED, n.criticalUnanswered().get(0).cause());
            assertTrue(n.criticalAlerts().isEmpty(), "an invalid code is not an alert: its status is unknown");
        }
    }

    @Test
    void score_criticalItemAnswered_isNeverFlagged() {
        Scored zero = (Scored) Scorer.of(PHQ9).scoreCodes(new String[] {"1", "1", "1", "1", "1", "1", "1", "1", "0"});
        assertEquals(List.of(), zero.criticalUnanswered());
        NotScorable alert = (NotScorable) Scorer.of(PHQ9).scoreCodes(new String[] {"", "", "", "", "", "", "", "",
            "2"});
        assertEquals(List.of(), alert.criticalUnanswered());
        assertEquals(1, alert.criticalAlerts().size());
        // another item missing under CORE-10's own rule: prorated, but no critical item unknown
        Scored otherMissing = (Scored) Scorer.of(CORE10).scoreCodes(new String[] {"1", "3", "3", "1", "1", "0", "1",
            "1", "1", ""});
        assertTrue(otherMissing.prorated());
        assertEquals(List.of(), otherMissing.criticalUnanswered());
    }

    @Test
    void criticalUnanswered_isImmutable() {
        ScoreResult result = Scorer.of(PHQ9).scoreCodes(new String[9]);
        assertThrows(UnsupportedOperationException.class, () -> result.criticalUnanswered().clear());
        assertThrows(IllegalArgumentException.class, () -> new CriticalItemUnanswered(" ", Cause.UNANSWERED, "r"));
        assertThrows(NullPointerException.class, () -> new CriticalItemUnanswered("x", null, "r"));
    }

    /**
     * Contract over the catalogue: for every instrument, every critical item, every policy and every scoring
     * path, leaving the critical item unanswered (all other items answered with their first option) flags
     * exactly that item, and the result is otherwise what it would be without the flag.
     */
    @Test
    void score_everyCriticalItemUnanswered_everyPolicyAndPath_isFlagged() {
        int checked = 0;
        for (Instrument instrument : CATALOGUE.instruments()) {
            for (Item critical : instrument.items()) {
                if (critical.critical().isEmpty()) {
                    continue;
                }
                String[] codes = new String[instrument.items().size()];
                int[] numeric = new int[codes.length];
                for (int i = 0; i < codes.length; i++) {
                    Item item = instrument.items().get(i);
                    codes[i] = item.id().equals(critical.id()) ? "" : firstCode(item);
                    numeric[i] = codes[i].isEmpty() ? Scorer.MISSING : Integer.parseInt(codes[i]);
                }
                for (MissingItemPolicy policy : MissingItemPolicy.values()) {
                    Scorer scorer = scorer(instrument, policy);
                    List<ScoreResult> results = List.of(scorer.scoreCodes(codes), scorer.scoreCodes(numeric),
                            scorer.score(Administration.of(instrument.id(), answers(instrument, codes))));
                    for (ScoreResult result : results) {
                        String where = instrument.id() + " " + critical.id() + " " + policy;
                        assertEquals(List.of(critical.id()), ids(result), where);
                        assertEquals(result instanceof Scored, scorer.allowedMissing() >= 1, where);
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked >= 27, "PHQ-9, EPDS and CORE-10 have critical items: " + checked);
    }

    private static String firstCode(Item item) {
        ResponseScale scale = item.scale();
        if (scale instanceof ResponseScale.Options options) {
            return options.options().get(0).code();
        }
        return Integer.toString(item.scoredScale().orElseThrow().minScore());
    }
}
