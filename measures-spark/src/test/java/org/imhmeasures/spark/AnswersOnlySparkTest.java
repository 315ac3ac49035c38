/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.imhmeasures.core.instrument.InstrumentDefinitions;
import org.imhmeasures.scoring.AnswerKind;
import org.imhmeasures.scoring.AnswersOnlyException;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.dataset.CsvCells;
import org.imhmeasures.scoring.dataset.DatasetScoring;
import org.imhmeasures.scoring.dataset.DatasetSummary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spark scoring of an instrument that records answers only (the TEST-FEEDBACK fixture): the CLI's cells. */
class AnswersOnlySparkTest {

    private static SparkSession spark;
    private static byte[] definition;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws IOException {
        spark = LocalSpark.session();
        try (InputStream in = AnswersOnlySparkTest.class.getResourceAsStream("test-feedback.json")) {
            definition = in.readAllBytes();
        }
    }

    /** Rows with missing, invalid and padded answers and blank record ids. */
    private static Path feedbackCsv(long seed, int rows) throws IOException {
        Random random = new Random(seed);
        String[][] codes = {{"1", "2", "3", "4", "5", "6"}, {"yes", "no", "unsure"}, {"0", "1", "2"}};
        Path file = dir.resolve("feedback-" + seed + ".csv");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("record_id,team,testfeedback_1,testfeedback_2,testfeedback_3\n");
            for (int r = 0; r < rows; r++) {
                StringBuilder line = new StringBuilder(random.nextInt(200) == 0 ? "" : "R" + r).append(",team-")
                        .append(random.nextInt(3));
                for (String[] item : codes) {
                    line.append(',');
                    int roll = random.nextInt(100);
                    if (roll < 15) {
                        continue;
                    }
                    line.append(roll < 18 ? "YES" : roll < 20 ? " " + item[0] + " " : item[random.nextInt(item.length)]);
                }
                out.write(line.append('\n').toString());
            }
        }
        return file;
    }

    @Test
    void score_equalsTheCliFiles() throws IOException {
        long seed = Long.getLong("imh.seed", System.nanoTime());
        System.out.println("AnswersOnlySparkTest seed " + seed + " (rerun with -Dimh.seed=" + seed + ")");
        Path input = feedbackCsv(seed, 5_000);
        Path cliScores = dir.resolve("cli-scores-" + seed + ".csv");
        Path cliRejects = dir.resolve("cli-rejects-" + seed + ".csv");
        DatasetSummary cli;
        try (Reader in = Files.newBufferedReader(input); Writer scores = Files.newBufferedWriter(cliScores);
                Writer rejects = Files.newBufferedWriter(cliRejects)) {
            cli = DatasetScoring.of(Scorer.of(InstrumentDefinitions.read(new java.io.ByteArrayInputStream(definition),
                    "test-feedback.json"))).withCsvCells(CsvCells.RAW).score(in, scores, rejects);
        }

        SparkScoring scoring = SparkScoring.ofDefinition(definition, "test-feedback.json", AnswerKind.CODES);
        SparkScores result = scoring.score(LocalSpark.csv(spark, input.toString()));

        assertEquals(cli, result.summary(), "seed " + seed);
        assertEquals(cli.rowsRead(), cli.rowsScored() + cli.rowsRejected());
        assertEquals(List.of("answer:testfeedback_1", "answer:testfeedback_2", "answer:testfeedback_3"),
                scoring.scoresColumns().subList(scoring.scoresColumns().size() - 3, scoring.scoresColumns().size()));
        Dataset<Row> cliScoresData = LocalSpark.asCells(LocalSpark.csv(spark, cliScores.toString()));
        assertEquals(Arrays.asList(cliScoresData.columns()), Arrays.asList(result.scores().columns()));
        assertEquals(0, LocalSpark.difference(cliScoresData, LocalSpark.asCells(result.scores())), "seed " + seed);
        Dataset<Row> cliRejectsData = LocalSpark.asCells(LocalSpark.csv(spark, cliRejects.toString())).drop("line");
        assertEquals(0, LocalSpark.difference(cliRejectsData, LocalSpark.asCells(result.rejects())), "seed " + seed);
        result.unpersist();
    }

    @Test
    void ofDefinition_underScores_isRefusedOnTheDriver() {
        assertThrows(AnswersOnlyException.class, () -> SparkScoring.ofDefinition(definition, "test-feedback.json",
                AnswerKind.SCORES));
    }
}
