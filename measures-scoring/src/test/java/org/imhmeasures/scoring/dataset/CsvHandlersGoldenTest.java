/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.scoring.MissingItemPolicy;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.ScoringOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scores and rejects CSV, byte for byte, for each input format, both cell policies and an instrument
 * with subscales; see {@code handlers/README.md} for where the expected files came from.
 */
class CsvHandlersGoldenTest {

    private static final String DIR = "/org/imhmeasures/scoring/dataset/handlers/";

    /** One recorded run: input file, instrument, format, missing-item policy, cell policy, expected-file stem. */
    record Case(String input, String instrument, DatasetFormat format, MissingItemPolicy missing, CsvCells cells,
            String expected) {
        @Override
        public String toString() {
            return expected;
        }
    }

    static List<Case> cases() {
        return List.of(
                new Case("phq9-wide.csv", "PHQ-9", DatasetFormat.WIDE_CSV, MissingItemPolicy.STRICT,
                        CsvCells.NEUTRALISE_FORMULAS, "phq9-wide"),
                new Case("phq9-wide.csv", "PHQ-9", DatasetFormat.WIDE_CSV, MissingItemPolicy.PRORATE, CsvCells.RAW,
                        "phq9-wide-prorate-raw"),
                new Case("hads-wide.csv", "HADS", DatasetFormat.WIDE_CSV, MissingItemPolicy.STRICT,
                        CsvCells.NEUTRALISE_FORMULAS, "hads-wide"),
                new Case("phq9-long.csv", "PHQ-9", DatasetFormat.LONG_CSV, MissingItemPolicy.STRICT,
                        CsvCells.NEUTRALISE_FORMULAS, "phq9-long"),
                new Case("phq9.jsonl", "PHQ-9", DatasetFormat.JSON_LINES, MissingItemPolicy.PRORATE,
                        CsvCells.NEUTRALISE_FORMULAS, "phq9-jsonl"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void scoresAndRejects_matchTheRecordedBytes(Case c) throws IOException {
        DatasetScoring scoring = DatasetScoring.of(Scorer.of(Catalogue.builtIn().get(c.instrument()),
                ScoringOptions.defaults().with(c.missing()))).withCsvCells(c.cells());
        StringWriter scores = new StringWriter();
        StringWriter rejects = new StringWriter();
        scoring.score(c.format(), new StringReader(resource(c.input())), scores, rejects);
        String write = System.getProperty("imh.golden.write");
        if (write != null) {
            Files.writeString(Path.of(write, c.expected() + ".scores.csv"), scores.toString());
            Files.writeString(Path.of(write, c.expected() + ".rejects.csv"), rejects.toString());
        }
        assertEquals(resource(c.expected() + ".scores.csv"), scores.toString(), c + ": scores");
        assertEquals(resource(c.expected() + ".rejects.csv"), rejects.toString(), c + ": rejects");
    }

    /** The public handlers on their own, as a program (or the {@code fhir} command) combines them. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void handlers_writeTheSameBytes(Case c) throws IOException {
        Scorer scorer = Scorer.of(Catalogue.builtIn().get(c.instrument()), ScoringOptions.defaults().with(c.missing()));
        StringWriter scores = new StringWriter();
        StringWriter rejects = new StringWriter();
        DatasetSummary summary = DatasetScoring.of(scorer).forEach(c.format(), new StringReader(resource(c.input())),
                RowHandler.all(ScoresCsv.of(scores, scorer.instrument(), c.format(), c.cells()),
                        RejectsCsv.of(rejects, c.cells())));
        assertEquals(resource(c.expected() + ".scores.csv"), scores.toString(), c + ": scores");
        assertEquals(resource(c.expected() + ".rejects.csv"), rejects.toString(), c + ": rejects");
        // no output cell here holds a line break, so lines are rows
        assertEquals(summary.rowsScored() + 1, scores.toString().lines().count(), c + ": header and scored rows");
        assertEquals(summary.rowsRejected() + 1, rejects.toString().lines().count(), c + ": header and rejected rows");
    }

    private static String resource(String name) {
        try (InputStream in = CsvHandlersGoldenTest.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("test resource must exist: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
