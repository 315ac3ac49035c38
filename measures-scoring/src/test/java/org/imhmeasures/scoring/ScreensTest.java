/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Random;
import org.imhmeasures.core.instrument.Catalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The two-item screens score exactly as the first two items of their parent form, and the Whooley
 * questions are positive on a yes to either question (NICE CG192).
 */
class ScreensTest {

    @ParameterizedTest
    @CsvSource({"PHQ-2, PHQ-9, 9", "GAD-2, GAD-7, 7"})
    void twoItemScreen_scoresAsTheParentsFirstTwoItems(String screenId, String parentId, int parentItems) {
        Scorer screen = Scorer.of(Catalogue.builtIn().get(screenId));
        Scorer parent = Scorer.of(Catalogue.builtIn().get(parentId));
        long seed = 20261201L;
        Random random = new Random(seed);
        for (int trial = 0; trial < 200; trial++) {
            String[] full = new String[parentItems];
            for (int i = 0; i < parentItems; i++) {
                full[i] = Integer.toString(random.nextInt(4));
            }
            Scored whole = assertInstanceOf(Scored.class, parent.scoreCodes(full));
            Scored first = assertInstanceOf(Scored.class, screen.scoreCodes(new String[] {full[0], full[1]}));
            int expected = Integer.parseInt(full[0]) + Integer.parseInt(full[1]);
            assertEquals(expected, first.rawTotal().getAsInt(), "seed " + seed + " trial " + trial);
            assertEquals(whole.itemScores().values().stream().limit(2).mapToInt(Integer::intValue).sum(),
                    first.rawTotal().getAsInt(), "seed " + seed + " trial " + trial);
            assertEquals(expected >= 3 ? Caseness.CASE : Caseness.NOT_CASE, first.caseness());
        }
    }

    @Test
    void whooley_yesToEitherQuestion_isPositive() {
        Scorer whooley = Scorer.of(Catalogue.builtIn().get("WHOOLEY"));
        assertEquals(Caseness.NOT_CASE, ((Scored) whooley.scoreCodes(new String[] {"no", "no"})).caseness());
        assertEquals(Caseness.CASE, ((Scored) whooley.scoreCodes(new String[] {"yes", "no"})).caseness());
        assertEquals(Caseness.CASE, ((Scored) whooley.scoreCodes(new String[] {"no", "yes"})).caseness());
        assertEquals(Caseness.CASE, ((Scored) whooley.scoreCodes(new String[] {"yes", "yes"})).caseness());
    }

    @Test
    void whooley_oneAnswerMissing_isNotScorable_evenWhenTheOtherIsNo() {
        Scorer whooley = Scorer.of(Catalogue.builtIn().get("WHOOLEY"));
        assertInstanceOf(NotScorable.class, whooley.score(Administration.of("WHOOLEY",
                java.util.Map.of("whooley_1", "no", "whooley_2", ""))));
    }
}
