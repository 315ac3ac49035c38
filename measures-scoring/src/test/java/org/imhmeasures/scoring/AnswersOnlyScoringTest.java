/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.AbstractMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.imhmeasures.core.instrument.BandStatus;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.junit.jupiter.api.Test;

/** Scoring an instrument that records answers only (the made-up TEST-FEEDBACK fixture of the test resources). */
class AnswersOnlyScoringTest {

    private static final Instrument FEEDBACK = TestFeedback.instrument();
    private static final Scorer SCORER = Scorer.of(FEEDBACK);

    private static Map<String, String> answers(String first, String second, String third) {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("testfeedback_1", first);
        answers.put("testfeedback_2", second);
        answers.put("testfeedback_3", third);
        return answers;
    }

    private static ScoreResult score(Map<String, String> answers) {
        return SCORER.score(Administration.of("TEST-FEEDBACK", answers));
    }

    @Test
    void score_complete_recordsAnswersAndComputesNothing() {
        Scored s = assertInstanceOf(Scored.class, score(answers("4", "unsure", "0")));
        assertEquals(List.of(Map.entry("testfeedback_1", "4"), Map.entry("testfeedback_2", "unsure"),
                Map.entry("testfeedback_3", "0")), List.copyOf(s.recordedAnswers().entrySet()));
        assertTrue(s.rawTotal().isEmpty());
        assertTrue(s.total().isEmpty());
        assertTrue(s.subscales().isEmpty());
        assertTrue(s.band().isEmpty());
        assertEquals(BandStatus.NO_BANDS, s.bandStatus());
        assertEquals(Caseness.NOT_DEFINED, s.caseness());
        assertEquals(CutoffStatus.NONE, s.cutoffStatus());
        assertTrue(s.itemScores().isEmpty(), "no item scores are invented");
        assertTrue(s.itemsMissing().isEmpty());
        assertFalse(s.prorated());
        assertTrue(s.criticalAlerts().isEmpty());
        assertTrue(s.criticalUnanswered().isEmpty());
        assertEquals("TEST-FEEDBACK", s.provenance().instrumentId());
    }

    @Test
    void score_answersAreTrimmedAndGivenInFormOrder() {
        Map<String, String> reversed = new LinkedHashMap<>();
        reversed.put(" testfeedback_3 ", " 2 ");
        reversed.put("testfeedback_1", "1\t");
        Scored s = assertInstanceOf(Scored.class, score(reversed));
        assertEquals(List.of("testfeedback_1", "testfeedback_3"), List.copyOf(s.recordedAnswers().keySet()));
        assertEquals(Map.of("testfeedback_1", "1", "testfeedback_3", "2"), s.recordedAnswers());
        assertEquals(List.of("testfeedback_2"), s.itemsMissing());
    }

    @Test
    void score_missingItemRule_applies() {
        Scored one = assertInstanceOf(Scored.class, score(answers("6", null, "1")));
        assertEquals(List.of("testfeedback_2"), one.itemsMissing());
        assertEquals(2, one.recordedAnswers().size());
        NotScorable two = assertInstanceOf(NotScorable.class, score(answers("6", "", null)));
        Problem.TooManyMissing missing = assertInstanceOf(Problem.TooManyMissing.class, two.firstProblem());
        assertEquals(List.of("testfeedback_2", "testfeedback_3"), missing.missing());
        assertEquals(1, missing.allowed());
        NotScorable none = assertInstanceOf(NotScorable.class, score(answers(null, null, null)));
        assertInstanceOf(Problem.TooManyMissing.class, none.firstProblem());
        NotScorable empty = assertInstanceOf(NotScorable.class, SCORER.score(Administration.of("TEST-FEEDBACK",
                Map.of())));
        assertInstanceOf(Problem.TooManyMissing.class, empty.firstProblem());
        // STRICT: none may be missing
        Scorer strict = Scorer.of(FEEDBACK, ScoringOptions.defaults().with(MissingItemPolicy.STRICT));
        assertInstanceOf(NotScorable.class, strict.score(Administration.of("TEST-FEEDBACK", answers("6", null, "1"))));
        // PRORATE has nothing to prorate: the instrument's own minimum holds
        Scorer prorate = Scorer.of(FEEDBACK, ScoringOptions.defaults().with(MissingItemPolicy.PRORATE));
        Scored prorated = assertInstanceOf(Scored.class, prorate.score(Administration.of("TEST-FEEDBACK",
                answers("6", null, "1"))));
        assertFalse(prorated.prorated());
        assertInstanceOf(NotScorable.class, prorate.score(Administration.of("TEST-FEEDBACK", answers("6", null, null))));
    }

    @Test
    void score_codeNotAllowed_isTheUsualProblem() {
        NotScorable n = assertInstanceOf(NotScorable.class, score(answers("7", "YES", "1")));
        assertEquals(2, n.problems().size());
        Problem.CodeNotAllowed first = assertInstanceOf(Problem.CodeNotAllowed.class, n.problems().get(0));
        assertEquals("testfeedback_1", first.item());
        assertEquals("1..6", first.allowed());
        Problem.CodeNotAllowed second = assertInstanceOf(Problem.CodeNotAllowed.class, n.problems().get(1));
        assertEquals("yes, no, unsure", second.allowed());
        assertFalse(n.toString().contains("YES"), n.toString());
    }

    @Test
    void score_unknownItemAndDuplicate_areTheUsualProblems() {
        Map<String, String> answers = answers("1", "no", "2");
        answers.put("Quartermaine", "1");
        NotScorable unknown = assertInstanceOf(NotScorable.class, score(answers));
        Problem.UnknownItem item = assertInstanceOf(Problem.UnknownItem.class, unknown.firstProblem());
        assertEquals(3, item.position());
        ScoreResult duplicate = SCORER.score(Administration.ofEntries("TEST-FEEDBACK", List.of(
                new AbstractMap.SimpleEntry<>("testfeedback_1", "1"), new AbstractMap.SimpleEntry<>("testfeedback_2", "no"),
                new AbstractMap.SimpleEntry<>("testfeedback_2 ", "yes"), new AbstractMap.SimpleEntry<>("testfeedback_3", "0"))));
        NotScorable dup = assertInstanceOf(NotScorable.class, duplicate);
        assertInstanceOf(Problem.DuplicateItem.class, dup.firstProblem());
        NotScorable wrong = assertInstanceOf(NotScorable.class, SCORER.score(Administration.of("PHQ-9",
                answers("1", "no", "2"))));
        assertInstanceOf(Problem.WrongInstrument.class, wrong.firstProblem());
    }

    @Test
    void scoreCodes_fastPaths_giveTheSameResult() {
        Scored viaMap = assertInstanceOf(Scored.class, score(answers("3", "no", "2")));
        assertEquals(viaMap, SCORER.scoreCodes(new String[] {"3", " no", "2"}));
        Scored numeric = assertInstanceOf(Scored.class, Scorer.of(FEEDBACK).scoreCodes(new String[] {"5", null, "0"}));
        assertEquals(Map.of("testfeedback_1", "5", "testfeedback_3", "0"), numeric.recordedAnswers());
        // the int path: item 2's codes are words, so it can only be missing there
        assertEquals(numeric, SCORER.scoreCodes(new int[] {5, Scorer.MISSING, 0}));
        NotScorable bad = assertInstanceOf(NotScorable.class, SCORER.scoreCodes(new int[] {9, Scorer.MISSING, 0}));
        assertInstanceOf(Problem.CodeNotAllowed.class, bad.firstProblem());
    }

    @Test
    void scorer_underScores_isRefusedWhenBuilt() {
        AnswersOnlyException e = assertThrows(AnswersOnlyException.class, () -> Scorer.of(FEEDBACK,
                ScoringOptions.defaults().with(AnswerKind.SCORES)));
        assertEquals("TEST-FEEDBACK", e.instrumentId());
        assertEquals("answers of TEST-FEEDBACK must be read as codes: it records answers only and has no item scores "
                + "to read them as", e.getMessage());
        assertInstanceOf(IllegalArgumentException.class, e);
    }

    @Test
    void scored_equalsHashCodeAndToString() {
        Scored a = assertInstanceOf(Scored.class, score(answers("4", "no", "1")));
        Scored b = assertInstanceOf(Scored.class, score(answers("4", "no", "1")));
        Scored c = assertInstanceOf(Scored.class, score(answers("4", "yes", "1")));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, c, "the recorded answers take part in equality");
        assertNotEquals(a.hashCode(), c.hashCode());
        String shown = a.toString();
        assertTrue(shown.contains("recorded answers 3"), shown);
        // a planted, unusual answer value never shows
        Instrument labelled = Catalogue.of(List.of(FEEDBACK)).withWording(new java.io.ByteArrayInputStream(
                ("{\"format\": \"imh-measures/wording@1\", \"instrument\": \"TEST-FEEDBACK\", \"definitionVersion\": "
                        + "\"1.0.0\", \"items\": []}").getBytes(java.nio.charset.StandardCharsets.UTF_8)), "w.json")
                .get("TEST-FEEDBACK");
        Scored planted = assertInstanceOf(Scored.class, Scorer.of(labelled).score(Administration.of("TEST-FEEDBACK",
                answers("6", "unsure", "2"))));
        for (String value : List.of("unsure", "testfeedback_2=", "=6")) {
            assertFalse(planted.toString().contains(value), planted.toString());
        }
    }

    @Test
    void scoredInstruments_haveNoRecordedAnswers() {
        Instrument phq9 = Catalogue.builtIn().get("PHQ-9");
        Map<String, String> answers = new HashMap<>();
        phq9.items().forEach(item -> answers.put(item.id(), "1"));
        Scored s = assertInstanceOf(Scored.class, Scorer.of(phq9).score(Administration.of("PHQ-9", answers)));
        assertTrue(s.recordedAnswers().isEmpty());
        assertEquals(Optional.of(9), s.rawTotal().isPresent() ? Optional.of(s.rawTotal().getAsInt()) : Optional.empty());
        assertFalse(s.toString().contains("recorded answers"), s.toString());
    }
}
