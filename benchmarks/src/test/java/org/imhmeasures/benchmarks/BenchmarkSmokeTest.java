/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
                assertEquals(s.rawTotal(), h.total(), id);
                assertEquals(s.criticalAlerts().size(), h.alerts(), id);
                assertEquals(s.caseness() == org.imhmeasures.scoring.Caseness.CASE, h.caseness(), id);
                int k = 0;
                for (var sub : s.subscales().values()) {
                    assertEquals(sub.score().orElseThrow().intValueExact(), h.subscales()[k++], id);
                }
            }
        }
    }

    @Test
    void generatedCsv_scoresWithFullAccounting(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("phq9.csv");
        GenerateCsv.main(new String[] {"PHQ-9", "2000", csv.toString(), "5"});
        try (Reader in = Files.newBufferedReader(csv)) {
            DatasetSummary summary = DatasetScoring.of(Scorer.of(Catalogue.builtIn().get("PHQ-9")))
                    .score(in, new StringWriter(), Optional.of(new StringWriter()), header -> { });
            assertEquals(2000, summary.rowsRead());
            assertEquals(summary.rowsRead(), summary.rowsScored() + summary.rowsRejected());
        }
        Path copy = dir.resolve("copy.csv");
        JacksonCopyBaseline.main(new String[] {csv.toString(), copy.toString()});
        assertEquals(2001, Files.readAllLines(copy).size());
    }

    @Test
    void csvBenchmark_bothSidesProcessEveryRow() throws Exception {
        CsvBenchmark benchmark = new CsvBenchmark();
        benchmark.setUp();
        assertEquals(100_000, benchmark.library().rowsRead());
        assertEquals(100_001, benchmark.jacksonAlone(), "header plus every row, as the library writes them");
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
