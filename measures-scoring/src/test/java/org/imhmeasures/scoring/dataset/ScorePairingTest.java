/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.scoring.change.ChangeOptions;
import org.junit.jupiter.api.Test;

class ScorePairingTest {

    private static final String HEADER = "record_id,instrument,definition_version,raw_total,total,band,caseness,"
            + "items_missing,prorated,critical_items,critical_unanswered,timepoint,date,team,age_band\n";

    private static String row(String id, String instrument, String total, String timepoint, String date, String team) {
        return id + "," + instrument + ",1.0.0," + total + "," + total + ",mild,CASE,0,false,,," + timepoint + ","
                + date + "," + team + ",0-6 months\n";
    }

    private static final String SCORES = HEADER
            + row("r1", "PHQ-9", "18", "baseline", "2026-01-05", "North")
            + row("r1", "PHQ-9", "12", "review", "2026-03-05", "North")
            + row("r1", "PHQ-9", "6", "discharge", "2026-05-05", "North")
            + row("r2", "PHQ-9", "15", "baseline", "2026-01-06", "South") // baseline only
            + row("r3", "PHQ-9", "9", "discharge", "2026-05-06", "South") // post only
            + row("r4", "PHQ-9", "20", "baseline", "2026-01-07", "North")
            + row("r4", "PHQ-9", "21", "baseline", "2026-01-08", "North") // duplicate baseline
            + row("r4", "PHQ-9", "10", "discharge", "2026-05-07", "North")
            + row("r5", "GAD-7", "10", "baseline", "2026-01-07", "North") // another instrument: ignored
            + row("r6", "PHQ-9", "12", "review", "2026-02-07", "North") // other timepoint only: no record
            + ",PHQ-9,1.0.0,3,3,none,NOT_CASE,0,false,,,baseline,2026-01-01,North,0-6 months\n"; // no id

    @Test
    void pair_namedPost_accountsEveryRecordOnce() throws Exception {
        ScorePairing.Result r = ScorePairing.of("baseline", ScorePairing.Post.named("discharge"),
                List.of("team")).withInstrument("PHQ-9").pair(new StringReader(SCORES));
        ScorePairing.Counts c = r.counts();
        assertEquals(11, c.rowsRead());
        assertEquals(3, c.rowsIgnored()); // r1 review, r5, r6
        assertEquals(5, c.records()); // r1, r2, r3, r4 and the row without an id
        assertEquals(1, c.paired());
        assertEquals(1, c.baselineOnly());
        assertEquals(1, c.postOnly());
        assertEquals(2, c.rejected());
        assertEquals(List.of("missing_record_id", "duplicate_timepoint"),
                r.rejects().stream().map(ScorePairing.Reject::reason).toList());
        ScorePairing.Pair p = r.pairs().get(0);
        assertEquals("r1", p.recordId());
        assertEquals("18", p.pre());
        assertEquals("6", p.post());
        assertEquals("North", p.groups().get("team"));
        assertEquals("records 5 = paired 1 + baseline only 1 + post only 1 + rejected 2", c.accountingLine());
    }

    @Test
    void pair_last_takesLatestDatedAfterPre() throws Exception {
        String scores = HEADER
                + row("a", "PHQ-9", "18", "baseline", "2026-01-05", "North")
                + row("a", "PHQ-9", "6", "week-12", "2026-04-05", "North")
                + row("a", "PHQ-9", "12", "week-6", "2026-02-05", "North")
                + row("b", "PHQ-9", "14", "baseline", "2026-03-05", "North")
                + row("b", "PHQ-9", "10", "earlier", "2026-02-05", "North") // before the pre: not a post
                + row("c", "PHQ-9", "14", "baseline", "2026-03-05", "North")
                + row("c", "PHQ-9", "10", "week-6", "", "North"); // no date
        ScorePairing.Result r = ScorePairing.of("baseline", ScorePairing.Post.last(), List.of())
                .pair(new StringReader(scores));
        assertEquals(1, r.pairs().size());
        assertEquals("6", r.pairs().get(0).post());
        assertEquals(1, r.counts().baselineOnly());
        assertEquals("missing_date", r.rejects().get(0).reason());
    }

    @Test
    void pair_lastWithTwoRowsOnTheLatestDate_rejectsDuplicate() throws Exception {
        String scores = HEADER
                + row("a", "PHQ-9", "18", "baseline", "2026-01-05", "North")
                + row("a", "PHQ-9", "6", "x", "2026-04-05", "North")
                + row("a", "PHQ-9", "7", "y", "2026-04-05", "North");
        ScorePairing.Result r = ScorePairing.of("baseline", ScorePairing.Post.last(), List.of())
                .pair(new StringReader(scores));
        assertEquals("duplicate_timepoint", r.rejects().get(0).reason());
        assertEquals(0, r.counts().paired());
    }

    @Test
    void pair_missingColumns_areTypedErrors() {
        assertThrows(DatasetException.class, () -> ScorePairing.of("baseline", ScorePairing.Post.last(), List.of())
                .pair(new StringReader("record_id,timepoint,total\n")));
        assertThrows(DatasetException.class, () -> ScorePairing.of("baseline", ScorePairing.Post.named("d"),
                List.of("team")).pair(new StringReader("record_id,timepoint,total\n")));
        assertThrows(DatasetException.class, () -> ScorePairing.of("baseline", ScorePairing.Post.named("d"),
                List.of()).pair(new StringReader("record_id,total\n")));
        assertThrows(IllegalArgumentException.class, () -> ScorePairing.of("x", ScorePairing.Post.named("x"),
                List.of()));
    }

    @Test
    void changeCsv_fromPairs_equalsTheSamePairsAsPairsCsv() throws Exception {
        ScorePairing.Result r = ScorePairing.of("baseline", ScorePairing.Post.named("discharge"), List.of("team"))
                .withInstrument("PHQ-9").pair(new StringReader(SCORES));
        ChangeCsv job = ChangeCsv.of(Catalogue.builtIn().get("PHQ-9"), ChangeOptions.defaults(), List.of("team"));
        StringWriter fromPairs = new StringWriter();
        StringWriter rejects = new StringWriter();
        ChangeCsv.Run run = job.run(r, fromPairs, Optional.of(rejects));
        StringWriter fromCsv = new StringWriter();
        job.run(() -> new StringReader("record_id,pre,post,team\nr1,18,6,North\n"), fromCsv);
        assertEquals(fromCsv.toString(), fromPairs.toString());
        assertTrue(rejects.toString().contains("duplicate_timepoint"));
        assertFalse(rejects.toString().contains("21"), "no submitted value in a reject");
        // every record is read by the cohort; only the pair is paired
        assertEquals(5, run.cohort().overall().summary().nRead());
        assertEquals(1, run.cohort().overall().summary().nPaired());
    }

    @Test
    void toString_redactsValues() throws Exception {
        ScorePairing.Result r = ScorePairing.of("baseline", ScorePairing.Post.named("discharge"), List.of("team"))
                .pair(new StringReader(SCORES));
        assertFalse(r.pairs().get(0).toString().contains("r1"));
        assertFalse(r.rejects().get(1).toString().contains("r4"));
        assertFalse(r.unpaired().get(0).toString().contains("r2"));
    }
}
