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
import java.util.Random;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.scoring.change.ChangeModel;
import org.imhmeasures.scoring.change.ChangeOptions;
import org.imhmeasures.scoring.change.ReliableChangeDirection;
import org.junit.jupiter.api.Test;

/**
 * Reference values computed independently with SciPy 1.17.1 ({@code scipy.stats.ttest_rel},
 * {@code scipy.stats.wilcoxon}, {@code scipy.stats.t.ppf}) on the data in each test; Wilson intervals
 * from the closed formula (3/10 → 10.78%–60.32%, Newcombe 1998 Table I). Tolerance 1e-6 unless stated.
 */
class CohortStatisticsTest {

    private static final double[] PRE = {20, 18, 25, 22, 19, 24, 21, 23, 17, 26};
    private static final double[] POST = {12, 15, 20, 24, 10, 14, 17, 16, 18, 11};

    @Test
    void summarise_tenPairs_matchesScipy() {
        PairedSummary s = CohortStatistics.summarise(12, PRE, POST);
        assertEquals(12, s.nRead());
        assertEquals(10, s.nPaired());
        assertEquals(10.0 / 12, s.completeness().getAsDouble(), 1e-12);
        assertEquals(21.5, s.meanPre().getAsDouble(), 1e-12);
        assertEquals(15.7, s.meanPost().getAsDouble(), 1e-12);
        assertEquals(-5.8, s.meanChange().getAsDouble(), 1e-12);
        assertEquals(5.138093031466052, s.sdChange().getAsDouble(), 1e-9);
        assertEquals(-9.475570333578988, s.meanChangeCi95().orElseThrow().lower(), 1e-6);
        assertEquals(-2.1244296664210123, s.meanChangeCi95().orElseThrow().upper(), 1e-6);
        assertEquals(-3.569653238400649, s.pairedT().orElseThrow().statistic(), 1e-9);
        assertEquals(9, s.pairedT().orElseThrow().degreesOfFreedom().getAsDouble());
        assertEquals(0.006027512111778829, s.pairedT().orElseThrow().pValue(), 1e-9);
        assertEquals(3.0, s.wilcoxon().orElseThrow().statistic(), 1e-12);
        assertEquals(0.009765625, s.wilcoxon().orElseThrow().pValue(), 1e-9);
        double dz = -5.8 / 5.138093031466052;
        assertEquals(dz, s.cohensDz().getAsDouble(), 1e-12);
        double se = Math.sqrt(1 / 10.0 + dz * dz / 20.0);
        assertEquals(dz - 1.959963984540054 * se, s.cohensDzCi95().orElseThrow().lower(), 1e-9);
        assertEquals((1 - 3.0 / 35) * dz, s.hedgesG().getAsDouble(), 1e-12);
    }

    @Test
    void summarise_degenerateCases_decidedOnce() {
        PairedSummary none = CohortStatistics.summarise(3, new double[0], new double[0]);
        assertTrue(none.meanChange().isEmpty() && none.pairedT().isEmpty());
        assertEquals(0.0, none.completeness().getAsDouble());
        assertTrue(CohortStatistics.summarise(0, new double[0], new double[0]).completeness().isEmpty());
        PairedSummary one = CohortStatistics.summarise(1, new double[] {10}, new double[] {4});
        assertEquals(-6, one.meanChange().getAsDouble());
        assertTrue(one.meanChangeCi95().isEmpty() && one.cohensDz().isEmpty() && one.wilcoxon().isEmpty());
        PairedSummary constant = CohortStatistics.summarise(3, new double[] {10, 12, 14}, new double[] {8, 10, 12});
        assertEquals(new Interval(-2, -2), constant.meanChangeCi95().orElseThrow());
        assertTrue(constant.pairedT().isEmpty() && constant.cohensDz().isEmpty());
        assertTrue(constant.wilcoxon().isPresent());
        PairedSummary zero = CohortStatistics.summarise(2, new double[] {10, 12}, new double[] {10, 12});
        assertTrue(zero.wilcoxon().isEmpty());
    }

    @Test
    void wilson_knownIntervals() {
        Proportion p = Proportion.of(3, 10);
        assertEquals(30.0, p.percent().orElseThrow(), 1e-12);
        assertEquals(10.78, p.wilson95().orElseThrow().lower(), 1e-2);
        assertEquals(60.32, p.wilson95().orElseThrow().upper(), 1e-2);
        Proportion zero = Proportion.of(0, 10);
        assertEquals(0.0, zero.wilson95().orElseThrow().lower(), 1e-12);
        assertEquals(27.75, zero.wilson95().orElseThrow().upper(), 1e-2);
        assertTrue(Proportion.of(0, 0).percent().isEmpty());
    }

    @Test
    void accumulator_groupsByDimension_andCountsUnpairedAsRead() {
        ChangeModel model = ChangeModel.published(Catalogue.builtIn().get("PHQ-9"), ChangeOptions.defaults());
        CohortAccumulator cohort = CohortAccumulator.of(model, List.of("team"));
        cohort.add(Map.of("team", "North"), OptionalDouble.of(18), OptionalDouble.of(8));
        cohort.add(Map.of("team", "North"), OptionalDouble.of(12), OptionalDouble.empty());
        cohort.add(Map.of("team", "South"), OptionalDouble.of(10), OptionalDouble.of(17));
        cohort.add(Map.of(), OptionalDouble.of(10), OptionalDouble.of(9));
        CohortReport report = cohort.report();
        assertEquals(4, report.overall().summary().nRead());
        assertEquals(3, report.overall().summary().nPaired());
        List<CohortOutcome> teams = report.byDimension().get("team");
        assertEquals(List.of("North", "South", "unknown"), teams.stream().map(CohortOutcome::group).toList());
        assertEquals(2, teams.get(0).summary().nRead());
        assertEquals(1, teams.get(0).counts().reliableChange().get(ReliableChangeDirection.IMPROVED).count());
        assertEquals(1, teams.get(1).counts().reliableChange().get(ReliableChangeDirection.DETERIORATED).count());
        // cases at start: 18, 10 and 10; into the functional range: 18 -> 8 and 10 -> 9
        assertEquals(2, report.overall().counts().crossedIntoFunctional().count());
        assertEquals(3, report.overall().counts().crossedIntoFunctional().total());
        String json = CohortReports.toJson(report);
        assertTrue(json.contains("\"method\" : \"nhs\""), json);
        assertTrue(CohortReports.toText(report).contains("team: North"));
    }

    /** Seeded: mean change and its CI are consistent on random cohorts. */
    @Test
    void summarise_randomCohorts_ciContainsMeanAndNarrowsWithN() {
        long seed = Long.getLong("imh.seed", System.nanoTime());
        Random random = new Random(seed);
        for (int run = 0; run < 200; run++) {
            int n = 2 + random.nextInt(200);
            double[] pre = new double[n];
            double[] post = new double[n];
            for (int i = 0; i < n; i++) {
                pre[i] = random.nextInt(28);
                post[i] = random.nextInt(28);
            }
            PairedSummary s = CohortStatistics.summarise(n, pre, post);
            if (s.meanChangeCi95().isPresent()) {
                Interval ci = s.meanChangeCi95().get();
                double mean = s.meanChange().getAsDouble();
                assertTrue(ci.lower() <= mean && mean <= ci.upper(), "seed " + seed + " run " + run);
            }
            s.pairedT().ifPresent(t -> assertTrue(t.pValue() >= 0 && t.pValue() <= 1, "seed " + seed));
        }
    }
}
