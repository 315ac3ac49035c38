/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.examples;

import java.util.Map;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.NotScorable;
import org.imhmeasures.scoring.ScoreResult;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.Scorer;

/**
 * The README example: score one PHQ-9 and act on the result. Run by the examples' tests.
 */
public final class QuickStart {

    private QuickStart() {
    }

    /**
     * Scores a sample PHQ-9 and returns what a record system would display.
     *
     * @return one line describing the result
     */
    public static String run() {
        // README:start
        Instrument phq9 = Catalogue.builtIn().get("PHQ-9");
        Scorer scorer = Scorer.of(phq9); // immutable: share it across threads
        Administration answers = Administration.of("PHQ-9", Map.of(
                "phq9_1", "2", "phq9_2", "2", "phq9_3", "1", "phq9_4", "3", "phq9_5", "1",
                "phq9_6", "2", "phq9_7", "1", "phq9_8", "0", "phq9_9", "1"));
        ScoreResult result = scorer.score(answers);
        if (result instanceof Scored s) {
            return s.total().orElseThrow() + " " + s.band().orElseThrow().label() + " caseness=" + s.caseness()
                    + " alerts=" + s.criticalAlerts().size(); // "13 moderate caseness=CASE alerts=1"
        }
        return "not scorable: " + ((NotScorable) result).firstProblem().message();
        // README:end
    }

    /**
     * Prints the result.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.out.println(run());
    }
}
