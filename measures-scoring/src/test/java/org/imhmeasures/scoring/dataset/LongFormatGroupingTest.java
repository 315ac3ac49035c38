/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.scoring.Scorer;
import org.junit.jupiter.api.Test;

/**
 * Long format (issue 8 §2): the rows of one administration are grouped across the whole file, so the
 * result does not depend on row order; output is in order of each administration's first line, which
 * for a file grouped by administration is exactly what reading it group by group gave.
 */
class LongFormatGroupingTest {

    private static final String HEADER = "record_id,timepoint,instrument,item_id,code\n";
    private static final DatasetScoring PHQ9 = DatasetScoring.of(Scorer.of(Catalogue.builtIn().get("PHQ-9")));
    private static final DatasetScoring CORE10 = DatasetScoring.of(Scorer.of(Catalogue.builtIn().get("CORE-10")));

    private record Run(DatasetSummary summary, String output, String rejects) {
        List<String> outputLines() {
            return output.lines().toList();
        }

        List<String> rejectLines() {
            return rejects.lines().toList();
        }
    }

    private static Run run(DatasetScoring scoring, String input) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter rej = new StringWriter();
        DatasetSummary summary = scoring.score(DatasetFormat.LONG_CSV, new StringReader(input), out, rej);
        return new Run(summary, out.toString(), rej.toString());
    }

    private static List<String> rows(String record, String timepoint, String instrument, String prefix,
            String... codes) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < codes.length; i++) {
            rows.add(record + "," + timepoint + "," + instrument + "," + prefix + (i + 1) + "," + codes[i] + "\n");
        }
        return rows;
    }

    private static String text(String resource) throws IOException {
        try (InputStream in = LongFormatGroupingTest.class.getResourceAsStream(resource)) {
            assertTrue(in != null, "missing resource " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void longCsv_interleavedAdministrations_areScoredOnceEach() throws IOException {
        List<String> r1 = rows("r1", "baseline", "PHQ-9", "phq9_", "2", "2", "1", "3", "1", "2", "1", "0", "1");
        List<String> r2 = rows("r2", "baseline", "PHQ-9", "phq9_", "0", "1", "0", "1", "0", "0", "0", "0", "0");
        // R1, R2, R1: before, R1 was split in two and each half rejected as too_many_missing
        String input = HEADER + String.join("", r1.subList(0, 5)) + String.join("", r2)
                + String.join("", r1.subList(5, 9));
        Run r = run(PHQ9, input);
        assertEquals(new DatasetSummary(2, 2, 0, 1), r.summary());
        assertEquals(List.of("record_id,instrument,definition_version,raw_total,total,band,caseness,items_missing,"
                + "prorated,critical_items,critical_unanswered,timepoint",
                "r1,PHQ-9,1.0.0,13,13,moderate,true,0,false,phq9_9,,baseline",
                "r2,PHQ-9,1.0.0,2,2,minimal,false,0,false,,,baseline"), r.outputLines());
    }

    @Test
    void longCsv_core10ItemSeparatedFromItsAdministration_isNotProrated() throws IOException {
        List<String> a = rows("a", "t1", "CORE-10", "core10_", "1", "3", "3", "1", "1", "0", "1", "1", "1", "2");
        List<String> b = rows("b", "t1", "CORE-10", "core10_", "0", "4", "4", "0", "0", "0", "0", "0", "0", "0");
        // 9 of a's 10 items, then b, then a's last item: before, a was prorated on 9 items and then its
        // tenth item rejected on its own
        String input = HEADER + String.join("", a.subList(0, 9)) + String.join("", b) + a.get(9);
        Run r = run(CORE10, input);
        assertEquals(new DatasetSummary(2, 2, 0, 0), r.summary(), r.rejects());
        assertEquals("a,CORE-10,1.0.1,10,10,healthy/low level,false,0,false,,,t1", r.outputLines().get(1));
    }

    @Test
    void longCsv_administration_isReportedAtItsFirstRowAndOrderedByIt() throws IOException {
        String input = HEADER
                + "b,t,PHQ-9,phq9_1,1\n"        // line 2: b starts
                + "a,t,PHQ-9,phq9_1,7\n"        // line 3: a starts (code not allowed)
                + "b,t,PHQ-9,phq9_2,1\n"
                + "c,t,PHQ-9,phq9_1\n"          // line 5: malformed, a row of its own
                + "a,t,PHQ-9,phq9_2,1\n";
        Run r = run(PHQ9, input);
        assertEquals(new DatasetSummary(3, 0, 3, 0, 2), r.summary());
        List<String> rejects = r.rejectLines();
        assertTrue(rejects.get(1).startsWith("2,b,too_many_missing,"), rejects.get(1));
        assertTrue(rejects.get(2).startsWith("3,a,code_not_allowed,"), rejects.get(2));
        assertTrue(rejects.get(3).startsWith("5,c,malformed_row,"), rejects.get(3));
    }

    @Test
    void longCsv_malformedRowInsideAdministration_isItsOwnRowAndDoesNotSplitIt() throws IOException {
        List<String> a = rows("a", "t", "PHQ-9", "phq9_", "1", "1", "1", "1", "1", "1", "1", "1", "0");
        String input = HEADER + String.join("", a.subList(0, 4)) + "a,t,PHQ-9\n" + String.join("", a.subList(4, 9));
        Run r = run(PHQ9, input);
        assertEquals(new DatasetSummary(2, 1, 1, 0), r.summary());
        assertEquals("a,PHQ-9,1.0.0,8,8,mild,false,0,false,,,t", r.outputLines().get(1));
        assertEquals("6,a,malformed_row,row must have 5 cells: 3,,", r.rejectLines().get(1));
    }

    @Test
    void longCsv_duplicateItemAcrossTheFile_isDuplicateItem() throws IOException {
        List<String> a = rows("a", "t", "PHQ-9", "phq9_", "1", "1", "1", "1", "1", "1", "1", "1", "0");
        String input = HEADER + String.join("", a) + "b,t,PHQ-9,phq9_1,1\n" + "a,t,PHQ-9,phq9_4,3\n";
        Run r = run(PHQ9, input);
        assertEquals("2,a,duplicate_item,item must appear once per administration: phq9_4 at answers[3] and answers[9],,",
                r.rejectLines().get(1));
    }

    @Test
    void longCsv_duplicatedCriticalItem_isDuplicateItemAndStillAlerts() throws IOException {
        // phq9_9 given twice, far apart: 0 first, then 3 (the most severe answer); last-one-wins or a
        // rejection without scoring would both hide the alert
        List<String> a = rows("a", "t", "PHQ-9", "phq9_", "1", "1", "1", "1", "1", "1", "1", "1", "0");
        String input = HEADER + String.join("", a) + "b,t,PHQ-9,phq9_1,1\n" + "a,t,PHQ-9,phq9_9,3\n";
        Run r = run(PHQ9, input);
        assertEquals(new DatasetSummary(2, 0, 2, 1, 1), r.summary()); // b lacks phq9_9
        assertEquals("2,a,duplicate_item,item must appear once per administration: phq9_9 at answers[8] and "
                + "answers[9]; critical item at alert level: phq9_9,phq9_9,", r.rejectLines().get(1));
    }

    @Test
    void longCsv_rowsWithoutRecordId_areRejectedWhereEachRunStarts() throws IOException {
        String input = HEADER + ",t,PHQ-9,phq9_1,1\n,t,PHQ-9,phq9_2,1\n" + String.join("", rows("a", "t", "PHQ-9",
                "phq9_", "1", "1", "1", "1", "1", "1", "1", "1", "0")) + ",t,PHQ-9,phq9_3,1\n";
        Run r = run(PHQ9, input);
        assertEquals(new DatasetSummary(3, 1, 2, 0), r.summary());
        assertEquals(List.of("line,record_id,reason,message,critical_items,critical_unanswered",
                "2,,missing_record_id,record_id must not be empty: empty,,",
                "13,,missing_record_id,record_id must not be empty: empty,,"), r.rejectLines());
    }

    @Test
    void longCsv_administrationOverTheRowLimit_isRejectedAsMalformedRow() throws IOException {
        StringBuilder input = new StringBuilder(HEADER);
        for (int i = 0; i < 10_001; i++) {
            input.append("a,t,PHQ-9,x").append(i).append(",1\n");
        }
        input.append(String.join("", rows("b", "t", "PHQ-9", "phq9_", "1", "1", "1", "1", "1", "1", "1", "1", "0")));
        Run r = run(PHQ9, input.toString());
        assertEquals(new DatasetSummary(2, 1, 1, 0), r.summary());
        assertEquals("2,a,malformed_row,administration must have at most 10000 rows and 1048576 characters of item "
                + "ids and codes: more,,", r.rejectLines().get(1));
    }

    @Test
    void longCsv_groupedInput_isByteIdenticalToGroupByGroupReading() throws IOException {
        // expected files written by the reader that grouped consecutive rows only (see README.md there)
        Run r = run(PHQ9, text("long-grouped/input.csv"));
        assertEquals(new DatasetSummary(446, 334, 112, 93, 28), r.summary());
        assertEquals(text("long-grouped/output.csv"), r.output());
        assertEquals(text("long-grouped/rejects.csv"), r.rejects());
    }

    @Test
    void longCsv_shuffledRows_giveTheSameAdministrationsAndResults() throws IOException {
        String grouped = text("long-grouped/input.csv");
        List<String> lines = new ArrayList<>(grouped.lines().toList());
        String header = lines.remove(0);
        // only well-formed rows with a record id: malformed and id-less rows are rows of their own, and
        // a quoted cell may span lines in general (not in this file)
        lines.removeIf(l -> l.isBlank() || l.startsWith(",") || l.split(",", -1).length != 6);
        Run reference = run(PHQ9, header + "\n" + String.join("\n", lines) + "\n");
        for (long seed : new long[] {1, 2, 3, 20261201}) {
            List<String> shuffled = new ArrayList<>(lines);
            Collections.shuffle(shuffled, new Random(seed));
            Run r = run(PHQ9, header + "\n" + String.join("\n", shuffled) + "\n");
            assertEquals(reference.summary(), r.summary(), "seed " + seed);
            assertEquals(sorted(reference.outputLines()), sorted(r.outputLines()), "seed " + seed);
            assertEquals(sorted(withoutLines(reference.rejectLines())), sorted(withoutLines(r.rejectLines())),
                    "seed " + seed);
        }
    }

    private static List<String> sorted(List<String> lines) {
        List<String> copy = new ArrayList<>(lines);
        Collections.sort(copy);
        return copy;
    }

    /** Reject rows without their line number (which depends on order) and without the message, whose
     *  item list follows the order the answers came in. */
    private static List<String> withoutLines(List<String> rejects) {
        return rejects.stream().skip(1).map(l -> {
            String[] cells = l.split(",", 4);
            return cells[1] + "," + cells[2];
        }).toList();
    }
}
