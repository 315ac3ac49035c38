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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.change.ChangeOptions;
import org.junit.jupiter.api.Test;

/** The handler contract: rows with their location and pass-through values, events in order, finish once. */
class RowHandlerTest {

    private static final DatasetScoring PHQ9 = DatasetScoring.of(Scorer.of(Catalogue.builtIn().get("PHQ-9")));
    private static final String ITEMS = "phq9_1,phq9_2,phq9_3,phq9_4,phq9_5,phq9_6,phq9_7,phq9_8,phq9_9";
    /** A planted identifier: it must never appear in a toString(). */
    private static final String NHS_NUMBER = "9434765919";

    /** Records every event as text. */
    private static final class Events implements RowHandler {
        final String name;
        final List<String> seen;
        final List<Row> rows = new ArrayList<>();

        Events(String name, List<String> seen) {
            this.name = name;
            this.seen = seen;
        }

        @Override
        public void header(List<String> header) {
            seen.add(name + " header " + header.get(0));
        }

        @Override
        public void scored(Row row, Scored scored, Supplier<Administration> answers) {
            rows.add(row);
            seen.add(name + " scored " + row.line());
        }

        @Override
        public void rejected(Row row, Rejection rejection) {
            rows.add(row);
            seen.add(name + " rejected " + row.line() + " " + rejection.reason() + " alerts "
                    + rejection.criticalAlerts().size());
        }

        @Override
        public void finish(DatasetSummary summary) {
            seen.add(name + " finish " + summary.accountingLine());
        }
    }

    @Test
    void wideRow_carriesTheUnscoredColumns_trimmed_inHeaderOrder() throws IOException {
        Events events = new Events("h", new ArrayList<>());
        PHQ9.forEach(DatasetFormat.WIDE_CSV, new StringReader("team, record_id," + ITEMS + ",age_band\n"
                + " North ,a,1,1,1,1,1,1,1,1,0, 0-12 months\nSouth,b,1,1\n"), events);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("team", "North");
        expected.put("age_band", "0-12 months");
        assertEquals(Row.of(2, "a", "", expected), events.rows.get(0));
        assertEquals(List.of("team", "age_band"), List.copyOf(events.rows.get(0).passThrough().keySet()));
        // a malformed row's cells cannot be matched to columns
        assertEquals(Row.of(3, "b"), events.rows.get(1));
        assertThrows(UnsupportedOperationException.class, () -> events.rows.get(0).passThrough().put("x", "y"));
    }

    @Test
    void longAndJsonLinesRows_carryTheTimepoint_andNoPassThrough() throws IOException {
        Events events = new Events("h", new ArrayList<>());
        StringBuilder input = new StringBuilder("record_id,timepoint,instrument,item_id,code\n");
        for (int i = 1; i <= 9; i++) {
            input.append("a, review ,PHQ-9,phq9_").append(i).append(",1\n");
        }
        PHQ9.forEach(DatasetFormat.LONG_CSV, new StringReader(input.toString()), events);
        PHQ9.forEach(DatasetFormat.JSON_LINES, new StringReader("{\"record_id\": \"b\", \"instrument\": \"PHQ-9\", "
                + "\"answers\": {\"phq9_1\": \"1\"}}\n"), events);
        assertEquals(List.of(Row.of(2, "a", "review"), Row.of(1, "b", "")), events.rows);
    }

    @Test
    void all_handsEveryEventToEachHandlerInOrder_thenFinishWithTheReturnedCounts() throws IOException {
        List<String> seen = new ArrayList<>();
        DatasetSummary summary = PHQ9.forEach(DatasetFormat.WIDE_CSV, new StringReader("record_id," + ITEMS + "\n"
                + "a,1,1,1,1,1,1,1,1,0\nb,1,1,1,1,1,1,1,,3\n"), RowHandler.all(new Events("1", seen),
                        new Events("2", seen)));
        assertEquals(List.of("1 header record_id", "2 header record_id", "1 scored 2", "2 scored 2",
                "1 rejected 3 too_many_missing alerts 1", "2 rejected 3 too_many_missing alerts 1",
                "1 finish " + summary.accountingLine(), "2 finish " + summary.accountingLine()), seen);
        assertEquals(new DatasetSummary(2, 1, 1, 1, 0), summary);
    }

    @Test
    void finish_isNotCalled_whenTheInputCannotBeRead() {
        List<String> seen = new ArrayList<>();
        assertThrows(DatasetException.class, () -> PHQ9.forEach(DatasetFormat.WIDE_CSV, new StringReader(
                "record_id," + ITEMS + "\na,\"1,1\n"), new Events("h", seen)));
        assertFalse(seen.stream().anyMatch(e -> e.contains("finish")), seen.toString());
        assertTrue(seen.contains("h header record_id"), seen.toString());
    }

    @Test
    void all_refusesNoHandlers_withAMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, RowHandler::all);
        assertEquals("handlers must number at least 1: 0", e.getMessage());
    }

    @Test
    void rowAndRejection_toString_showNoInputValues() {
        Row row = Row.of(7, NHS_NUMBER, NHS_NUMBER, Map.of("nhs", NHS_NUMBER));
        assertEquals("Row[line=7]", row.toString());
        Rejection rejection = Rejection.of("malformed_row", "row must have 11 cells: 4");
        assertFalse(rejection.toString().contains("cells"), rejection.toString());
        assertTrue(rejection.criticalAlerts().isEmpty() && rejection.criticalUnanswered().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> Row.of(0, "a"));
    }

    @Test
    void changeCsv_withGroupOrder_returnsACopy_andLeavesTheJobUnchanged() throws IOException {
        ChangeCsv job = ChangeCsv.of(Catalogue.builtIn().get("PHQ-9"), ChangeOptions.defaults(), List.of("team"));
        ChangeCsv ordered = job.withGroupOrder("team", List.of("S", "N"));
        String csv = "record_id,team,pre,post\na,N,18,8\nb,S,12,4\n";
        List<String> plain = groups(job.run(() -> new StringReader(csv), new StringWriter()));
        List<String> reordered = groups(ordered.run(() -> new StringReader(csv), new StringWriter()));
        assertEquals(List.of("N", "S"), plain);
        assertEquals(List.of("S", "N"), reordered);
        assertFalse(job == ordered);
    }

    private static List<String> groups(ChangeCsv.Run run) {
        return run.cohort().byDimension().get("team").stream().map(o -> o.group()).toList();
    }
}
