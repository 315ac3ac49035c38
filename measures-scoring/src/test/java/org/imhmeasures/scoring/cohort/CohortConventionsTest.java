/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.scoring.change.ChangeModel;
import org.imhmeasures.scoring.change.ChangeOptions;
import org.imhmeasures.scoring.dataset.ChangeCsv;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 §2: Wilcoxon zeros, NHS denominators, suppression, natural and crossed groups, duplicates.
 *
 * <p>Wilcoxon expectations: SciPy 1.17.1, {@code scipy.stats.wilcoxon(d, zero_method=Z, correction=True,
 * method="approx")} for d = [0, 0, -3, -1, 2, -5, -4, -2, -6, 1, -3, 0] (ties, so Commons Statistics uses
 * the normal approximation with continuity correction, as R's {@code wilcox.test} does): zero_method
 * "wilcox" gives statistic 5.0, p = 0.043455304047793686; "pratt" gives statistic 11.0. Tolerance 1e-12 on
 * the drop p-value (same formula); Pratt's p from Commons differs from SciPy's (0.0517) in how the
 * variance treats the zero ranks, so only its statistic is compared.
 */
class CohortConventionsTest {

    private static final double[] CHANGE = {0, 0, -3, -1, 2, -5, -4, -2, -6, 1, -3, 0};

    private static double[][] pairs() {
        double[] pre = new double[CHANGE.length];
        double[] post = new double[CHANGE.length];
        for (int i = 0; i < CHANGE.length; i++) {
            pre[i] = 15;
            post[i] = 15 + CHANGE[i];
        }
        return new double[][] {pre, post};
    }

    @Test
    void wilcoxon_dropsZerosByDefault_likeRAndSciPy() {
        double[][] p = pairs();
        TestResult drop = CohortStatistics.summarise(12, p[0], p[1]).wilcoxon().orElseThrow();
        assertEquals(5.0, Math.min(drop.statistic(), 9 * 10 / 2.0 - drop.statistic()), 1e-12);
        assertEquals(0.043455304047793686, drop.pValue(), 1e-12);
        TestResult pratt = CohortStatistics.summarise(12, p[0], p[1], WilcoxonZeros.PRATT).wilcoxon().orElseThrow();
        assertEquals(11.0, Math.min(pratt.statistic(), 12 * 13 / 2.0 - 6 - pratt.statistic()), 1e-12);
        assertTrue(pratt.pValue() != drop.pValue());
    }

    @Test
    void recovery_usesCasesAtBaseline_reliableImprovementAllPairs() {
        ChangeModel model = ChangeModel.published(Catalogue.builtIn().get("PHQ-9"), ChangeOptions.defaults());
        CohortAccumulator cohort = CohortAccumulator.of(model, List.of());
        cohort.add(Map.of(), OptionalDouble.of(18), OptionalDouble.of(8)); // case, recovered, reliable: reliable recovery
        cohort.add(Map.of(), OptionalDouble.of(11), OptionalDouble.of(9)); // case, recovered, not reliable
        cohort.add(Map.of(), OptionalDouble.of(16), OptionalDouble.of(10)); // case, reliable improvement, still case
        cohort.add(Map.of(), OptionalDouble.of(8), OptionalDouble.of(1)); // not a case at baseline, reliable improvement
        CategoryCounts c = cohort.report().overall().counts();
        assertEquals(2, c.crossedIntoFunctional().count());
        assertEquals(3, c.crossedIntoFunctional().total(), "recovery denominator: cases at baseline");
        assertEquals(1, c.reliableRecovery().count());
        assertEquals(3, c.reliableRecovery().total());
        assertEquals(3, c.reliableChange().get(org.imhmeasures.scoring.change.ReliableChangeDirection.IMPROVED).count());
        assertEquals(4, c.reliableChange().get(org.imhmeasures.scoring.change.ReliableChangeDirection.IMPROVED).total(),
                "reliable improvement denominator: all pairs");
        String json = CohortReports.toJson(cohort.report());
        assertTrue(json.contains("\"reliableRecovery\" : {\n      \"count\" : 1,\n      \"of\" : 3,\n"
                + "      \"denominator\" : \"cases at baseline\""), json);
        assertTrue(json.contains("\"denominator\" : \"pairs assessed\""), json);
        assertTrue(CohortReports.toText(cohort.report()).contains("of the cases at baseline"));
    }

    @Test
    void suppression_hidesSmallCountsAndTheirShares() {
        ChangeModel model = ChangeModel.published(Catalogue.builtIn().get("PHQ-9"), ChangeOptions.defaults());
        CohortAccumulator cohort = CohortAccumulator.of(model, List.of("team"));
        for (int i = 0; i < 10; i++) {
            cohort.add(Map.of("team", "North"), OptionalDouble.of(18), OptionalDouble.of(i < 3 ? 19 : 8));
        }
        cohort.add(Map.of("team", "South"), OptionalDouble.of(17), OptionalDouble.of(3));
        CohortReport report = cohort.report();
        String json = CohortReports.toJson(report, Suppression.below(5));
        assertTrue(json.contains("\"suppressedBelow\" : 5"), json);
        // North: 7 improved of 10 shown; 3 no change hidden with its share
        assertTrue(json.contains("\"count\" : 7,\n        \"of\" : 10,"), json);
        assertTrue(json.contains("\"count\" : \"<5\""), json);
        // South has one family: its statistics are left out
        assertTrue(json.contains("\"group\" : \"South\",\n      \"nRead\" : \"<5\",\n      \"nPaired\" : \"<5\",\n"
                + "      \"suppressed\" : true"), json);
        assertFalse(json.contains("\"meanPre\" : 17.0"), json);
        String text = CohortReports.toText(report, Suppression.below(5));
        assertTrue(text.contains("Counts below 5 are shown as <5."), text);
        assertEquals(CohortReports.toJson(report), CohortReports.toJson(report, Suppression.none()));
    }

    @Test
    void groups_naturalOrder_ageBandsThenTeamsAlphabetically() {
        List<String> labels = new ArrayList<>(List.of("36 months and over", "unknown", "12-24 months", "antenatal",
                "West", "0-12 months", "east", "North", "24-36 months"));
        labels.sort(CohortAccumulator.naturalOrder());
        assertEquals(List.of("antenatal", "0-12 months", "12-24 months", "24-36 months", "36 months and over", "east",
                "North", "West", "unknown"), labels);
    }

    @Test
    void groups_crossed_oneGroupPerCombination() throws Exception {
        String csv = "record_id,pre,post,team,age_band\n"
                + "a,18,8,South,12-24 months\nb,18,8,North,0-12 months\nc,18,20,North,12-24 months\n"
                + "d,18,8,North,0-12 months\ne,18,8,North,antenatal\n";
        ChangeCsv job = ChangeCsv.of(Catalogue.builtIn().get("PHQ-9"), ChangeOptions.defaults(),
                List.of("team", "team*age_band"));
        CohortReport report = job.run(() -> new StringReader(csv), new StringWriter()).cohort();
        assertEquals(List.of("North", "South"), report.byDimension().get("team").stream().map(CohortOutcome::group)
                .toList());
        List<CohortOutcome> crossed = report.byDimension().get("team*age_band");
        assertEquals(List.of("North / antenatal", "North / 0-12 months", "North / 12-24 months",
                "South / 12-24 months"), crossed.stream().map(CohortOutcome::group).toList());
        assertEquals(2, crossed.get(1).summary().nPaired());
    }

    @Test
    void duplicateRecordIds_countedOnce() throws Exception {
        String csv = "record_id,pre,post\na,18,8\na,18,8\nb,18,8\n";
        StringWriter rejects = new StringWriter();
        ChangeCsv.Run run = ChangeCsv.of(Catalogue.builtIn().get("PHQ-9"), ChangeOptions.defaults(), List.of())
                .run(() -> new StringReader(csv), new StringWriter(), rejects);
        assertEquals(2, run.cohort().overall().summary().nPaired());
        assertEquals(1, run.summary().rowsRejected());
        assertTrue(rejects.toString().contains("3,a,duplicate_record_id,record_id must occur once: repeated"),
                rejects.toString());
    }
}
