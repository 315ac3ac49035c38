/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.TestFeedback;
import org.junit.jupiter.api.Test;

/** The scores CSV of an instrument that records answers only: one {@code answer:<item id>} column per item. */
class AnswersOnlyScoresCsvTest {

    private static final Instrument FEEDBACK = TestFeedback.instrument();

    private static final String FIXED = "record_id,instrument,definition_version,raw_total,total,band,caseness,"
            + "items_missing,prorated,critical_items,critical_unanswered";

    private record Run(DatasetSummary summary, List<String> scores, List<String> rejects) {
    }

    private static Run run(DatasetFormat format, String input) throws IOException {
        Scorer scorer = Scorer.of(FEEDBACK);
        StringWriter out = new StringWriter();
        StringWriter rej = new StringWriter();
        DatasetSummary summary = DatasetScoring.of(scorer).forEach(format, new StringReader(input),
                RowHandler.all(ScoresCsv.of(out, FEEDBACK, format), RejectsCsv.of(rej)));
        return new Run(summary, out.toString().lines().toList(), rej.toString().lines().toList());
    }

    @Test
    void header_addsOneAnswerColumnPerItemBeforeTimepoint() {
        assertEquals(List.of("record_id", "instrument", "definition_version", "raw_total", "total", "band", "caseness",
                "items_missing", "prorated", "critical_items", "critical_unanswered", "answer:testfeedback_1",
                "answer:testfeedback_2", "answer:testfeedback_3"), ScoresCsv.header(FEEDBACK, DatasetFormat.WIDE_CSV));
        List<String> longHeader = ScoresCsv.header(FEEDBACK, DatasetFormat.LONG_CSV);
        assertEquals("timepoint", longHeader.get(longHeader.size() - 1));
        assertEquals("answer:testfeedback_3", longHeader.get(longHeader.size() - 2));
    }

    @Test
    void header_ofScoredInstruments_isUnchanged() {
        for (Instrument instrument : Catalogue.builtIn().instruments().stream().filter(Instrument::scored).toList()) {
            List<String> header = ScoresCsv.header(instrument, DatasetFormat.WIDE_CSV);
            assertEquals(ScoresCsv.COLUMNS, header.subList(0, ScoresCsv.COLUMNS.size()), instrument.id());
            assertEquals(ScoresCsv.COLUMNS.size() + instrument.subscales().size(), header.size(), instrument.id());
        }
    }

    @Test
    void wideCsv_messyRows_goldenScoresAndRejects() throws IOException {
        String csv = "record_id,testfeedback_1,testfeedback_2,testfeedback_3,site\n"
                + "r1,4,yes,0,A\n"            // complete
                + "r2, 6 ,,2,A\n"             // one missing: allowed (at least two answered), trimmed
                + "r3,1,unsure,,B\n"          // one missing
                + "r4,,,1,B\n"                // two missing: too many
                + "r5,7,yes,0,B\n"            // code not allowed
                + "r6,2,YES,1,C\n"            // codes are exact: YES is not yes
                + "r7,5,no\n"                 // malformed row (too few cells)
                + "r8,=cmd,no,1,C\n";         // a formula-like value: refused, never echoed
        Run r = run(DatasetFormat.WIDE_CSV, csv);
        assertEquals(List.of(FIXED + ",answer:testfeedback_1,answer:testfeedback_2,answer:testfeedback_3",
                "r1,TEST-FEEDBACK,1.0.0,,,,,0,false,,,4,yes,0",
                "r2,TEST-FEEDBACK,1.0.0,,,,,1,false,,,6,,2",
                "r3,TEST-FEEDBACK,1.0.0,,,,,1,false,,,1,unsure,"), r.scores());
        assertEquals(List.of("line,record_id,reason,message,critical_items,critical_unanswered",
                "5,r4,too_many_missing,missing items must number at most 1: 2 (testfeedback_1;testfeedback_2),,",
                "6,r5,code_not_allowed,answer to testfeedback_1 must be one of 1..6: 7,,",
                "7,r6,code_not_allowed,\"answer to testfeedback_2 must be one of yes, no, unsure: <value of 3 "
                        + "characters>\",,",
                "8,r7,malformed_row,row must have 5 cells: 3,,",
                "9,r8,code_not_allowed,answer to testfeedback_1 must be one of 1..6: <value of 4 characters>,,"),
                r.rejects());
        // rows read = scored + rejected
        assertEquals(8, r.summary().rowsRead());
        assertEquals(3, r.summary().rowsScored());
        assertEquals(5, r.summary().rowsRejected());
        assertEquals(r.summary().rowsRead(), r.summary().rowsScored() + r.summary().rowsRejected());
    }

    @Test
    void cells_equalTheWrittenRow() throws IOException {
        Scored scored = assertInstanceOf(Scored.class, Scorer.of(FEEDBACK).scoreCodes(new String[] {null, "no", "2"}));
        assertEquals(List.of("r9", "TEST-FEEDBACK", "1.0.0", "", "", "", "", "1", "false", "", "", "", "no", "2"),
                ScoresCsv.cells(Row.of(2, "r9"), scored, DatasetFormat.WIDE_CSV));
        assertEquals(List.of("r9", "TEST-FEEDBACK", "1.0.0", "", "", "", "", "1", "false", "", "", "", "no", "2", "t1"),
                ScoresCsv.cells(Row.of(2, "r9", "t1"), scored, DatasetFormat.LONG_CSV));
    }
}
