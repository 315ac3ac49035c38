/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.scoring.Scorer;
import org.junit.jupiter.api.Test;

/**
 * JSON Lines datasets: answer keys are trimmed before duplicates are looked for (a duplicate is a
 * {@code duplicate_item} reject that keeps the critical alert), a blank key is an {@code unknown_item}
 * reject, and unknown keys are located by position, never echoed.
 */
class AnswerKeysDatasetTest {

    private static final DatasetScoring PHQ9 = DatasetScoring.of(Scorer.of(Catalogue.builtIn().get("PHQ-9")));

    private static List<String> rejects(String line) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter rej = new StringWriter();
        DatasetSummary summary = PHQ9.score(DatasetFormat.JSON_LINES, new StringReader(line + "\n"), out,
                rej);
        assertEquals(1, summary.rowsRejected(), out.toString());
        List<String> rows = rej.toString().lines().toList();
        // the first four columns, line,record_id,reason,message: later columns are not this test's concern
        int columns = rows.get(0).split(",").length;
        return rows.subList(1, rows.size()).stream().map(row -> withoutTrailingColumns(row, columns - 4)).toList();
    }

    /** The row without its last {@code n} cells (the tested cells hold no comma outside quotes). */
    private static String withoutTrailingColumns(String row, int n) {
        String out = row;
        for (int i = 0; i < n; i++) {
            out = out.substring(0, out.lastIndexOf(','));
        }
        return out;
    }

    private static String line(String answers) {
        return "{\"record_id\":\"r1\",\"instrument\":\"PHQ-9\",\"answers\":{\"phq9_1\":\"1\",\"phq9_2\":\"1\","
                + "\"phq9_3\":\"1\",\"phq9_4\":\"1\",\"phq9_5\":\"1\",\"phq9_6\":\"1\",\"phq9_7\":\"1\",\"phq9_8\":\"1\","
                + answers + "}}";
    }

    @Test
    void jsonLines_keysDifferingOnlyBySpace_areDuplicateItemWithTheAlert() throws IOException {
        assertEquals(List.of("1,r1,duplicate_item,item must appear once per administration: phq9_9 at answers[8] "
                + "and answers[9]; critical item at alert level: phq9_9"), rejects(line("\"phq9_9\":\"3\",\"phq9_9 \":\"0\"")));
    }

    @Test
    void jsonLines_blankKey_isUnknownItemReject_notAnException() throws IOException {
        assertEquals(List.of("1,r1,unknown_item,item must belong to the instrument: answers[9] has a blank key"),
                rejects(line("\"phq9_9\":\"0\",\"\":\"2\"")));
        assertEquals("unknown_item", rejects(line("\"phq9_9\":\"0\",\"   \":\"2\"")).get(0).split(",")[2]);
    }

    @Test
    void jsonLines_unknownKeys_areLocatedNotEchoed() throws IOException {
        List<String> rows = rejects(line("\"phq9_9\":\"0\",\"Quartermaine\":\"2\",\"9434765919\":\"1\""));
        assertEquals(List.of("1,r1,unknown_item,item must belong to the instrument: answers[9]; "
                + "item must belong to the instrument: answers[10]"), rows);
        assertFalse(rows.toString().contains("Quartermaine"));
    }

    @Test
    void jsonLines_unknownCapitalisedFieldName_isNotEchoed() throws IOException {
        List<String> rows = rejects("{\"record_id\":\"r1\",\"instrument\":\"PHQ-9\",\"answers\":{},"
                + "\"Quartermaine\":\"x\"}");
        assertEquals(List.of("1,r1,malformed_row,\"field must be one of [record_id, timepoint, instrument, answers]: "
                + "<value of 12 characters>\""), rows);
    }

    @Test
    void jsonLines_numberBombAnswer_isAMalformedRowAtOnce() throws IOException {
        for (String bomb : List.of("1e999999999", "1e-999999999")) {
            List<String> rows = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                    java.time.Duration.ofSeconds(2), () -> rejects(line("\"phq9_9\":" + bomb)));
            assertEquals("malformed_row", rows.get(0).split(",")[2], rows.toString());
        }
    }
}
