/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.imhmeasures.core.instrument.BandStatus;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.core.instrument.LicenseeNorms;
import org.imhmeasures.scoring.json.WireForm;
import org.junit.jupiter.api.Test;

/**
 * ASQ:SE-2 scoring: Z/V/X points plus concerns, the unadjusted rule for one or two omitted items (Brookes
 * support article 367), and an explicit "no cut-off supplied" without a licensee norms file — never a guessed
 * cut-off. The norms used here are synthetic test numbers (test resource), not the published ones.
 */
class AgeIntervalScoringTest {

    private static final Instrument TWO_MONTHS = Catalogue.builtIn().get("ASQ:SE-2:2m");

    private static String[] answers(String code, int count) {
        String[] codes = new String[count];
        Arrays.fill(codes, code);
        return codes;
    }

    private static Instrument withSyntheticNorms() throws Exception {
        try (InputStream in = AgeIntervalScoringTest.class.getResourceAsStream("synthetic-norms.json")) {
            return Catalogue.builtIn().withNorms(LicenseeNorms.read(in, "synthetic-norms.json")).get("ASQ:SE-2:2m");
        }
    }

    @Test
    void withoutNorms_theTotalStands_andTheResultSaysNoCutoffWasSupplied() {
        Scored s = assertInstanceOf(Scored.class, Scorer.of(TWO_MONTHS).scoreCodes(answers("X+C", 16)));
        assertEquals(0, BigDecimal.valueOf(240).compareTo(s.total().orElseThrow()));
        assertEquals(Caseness.NOT_DEFINED, s.caseness());
        assertEquals(CutoffStatus.NOT_SUPPLIED, s.cutoffStatus());
        assertEquals(BandStatus.NO_BANDS, s.bandStatus());
        Map<String, Object> wire = WireForm.of(s);
        assertEquals("not_supplied", wire.get("cutoffStatus"));
        assertEquals("not_defined", wire.get("caseness"));
    }

    @Test
    void withLicenseeNorms_theSuppliedCutoffAndZoneApply() throws Exception {
        Scorer scorer = Scorer.of(withSyntheticNorms());
        Scored high = assertInstanceOf(Scored.class, scorer.scoreCodes(answers("X", 16)));
        assertEquals(Caseness.CASE, high.caseness()); // 160 >= synthetic 100
        assertEquals(CutoffStatus.SUPPLIED, high.cutoffStatus());
        assertEquals("supplied", WireForm.of(high).get("cutoffStatus"));
        String[] sixty = answers("Z", 16);
        Arrays.fill(sixty, 0, 12, "V"); // 12 x 5 = 60: inside the synthetic zone 50-95
        Scored zone = assertInstanceOf(Scored.class, scorer.scoreCodes(sixty));
        assertEquals(Caseness.NOT_CASE, zone.caseness());
        assertEquals("synthetic zone", zone.band().orElseThrow().label());
        Scored low = assertInstanceOf(Scored.class, scorer.scoreCodes(answers("Z", 16)));
        assertEquals(BandStatus.BELOW_CONFIRMED_BANDS, low.bandStatus());
    }

    @Test
    void publishedCutoffs_keepTheirWireFormUnchanged() {
        Instrument phq9 = Catalogue.builtIn().get("PHQ-9");
        Scored s = assertInstanceOf(Scored.class, Scorer.of(phq9).scoreCodes(answers("1", 9)));
        assertEquals(CutoffStatus.PUBLISHED, s.cutoffStatus());
        assertFalse(WireForm.of(s).containsKey("cutoffStatus"));
        Scored gbo = assertInstanceOf(Scored.class, Scorer.of(Catalogue.builtIn().get("GBO"))
                .score(Administration.of("GBO", Map.of("gbo_1", "5"))));
        assertEquals(CutoffStatus.NONE, gbo.cutoffStatus());
    }

    @Test
    void twoOmittedItems_areSummedUnadjusted_threeAreNotScorable() {
        Scorer scorer = Scorer.of(TWO_MONTHS);
        String[] two = answers("X", 16);
        two[3] = "";
        two[9] = "";
        Scored s = assertInstanceOf(Scored.class, scorer.scoreCodes(two));
        assertEquals(0, BigDecimal.valueOf(140).compareTo(s.total().orElseThrow())); // 14 x 10, not 160
        assertFalse(s.prorated());
        assertEquals(List.of("asqse22m_4", "asqse22m_10"), s.itemsMissing());
        String[] three = two.clone();
        three[15] = "";
        NotScorable n = assertInstanceOf(NotScorable.class, scorer.scoreCodes(three));
        Problem.TooManyMissing tooMany = assertInstanceOf(Problem.TooManyMissing.class, n.problems().get(0));
        assertEquals(2, tooMany.allowed());
        // the caller's PRORATE does not turn the publisher's "no adjustment" into prorating
        Scored prorate = assertInstanceOf(Scored.class, Scorer.of(TWO_MONTHS,
                ScoringOptions.defaults().with(MissingItemPolicy.PRORATE)).scoreCodes(two));
        assertEquals(0, BigDecimal.valueOf(140).compareTo(prorate.total().orElseThrow()));
        assertFalse(prorate.prorated());
        // STRICT allows none
        assertInstanceOf(NotScorable.class, Scorer.of(TWO_MONTHS,
                ScoringOptions.defaults().with(MissingItemPolicy.STRICT)).scoreCodes(two));
    }

    @Test
    void aLetterTheFormDoesNotPrint_isALocatedProblem() {
        String[] codes = answers("Z", 16);
        codes[4] = "Y";
        NotScorable n = assertInstanceOf(NotScorable.class, Scorer.of(TWO_MONTHS).scoreCodes(codes));
        Problem.CodeNotAllowed bad = assertInstanceOf(Problem.CodeNotAllowed.class, n.problems().get(0));
        assertEquals("asqse22m_5", bad.item());
        assertEquals("Z, V, X, Z+C, V+C, X+C", bad.allowed().replace("..", ", "));
    }
}
