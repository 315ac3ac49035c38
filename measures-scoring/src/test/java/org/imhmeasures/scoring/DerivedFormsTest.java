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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.junit.jupiter.api.Test;

/** A PHQ-9 administration yields its PHQ-2, a GAD-7 administration its GAD-2 (Administration#derive). */
class DerivedFormsTest {

    private static final Catalogue CATALOGUE = Catalogue.builtIn();

    private static Map<String, String> answers(String key, int count, Random random) {
        Map<String, String> codes = new LinkedHashMap<>();
        for (int i = 1; i <= count; i++) {
            codes.put(key + "_" + i, Integer.toString(random.nextInt(4)));
        }
        return codes;
    }

    @Test
    void derivedScreen_scoresTheParentsItems_withItsOwnCutoff() {
        long seed = 20261202L;
        Random random = new Random(seed);
        for (String[] pair : new String[][] {{"PHQ-9", "phq9", "9", "PHQ-2"}, {"GAD-7", "gad7", "7", "GAD-2"}}) {
            Instrument screen = CATALOGUE.get(pair[3]);
            for (int trial = 0; trial < 100; trial++) {
                Map<String, String> codes = answers(pair[1], Integer.parseInt(pair[2]), random);
                Administration parent = Administration.of(pair[0], codes).withDate(LocalDate.of(2026, 12, 2));
                Administration derived = parent.derive(screen);
                assertEquals(pair[3], derived.instrumentId());
                assertEquals(parent.date(), derived.date());
                Scored s = assertInstanceOf(Scored.class, Scorer.of(screen).score(derived));
                int expected = Integer.parseInt(codes.get(pair[1] + "_1")) + Integer.parseInt(codes.get(pair[1] + "_2"));
                String where = "seed " + seed + " " + pair[3] + " trial " + trial;
                assertEquals(expected, s.rawTotal().getAsInt(), where);
                assertEquals(expected >= 3 ? Caseness.CASE : Caseness.NOT_CASE, s.caseness(), where);
            }
        }
    }

    @Test
    void derive_fromAnotherInstrument_isRefused() {
        Administration gad7 = Administration.of("GAD-7", Map.of("gad7_1", "1"));
        IllegalArgumentException wrongParent = assertThrows(IllegalArgumentException.class,
                () -> gad7.derive(CATALOGUE.get("PHQ-2")));
        assertTrue(wrongParent.getMessage().contains("PHQ-2"), wrongParent.getMessage());
        assertThrows(IllegalArgumentException.class, () -> gad7.derive(CATALOGUE.get("EPDS")));
    }

    @Test
    void aParentItemLeftBlank_leavesTheScreenNotScorable_notHalfScored() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("phq9_1", "3");
        codes.put("phq9_2", "");
        for (int i = 3; i <= 9; i++) {
            codes.put("phq9_" + i, "0");
        }
        Administration derived = Administration.of("PHQ-9", codes).derive(CATALOGUE.get("PHQ-2"));
        NotScorable n = assertInstanceOf(NotScorable.class, Scorer.of(CATALOGUE.get("PHQ-2")).score(derived));
        assertEquals(List.of("phq2_2"), assertInstanceOf(Problem.TooManyMissing.class, n.problems().get(0)).missing());
    }

    @Test
    void anAmbiguousParentAnswer_isReported_notLost() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("phq9_1", "1");
        codes.put("phq9_1 ", "3"); // the same key once trimmed: ambiguous
        codes.put("phq9_2", "0");
        Administration parent = Administration.of("PHQ-9", codes);
        Administration derived = parent.derive(CATALOGUE.get("PHQ-2"));
        assertFalse(derived.unplacedAnswers().isEmpty());
        NotScorable n = assertInstanceOf(NotScorable.class, Scorer.of(CATALOGUE.get("PHQ-2")).score(derived));
        assertTrue(n.problems().stream().anyMatch(p -> p instanceof Problem.DuplicateItem d
                && d.item().equals("phq2_1")), n.problems().toString());
        assertFalse(derived.toString().contains("phq9"), derived.toString());
    }
}
