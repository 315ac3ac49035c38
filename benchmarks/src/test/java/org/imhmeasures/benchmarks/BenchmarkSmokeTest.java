/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.dataset.DatasetSummary;
import org.imhmeasures.scoring.dataset.DatasetScoring;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Smoke run of the benchmark code (not a timing): both sides of each comparison do the same work. */
class BenchmarkSmokeTest {

    @Test
    void handLoop_agreesWithLibrary_onEveryBenchmarkedInstrument() {
        for (String id : List.of("PHQ-9", "GAD-7", "EPDS", "CORE-10", "PBQ")) {
            Instrument instrument = Catalogue.builtIn().get(id);
            Scorer scorer = Scorer.of(instrument);
            ScoringBenchmark.HandScorer hand = new ScoringBenchmark.HandScorer(instrument);
            for (int[] codes : ScoringBenchmark.randomCodes(instrument, 200, 3)) {
                Scored s = (Scored) scorer.scoreCodes(codes);
                ScoringBenchmark.HandScorer.Result h = hand.score(codes);
                assertEquals(s.rawTotal().getAsInt(), h.total(), id);
                assertEquals(s.criticalAlerts().size(), h.alerts(), id);
                assertEquals(s.caseness() == org.imhmeasures.scoring.Caseness.CASE, h.caseness(), id);
                int k = 0;
                for (var sub : s.subscales().values()) {
                    assertEquals(sub.score().orElseThrow().intValueExact(), h.subscales()[k++], id);
                }
            }
        }
    }

    /**
     * The generated PHQ-9 file, scored by the library, against what the test reads off the file itself: PHQ-9
     * allows no missing item and its codes are its scores (Kroenke 2001), so a row with an empty cell is rejected
     * as {@code too_many_missing} and any other row is scored with total = the sum of its cells, a case from 10,
     * item 9 above 0 an alert. The Jackson baseline copies every cell.
     */
    @Test
    void generatedCsv_everyRowScoredOrRejectedAsItsCellsSay(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("phq9.csv");
        GenerateCsv.main(new String[] {"PHQ-9", "2000", csv.toString(), "5"});
        List<List<String>> input = readCsv(Files.readString(csv));
        assertEquals(2001, input.size());
        assertEquals("record_id,phq9_1,phq9_2,phq9_3,phq9_4,phq9_5,phq9_6,phq9_7,phq9_8,phq9_9",
                String.join(",", input.get(0)));
        List<String> expectedScored = new ArrayList<>();
        List<String> expectedRejected = new ArrayList<>();
        long alerts = 0;
        for (List<String> row : input.subList(1, input.size())) {
            List<String> cells = row.subList(1, 10);
            boolean complete = cells.stream().noneMatch(String::isEmpty);
            if (!cells.get(8).isEmpty() && Integer.parseInt(cells.get(8)) > 0) {
                alerts++;
            }
            if (complete) {
                int total = cells.stream().mapToInt(Integer::parseInt).sum();
                expectedScored.add(row.get(0) + " " + total + " " + total + " " + (total >= 10) + " "
                        + (Integer.parseInt(cells.get(8)) > 0 ? "phq9_9" : ""));
            } else {
                expectedRejected.add(row.get(0) + " too_many_missing");
            }
        }
        StringWriter scores = new StringWriter();
        StringWriter rejects = new StringWriter();
        DatasetSummary summary;
        try (Reader in = Files.newBufferedReader(csv)) {
            summary = DatasetScoring.of(Scorer.of(Catalogue.builtIn().get("PHQ-9")))
                    .score(in, scores, rejects);
        }
        assertEquals(2000, summary.rowsRead());
        assertEquals(expectedScored.size(), summary.rowsScored());
        assertEquals(expectedRejected.size(), summary.rowsRejected());
        assertEquals(alerts, summary.rowsWithCriticalAlerts());
        assertTrue(expectedRejected.size() > 100 && expectedScored.size() > 1000, "the file has rows of both kinds");
        assertEquals(expectedScored, columns(scores.toString(), "record_id", "raw_total", "total", "caseness",
                "critical_items"));
        assertEquals(expectedRejected, columns(rejects.toString(), "record_id", "reason"));

        Path copy = dir.resolve("copy.csv");
        JacksonCopyBaseline.main(new String[] {csv.toString(), copy.toString()});
        assertEquals(input, readCsv(Files.readString(copy)), "the baseline copies every cell of every row");
    }

    /** Both sides of the CSV comparison read every row; the library scores and rejects exactly as the rows say. */
    @Test
    void csvBenchmark_bothSidesProcessEveryRow() throws Exception {
        CsvBenchmark benchmark = new CsvBenchmark();
        benchmark.setUp();
        List<List<String>> rows = readCsv(benchmark.input());
        long incomplete = rows.subList(1, rows.size()).stream().filter(row -> row.contains("")).count();
        DatasetSummary summary = benchmark.library();
        assertEquals(100_000, summary.rowsRead());
        assertEquals(incomplete, summary.rowsRejected(), "PHQ-9 rows with an empty cell are rejected");
        assertEquals(100_000 - incomplete, summary.rowsScored());
        assertTrue(incomplete > 5_000, "about 1% of cells are empty: " + incomplete);
        assertEquals(100_001, benchmark.jacksonAlone(), "header plus every row, as the library writes them");
    }

    private static List<List<String>> readCsv(String text) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> it = new CsvMapper().readerForListOf(String.class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(text)) {
            it.forEachRemaining(rows::add);
        }
        return rows;
    }

    /** The named columns of every data row, joined by spaces. */
    private static List<String> columns(String csv, String... names) throws IOException {
        List<List<String>> rows = readCsv(csv);
        List<String> header = rows.get(0);
        List<String> out = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            StringBuilder line = new StringBuilder();
            for (String name : names) {
                int column = header.indexOf(name);
                assertTrue(column >= 0, "column " + name + " in " + header);
                line.append(line.length() == 0 ? "" : " ").append(row.get(column));
            }
            out.add(line.toString());
        }
        return out;
    }

    @Test
    void fhirBenchmark_libraryAndHapiOnly_produceTheSameObservationJson() {
        for (String id : List.of("PHQ-9", "EPDS", "CORE-10")) {
            FhirBenchmark benchmark = new FhirBenchmark();
            benchmark.instrument = id;
            benchmark.setUp();
            assertEquals(benchmark.hapiOnly(), benchmark.library(), id);
        }
    }
}
