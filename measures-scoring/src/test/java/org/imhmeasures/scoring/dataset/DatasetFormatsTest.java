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
import java.util.function.Supplier;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.Scorer;
import org.junit.jupiter.api.Test;

/** Long CSV and JSON Lines inputs: same scores as wide input, every administration accounted for. */
class DatasetFormatsTest {

    private static final DatasetScoring PHQ9 = DatasetScoring.of(Scorer.of(Catalogue.builtIn().get("PHQ-9")));

    private record Run(DatasetSummary summary, List<String> output, List<String> rejects) {
    }

    private static Run run(DatasetScoring scoring, DatasetFormat format, String input) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter rej = new StringWriter();
        DatasetSummary summary = scoring.score(format, new StringReader(input), out, rej);
        return new Run(summary, out.toString().lines().toList(), rej.toString().lines().toList());
    }

    private static String longRows(String record, String timepoint, String instrument, String... codes) {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < codes.length; i++) {
            rows.append(record).append(',').append(timepoint).append(',').append(instrument).append(",phq9_")
                    .append(i + 1).append(',').append(codes[i]).append('\n');
        }
        return rows.toString();
    }

    @Test
    void longCsv_groupsConsecutiveRows_andAddsTimepointColumn() throws IOException {
        String input = "record_id,timepoint,instrument,item_id,code\n"
                + longRows("a", "baseline", "PHQ-9", "2", "2", "1", "3", "1", "2", "1", "0", "1")
                + longRows("a", "discharge", "PHQ-9", "0", "1", "0", "1", "0", "0", "0", "0", "0")
                + longRows("b", "baseline", "GAD-7", "1", "1")
                + longRows("c", "baseline", "PHQ-9", "1", "1", "9", "1", "1", "1", "1", "1", "1")
                + "d,baseline,PHQ-9,phq9_1\n";
        Run r = run(PHQ9, DatasetFormat.LONG_CSV, input);
        // c is rejected but its phq9_9 answer still raises an alert: 2 rows with alerts; b has no phq9_9
        assertEquals(new DatasetSummary(5, 2, 3, 2, 1), r.summary());
        assertEquals("record_id,instrument,definition_version,raw_total,total,band,caseness,items_missing,prorated,"
                + "critical_items,critical_unanswered,timepoint", r.output().get(0));
        assertEquals("a,PHQ-9,1.0.0,13,13,moderate,true,0,false,phq9_9,,baseline", r.output().get(1));
        assertEquals("a,PHQ-9,1.0.0,2,2,minimal,false,0,false,,,discharge", r.output().get(2));
        assertEquals("20,b,wrong_instrument,instrument must be PHQ-9: GAD-7", r.rejects().get(1).substring(0,
                r.rejects().get(1).indexOf(';') < 0 ? r.rejects().get(1).length() : r.rejects().get(1).indexOf(';')));
        assertTrue(r.rejects().get(2).startsWith("22,c,code_not_allowed,answer to phq9_3 must be one of 0..3: 9"),
                r.rejects().get(2));
        assertTrue(r.rejects().get(3).startsWith("31,d,malformed_row,"), r.rejects().get(3));
    }

    @Test
    void longCsv_duplicateItemInAdministration_isRejectedWhole() throws IOException {
        String input = "record_id,timepoint,instrument,item_id,code\n"
                + longRows("a", "baseline", "PHQ-9", "2", "2", "1", "3", "1", "2", "1", "0", "1")
                + "a,baseline,PHQ-9,phq9_4,0\n";
        Run r = run(PHQ9, DatasetFormat.LONG_CSV, input);
        // rejected whole, with the alert of its validly answered phq9_9 (1) kept
        assertEquals(new DatasetSummary(1, 0, 1, 1), r.summary());
        assertEquals("2,a,duplicate_item,item must appear once per administration: phq9_4 at answers[3] and "
                + "answers[9]; critical item at alert level: phq9_9,phq9_9,", r.rejects().get(1));
    }

    @Test
    void longCsv_headerWithoutColumns_isDatasetException() {
        DatasetException e = assertThrows(DatasetException.class, () -> run(PHQ9, DatasetFormat.LONG_CSV,
                "record_id,timepoint,instrument,item,code\n"));
        assertTrue(e.getMessage().contains("item_id absent"), e.getMessage());
    }

    @Test
    void jsonLines_scoresAndLocatesEveryBadLine() throws IOException {
        String input = String.join("\n",
                "{\"record_id\":\"a\",\"timepoint\":\"baseline\",\"instrument\":\"PHQ-9\",\"answers\":{\"phq9_1\":2,"
                        + "\"phq9_2\":\"2\",\"phq9_3\":1,\"phq9_4\":3,\"phq9_5\":1,\"phq9_6\":2,\"phq9_7\":1,"
                        + "\"phq9_8\":0,\"phq9_9\":1}}",
                "",
                "{\"record_id\":\"b\",\"instrument\":\"PHQ-9\",\"answers\":{\"phq9_1\":null}}",
                "{not json",
                "{\"record_id\":\"c\",\"instrument\":\"PHQ-9\",\"answers\":[1,2]}",
                "{\"record_id\":\"d\",\"instrument\":\"PHQ-9\",\"answers\":{},\"nhs\":\"9434765919\"}",
                "{\"record_id\":\"e\",\"instrument\":\"PHQ-9\",\"answers\":{\"phq9_1\":{\"deep\":1}}}") + "\n";
        Run r = run(PHQ9, DatasetFormat.JSON_LINES, input);
        assertEquals(new DatasetSummary(6, 1, 5, 1, 1), r.summary());
        assertEquals("a,PHQ-9,1.0.0,13,13,moderate,true,0,false,phq9_9,,baseline", r.output().get(1));
        assertTrue(r.rejects().get(1).startsWith("3,b,too_many_missing,"), r.rejects().get(1));
        assertEquals("4,,malformed_row,line must be one JSON object: not well-formed JSON,,", r.rejects().get(2));
        assertEquals("5,c,malformed_row,answers must be an object: array,,", r.rejects().get(3));
        assertEquals("6,d,malformed_row,field must be one of [record_id, timepoint, instrument, answers]: nhs,,",
                r.rejects().get(4).replace("\"", ""));
        assertEquals("7,e,malformed_row,answer to phq9_1 must be a string, a whole number or null: object,,",
                r.rejects().get(5).replace("\"", ""));
        assertFalse(String.join("\n", r.rejects()).contains("9434765919"));
    }

    /** Seeded: the same administrations in wide, long and JSON Lines form give the same scores. */
    @Test
    void allFormats_sameAdministrations_sameScores() throws IOException {
        long seed = Long.getLong("imh.seed", System.nanoTime());
        Random random = new Random(seed);
        StringBuilder wide = new StringBuilder("record_id");
        for (int i = 1; i <= 9; i++) {
            wide.append(",phq9_").append(i);
        }
        wide.append('\n');
        StringBuilder longCsv = new StringBuilder("record_id,timepoint,instrument,item_id,code\n");
        StringBuilder jsonl = new StringBuilder();
        for (int r = 0; r < 300; r++) {
            List<String> codes = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                int roll = random.nextInt(40);
                codes.add(roll == 0 ? "" : roll == 1 ? "5" : Integer.toString(random.nextInt(4)));
            }
            wide.append('r').append(r).append(',').append(String.join(",", codes)).append('\n');
            jsonl.append("{\"record_id\":\"r").append(r).append("\",\"timepoint\":\"t\",\"instrument\":\"PHQ-9\","
                    + "\"answers\":{");
            for (int i = 0; i < 9; i++) {
                longCsv.append('r').append(r).append(",t,PHQ-9,phq9_").append(i + 1).append(',').append(codes.get(i))
                        .append('\n');
                jsonl.append(i == 0 ? "" : ",").append("\"phq9_").append(i + 1).append("\":").append(codes.get(i)
                        .isEmpty() ? "null" : "\"" + codes.get(i) + "\"");
            }
            jsonl.append("}}\n");
        }
        Run w = run(PHQ9, DatasetFormat.WIDE_CSV, wide.toString());
        Run l = run(PHQ9, DatasetFormat.LONG_CSV, longCsv.toString());
        Run j = run(PHQ9, DatasetFormat.JSON_LINES, jsonl.toString());
        String context = "seed " + seed + " (rerun with -Dimh.seed=" + seed + ")";
        assertEquals(w.summary(), l.summary(), context);
        assertEquals(w.summary(), j.summary(), context);
        for (int i = 1; i < w.output().size(); i++) {
            assertEquals(w.output().get(i) + ",t", l.output().get(i), context);
            assertEquals(w.output().get(i) + ",t", j.output().get(i), context);
        }
    }

    @Test
    void progress_isReportedEveryInterval() throws IOException {
        List<Long> ticks = new ArrayList<>();
        StringBuilder wide = new StringBuilder("record_id,phq9_1\n");
        for (int r = 0; r < 25; r++) {
            wide.append('r').append(r).append(",1\n");
        }
        run(PHQ9.withProgress(ticks::add, 10), DatasetFormat.WIDE_CSV, wide.toString());
        assertEquals(List.of(10L, 20L), ticks);
    }

    /** A custom handler sees every administration once, with its answers, and the counts agree. */
    @Test
    void forEach_customHandler_receivesScoredAnswersAndRejections() throws IOException {
        List<String> seen = new ArrayList<>();
        DatasetSummary summary = PHQ9.forEach(DatasetFormat.WIDE_CSV, new StringReader(
                "record_id,phq9_1,phq9_2,phq9_3,phq9_4,phq9_5,phq9_6,phq9_7,phq9_8,phq9_9\n"
                        + "a,1,1,1,1,1,1,1,1,0\nb,1,1\nc,1,1,1,1,1,1,1,1,\n"),
                new RowHandler() {
                    @Override
                    public void header(List<String> header) {
                        seen.add("header " + header.size());
                    }

                    @Override
                    public void scored(Row row, Scored scored, Supplier<Administration> answers) {
                        seen.add("scored " + row.line() + " " + row.recordId() + " " + scored.rawTotal().getAsInt() + " "
                                + answers.get().answers().size());
                    }

                    @Override
                    public void rejected(Row row, Rejection rejection) {
                        seen.add("rejected " + row.line() + " " + row.recordId() + " " + rejection.reason()
                                + rejection.result().map(n -> " unanswered " + n.criticalUnanswered().get(0).itemId())
                                        .orElse(""));
                    }

                    @Override
                    public void finish(DatasetSummary counts) {
                        seen.add("finish " + counts.rowsRead());
                    }
                });
        // the scored reject hands over its result, so the unanswered phq9_9 reaches the handler
        assertEquals(List.of("header 10", "scored 2 a 8 9", "rejected 3 b malformed_row",
                "rejected 4 c too_many_missing unanswered phq9_9", "finish 3"), seen);
        assertEquals(new DatasetSummary(3, 1, 2, 0, 1), summary);
    }
}
