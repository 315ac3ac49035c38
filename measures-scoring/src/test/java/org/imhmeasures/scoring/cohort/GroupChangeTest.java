/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Direction;
import org.imhmeasures.scoring.change.ChangeModel;
import org.imhmeasures.scoring.change.ChangeOptions;
import org.imhmeasures.scoring.change.RciMethod;
import org.imhmeasures.scoring.cohort.GroupChange.MidVerdict;
import org.junit.jupiter.api.Test;

/**
 * Reference values: SciPy 1.17.1 ({@code scipy.stats.ttest_rel(post, pre).confidence_interval(0.95)} and
 * {@code ttest_ind(comparison, reference, equal_var=False)}, the R {@code t.test} conventions the
 * clinicalsignificance package uses), and by hand: changes −3, −2, −5, −4 → mean −3.5, SD √(5/3) =
 * 1.290994, d_z = −2.711088; Welch: reference 10, 12, 14, 16 (M 13, s² 20/3), comparison 5, 6, 9, 8, 7 (M 7,
 * s² 2.5), SE² = 20/12 + 2.5/5 = 2.166667, ν = SE⁴ / ((0.5)²/4 + (5/3)²/3) = 4.749415, pooled SD
 * √((4·2.5 + 3·20/3)/7) = 2.070197, d = −2.898275. Tolerance 1e-6.
 */
class GroupChangeTest {

    private static final double[] PRE = {10, 12, 14, 16};
    private static final double[] POST = {7, 10, 9, 12};

    @Test
    void within_pairedTInterval_andDz() {
        GroupChange.Within w = GroupChange.within(PRE, POST, Direction.HIGHER_IS_WORSE, OptionalDouble.of(2), 0.95)
                .orElseThrow();
        assertEquals(4, w.n());
        assertEquals(-3.5, w.meanChange(), 1e-12);
        assertEquals(-5.554260256760521, w.ci().lower(), 1e-6);
        assertEquals(-1.4457397432394794, w.ci().upper(), 1e-6);
        assertEquals(-2.711088342345192, w.cohensDz().getAsDouble(), 1e-6);
        assertEquals(MidVerdict.PROBABLY_CLINICALLY_SIGNIFICANT, w.verdict().orElseThrow());
    }

    @Test
    void within_verdictsAgainstTheMid() {
        assertEquals(MidVerdict.LARGE_CLINICALLY_SIGNIFICANT, verdict(Direction.HIGHER_IS_WORSE, 1));
        assertEquals(MidVerdict.NOT_SIGNIFICANTLY_BEYOND_THRESHOLD, verdict(Direction.HIGHER_IS_WORSE, 4));
        assertEquals(MidVerdict.SIGNIFICANT_NOT_CLINICALLY_RELEVANT, verdict(Direction.HIGHER_IS_WORSE, 6));
        assertEquals(MidVerdict.SIGNIFICANT_WORSENING, verdict(Direction.HIGHER_IS_BETTER, 2));
        GroupChange.Within noChange = GroupChange.within(new double[] {1, 2, 3}, new double[] {2, 1, 3},
                Direction.HIGHER_IS_WORSE, OptionalDouble.of(1), 0.95).orElseThrow();
        assertEquals(MidVerdict.NOT_STATISTICALLY_SIGNIFICANT, noChange.verdict().orElseThrow());
        assertTrue(GroupChange.within(PRE, POST, Direction.HIGHER_IS_WORSE, OptionalDouble.empty(), 0.95)
                .orElseThrow().verdict().isEmpty());
    }

    private static MidVerdict verdict(Direction direction, double mid) {
        return GroupChange.within(PRE, POST, direction, OptionalDouble.of(mid), 0.95).orElseThrow().verdict()
                .orElseThrow();
    }

    @Test
    void between_welchIntervalPValueAndCohensD() {
        GroupChange.Between b = GroupChange.between(new double[] {10, 12, 14, 16}, new double[] {5, 6, 9, 8, 7},
                Direction.HIGHER_IS_WORSE, OptionalDouble.of(3), 0.95).orElseThrow();
        assertEquals(-6, b.difference(), 1e-12);
        assertEquals(4.749414519906323, b.degreesOfFreedom(), 1e-6);
        assertEquals(-9.84463638394009, b.ci().lower(), 1e-6);
        assertEquals(-2.15536361605991, b.ci().upper(), 1e-6);
        assertEquals(0.010655165436056739, b.pValue(), 1e-6);
        assertEquals(-2.898275349237888, b.cohensD().getAsDouble(), 1e-6);
        assertEquals(MidVerdict.NOT_SIGNIFICANTLY_BEYOND_THRESHOLD.compareTo(b.verdict().orElseThrow()) <= 0, true);
        assertEquals(MidVerdict.PROBABLY_CLINICALLY_SIGNIFICANT, b.verdict().orElseThrow(), "6 ≥ 3, CI from 2.16");
    }

    @Test
    void accumulator_groupLevel_withinEachGroupAndVersusTheFirst() {
        ChangeModel model = ChangeModel.published(Catalogue.builtIn().get("PHQ-9"), ChangeOptions.defaults()
                .with(RciMethod.ANCHOR_BASED).withMinimalImportantDifference(2, 2));
        CohortAccumulator cohort = CohortAccumulator.of(model, List.of("team"));
        double[] otherPost = {5, 6, 9, 8, 7};
        for (int i = 0; i < PRE.length; i++) {
            cohort.add(Map.of("team", "A"), OptionalDouble.of(PRE[i]), OptionalDouble.of(POST[i]));
        }
        for (double post : otherPost) {
            cohort.add(Map.of("team", "B"), OptionalDouble.of(12), OptionalDouble.of(post));
        }
        GroupLevelReport report = cohort.groupLevel(0.95);
        assertEquals(OptionalDouble.of(2), report.mid());
        GroupLevelReport.Group a = report.byDimension().get("team").get(0);
        assertEquals("A", a.group());
        assertEquals(-3.5, a.within().orElseThrow().meanChange(), 1e-12);
        assertEquals(MidVerdict.PROBABLY_CLINICALLY_SIGNIFICANT, a.within().orElseThrow().verdict().orElseThrow());
        assertTrue(a.versusReference().isEmpty() && a.reference().isEmpty(), "A is the reference");
        GroupLevelReport.Group b = report.byDimension().get("team").get(1);
        // post B (5, 6, 9, 8, 7) minus post A (7, 10, 9, 12): 7 − 9.5 = −2.5
        assertEquals(-2.5, b.versusReference().orElseThrow().difference(), 1e-12);
        assertEquals("A", b.reference().orElseThrow());
        assertEquals(9, report.overall().orElseThrow().n());
        assertTrue(report.hagemanArrindell().isEmpty());
    }

    @Test
    void degenerate_isEmptyNeverNaN() {
        assertTrue(GroupChange.within(new double[] {1}, new double[] {2}, Direction.HIGHER_IS_WORSE,
                OptionalDouble.empty(), 0.95).isEmpty());
        assertTrue(GroupChange.between(new double[] {1, 1}, new double[] {2, 2}, Direction.HIGHER_IS_WORSE,
                OptionalDouble.empty(), 0.95).isEmpty(), "no variance");
        assertTrue(GroupChange.within(new double[] {1, 2}, new double[] {3, 4}, Direction.HIGHER_IS_WORSE,
                OptionalDouble.empty(), 0.95).orElseThrow().cohensDz().isEmpty(), "constant change");
        assertTrue(GroupChange.within(new double[] {1, Double.NaN}, new double[] {3, 4}, Direction.HIGHER_IS_WORSE,
                OptionalDouble.empty(), 0.95).isEmpty());
    }
}
