/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.api.Test;

/** Answers given as stored item scores rather than option codes (issue 10 §1). */
class AnswerKindTest {

    private static final Instrument EPDS = Catalogue.builtIn().get("EPDS");
    private static final ScoringOptions SCORES = ScoringOptions.defaults().with(AnswerKind.SCORES);

    /** EPDS stored scores: 1 on items 1-9, 3 (the most severe self-harm answer) on item 10. */
    private static Map<String, String> storedScores() {
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 1; i <= 9; i++) {
            answers.put("epds_" + i, "1");
        }
        answers.put("epds_10", "3");
        return answers;
    }

    @Test
    void epdsStoredScores_item10Score3_alertsAndTotalsRight() {
        Scored s = assertInstanceOf(Scored.class, Scorer.of(EPDS, SCORES).score(Administration.of("EPDS",
                storedScores())));
        assertEquals(new BigDecimal("12"), s.total().orElseThrow());
        assertEquals(List.of("epds_10"), s.criticalAlerts().stream().map(CriticalAlert::itemId).toList());
        assertEquals(3, s.criticalAlerts().get(0).score());
        assertEquals(3, s.itemScores().get("epds_10"));
    }

    @Test
    void epdsStoredScoresReadAsCodes_isTheTrap_noAlert() {
        Scored s = assertInstanceOf(Scored.class, Scorer.of(EPDS).score(Administration.of("EPDS", storedScores())));
        assertTrue(s.criticalAlerts().isEmpty(), "code 3 on item 10 is its least severe answer");
        assertEquals(0, s.itemScores().get("epds_10"));
        assertFalse(s.total().orElseThrow().compareTo(new BigDecimal("12")) == 0, "the total is wrong as codes");
    }

    @Test
    void epdsStoredScores_fastPaths_agreeWithTheAdministrationPath() {
        Scorer scorer = Scorer.of(EPDS, SCORES);
        ScoreResult byMap = scorer.score(Administration.of("EPDS", storedScores()));
        assertEquals(byMap, scorer.scoreCodes(storedScores().values().toArray(new String[0])));
        assertEquals(byMap, scorer.scoreCodes(new int[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 3}));
    }

    @Test
    void scoreNotAnItemScore_isATypedLocatedProblem_withoutTheValue() {
        Map<String, String> answers = storedScores();
        answers.put("epds_4", "9");
        NotScorable n = assertInstanceOf(NotScorable.class, Scorer.of(EPDS, SCORES).score(Administration.of("EPDS",
                answers)));
        Problem.ScoreNotAllowed p = assertInstanceOf(Problem.ScoreNotAllowed.class, n.firstProblem());
        assertEquals("score_not_allowed", p.code());
        assertEquals("epds_4", p.itemId().orElseThrow());
        assertEquals("0..3", p.allowed());
        assertEquals("9", p.patientSuppliedValue());
        assertEquals("score given for epds_4 must be one of its scores 0..3: not one of them", p.message());
        assertFalse(p.toString().contains("9"), p.toString());
        assertEquals(List.of("epds_10"), n.criticalAlerts().stream().map(CriticalAlert::itemId).toList(),
                "the alert stands although the administration cannot be scored");
    }

    @Test
    void criticalItemWithAScoreNotAllowed_isFlaggedUnanswered() {
        Map<String, String> answers = storedScores();
        answers.put("epds_10", "7");
        NotScorable n = assertInstanceOf(NotScorable.class, Scorer.of(EPDS, SCORES).score(Administration.of("EPDS",
                answers)));
        assertEquals(1, n.criticalUnanswered().size());
        assertEquals(CriticalItemUnanswered.Cause.CODE_NOT_ALLOWED, n.criticalUnanswered().get(0).cause());
        assertTrue(n.criticalAlerts().isEmpty());
    }

    @Test
    void definitionGivingOneScoreToTwoCodes_isRefusedForScores() {
        Instrument kpcs = Catalogue.builtIn().get("KPCS");
        AmbiguousScoreException e = assertThrows(AmbiguousScoreException.class, () -> Scorer.of(kpcs, SCORES));
        assertEquals("kpcs_1", e.itemId());
        assertEquals(2, e.score());
        assertEquals("scores of item kpcs_1 of KPCS must each belong to one code to read answers as scores: score 2"
                + " belongs to codes 2 and NA", e.getMessage());
        Scorer.of(kpcs); // codes stay readable
    }

    @Test
    void ratings_scoreTheSameEitherWay() {
        Instrument pirgas = Catalogue.builtIn().get("PIR-GAS");
        Administration rating = Administration.of("PIR-GAS", Map.of("pirgas_1", "65"));
        assertEquals(Scorer.of(pirgas).score(rating), Scorer.of(pirgas, SCORES).score(rating));
    }

    @Test
    void reverseKeyedMaas_storedScoresMapBackToTheirOptions() {
        Instrument maas = Catalogue.builtIn().get("MAAS");
        Scorer codes = Scorer.of(maas);
        Scorer scores = Scorer.of(maas, SCORES);
        String[] allFirstBox = new String[maas.items().size()];
        Arrays.fill(allFirstBox, "0");
        Scored byCode = assertInstanceOf(Scored.class, codes.scoreCodes(allFirstBox));
        String[] stored = byCode.itemScores().values().stream().map(String::valueOf).toArray(String[]::new);
        Scored byScore = assertInstanceOf(Scored.class, scores.scoreCodes(stored));
        assertEquals(byCode.total(), byScore.total());
        assertEquals(byCode.itemScores(), byScore.itemScores());
    }
}
