/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.imhmeasures.core.instrument.Catalogue;
import org.junit.jupiter.api.Test;

/** CORE-OM beyond the golden cases: the total's own allowance (at most 3 missing, CORE System Trust). */
class CoreOmScoringTest {

    private static Map<String, String> allZeroExcept(Set<Integer> missing) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 1; i <= 34; i++) {
            answers.put("coreom_" + i, missing.contains(i) ? "" : "0");
        }
        return answers;
    }

    @Test
    void fourMissing_isNotScorableEvenUnderThePolicyDefault() {
        Scorer scorer = Scorer.of(Catalogue.builtIn().get("CORE-OM"));
        NotScorable refused = assertInstanceOf(NotScorable.class, scorer.score(Administration.of("CORE-OM", allZeroExcept(Set.of(1, 2, 4, 5)))));
        assertTrue(refused.problems().stream().anyMatch(p -> p instanceof Problem.TooManyMissing), refused.toString());
        assertInstanceOf(Scored.class, scorer.score(Administration.of("CORE-OM", allZeroExcept(Set.of(1, 2, 4)))));
    }

    @Test
    void strictPolicy_refusesOneMissing_andTheDomainRuleNeverScoresAnIncompleteWellbeing() {
        Scorer strict = Scorer.of(Catalogue.builtIn().get("CORE-OM"),
                ScoringOptions.defaults().with(MissingItemPolicy.STRICT));
        assertInstanceOf(NotScorable.class, strict.score(Administration.of("CORE-OM", allZeroExcept(Set.of(14)))));
        Scorer prorate = Scorer.of(Catalogue.builtIn().get("CORE-OM"),
                ScoringOptions.defaults().with(MissingItemPolicy.PRORATE));
        Scored s = assertInstanceOf(Scored.class, prorate.score(Administration.of("CORE-OM", allZeroExcept(Set.of(14)))));
        assertTrue(s.subscales().get("wellbeing").score().isEmpty(), "wellbeing allows no missing item");
        assertEquals("0.00", s.subscales().get("problems").score().orElseThrow().toPlainString());
    }
}
