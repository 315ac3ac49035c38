/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.change.ChangeOptions;
import org.junit.jupiter.api.Test;

/** CSV formula injection (OWASP "CSV Injection"): text cells neutralised, numbers untouched. */
class CsvCellsTest {

    /** Every character OWASP lists, as the first character of a record id. */
    static final List<String> HOSTILE = List.of("=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "\tx", "\ry");

    private static final String PHQ9 = "record_id,phq9_1,phq9_2,phq9_3,phq9_4,phq9_5,phq9_6,phq9_7,phq9_8,phq9_9\n";

    /** Parses CSV text back into rows of cells (the way a pipeline reads the file). */
    static List<List<String>> parse(String csv) throws IOException {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> it = mapper.readerForListOf(String.class).with(CsvSchema.emptySchema())
                .readValues(csv)) {
            while (it.hasNext()) {
                rows.add(it.next());
            }
        }
        return rows;
    }

    /**
     * What a text cell from the input becomes: the readers strip leading and trailing white space (so a
     * leading TAB or CR never reaches the output), then a formula character gets a quote.
     */
    static String neutralised(String input) {
        String stripped = input.strip();
        return CsvCells.startsLikeFormula(stripped) ? "'" + stripped : stripped;
    }

    private static String csvCell(String text) throws IOException {
        // build a one-cell CSV to feed record ids with TAB, CR and quotes through the reader
        StringWriter w = new StringWriter();
        new CsvMapper().writer(CsvSchema.emptySchema()).writeValue(w, List.of(text));
        return w.toString().strip();
    }

    @Test
    void text_prefixesAQuoteToEveryOwaspCharacter_andNothingElse() {
        for (String hostile : HOSTILE) {
            assertEquals("'" + hostile, CsvCells.NEUTRALISE_FORMULAS.text(hostile), hostile);
            assertEquals(hostile, CsvCells.RAW.text(hostile), hostile);
        }
        for (String harmless : List.of("", "a", "1", "'=x", " =x", "x=1", "PHQ-9")) {
            assertEquals(harmless, CsvCells.NEUTRALISE_FORMULAS.text(harmless), harmless);
        }
        assertTrue(CsvCells.startsLikeFormula("-5"));
        assertFalse(CsvCells.startsLikeFormula("5-"));
    }

    @Test
    void csvOut_textColumnsNeutralised_numberColumnsAsTheyAre_tabAndCrIncluded() throws IOException {
        StringWriter w = new StringWriter();
        try (CsvOut out = new CsvOut(w, CsvCells.NEUTRALISE_FORMULAS, "n"::equals)) {
            out.row("t", "n");
            for (String hostile : HOSTILE) {
                out.row(hostile, "-5");
            }
        }
        List<List<String>> rows = parse(w.toString());
        for (int i = 0; i < HOSTILE.size(); i++) {
            assertEquals(List.of("'" + HOSTILE.get(i), "-5"), rows.get(i + 1), HOSTILE.get(i));
        }
    }

    @Test
    void score_hostileRecordIds_areNeutralisedInOutputAndRejects_byDefault() throws IOException {
        StringBuilder in = new StringBuilder(PHQ9);
        for (String id : HOSTILE) {
            in.append(csvCell(id)).append(",1,1,1,1,1,1,1,1,0\n"); // scored
            in.append(csvCell(id)).append(",9,1,1,1,1,1,1,1,0\n"); // rejected: code 9 not allowed
        }
        StringWriter out = new StringWriter();
        StringWriter rej = new StringWriter();
        DatasetSummary summary = DatasetScoring.of(Scorer.of(Catalogue.builtIn().get("PHQ-9"))).score(
                new StringReader(in.toString()), out, rej);
        assertEquals(HOSTILE.size(), summary.rowsScored());
        List<List<String>> scores = parse(out.toString());
        List<List<String>> rejects = parse(rej.toString());
        for (int i = 0; i < HOSTILE.size(); i++) {
            assertEquals(neutralised(HOSTILE.get(i)), scores.get(i + 1).get(0), "output " + i);
            assertEquals("8", scores.get(i + 1).get(3), "raw_total is a number, untouched");
            assertEquals(neutralised(HOSTILE.get(i)), rejects.get(i + 1).get(1), "rejects " + i);
            assertTrue(rejects.get(i + 1).get(0).matches("[0-9]+"), "line is a number, untouched");
        }
    }

    @Test
    void score_withRaw_writesEveryCellAsItIs() throws IOException {
        StringBuilder in = new StringBuilder(PHQ9);
        for (String id : HOSTILE) {
            in.append(csvCell(id)).append(",1,1,1,1,1,1,1,1,0\n");
        }
        StringWriter out = new StringWriter();
        DatasetScoring.of(Scorer.of(Catalogue.builtIn().get("PHQ-9"))).withCsvCells(CsvCells.RAW).score(
                new StringReader(in.toString()), out);
        List<List<String>> scores = parse(out.toString());
        for (int i = 0; i < HOSTILE.size(); i++) {
            assertEquals(HOSTILE.get(i).strip(), scores.get(i + 1).get(0), "output " + i);
        }
    }

    @Test
    void score_longFormat_neutralisesTimepoint() throws IOException {
        StringBuilder in = new StringBuilder("record_id,timepoint,instrument,item_id,code\n");
        for (int i = 1; i <= 9; i++) {
            in.append("-r,@tp,PHQ-9,phq9_").append(i).append(",1\n");
        }
        StringWriter out = new StringWriter();
        DatasetScoring.of(Scorer.of(Catalogue.builtIn().get("PHQ-9"))).score(DatasetFormat.LONG_CSV,
                new StringReader(in.toString()), out);
        List<String> row = parse(out.toString()).get(1);
        assertEquals("'-r", row.get(0));
        assertEquals("'@tp", row.get(row.size() - 1));
    }

    @Test
    void change_neutralisesRecordIds_butNegativeChangeStaysANumber() throws IOException {
        StringBuilder in = new StringBuilder("record_id,pre,post\n");
        for (String id : HOSTILE) {
            in.append(csvCell(id)).append(",18,8\n");
            in.append(csvCell(id)).append(",18,\n"); // rejected: missing post
        }
        ChangeCsv job = ChangeCsv.of(Catalogue.builtIn().get("PHQ-9"), ChangeOptions.defaults(), List.of());
        StringWriter out = new StringWriter();
        StringWriter rej = new StringWriter();
        job.run(() -> new StringReader(in.toString()), out, rej);
        List<List<String>> rows = parse(out.toString());
        List<List<String>> rejects = parse(rej.toString());
        for (int i = 0; i < HOSTILE.size(); i++) {
            assertEquals(List.of(neutralised(HOSTILE.get(i)), "18", "8", "-10", "", "improved", "true", "reliable_recovery"),
                    rows.get(i + 1), "output " + i);
            assertEquals(neutralised(HOSTILE.get(i)), rejects.get(i + 1).get(1), "rejects " + i);
        }

        StringWriter raw = new StringWriter();
        ChangeCsv rawJob = job.withCsvCells(CsvCells.RAW);
        rawJob.run(() -> new StringReader(in.toString()), raw);
        List<List<String>> rawRows = parse(raw.toString());
        for (int i = 0; i < HOSTILE.size(); i++) {
            assertEquals(HOSTILE.get(i).strip(), rawRows.get(i + 1).get(0), "raw output " + i);
        }
        StringWriter again = new StringWriter();
        job.run(() -> new StringReader(in.toString()), again);
        assertEquals(out.toString(), again.toString(), "withCsvCells returns a copy: the original is unchanged");
    }
}
