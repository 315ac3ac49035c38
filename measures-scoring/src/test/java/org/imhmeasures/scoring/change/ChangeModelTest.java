/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.core.instrument.InstrumentDefinitions;
import org.junit.jupiter.api.Test;

/**
 * Reference values: the published outputs of the R package clinicalsignificance 3.0.0
 * (github.com/benediktclaus/clinicalsignificance: test snapshots {@code tests/testthat/_snaps/cs_distribution.md}
 * and {@code cs_combined.md}, and its README), on its {@code claus_2020} dataset (Claus, Scherbaum &amp; Bonnet
 * 2020, raw data https://osf.io/rc754/), re-derived by an independent re-implementation of its formulas
 * (claus_2020 HAMD: SD_pre 3.3401, r 0.8 → S_diff 2.1125, 1.96·S_diff 4.14; cut-off c 19.89; BDI README
 * cut-off c 21.02); Jacobson &amp; Truax (1991) formulas; NHS thresholds from the definition files.
 * Tolerance: 1e-3 on published two- or four-decimal values, exact on decisions.
 */
class ChangeModelTest {

    static Instrument fixture(String name) {
        try (InputStream in = ChangeModelTest.class.getResourceAsStream(name)) {
            return InstrumentDefinitions.read(in, name);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final Instrument HAMD = fixture("hamd-test.json");
    private static final Instrument BDI = fixture("bdi-test.json");
    private static final Instrument PHQ9 = Catalogue.builtIn().get("PHQ-9");

    /** claus_2020 HAMD sample: M_pre 24.85, SD_pre 3.3401, M_post 14.975, SD_post 7.7111 (HAMD visits 1 and 4, 40 complete pairs). */
    private static final SampleStatistics CLAUS = new SampleStatistics(40, 24.85, 3.3401, 14.975, 7.7111, 0.1628);

    private static ChangeModel claus(RciMethod method) {
        return ChangeModel.fromSample(HAMD, ChangeOptions.defaults().with(method).withReliability(0.8), CLAUS);
    }

    private static ChangeResult.Assessed assessed(ChangeResult result) {
        return assertInstanceOf(ChangeResult.Assessed.class, result, result.toString());
    }

    @Test
    void jacobsonTruax_clausSample_reliableThresholdIs4point14() {
        ChangeModel model = claus(RciMethod.JACOBSON_TRUAX);
        double sDiff = 3.3401 * Math.sqrt(2) * Math.sqrt(1 - 0.8);
        assertEquals(2.1125, sDiff, 1e-4);
        // a fall of 4.14 gives RCI -1.9598, just inside measurement error; 4.15 gives -1.9645
        ChangeResult.Assessed inside = assessed(model.assess(25, 20.86));
        assertEquals(-1.9598, inside.rci().getAsDouble(), 1e-3);
        assertEquals(ReliableChangeDirection.NONE, inside.reliableChange());
        ChangeResult.Assessed beyond = assessed(model.assess(25, 20.85));
        assertEquals(ReliableChangeDirection.IMPROVED, beyond.reliableChange());
        assertEquals(ReliableChangeDirection.DETERIORATED, assessed(model.assess(10, 14.2)).reliableChange());
        assertEquals(1.959964, model.parameters().criticalValue().getAsDouble(), 1e-6);
    }

    @Test
    void cutoffC_clausSampleWithFunctionalNorm_is19point89() {
        FunctionalCutoff cutoff = claus(RciMethod.JACOBSON_TRUAX).parameters().cutoff().orElseThrow();
        assertEquals(SignificanceCriterion.JT_C, cutoff.criterion());
        assertEquals(19.89, cutoff.value(), 1e-2);
    }

    @Test
    void categories_jacobsonTruax_recoveredImprovedUnchangedDeterioratedHarmed() {
        ChangeModel model = claus(RciMethod.JACOBSON_TRUAX); // c = 19.89, reliable at |change| > 4.14
        assertEquals(Category.RECOVERED, assessed(model.assess(26, 12)).category());
        assertEquals(CutoffCrossing.INTO_FUNCTIONAL, assessed(model.assess(26, 12)).crossedCutoff());
        assertEquals(ClinicalSignificance.SIGNIFICANT, assessed(model.assess(26, 12)).clinicallySignificant(),
                "reliably improved and crossed: clinically significant (Jacobson & Truax)");
        assertEquals(Category.IMPROVED, assessed(model.assess(30, 21)).category());
        assertEquals(Category.UNCHANGED, assessed(model.assess(22, 19)).category());
        assertEquals(CutoffCrossing.INTO_FUNCTIONAL, assessed(model.assess(22, 19)).crossedCutoff(),
                "crossing without reliable change still crosses the cut-off");
        assertEquals(ClinicalSignificance.NOT_SIGNIFICANT, assessed(model.assess(22, 19)).clinicallySignificant(),
                "crossing without reliable change is not clinically significant change");
        assertEquals(ClinicalSignificance.NOT_SIGNIFICANT, assessed(model.assess(30, 21)).clinicallySignificant(),
                "reliable improvement without crossing is not clinically significant change");
        assertEquals(Category.DETERIORATED, assessed(model.assess(22, 30)).category());
        assertEquals(Category.HARMED, assessed(model.assess(12, 24)).category());
    }

    @Test
    void cutoffs_bdiPublishedNorms_matchJacobsonTruaxCriteria() {
        ChangeOptions jt = ChangeOptions.defaults().with(RciMethod.JACOBSON_TRUAX);
        assertEquals(21.02, ChangeModel.published(BDI, jt).parameters().cutoff().orElseThrow().value(), 1e-2);
        // a = M_dys - 2 SD_dys (lower is better); b = M_func + 2 SD_func (functional SD, J&T 1991)
        assertEquals(35.48 - 2 * 8.16, ChangeModel.published(BDI, jt.with(SignificanceCriterion.JT_A)).parameters()
                .cutoff().orElseThrow().value(), 1e-9);
        assertEquals(7.69 + 2 * 7.52, ChangeModel.published(BDI, jt.with(SignificanceCriterion.JT_B)).parameters()
                .cutoff().orElseThrow().value(), 1e-9);
        FunctionalCutoff caseness = ChangeModel.published(BDI, jt.with(SignificanceCriterion.CASENESS)).parameters()
                .cutoff().orElseThrow();
        assertTrue(caseness.isFunctional(19) && !caseness.isFunctional(20));
    }

    @Test
    void published_bdi_usesClinicalNormSdAndPublishedReliability() {
        ChangeModel model = ChangeModel.published(BDI, ChangeOptions.defaults().with(RciMethod.JACOBSON_TRUAX));
        assertEquals(8.16, model.parameters().sd().getAsDouble(), 1e-12);
        assertEquals(0.801, model.parameters().reliability().getAsDouble(), 1e-12);
        assertEquals(ParameterSource.PUBLISHED, model.parameters().source());
        double sDiff = 8.16 * Math.sqrt(2 * (1 - 0.801));
        assertEquals(-10 / sDiff, assessed(model.assess(40, 30)).rci().getAsDouble(), 1e-9);
    }

    @Test
    void otherMethods_matchTheirFormulas() {
        double r = 0.8;
        double sd = 3.3401;
        double m = 24.85;
        double pre = 27;
        double post = 18;
        double truePre = r * (pre - m) + m;
        double sem = sd * Math.sqrt(1 - r);
        assertEquals(((post - m) - r * (pre - m)) / (sd * Math.sqrt(1 - r * r)),
                assessed(claus(RciMethod.GULLIKSEN_LORD_NOVICK).assess(pre, post)).rci().getAsDouble(), 1e-12);
        assertEquals(((post - 14.975) - r * (pre - m)) / (sd * Math.sqrt(1 - r * r)),
                assessed(claus(RciMethod.HSU_LINN_LORD).assess(pre, post)).rci().getAsDouble(), 1e-12);
        assertEquals((post - truePre) / sem,
                assessed(claus(RciMethod.EDWARDS_NUNNALLY).assess(pre, post)).rci().getAsDouble(), 1e-12);
        ChangeModel nk = ChangeModel.fromSample(HAMD, ChangeOptions.defaults().with(RciMethod.NUNNALLY_KOTSCH)
                .withReliability(r).withReliabilityPost(0.5), CLAUS);
        assertEquals((post - truePre) / Math.sqrt(r * r * sd * sd * (1 - r) + sd * sd * (1 - 0.5)),
                assessed(nk.assess(pre, post)).rci().getAsDouble(), 1e-12);
    }

    @Test
    void hagemanArrindell_reliabilityOfDifference_andOneSidedCriticalValue() {
        // r_DD for the claus sample with rho chosen as 0.1628 reproduces the published 0.9283 (cs_combined.md)
        assertEquals(0.9283, RciMethod.reliabilityOfDifference(3.3401, 7.7111, 0.8, 0.1628), 5e-4);
        ChangeModel ha = claus(RciMethod.HAGEMAN_ARRINDELL);
        assertEquals(1.644854, ha.parameters().criticalValue().getAsDouble(), 1e-6);
        double rDd = RciMethod.reliabilityOfDifference(3.3401, 7.7111, 0.8, 0.1628);
        double sem = 3.3401 * Math.sqrt(0.2);
        double expected = ((18 - 27) * rDd + (14.975 - 24.85) * (1 - rDd)) / (Math.sqrt(rDd) * Math.sqrt(2 * sem * sem));
        assertEquals(expected, assessed(ha.assess(27, 18)).rci().getAsDouble(), 1e-12);
    }

    @Test
    void fixedThreshold_phq9_inclusiveSixPointsAndNhsCategories() {
        ChangeModel nhs = ChangeModel.published(PHQ9, ChangeOptions.defaults());
        assertEquals(6, nhs.parameters().threshold().getAsDouble());
        assertEquals(Category.RELIABLE_RECOVERY, assessed(nhs.assess(16, 9)).category());
        assertEquals(Category.RELIABLE_IMPROVEMENT, assessed(nhs.assess(20, 14)).category(), "6 points, still a case");
        assertEquals(Category.NO_RELIABLE_CHANGE, assessed(nhs.assess(20, 15)).category(), "5 points");
        assertEquals(Category.RECOVERY_WITHOUT_RELIABLE_IMPROVEMENT, assessed(nhs.assess(12, 9)).category());
        assertEquals(Category.RELIABLE_DETERIORATION, assessed(nhs.assess(3, 9)).category());
        assertEquals(CutoffCrossing.NOT_INTO_FUNCTIONAL, assessed(nhs.assess(3, 2)).crossedCutoff());
        assertEquals(ClinicalSignificance.NOT_SIGNIFICANT, assessed(nhs.assess(3, 2)).clinicallySignificant());
        assertEquals(false, assessed(nhs.assess(3, 2)).dysfunctionalAtStart().orElseThrow());
    }

    @Test
    void fixedThreshold_higherIsBetter_swemwbsImprovesUpwards() {
        ChangeModel nhs = ChangeModel.published(Catalogue.builtIn().get("SWEMWBS"), ChangeOptions.defaults());
        assertEquals(ReliableChangeDirection.IMPROVED, assessed(nhs.assess(17.43, 20.73)).reliableChange());
        assertEquals(ReliableChangeDirection.DETERIORATED, assessed(nhs.assess(20.73, 17.43)).reliableChange());
        assertEquals(CutoffCrossing.NOT_DEFINED, assessed(nhs.assess(20.73, 17.43)).crossedCutoff());
        assertEquals(ClinicalSignificance.NOT_DEFINED, assessed(nhs.assess(20.73, 17.43)).clinicallySignificant());
    }

    @Test
    void gbo_perGoalChange_usesGoalRange() {
        ChangeModel nhs = ChangeModel.published(Catalogue.builtIn().get("GBO"), ChangeOptions.defaults());
        assertEquals(ReliableChangeDirection.IMPROVED, assessed(nhs.assess(2, 5)).reliableChange());
        assertInstanceOf(ChangeResult.NotAssessable.class, nhs.assess(2, 11));
    }

    @Test
    void notAssessable_reasonsAreTypedNeverGuessed() {
        ChangeOptions jt = ChangeOptions.defaults().with(RciMethod.JACOBSON_TRUAX);
        assertEquals(ChangeResult.Reason.NO_PUBLISHED_PARAMETERS,
                ChangeModel.published(PHQ9, jt).unusable().orElseThrow().reason());
        assertEquals(ChangeResult.Reason.NO_PUBLISHED_PARAMETERS, ChangeModel.published(PHQ9, jt.withReliability(0.8))
                .unusable().orElseThrow().reason(), "no published SD for PHQ-9");
        assertEquals(ChangeResult.Reason.NO_PUBLISHED_PARAMETERS, ChangeModel.published(
                Catalogue.builtIn().get("KIPS"), ChangeOptions.defaults()).unusable().orElseThrow().reason());
        assertEquals(ChangeResult.Reason.NO_TOTAL, ChangeModel.published(Catalogue.builtIn().get("HADS"),
                ChangeOptions.defaults()).unusable().orElseThrow().reason());
        assertEquals(ChangeResult.Reason.NEEDS_SAMPLE_STATISTICS, ChangeModel.published(BDI,
                jt.with(RciMethod.HAGEMAN_ARRINDELL)).unusable().orElseThrow().reason());
        assertEquals(ChangeResult.Reason.NO_RELIABILITY, ChangeModel.fromSample(HAMD, jt, CLAUS).unusable()
                .orElseThrow().reason());
        assertEquals(ChangeResult.Reason.DEGENERATE_SAMPLE, ChangeModel.fromSample(HAMD, jt.withReliability(0.8),
                SampleStatistics.of(new double[] {10}, new double[] {5})).unusable().orElseThrow().reason());
        assertEquals(ChangeResult.Reason.DEGENERATE_SAMPLE, ChangeModel.fromSample(HAMD, jt.withReliability(0.8),
                SampleStatistics.of(new double[] {10, 10}, new double[] {5, 6})).unusable().orElseThrow().reason());
        ChangeResult outOfRange = ChangeModel.published(PHQ9, ChangeOptions.defaults()).assess(12, 28);
        // the rule and which score broke it, never the value (issue 8: a misplaced cell may be an NHS number)
        assertEquals("score of PHQ-9 must lie within 0..27: post is outside",
                ((ChangeResult.NotAssessable) outOfRange).message());
    }

    @Test
    void core10_publishedJacobsonTruax_needsCallerReliability_thenUsesNormsAndCriterionC() {
        Instrument core10 = Catalogue.builtIn().get("CORE-10");
        ChangeOptions jt = ChangeOptions.defaults().with(RciMethod.JACOBSON_TRUAX);
        assertTrue(ChangeModel.published(core10, jt).unusable().isPresent());
        ChangeModel model = ChangeModel.published(core10, jt.withReliability(0.9));
        assertTrue(model.unusable().isEmpty());
        assertEquals(7.7, model.parameters().sd().getAsDouble(), 1e-12);
        // c = (4.8 * 19.7 + 7.7 * 4.7) / (4.8 + 7.7) = 10.4600
        assertEquals(10.46, model.parameters().cutoff().orElseThrow().value(), 1e-4);
    }

    @Test
    void multiMeasureRule_improvementNeedsNoDeterioration() {
        ChangeModel phq = ChangeModel.published(PHQ9, ChangeOptions.defaults());
        ChangeModel gad = ChangeModel.published(Catalogue.builtIn().get("GAD-7"), ChangeOptions.defaults());
        assertEquals(MultiMeasureRule.Outcome.RELIABLY_IMPROVED, MultiMeasureRule.apply(List.of(phq.assess(18, 10),
                gad.assess(10, 9))));
        assertEquals(MultiMeasureRule.Outcome.RELIABLY_DETERIORATED, MultiMeasureRule.apply(List.of(
                phq.assess(18, 10), gad.assess(5, 9))));
        assertEquals(MultiMeasureRule.Outcome.NO_RELIABLE_CHANGE, MultiMeasureRule.apply(List.of(phq.assess(18, 15))));
        assertEquals(MultiMeasureRule.Outcome.NOT_ASSESSABLE, MultiMeasureRule.apply(List.of(phq.assess(18, 30))));
    }
}
