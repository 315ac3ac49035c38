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
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.junit.jupiter.api.Test;

class ScorerTest {

    private static final Instrument PHQ9 = Catalogue.builtIn().get("PHQ-9");
    private static final Instrument CORE10 = Catalogue.builtIn().get("CORE-10");
    private static final Instrument EPDS = Catalogue.builtIn().get("EPDS");

    /** An NHS-number-shaped value (valid Modulus 11 test number) that must never reach a message. */
    private static final String NHS_NUMBER = "9434765919";

    private static Map<String, String> answers(Instrument instrument, String... codes) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < codes.length; i++) {
            map.put(instrument.items().get(i).id(), codes[i]);
        }
        return map;
    }

    @Test
    void score_phq9OneMissing_strictByDefault_isNotScorable() {
        ScoreResult result = Scorer.of(PHQ9).score(Administration.of("PHQ-9", answers(PHQ9, "1", "1", "1", "1", "1",
                "1", "1", "1", "")));
        NotScorable n = assertInstanceOf(NotScorable.class, result);
        Problem.TooManyMissing problem = assertInstanceOf(Problem.TooManyMissing.class, n.firstProblem());
        assertEquals(List.of("phq9_9"), problem.missing());
        assertEquals(0, problem.allowed());
        assertEquals("missing items must number at most 0: 1 (phq9_9)", problem.message());
        assertEquals("too_many_missing", problem.code());
    }

    @Test
    void score_phq9OneMissing_prorateOptIn_scalesUp() {
        Scorer scorer = Scorer.of(PHQ9, ScoringOptions.defaults().with(MissingItemPolicy.PRORATE));
        Scored s = assertInstanceOf(Scored.class, scorer.score(Administration.of("PHQ-9",
                answers(PHQ9, "2", "2", "1", "1", "1", "1", "1", "1", ""))));
        assertEquals(10, s.rawTotal().getAsInt());
        assertEquals(new BigDecimal("11.25"), s.total().orElseThrow()); // 10 x 9 / 8
        assertTrue(s.prorated());
        assertEquals(List.of("phq9_9"), s.itemsMissing());
        assertEquals(Caseness.CASE, s.caseness());
    }

    @Test
    void score_phq9TwoMissing_prorateOptIn_exceedsTenPercent() {
        Scorer scorer = Scorer.of(PHQ9, ScoringOptions.defaults().with(MissingItemPolicy.PRORATE));
        assertEquals(1, scorer.allowedMissing());
        assertInstanceOf(NotScorable.class, scorer.score(Administration.of("PHQ-9",
                answers(PHQ9, "2", "2", "1", "1", "1", "1", "1", "", ""))));
    }

    @Test
    void score_core10_instrumentRuleProratesOneMissing_strictOverrides() {
        Map<String, String> oneMissing = answers(CORE10, "1", "3", "3", "1", "1", "0", "1", "1", "1", "");
        assertInstanceOf(Scored.class, Scorer.of(CORE10).score(Administration.of("CORE-10", oneMissing)));
        Scorer strict = Scorer.of(CORE10, ScoringOptions.defaults().with(MissingItemPolicy.STRICT));
        assertInstanceOf(NotScorable.class, strict.score(Administration.of("CORE-10", oneMissing)));
    }

    @Test
    void score_core10TwoMissing_isNotScorableUnderItsOwnRule() {
        NotScorable n = assertInstanceOf(NotScorable.class, Scorer.of(CORE10).score(Administration.of("CORE-10",
                answers(CORE10, "1", "3", "3", "1", "1", "0", "1", "1", "", ""))));
        assertEquals("missing items must number at most 1: 2 (core10_9;core10_10)", n.firstProblem().message());
    }

    @Test
    void score_criticalItemStillAlerts_whenNotScorable() {
        NotScorable n = assertInstanceOf(NotScorable.class, Scorer.of(PHQ9).score(Administration.of("PHQ-9",
                answers(PHQ9, "", "", "", "", "", "", "", "", "2"))));
        assertEquals(1, n.criticalAlerts().size());
        assertEquals("phq9_9", n.criticalAlerts().get(0).itemId());
        assertEquals(2, n.criticalAlerts().get(0).score());
    }

    @Test
    void score_epdsItem10_alertFollowsScoreNotCode() {
        Scorer scorer = Scorer.of(EPDS);
        // item 10 is reverse keyed: code 3 (last option) scores 0 -> no alert; code 0 scores 3 -> alert
        Scored none = (Scored) scorer.scoreCodes(new String[] {"0", "0", "3", "0", "3", "3", "3", "3", "3", "3"});
        assertTrue(none.criticalAlerts().isEmpty());
        Scored alert = (Scored) scorer.scoreCodes(new String[] {"0", "0", "3", "0", "3", "3", "3", "3", "3", "0"});
        assertEquals(3, alert.criticalAlerts().get(0).score());
        assertEquals(Caseness.NOT_CASE, alert.caseness(), "alert is independent of caseness (total 3)");
    }

    @Test
    void score_everyProblemIsReportedTogether() {
        Map<String, String> codes = answers(PHQ9, "7", "1", "1", "1", "1", "1", "1", "", "");
        codes.put("phq9_10", "1");
        NotScorable n = assertInstanceOf(NotScorable.class, Scorer.of(PHQ9).score(Administration.of("PHQ-9", codes)));
        assertEquals(List.of("unknown_item", "code_not_allowed", "too_many_missing"),
                n.problems().stream().map(Problem::code).toList());
        assertEquals("answer to phq9_1 must be one of 0..3: 7", n.problems().get(1).message());
        // an unknown key is located by its position among the answers as given, never echoed (issue 8)
        assertEquals("item must belong to the instrument: answers[9]", n.problems().get(0).message());
        assertEquals(Optional.of("phq9_1"), n.problems().get(1).itemId());
    }

    @Test
    void score_wrongInstrument_isTyped() {
        NotScorable n = assertInstanceOf(NotScorable.class, Scorer.of(PHQ9).score(Administration.of("GAD-7",
                answers(PHQ9, "0", "0", "0", "0", "0", "0", "0", "0", "0"))));
        Problem.WrongInstrument w = assertInstanceOf(Problem.WrongInstrument.class, n.firstProblem());
        assertEquals("instrument must be PHQ-9: GAD-7", w.message());
    }

    @Test
    void score_identifierInAnswerCell_neverAppearsInMessagesOrToString() {
        Map<String, String> codes = answers(PHQ9, NHS_NUMBER, "Jane Smith", "2024-03-01", "1", "1", "1", "1", "1", "1");
        codes.put("Jane Smith", "1");
        NotScorable n = assertInstanceOf(NotScorable.class, Scorer.of(PHQ9).score(Administration.of(NHS_NUMBER, codes)));
        String everything = n.toString() + n.problems().stream().map(p -> p.message() + p).toList();
        for (String identifier : List.of(NHS_NUMBER, "Jane", "Smith", "2024-03-01")) {
            assertFalse(everything.contains(identifier), identifier + " leaked: " + everything);
        }
        assertTrue(everything.contains("answer to phq9_1 must be one of 0..3: <value of 10 characters>"), everything);
    }

    @Test
    void administration_toString_redactsDateAndRespondent() {
        Administration a = Administration.of("PHQ-9", answers(PHQ9, "1")).withDate(LocalDate.of(2024, 3, 1))
                .withRespondent("Jane Smith").withTimepoint(Timepoint.BASELINE);
        String text = a.toString();
        assertFalse(text.contains("2024"), text);
        assertFalse(text.contains("Jane"), text);
        assertTrue(text.contains("BASELINE"), text);
    }

    @Test
    void administration_declinedAnswer_countsAsMissing() {
        Map<String, Answer> answers = new LinkedHashMap<>();
        PHQ9.items().forEach(i -> answers.put(i.id(), new Answer.Given("0")));
        answers.put("phq9_3", Answer.DECLINED);
        Administration a = new Administration("PHQ-9", answers, Optional.empty(), Optional.empty(), Optional.empty());
        NotScorable n = assertInstanceOf(NotScorable.class, Scorer.of(PHQ9).score(a));
        assertEquals(List.of("phq9_3"), ((Problem.TooManyMissing) n.firstProblem()).missing());
    }

    @Test
    void score_whitespaceAroundCodes_isTrimmed() {
        Scored s = (Scored) Scorer.of(PHQ9).scoreCodes(new String[] {" 1", "1 ", "\t1", "1", "1", "1", "1", "1", "0"});
        assertEquals(8, s.rawTotal().getAsInt());
    }

    @Test
    void scoreCodes_wrongLength_throwsWithRule() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Scorer.of(PHQ9).scoreCodes(new String[3]));
        assertEquals("codes must number 9 for PHQ-9: 3", e.getMessage());
    }

    @Test
    void score_gbo_needsAtLeastOneGoal() {
        Instrument gbo = Catalogue.builtIn().get("GBO");
        NotScorable n = assertInstanceOf(NotScorable.class, Scorer.of(gbo).scoreCodes(new String[] {"", "", ""}));
        assertEquals("missing items must number at most 2: 3 (gbo_1;gbo_2;gbo_3)", n.firstProblem().message());
        Scorer prorate = Scorer.of(gbo, ScoringOptions.defaults().with(MissingItemPolicy.PRORATE));
        Scored s = (Scored) prorate.scoreCodes(new String[] {"3", "", ""});
        assertFalse(s.prorated(), "goals are never prorated");
    }

    @Test
    void score_pirgasRatingOutOfRange_isCodeNotAllowed() {
        Instrument pirgas = Catalogue.builtIn().get("PIR-GAS");
        NotScorable n = assertInstanceOf(NotScorable.class, Scorer.of(pirgas).scoreCodes(new String[] {"101"}));
        assertEquals("answer to pirgas_1 must be one of 1..100: 101", n.firstProblem().message());
        Scorer prorate = Scorer.of(pirgas, ScoringOptions.defaults().with(MissingItemPolicy.PRORATE));
        assertEquals(0, prorate.allowedMissing(), "a single rating can never be prorated");
    }

    @Test
    void options_fractionOutOfRange_throws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScoringOptions.defaults().withMaxMissingFraction(BigDecimal.ONE));
        assertEquals("max missing fraction must be between 0 and 1: 1", e.getMessage());
    }

    @Test
    void scored_toString_showsNoScore_andEqualResultsAreEqual() {
        Instrument pirgas = Catalogue.builtIn().get("PIR-GAS");
        Scorer scorer = Scorer.of(pirgas);
        Scored scored = assertInstanceOf(Scored.class, scorer.score(Administration.of("PIR-GAS",
                Map.of("pirgas_1", "87"))));
        assertEquals(new BigDecimal("87"), scored.total().orElseThrow());
        assertFalse(scored.toString().contains("87"), scored.toString());
        assertEquals(scored, scorer.score(Administration.of("PIR-GAS", Map.of("pirgas_1", "87"))));
        assertEquals(scored.hashCode(), scorer.score(Administration.of("PIR-GAS", Map.of("pirgas_1", "87"))).hashCode());
        assertFalse(scored.equals(scorer.score(Administration.of("PIR-GAS", Map.of("pirgas_1", "86")))));
    }
}
