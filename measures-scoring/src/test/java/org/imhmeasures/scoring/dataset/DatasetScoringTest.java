/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.scoring.MissingItemPolicy;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.ScoringOptions;
import org.junit.jupiter.api.Test;

class DatasetScoringTest {

    private static final String HEADER = "record_id,site,phq9_1,phq9_2,phq9_3,phq9_4,phq9_5,phq9_6,phq9_7,phq9_8,phq9_9";

    private record Run(DatasetSummary summary, List<String> output, List<String> rejects, List<String> header) {
    }

    private static Run run(String instrument, String csv) throws IOException {
        return run(Scorer.of(Catalogue.builtIn().get(instrument)), csv);
    }

    private static Run run(Scorer scorer, String csv) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter rej = new StringWriter();
        List<String> header = new ArrayList<>();
        DatasetSummary summary = DatasetScoring.of(scorer).forEach(DatasetFormat.WIDE_CSV, new StringReader(csv),
                RowHandler.all(new HeaderRecorder(header), ScoresCsv.of(out, scorer.instrument(), DatasetFormat.WIDE_CSV),
                        RejectsCsv.of(rej)));
        return new Run(summary, out.toString().lines().toList(), rej.toString().lines().toList(), header);
    }

    @Test
    void score_outputHeader_isExactlyTheContract() throws IOException {
        Run phq = run("PHQ-9", HEADER + "\n");
        assertEquals("record_id,instrument,definition_version,raw_total,total,band,caseness,items_missing,prorated,"
                + "critical_items,critical_unanswered", phq.output().get(0));
        assertEquals("line,record_id,reason,message,critical_items,critical_unanswered", phq.rejects().get(0));
        Run hads = run("HADS", "record_id,hads_1\n");
        assertEquals("record_id,instrument,definition_version,raw_total,total,band,caseness,items_missing,prorated,"
                + "critical_items,critical_unanswered,subscale:anxiety,subscale:depression", hads.output().get(0));
    }

    @Test
    void score_mixedRows_everyRowAccountedForAndLocated() throws IOException {
        String csv = HEADER + "\n"
                + "r1,A,1,1,1,1,1,1,1,1,0\n"         // line 2: 8 mild
                + "r2,A,3,3,3,3,3,3,3,3,3\n"         // line 3: 27 severe, alert
                + "r3,B,1,1,1,1,1,1,1,,2\n"          // line 4: missing -> rejected, alert kept in message
                + "r4,B,1,1,7,1,1,1,1,1,0\n"         // line 5: code not allowed
                + ",B,1,1,1,1,1,1,1,1,0\n"           // line 6: no record id
                + "r6,B,1,1\n"                        // line 7: malformed
                + "\n"                                // blank: not a row
                + "\"r,7\",\"multi\nline\",0,0,0,0,0,0,0,0,0\n"  // line 9-10: quoted comma and newline
                + "r8,C,2,2,2,2,2,2,2,2,0\n";        // line 11: 16
        Run r = run("PHQ-9", csv);
        assertEquals(new DatasetSummary(8, 4, 4, 2), r.summary());
        assertEquals(List.of(
                "record_id,instrument,definition_version,raw_total,total,band,caseness,items_missing,prorated,"
                        + "critical_items,critical_unanswered",
                "r1,PHQ-9,1.0.0,8,8,mild,false,0,false,,",
                "r2,PHQ-9,1.0.0,27,27,severe,true,0,false,phq9_9,",
                "\"r,7\",PHQ-9,1.0.0,0,0,minimal,false,0,false,,",
                "r8,PHQ-9,1.0.0,16,16,moderately severe,true,0,false,,"), r.output());
        assertEquals(List.of("line,record_id,reason,message,critical_items,critical_unanswered",
                "4,r3,too_many_missing,missing items must number at most 0: 1 (phq9_8); critical item at alert level: "
                        + "phq9_9,phq9_9,",
                "5,r4,code_not_allowed,answer to phq9_3 must be one of 0..3: 7,,",
                "6,,missing_record_id,record_id must not be empty: empty,,",
                "7,r6,malformed_row,row must have 11 cells: 4,,"), r.rejects());
    }

    @Test
    void score_prorateOptionAndSubscales_writeDecimalsAndSubscaleColumns() throws IOException {
        Scorer prorating = Scorer.of(Catalogue.builtIn().get("PHQ-9"),
                ScoringOptions.defaults().with(MissingItemPolicy.PRORATE));
        Run r = run(prorating, HEADER + "\nr1,A,2,2,1,1,1,1,1,1,\n");
        // prorated without item 9: the total is kept, and the unanswered critical item is named
        assertEquals("r1,PHQ-9,1.0.0,10,11.25,moderate,true,1,true,,phq9_9", r.output().get(1));
        Run hads = run("HADS", "record_id,hads_1,hads_2,hads_3,hads_4,hads_5,hads_6,hads_7,hads_8,hads_9,hads_10,"
                + "hads_11,hads_12,hads_13,hads_14\nx,2,1,2,1,2,1,2,1,1,1,1,1,1,1\n");
        // no raw total: HADS reports its two subscales, and a sum across them means nothing
        assertEquals("x,HADS,1.1.0,,,,,0,false,,,11,7", hads.output().get(1));
    }

    /** PIR-GAS bands are confirmed for 61-100 only: below them the band column says so, never a blank. */
    @Test
    void score_pirgasBelowConfirmedBands_bandColumnSaysSo() throws IOException {
        Run r = run("PIR-GAS", "record_id,pirgas_1\np1,45\np2,61\np3,1\n");
        assertEquals("p1,PIR-GAS,1.0.0,45,45,(below the confirmed bands),,0,false,,", r.output().get(1));
        assertEquals("p2,PIR-GAS,1.0.0,61,61,significantly perturbed,,0,false,,", r.output().get(2));
        assertEquals("p3,PIR-GAS,1.0.0,1,1,(below the confirmed bands),,0,false,,", r.output().get(3));
    }

    @Test
    void score_swemwbs_writesMetricWithTwoDecimals() throws IOException {
        Run r = run("SWEMWBS", "record_id,swemwbs_1,swemwbs_2,swemwbs_3,swemwbs_4,swemwbs_5,swemwbs_6,swemwbs_7\n"
                + "s1,1,1,1,1,1,1,1\n");
        assertEquals("s1,SWEMWBS,1.0.0,7,7.00,,,0,false,,", r.output().get(1));
    }

    @Test
    void score_headerWithoutRecordId_isDatasetException() {
        DatasetException e = assertThrows(DatasetException.class, () -> run("PHQ-9", "id,phq9_1\n1,2\n"));
        assertEquals("line 1: header must have a record_id column: absent", e.getMessage());
    }

    @Test
    void score_headerWithoutItemColumns_isDatasetException() {
        DatasetException e = assertThrows(DatasetException.class, () -> run("PHQ-9", "record_id,gad7_1\n1,2\n"));
        assertTrue(e.getMessage().contains("at least one item column of PHQ-9"), e.getMessage());
    }

    @Test
    void score_duplicateHeader_isDatasetException() {
        assertThrows(DatasetException.class, () -> run("PHQ-9", "record_id,phq9_1,phq9_1\n"));
    }

    @Test
    void score_emptyFile_isDatasetException() {
        assertThrows(DatasetException.class, () -> run("PHQ-9", ""));
    }

    @Test
    void score_unterminatedQuote_isLocatedWithoutCellValues() {
        DatasetException e = assertThrows(DatasetException.class,
                () -> run("PHQ-9", HEADER + "\nr1,A,1,1,1,1,1,1,1,1,0\n\"9434765919,A,1"));
        assertFalse(e.getMessage().contains("9434765919"), e.getMessage());
        assertTrue(e.line() >= 3, e.getMessage());
    }

    @Test
    void score_absentItemColumn_isReportedToListenerAndMissingInRows() throws IOException {
        Scorer scorer = Scorer.of(Catalogue.builtIn().get("PHQ-9"));
        Run r = run(scorer, "record_id,phq9_1,phq9_2\nr1,1,1\n");
        assertEquals(9, DatasetScoring.of(scorer).absentItemColumns(r.header()).size() + 2);
        // phq9_9 has no column, so it is unanswered in the rejected row
        assertEquals(new DatasetSummary(1, 0, 1, 0, 1), r.summary());
    }

    @Test
    void score_identifiersInCells_neverReachRejectMessages() throws IOException {
        Run r = run("PHQ-9", HEADER + "\nr1,A,9434765919,Jane Smith,1,1,1,1,1,1,0\n");
        String rejects = String.join("\n", r.rejects());
        assertFalse(rejects.contains("9434765919"), rejects);
        assertFalse(rejects.contains("Jane"), rejects);
    }

    /** Seeded: random rows with random damage; the accounting identity always holds. */
    @Test
    void score_randomRows_rowsReadEqualsScoredPlusRejected() throws IOException {
        long seed = Long.getLong("imh.seed", System.nanoTime());
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        int rows = 500;
        for (int i = 0; i < rows; i++) {
            csv.append('r').append(i).append(",S");
            int cells = random.nextInt(20) == 0 ? random.nextInt(12) : 9;
            for (int c = 0; c < cells; c++) {
                int roll = random.nextInt(30);
                csv.append(',').append(roll == 0 ? "" : roll == 1 ? "x" : Integer.toString(random.nextInt(4)));
            }
            csv.append('\n');
        }
        Run r = run("PHQ-9", csv.toString());
        String context = "seed " + seed + " (rerun with -Dimh.seed=" + seed + ")";
        assertEquals(rows, r.summary().rowsRead(), context);
        assertEquals(r.summary().rowsScored(), r.output().size() - 1, context);
        assertEquals(r.summary().rowsRejected(), r.rejects().size() - 1, context);
    }

    @Test
    void summary_refusesBrokenAccounting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DatasetSummary(3, 1, 1, 0));
        assertEquals("rows read must equal rows scored plus rows rejected: 3 != 1 + 1", e.getMessage());
    }
}
