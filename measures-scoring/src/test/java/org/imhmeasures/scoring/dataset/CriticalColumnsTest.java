/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.scoring.MissingItemPolicy;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.ScoringOptions;
import org.junit.jupiter.api.Test;

/**
 * Hazard control "missed self-harm alert" in dataset output: {@code critical_unanswered} in the score
 * output, {@code critical_items} and {@code critical_unanswered} in the rejects, and the count in the summary.
 */
class CriticalColumnsTest {

    private static final String CORE10_HEADER = "record_id,core10_1,core10_2,core10_3,core10_4,core10_5,core10_6,"
            + "core10_7,core10_8,core10_9,core10_10";
    private static final String PHQ9_HEADER = "record_id,phq9_1,phq9_2,phq9_3,phq9_4,phq9_5,phq9_6,phq9_7,phq9_8,"
            + "phq9_9";

    private record Run(DatasetSummary summary, List<String> output, List<String> rejects) {
    }

    private static Run run(Scorer scorer, DatasetFormat format, String input) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter rej = new StringWriter();
        DatasetSummary summary = DatasetScoring.of(scorer).score(format, new StringReader(input), out,
                rej);
        return new Run(summary, out.toString().lines().toList(), rej.toString().lines().toList());
    }

    private static Scorer scorer(String instrument) {
        return Scorer.of(Catalogue.builtIn().get(instrument));
    }

    @Test
    void score_core10WithoutItem6_defaultRule_isProratedAndNamesItInCriticalUnanswered() throws IOException {
        Run r = run(scorer("CORE-10"), DatasetFormat.WIDE_CSV, CORE10_HEADER + "\n"
                + "a,1,3,3,1,1,,1,1,1,2\n"      // item 6 missing: prorated under CORE-10's own rule, flagged
                + "b,1,3,3,1,1,0,1,1,1,\n");    // item 10 missing: prorated, nothing critical unknown
        assertEquals("record_id,instrument,definition_version,raw_total,total,band,caseness,items_missing,prorated,"
                + "critical_items,critical_unanswered", r.output().get(0));
        assertEquals("a,CORE-10,1.0.1,10,11.11,mild,true,1,true,,core10_6", r.output().get(1));
        assertEquals("b,CORE-10,1.0.1,8,8.89,healthy/low level,false,1,true,,", r.output().get(2));
        assertEquals(new DatasetSummary(2, 2, 0, 0, 1), r.summary());
    }

    @Test
    void score_phq9WithoutItem9_prorate_namesItInCriticalUnanswered() throws IOException {
        Scorer prorating = Scorer.of(Catalogue.builtIn().get("PHQ-9"),
                ScoringOptions.defaults().with(MissingItemPolicy.PRORATE));
        Run r = run(prorating, DatasetFormat.WIDE_CSV, PHQ9_HEADER + "\nr1,2,2,1,1,1,1,1,1,\n");
        assertEquals("r1,PHQ-9,1.0.0,10,11.25,moderate,true,1,true,,phq9_9", r.output().get(1));
    }

    @Test
    void score_rejectedRows_carryCriticalItemsAndCriticalUnansweredColumns() throws IOException {
        Run r = run(scorer("PHQ-9"), DatasetFormat.WIDE_CSV, PHQ9_HEADER + "\n"
                + "alert,1,1,1,1,1,1,1,,2\n"     // line 2: rejected (item 8 missing) with an alert on item 9
                + "blank,1,1,1,1,1,1,1,1,\n"     // line 3: rejected, item 9 unanswered
                + "bad,1,1,1,1,1,1,1,1,7\n"      // line 4: rejected, item 9 not an allowed code: status unknown
                + "short,1,1\n");                // line 5: not read as an administration: nothing known
        assertEquals(List.of("line,record_id,reason,message,critical_items,critical_unanswered",
                "2,alert,too_many_missing,missing items must number at most 0: 1 (phq9_8); critical item at alert "
                        + "level: phq9_9,phq9_9,",
                "3,blank,too_many_missing,missing items must number at most 0: 1 (phq9_9),,phq9_9",
                "4,bad,code_not_allowed,answer to phq9_9 must be one of 0..3: 7,,phq9_9",
                "5,short,malformed_row,row must have 10 cells: 3,,"), r.rejects());
        assertEquals(new DatasetSummary(4, 0, 4, 1, 2), r.summary());
    }

    @Test
    void score_jsonLinesAndLong_criticalUnansweredComesBeforeTimepoint() throws IOException {
        Run j = run(scorer("PHQ-9"), DatasetFormat.JSON_LINES, "{\"record_id\":\"a\",\"timepoint\":\"baseline\","
                + "\"instrument\":\"PHQ-9\",\"answers\":{\"phq9_1\":\"1\"}}\n");
        assertEquals("record_id,instrument,definition_version,raw_total,total,band,caseness,items_missing,prorated,"
                + "critical_items,critical_unanswered,timepoint", j.output().get(0));
        assertEquals("1,a,too_many_missing,missing items must number at most 0: 8 (phq9_2;phq9_3;phq9_4;phq9_5;"
                + "phq9_6;phq9_7;phq9_8;phq9_9),,phq9_9", j.rejects().get(1).replace("\"", ""));
        Run l = run(Scorer.of(Catalogue.builtIn().get("CORE-10")), DatasetFormat.LONG_CSV,
                "record_id,timepoint,instrument,item_id,code\n" + String.join("", List.of(1, 2, 3, 4, 5, 7, 8, 9, 10)
                        .stream().map(i -> "a,review,CORE-10,core10_" + i + ",1\n").toList()));
        assertEquals("a,CORE-10,1.0.1,13,14.44,mild,true,1,true,,core10_6,review", l.output().get(1));
    }

    @Test
    void header_constants_placeCriticalUnansweredAfterCriticalItems() {
        List<String> out = ScoresCsv.COLUMNS;
        assertEquals(out.indexOf("critical_items") + 1, out.indexOf("critical_unanswered"));
        assertEquals(List.of("line", "record_id", "reason", "message", "critical_items", "critical_unanswered"),
                RejectsCsv.COLUMNS);
        assertEquals(List.of("line", "record_id", "reason", "message"), ChangeCsv.REJECT_COLUMNS,
                "change rejects hold no item answers");
    }
}
