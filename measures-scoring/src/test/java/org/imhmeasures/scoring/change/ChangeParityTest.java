/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.scoring.change.ChangeResult.Reason;
import org.junit.jupiter.api.Test;

/**
 * Parity with clinicalsignificance 3.0.0 where it is right, and the documented divergences.
 *
 * <p>Golden values, worked by hand from the published formulas (Hageman &amp; Arrindell 1999, Behav Res Ther
 * 37:1169–1193, as clinicalsignificance 3.0.0 {@code R/calc_rci.R}, {@code R/calc_cutoff.R} and
 * {@code R/create_summary_table.R} implement them), on the claus_2020 HAMD sample of {@link ChangeModelTest}
 * (n 40, M_pre 24.85, SD_pre 3.3401, M_post 14.975, SD_post 7.7111, ρ 0.1628), r = 0.8, functional
 * reference M 8, SD 8, lower is better (d = −1):
 * <pre>
 * SEM      = 3.3401·√0.2                                   = 1.493738
 * r_dys    = (3.3401² − SEM²)/3.3401²                      = 0.8
 * r_func   = (8² − SEM²)/8²                                = 0.965137
 * r_post   = (7.7111² − SEM²)/7.7111²                      = 0.962475
 * r_DD     = (3.3401²·0.8 + 7.7111²·r_post − 2·3.3401·7.7111·0.1628)
 *            / (3.3401² + 7.7111² − 2·3.3401·7.7111·0.1628) = 0.928292
 * c_true   = (3.3401·√0.8·8 + 8·√r_func·24.85) / (3.3401·√0.8 + 8·√r_func) = 20.209088
 * a_true   = 24.85 − 2·3.3401·√0.8                         = 18.875047
 * CS(post) = (14.975 + (post − 14.975)·r_post − c_true) / (√r_post·SEM)
 * z        = Φ⁻¹(0.95)                                     = 1.644854
 * pair (27, 12):   RC −7.1893, CS −5.5256 → recovered
 * pair (27, 18):   RC −4.4527, CS −1.5849 → improved (post is below c_true, but not reliably: |CS| &lt; z)
 * pair (19, 28):   RC  3.7569, CS  4.9829 → harmed (functional start, d·CS &lt; −z)
 * pair (15, 22):   RC  2.8447, CS  1.0422 → deteriorated (R: harmed, see ChangeModel)
 * pair (19, 21):   RC  0.5643            → unchanged
 * group level: M_D −9.875, SD_D = √(3.3401² + 7.7111² − 2·0.1628·3.3401·7.7111) = 7.888627
 *   changed    = Φ(9.875 / (SD_D·√r_DD))            = 0.903070   (R prints 90.31%)
 *   functional = Φ((c_true − 14.975) / (7.7111·√r_post)) = 0.755493 (R prints 75.55%)
 * </pre>
 * The working was checked with an independent Python run (math and statistics.NormalDist). Tolerance 1e-5 on
 * the worked values, 5e-5 on R's two-decimal percentages, exact on decisions.
 */
class ChangeParityTest {

    private static final Instrument HAMD = ChangeModelTest.fixture("hamd-test.json");
    private static final Instrument PHQ9 = Catalogue.builtIn().get("PHQ-9");
    private static final Instrument SWEMWBS = Catalogue.builtIn().get("SWEMWBS");
    private static final SampleStatistics CLAUS = new SampleStatistics(40, 24.85, 3.3401, 14.975, 7.7111, 0.1628);
    private static final ChangeOptions HA = ChangeOptions.defaults().with(RciMethod.HAGEMAN_ARRINDELL)
            .withReliability(0.8);

    private static ChangeResult.Assessed assessed(ChangeResult result) {
        return assertInstanceOf(ChangeResult.Assessed.class, result, result.toString());
    }

    @Test
    void hagemanArrindell_trueScoreCutoffC_andQuantities() {
        ChangeModel model = ChangeModel.fromSample(HAMD, HA, CLAUS);
        FunctionalCutoff cutoff = model.parameters().cutoff().orElseThrow();
        assertEquals(SignificanceCriterion.JT_C, cutoff.criterion(), "AUTO with a functional norm: c_true");
        assertEquals(20.209088, cutoff.value(), 1e-5);
        ChangeParameters.TrueScore t = model.parameters().trueScore().orElseThrow();
        assertEquals(1.493738, t.sem(), 1e-5);
        assertEquals(0.962475, t.reliabilityPost(), 1e-5);
        assertEquals(0.928292, t.reliabilityOfDifference(), 1e-5);
        assertTrue(model.parameters().sources().stream().anyMatch(s -> s.contains("Hageman-Arrindell true-score")));
    }

    @Test
    void hagemanArrindell_trueScoreCutoffA() {
        ChangeModel model = ChangeModel.fromSample(HAMD, HA.with(SignificanceCriterion.JT_A), CLAUS);
        assertEquals(18.875047, model.parameters().cutoff().orElseThrow().value(), 1e-5);
    }

    @Test
    void hagemanArrindell_categoriesFromRcIndivAndCsIndiv() {
        ChangeModel model = ChangeModel.fromSample(HAMD, HA, CLAUS);
        ChangeResult.Assessed recovered = assessed(model.assess(27, 12));
        assertEquals(-7.1893015, recovered.rci().getAsDouble(), 1e-5);
        assertEquals(-5.5255960, recovered.clinicalSignificanceIndex().getAsDouble(), 1e-5);
        assertEquals(Category.RECOVERED, recovered.category());
        assertEquals(ClinicalSignificance.SIGNIFICANT, recovered.clinicallySignificant());
        ChangeResult.Assessed improved = assessed(model.assess(27, 18));
        assertEquals(-1.5849121, improved.clinicalSignificanceIndex().getAsDouble(), 1e-5);
        assertEquals(Category.IMPROVED, improved.category(), "below c_true but not reliably: the plain cut-off "
                + "would call this recovered");
        assertEquals(CutoffCrossing.NOT_INTO_FUNCTIONAL, improved.crossedCutoff());
        ChangeResult.Assessed harmed = assessed(model.assess(19, 28));
        assertEquals(4.9828943, harmed.clinicalSignificanceIndex().getAsDouble(), 1e-5);
        assertEquals(Category.HARMED, harmed.category());
        assertEquals(false, harmed.dysfunctionalAtStart().orElseThrow());
        ChangeResult.Assessed deteriorated = assessed(model.assess(15, 22));
        assertEquals(2.8447287, deteriorated.rci().getAsDouble(), 1e-5);
        assertEquals(Category.DETERIORATED, deteriorated.category(), "not reliably dysfunctional at the end");
        assertEquals(Category.UNCHANGED, assessed(model.assess(19, 21)).category());
    }

    @Test
    void hagemanArrindell_groupLevel_matchesPrintedRValues() {
        // clinicalsignificance 3.0.0 tests/testthat/_snaps/cs_combined.md, cs_combined(claus_2020, ..., pre = 1,
        // post = 4, reliability = 0.8, m_functional = 8, sd_functional = 8, cutoff_type = "c", rci_method = "HA")
        // prints "Changed 90.31%, Functional 75.55%"
        GroupSignificance group = ChangeModel.fromSample(HAMD, HA, CLAUS).groupSignificance().orElseThrow();
        assertEquals(0.9031, group.changed(), 5e-5);
        assertEquals(0.7555, group.functional(), 5e-5);
        assertEquals(0.903070, group.changed(), 1e-5);
        assertEquals(0.755493, group.functional(), 1e-5);
        assertTrue(ChangeModel.fromSample(HAMD, ChangeOptions.defaults().with(RciMethod.JACOBSON_TRUAX)
                .withReliability(0.8), CLAUS).groupSignificance().isEmpty(), "only for HA");
    }

    @Test
    void hagemanArrindell_refusesCombinationsWithoutTrueScoreForm() {
        for (ChangeOptions refused : new ChangeOptions[] {HA.with(SignificanceCriterion.JT_B),
            HA.with(SignificanceCriterion.CASENESS), HA.withCutoff(20)}) {
            ChangeResult.NotAssessable why = ChangeModel.fromSample(HAMD, refused, CLAUS).unusable().orElseThrow();
            assertEquals(Reason.UNSUPPORTED_COMBINATION, why.reason(), refused.toString());
            assertTrue(why.message().startsWith("clinical significance with Hageman-Arrindell must use a "
                    + "true-score cut-off"), why.message());
        }
    }

    @Test
    void hagemanArrindell_withoutFunctionalNorm_autoIsATrue() {
        Instrument noNorms = ChangeModelTest.fixture("hamd-test.json");
        ChangeModel model = ChangeModel.fromSample(noNorms, HA.with(SignificanceCriterion.JT_A), CLAUS);
        assertEquals(SignificanceCriterion.JT_A, model.parameters().cutoff().orElseThrow().criterion());
    }

    @Test
    void criterionB_usesFunctionalSd_notRsClinicalSd() {
        // J&T 1991: b = M_func − d·2·SD_func = 8 + 2·8 = 24 (lower is better, d = −1);
        // clinicalsignificance 3.0.0 would give M_func − d·2·SD_dys = 8 + 2·3.3401 = 14.6802
        ChangeModel model = ChangeModel.fromSample(HAMD, ChangeOptions.defaults().with(RciMethod.JACOBSON_TRUAX)
                .withReliability(0.8).with(SignificanceCriterion.JT_B), CLAUS);
        double b = model.parameters().cutoff().orElseThrow().value();
        assertEquals(24, b, 1e-12);
        assertNotEquals(8 + 2 * 3.3401, b, 1e-3);
    }

    @Test
    void scoreOnTheCutoff_isDysfunctionalAtBothTimes() {
        ChangeModel model = ChangeModel.fromSample(HAMD, ChangeOptions.defaults().with(RciMethod.JACOBSON_TRUAX)
                .withReliability(0.8).withCutoff(20), CLAUS); // reliable at |change| > 4.14
        ChangeResult.Assessed fromCutoff = assessed(model.assess(20, 14));
        assertEquals(true, fromCutoff.dysfunctionalAtStart().orElseThrow(), "pre on the cut-off is dysfunctional");
        assertEquals(Category.RECOVERED, fromCutoff.category(), "R: pre = cut-off is not clinical, so improved");
        ChangeResult.Assessed toCutoff = assessed(model.assess(26, 20));
        assertEquals(CutoffCrossing.NOT_INTO_FUNCTIONAL, toCutoff.crossedCutoff(), "post on it is not functional");
        assertEquals(Category.IMPROVED, toCutoff.category());
        assertEquals(Category.HARMED, assessed(model.assess(14, 20)).category(), "functional to the cut-off");
        FunctionalCutoff jtC = ChangeModel.fromSample(HAMD, ChangeOptions.defaults().with(RciMethod.JACOBSON_TRUAX)
                .withReliability(0.8), CLAUS).parameters().cutoff().orElseThrow();
        assertTrue(!jtC.isFunctional(jtC.value()) && jtC.isFunctional(Math.nextDown(jtC.value())));
    }

    @Test
    void anchor_inclusiveSeparateMids_directionFromDefinition() {
        ChangeModel phq = ChangeModel.published(PHQ9, ChangeOptions.defaults().with(RciMethod.ANCHOR_BASED)
                .withMinimalImportantDifference(5, 3));
        assertEquals(ReliableChangeDirection.IMPROVED, assessed(phq.assess(15, 10)).reliableChange(), "5 down");
        assertEquals(ReliableChangeDirection.NONE, assessed(phq.assess(15, 11)).reliableChange());
        assertEquals(ReliableChangeDirection.DETERIORATED, assessed(phq.assess(10, 13)).reliableChange(), "3 up");
        assertEquals(ReliableChangeDirection.NONE, assessed(phq.assess(10, 12)).reliableChange());
        assertEquals(Category.RECOVERED, assessed(phq.assess(15, 9)).category(), "improved and no longer a case");
        assertTrue(assessed(phq.assess(15, 10)).rci().isEmpty());
        assertEquals(java.util.List.of("midImprovement", "midDeterioration"), phq.parameters().suppliedByCaller());
        ChangeModel swemwbs = ChangeModel.published(SWEMWBS, ChangeOptions.defaults().with(RciMethod.ANCHOR_BASED)
                .withMinimalImportantDifference(3, 3));
        assertEquals(ReliableChangeDirection.IMPROVED, assessed(swemwbs.assess(20, 23)).reliableChange());
        assertEquals(ReliableChangeDirection.DETERIORATED, assessed(swemwbs.assess(23, 20)).reliableChange());
        assertEquals(Category.IMPROVED, assessed(swemwbs.assess(20, 23)).category(), "no cut-off: improved");
    }

    @Test
    void anchor_withoutMid_isTypedNeverGuessed() {
        ChangeResult.NotAssessable why = ChangeModel.published(PHQ9, ChangeOptions.defaults()
                .with(RciMethod.ANCHOR_BASED)).unusable().orElseThrow();
        assertEquals(Reason.NO_MINIMAL_IMPORTANT_DIFFERENCE, why.reason());
        assertEquals("minimal important differences for improvement and deterioration of PHQ-9 must be supplied: "
                + "the definition publishes none", why.message());
    }

    @Test
    void percentage_relativeToBaseline_zeroBaselineRefused() {
        ChangeModel phq = ChangeModel.published(PHQ9, ChangeOptions.defaults().with(RciMethod.PERCENTAGE_CHANGE)
                .withPercentageChange(0.5, 0.25));
        ChangeResult.Assessed half = assessed(phq.assess(20, 10));
        assertEquals(-0.5, half.relativeChange().getAsDouble(), 1e-12);
        assertEquals(ReliableChangeDirection.IMPROVED, half.reliableChange(), "50% down, inclusive");
        assertEquals(ReliableChangeDirection.NONE, assessed(phq.assess(20, 11)).reliableChange());
        assertEquals(ReliableChangeDirection.DETERIORATED, assessed(phq.assess(8, 10)).reliableChange(), "25% up");
        assertEquals(ReliableChangeDirection.NONE, assessed(phq.assess(10, 10)).reliableChange());
        ChangeResult zero = phq.assess(0, 5);
        ChangeResult.NotAssessable refused = assertInstanceOf(ChangeResult.NotAssessable.class, zero);
        assertEquals(Reason.BASELINE_NOT_POSITIVE, refused.reason());
        assertTrue(refused.message().endsWith(": pre is not") && !refused.message().contains("5"), refused.message());
        assertEquals(Reason.NO_PERCENTAGE_THRESHOLDS, ChangeModel.published(PHQ9, ChangeOptions.defaults()
                .with(RciMethod.PERCENTAGE_CHANGE)).unusable().orElseThrow().reason());
        ChangeModel swemwbs = ChangeModel.published(SWEMWBS, ChangeOptions.defaults()
                .with(RciMethod.PERCENTAGE_CHANGE).withPercentageChange(0.2, 0.2));
        assertEquals(ReliableChangeDirection.IMPROVED, assessed(swemwbs.assess(20, 24)).reliableChange());
        assertEquals(ReliableChangeDirection.DETERIORATED, assessed(swemwbs.assess(20, 16)).reliableChange());
    }

    @Test
    void existingMethods_haveNoNewValues() {
        ChangeResult.Assessed nhs = assessed(ChangeModel.published(PHQ9, ChangeOptions.defaults()).assess(16, 9));
        assertTrue(nhs.clinicalSignificanceIndex().isEmpty() && nhs.relativeChange().isEmpty());
    }
}
