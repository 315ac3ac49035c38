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

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.junit.jupiter.api.Test;

/**
 * Answer keys are normalised (trimmed) before duplicates are looked for; two answers for one item are a
 * {@code duplicate_item} problem, never last-one-wins; a blank key is a typed problem, never an exception;
 * an unknown key is located by position, never echoed; a duplicated critical item alerts when any of its
 * answers is at alert level.
 */
class AnswerKeysTest {

    private static final Instrument PHQ9 = Catalogue.builtIn().get("PHQ-9");
    private static final Scorer SCORER = Scorer.of(PHQ9);
    private static final List<String> PLANTED = List.of("9434765919", "943 476 5919", "Jane Smith", "Jane", "Smith",
            "Quartermaine", "1987-03-14");

    /** phq9_1..phq9_8 answered 1, then whatever {@code tail} adds, in order. */
    private static Map<String, String> eightThen(String... tail) {
        Map<String, String> codes = new LinkedHashMap<>();
        for (int i = 1; i <= 8; i++) {
            codes.put("phq9_" + i, "1");
        }
        for (int i = 0; i < tail.length; i += 2) {
            codes.put(tail[i], tail[i + 1]);
        }
        return codes;
    }

    private static NotScorable notScorable(Map<String, String> codes) {
        return assertInstanceOf(NotScorable.class, SCORER.score(Administration.of("PHQ-9", codes)));
    }

    @Test
    void score_keysDifferingOnlyBySpace_isDuplicateItemNotLastOneWins() {
        NotScorable n = notScorable(eightThen("phq9_9", "3", "phq9_9 ", "0"));
        assertEquals(List.of(new Problem.DuplicateItem("phq9_9", List.of(8, 9))), n.problems());
        assertEquals("duplicate_item", n.firstProblem().code());
        assertEquals("item must appear once per administration: phq9_9 at answers[8] and answers[9]",
                n.firstProblem().message());
    }

    @Test
    void score_duplicatedCriticalItem_alertsWhenAnyAnswerIsAtAlertLevel() {
        for (Map<String, String> codes : List.of(eightThen("phq9_9", "3", "phq9_9 ", "0"),
                eightThen("phq9_9", "0", " phq9_9", "3"), eightThen("phq9_9", "0", "phq9_9\t", "x", "phq9_9  ", "1"))) {
            NotScorable n = notScorable(codes);
            assertEquals(1, n.criticalAlerts().size(), codes.toString());
            assertEquals("phq9_9", n.criticalAlerts().get(0).itemId());
            assertEquals(codes.containsValue("3") ? 3 : 1, n.criticalAlerts().get(0).score());
        }
        NotScorable none = notScorable(eightThen("phq9_9", "0", "phq9_9 ", "0"));
        assertTrue(none.criticalAlerts().isEmpty(), "identical duplicates are still a problem, without alert");
        assertEquals("duplicate_item", none.firstProblem().code());
    }

    @Test
    void score_duplicatedOrdinaryItem_keepsAlertsOfUnambiguousAnswersAndIsNotCountedMissing() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("phq9_1", "1");
        codes.put("phq9_1 ", "Jane Smith");
        for (int i = 2; i <= 8; i++) {
            codes.put("phq9_" + i, "0");
        }
        codes.put("phq9_9", "2");
        NotScorable n = notScorable(codes);
        assertEquals(List.of("duplicate_item"), n.problems().stream().map(Problem::code).toList(),
                "a duplicated item is neither missing nor an extra code problem");
        assertEquals(2, n.criticalAlerts().get(0).score());
    }

    @Test
    void of_blankOrNullKey_isUnknownItemAtItsPosition_neverAnException() {
        Map<String, String> codes = new HashMap<>(eightThen("phq9_9", "0"));
        codes.put(null, "3");
        codes.put("", "2");
        codes.put("   ", "1");
        Administration a = Administration.of("PHQ-9", codes);
        assertEquals(9, a.answers().size());
        assertEquals(3, a.unplacedAnswers().size());
        NotScorable n = assertInstanceOf(NotScorable.class, SCORER.score(a));
        assertEquals(3, n.problems().size());
        for (Problem p : n.problems()) {
            Problem.UnknownItem u = assertInstanceOf(Problem.UnknownItem.class, p);
            assertTrue(u.blankKey());
            assertEquals("unknown_item", u.code());
            assertTrue(u.message().matches("item must belong to the instrument: answers\\[\\d+\\] has a blank key"),
                    u.message());
        }
        List<Integer> positions = new ArrayList<>();
        int i = 0;
        for (String key : codes.keySet()) {
            if (key == null || key.isBlank()) {
                positions.add(i);
            }
            i++;
        }
        assertEquals(positions, n.problems().stream().map(p -> ((Problem.UnknownItem) p).position()).toList());
    }

    @Test
    void constructor_blankAndSpacedKeys_neverThrow() {
        Map<String, Answer> answers = new LinkedHashMap<>();
        answers.put("phq9_1", new Answer.Given("1"));
        answers.put(" phq9_1", new Answer.Given("2"));
        answers.put(" ", Answer.DECLINED);
        Administration a = new Administration("PHQ-9", answers, Optional.empty(), Optional.empty(), Optional.empty());
        assertEquals(Map.of(), a.answers());
        assertEquals(List.of(new Administration.UnplacedAnswer(0, "phq9_1", new Answer.Given("1")),
                new Administration.UnplacedAnswer(1, "phq9_1", new Answer.Given("2")),
                new Administration.UnplacedAnswer(2, "", Answer.DECLINED)), a.unplacedAnswers());
        assertFalse(a.allPlaced());
    }

    @Test
    void score_unknownKey_isLocatedByPositionAsGiven_neverEchoed() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("phq9_1", "1");
        codes.put("phq9_1 ", "1");
        codes.put("Jane Smith", "1");
        codes.put("9434765919", "2");
        for (int i = 2; i <= 9; i++) {
            codes.put("phq9_" + i, "0");
        }
        NotScorable n = notScorable(codes);
        assertEquals(List.of("duplicate_item", "unknown_item", "unknown_item"),
                n.problems().stream().map(Problem::code).toList());
        assertEquals(2, ((Problem.UnknownItem) n.problems().get(1)).position());
        assertEquals(3, ((Problem.UnknownItem) n.problems().get(2)).position());
        assertEquals("item must belong to the instrument: answers[2]", n.problems().get(1).message());
        assertEquals("Jane Smith", ((Problem.UnknownItem) n.problems().get(1)).patientSuppliedKey());
        assertEquals(Optional.empty(), n.problems().get(1).itemId());
        assertNoIdentifier(n.toString() + n.problems() + n.problems().stream().map(Problem::message).toList());
    }

    @Test
    void administration_isImmutableAndCopiesKeepUnplacedAnswers() {
        Administration a = Administration.of("PHQ-9", eightThen("phq9_9", "3", "phq9_9 ", "0"));
        assertThrows(UnsupportedOperationException.class, () -> a.answers().put("phq9_9", Answer.MISSING));
        assertThrows(UnsupportedOperationException.class, () -> a.unplacedAnswers().clear());
        Administration dated = a.withDate(LocalDate.of(2025, 1, 2)).withTimepoint(Timepoint.BASELINE)
                .withRespondent("birth mother");
        assertEquals(a.unplacedAnswers(), dated.unplacedAnswers());
        assertEquals(a.answers(), dated.answers());
        assertEquals(SCORER.score(a).criticalAlerts(), SCORER.score(dated).criticalAlerts());
        assertEquals(a, Administration.of("PHQ-9", eightThen("phq9_9", "3", "phq9_9 ", "0")));
    }

    @Test
    void administration_withoutKeyProblems_scoresAsBefore() {
        Administration a = Administration.of("PHQ-9", eightThen(" phq9_9 ", "2"));
        assertTrue(a.allPlaced());
        assertEquals(List.of("phq9_1", "phq9_2", "phq9_3", "phq9_4", "phq9_5", "phq9_6", "phq9_7", "phq9_8",
                "phq9_9"), List.copyOf(a.answers().keySet()));
        Scored s = assertInstanceOf(Scored.class, SCORER.score(a));
        assertEquals(10, s.rawTotal().getAsInt());
    }

    @Test
    void toStrings_neverShowKeysOrCodesThatMayBeIdentifiers() {
        Map<String, String> codes = eightThen("Jane Smith", "9434765919", "Jane Smith ", "1987-03-14", "",
                "Quartermaine", "phq9_9", "943 476 5919");
        Administration a = Administration.of("9434765919", codes).withRespondent("Jane Smith")
                .withDate(LocalDate.of(1987, 3, 14));
        NotScorable n = assertInstanceOf(NotScorable.class, SCORER.score(a));
        assertNoIdentifier(a.toString() + a.unplacedAnswers() + n + n.problems().stream().map(Problem::message)
                .toList() + new Answer.Given("Jane Smith") + new Answer.Given("9434765919"));
        assertEquals("Given[code=3]", new Answer.Given(" 3 ").toString());
        assertEquals("Given[code=<value of 10 characters>]", new Answer.Given("9434765919").toString());
    }

    static void assertNoIdentifier(String text) {
        for (String identifier : PLANTED) {
            assertFalse(text.contains(identifier), identifier + " leaked: " + text);
        }
        assertFalse(text.contains("1987"), "date of birth leaked: " + text);
        assertFalse(text.contains("5919"), "NHS number leaked: " + text);
    }
}
