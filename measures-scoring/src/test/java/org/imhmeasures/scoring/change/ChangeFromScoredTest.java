/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.scoring.internal.Vocabulary;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.Caseness;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.change.ChangeResult.NotAssessable;
import org.imhmeasures.scoring.change.ChangeResult.Reason;
import org.junit.jupiter.api.Test;

/** Change between two scored results: the value taken, and the results refused (issue 10 §5). */
class ChangeFromScoredTest {

    private static final Instrument PHQ9 = Catalogue.builtIn().get("PHQ-9");
    private static final Instrument SWEMWBS = Catalogue.builtIn().get("SWEMWBS");
    private static final Instrument GBO = Catalogue.builtIn().get("GBO");
    private static final Instrument HADS = Catalogue.builtIn().get("HADS");

    /** Scores the same code for every item of the instrument. */
    private static Scored scored(Instrument instrument, String... codes) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 0; i < instrument.items().size(); i++) {
            answers.put(instrument.items().get(i).id(), codes.length == 1 ? codes[0] : codes[i]);
        }
        return assertInstanceOf(Scored.class, Scorer.of(instrument).score(Administration.of(instrument.id(), answers)));
    }

    private static NotAssessable refused(ChangeResult result, Reason reason) {
        NotAssessable n = assertInstanceOf(NotAssessable.class, result, result.toString());
        assertEquals(reason, n.reason(), n.message());
        return n;
    }

    @Test
    void assess_swemwbs_usesTheMetricScore_notTheRawSum() {
        ChangeModel model = ChangeModel.published(SWEMWBS, ChangeOptions.defaults());
        Scored pre = scored(SWEMWBS, "2");
        Scored post = scored(SWEMWBS, "3");
        assertEquals(OptionalInt.of(14), pre.rawTotal());
        ChangeResult.Assessed a = assertInstanceOf(ChangeResult.Assessed.class, model.assess(pre, post));
        assertEquals(pre.total().orElseThrow().doubleValue(), a.pre());
        assertEquals(post.total().orElseThrow().doubleValue(), a.post());
        assertTrue(a.pre() != 14 && a.post() != 21, "metric, not raw: " + a.pre() + " " + a.post());
        assertEquals(model.assess(pre.total().orElseThrow().doubleValue(), post.total().orElseThrow().doubleValue()),
                a);
    }

    @Test
    void assess_otherInstrument_isInstrumentMismatch_preFirst() {
        ChangeModel model = ChangeModel.published(PHQ9, ChangeOptions.defaults());
        Scored gad7 = scored(Catalogue.builtIn().get("GAD-7"), "1");
        Scored phq9 = scored(PHQ9, "1");
        assertEquals("instrument of pre must be PHQ-9: GAD-7",
                refused(model.assess(gad7, phq9), Reason.INSTRUMENT_MISMATCH).message());
        assertEquals("instrument of post must be PHQ-9: GAD-7",
                refused(model.assess(phq9, gad7), Reason.INSTRUMENT_MISMATCH).message());
    }

    @Test
    void assess_otherDefinitionVersion_isRefused() {
        Instrument older = new Instrument(PHQ9.id(), "0.9.0", PHQ9.name(), PHQ9.respondent(), PHQ9.recallPeriod(),
                PHQ9.appliesTo(), PHQ9.items(), PHQ9.itemScoring(), PHQ9.subscales(), PHQ9.scoring(),
                PHQ9.missingItems(), PHQ9.totalRange(), PHQ9.direction(), PHQ9.bands(), PHQ9.caseness(),
                PHQ9.reliableChange(), PHQ9.norms(), PHQ9.codes(), PHQ9.licence(), PHQ9.omissions());
        ChangeModel model = ChangeModel.published(PHQ9, ChangeOptions.defaults());
        NotAssessable n = refused(model.assess(scored(PHQ9, "2"), scored(older, "0")),
                Reason.DEFINITION_VERSION_MISMATCH);
        assertEquals("definition version of post must be " + PHQ9.definitionVersion() + ": 0.9.0", n.message());
    }

    @Test
    void assess_gbo_needsAGoal_andAssessesOneGoalWithItsThreshold() {
        ChangeModel model = ChangeModel.published(GBO, ChangeOptions.defaults());
        Scored pre = scored(GBO, "2", "5", "");
        Scored post = scored(GBO, "6", "6", "");
        assertEquals(OptionalInt.empty(), pre.rawTotal(), "goals are not added up");
        refused(model.assess(pre, post), Reason.NEEDS_SUBSCALE);
        ChangeResult.Assessed goal1 = assertInstanceOf(ChangeResult.Assessed.class, model.assess(pre, post, "goal_1"));
        assertEquals(2, goal1.pre());
        assertEquals(6, goal1.post());
        assertEquals(ReliableChangeDirection.IMPROVED, goal1.reliableChange(), "4 points, threshold 3");
        ChangeResult.Assessed goal2 = assertInstanceOf(ChangeResult.Assessed.class, model.assess(pre, post, "goal_2"));
        assertEquals(ReliableChangeDirection.NONE, goal2.reliableChange(), "1 point");
        assertEquals("goal goal_3 of GBO must be rated at both times: pre has no rating",
                refused(model.assess(pre, post, "goal_3"), Reason.NO_SCORE).message());
        NotAssessable unknown = refused(model.assess(pre, post, "Jane Doe 943 476 5919"), Reason.UNKNOWN_SUBSCALE);
        assertFalse(unknown.message().contains("Jane") || unknown.message().contains("943"), unknown.message());
    }

    @Test
    void assess_subscaleOfAnInstrumentWithTotalParameters_isRefused() {
        Instrument pbq = Catalogue.builtIn().get("PBQ");
        ChangeModel model = ChangeModel.fromSample(pbq, ChangeOptions.defaults().with(RciMethod.JACOBSON_TRUAX)
                .withReliability(0.8), SampleStatistics.of(new double[] {30, 40, 50}, new double[] {20, 35, 30}));
        assertTrue(model.unusable().isEmpty(), model.unusable().toString());
        Scored pre = scored(pbq, "3");
        Scored post = scored(pbq, "1");
        assertInstanceOf(ChangeResult.Assessed.class, model.assess(pre, post), "the total is assessable");
        refused(model.assess(pre, post, "f1_impaired_bonding"), Reason.NO_SUBSCALE_PARAMETERS);
    }

    @Test
    void hads_hasNoRawTotal_casenessPerSubscale_andNoChangeOfATotal() {
        String[] codes = new String[14];
        Arrays.fill(codes, "0");
        for (int i = 0; i < 14; i += 2) {
            codes[i] = "2"; // anxiety items: 14, a case
        }
        Scored s = scored(HADS, codes);
        assertEquals(OptionalInt.empty(), s.rawTotal());
        assertEquals(Caseness.PER_SUBSCALE, s.caseness());
        assertEquals("", Vocabulary.caseness(s.caseness()), "the CSV caseness column stays empty; subscale columns carry it");
        assertEquals(Caseness.CASE, s.subscales().get("anxiety").caseness());
        assertEquals(Caseness.NOT_CASE, s.subscales().get("depression").caseness());
        ChangeModel model = ChangeModel.published(HADS, ChangeOptions.defaults());
        refused(model.assess(s, s), Reason.NO_TOTAL);
        refused(model.assess(s, s, "anxiety"), Reason.NO_TOTAL);
    }

    @Test
    void gbo_casenessIsNotDefined_noGoalHasACutoff() {
        assertEquals(Caseness.NOT_DEFINED, scored(GBO, "4").caseness());
    }
}
