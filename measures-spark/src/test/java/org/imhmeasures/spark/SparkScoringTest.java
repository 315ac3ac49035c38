/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.spark;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.scoring.AnswerKind;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.dataset.CsvCells;
import org.imhmeasures.scoring.dataset.DatasetScoring;
import org.imhmeasures.scoring.dataset.DatasetSummary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkScoringTest {

    private static SparkSession spark;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        spark = LocalSpark.session();
    }

    /** A wide PHQ-9 CSV with missing, invalid and out-of-range answers, blank record ids and a team column. */
    private static Path phq9Csv(long seed, int rows) throws IOException {
        Random random = new Random(seed);
        Path file = dir.resolve("phq9-" + seed + ".csv");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("record_id,team,phq9_1,phq9_2,phq9_3,phq9_4,phq9_5,phq9_6,phq9_7,phq9_8,phq9_9\n");
            StringBuilder line = new StringBuilder();
            for (int r = 0; r < rows; r++) {
                line.setLength(0);
                int idRoll = random.nextInt(1000);
                line.append(idRoll < 3 ? "" : idRoll < 5 ? "  " : "R" + r).append(',');
                line.append("team-").append(random.nextInt(5));
                for (int i = 0; i < 9; i++) {
                    line.append(',');
                    int roll = random.nextInt(1000);
                    if (roll < 40) {
                        continue; // missing answer
                    }
                    if (roll < 43) {
                        line.append(random.nextBoolean() ? "7" : "x");
                    } else if (roll < 45) {
                        line.append(" 2 ");
                    } else {
                        line.append(random.nextInt(4));
                    }
                }
                out.write(line.append('\n').toString());
            }
        }
        return file;
    }

    @Test
    void score_hundredThousandRows_equalsTheCliFiles() throws IOException {
        long seed = Long.getLong("imh.seed", System.nanoTime());
        System.out.println("SparkScoringTest seed " + seed + " (rerun with -Dimh.seed=" + seed + ")");
        Path input = phq9Csv(seed, 100_000);
        Path cliScores = dir.resolve("cli-scores-" + seed + ".csv");
        Path cliRejects = dir.resolve("cli-rejects-" + seed + ".csv");
        DatasetSummary cli;
        try (Reader in = Files.newBufferedReader(input); Writer scores = Files.newBufferedWriter(cliScores);
                Writer rejects = Files.newBufferedWriter(cliRejects)) {
            cli = DatasetScoring.of(Scorer.of(Catalogue.builtIn().get("PHQ-9"))).withCsvCells(CsvCells.RAW)
                    .score(in, scores, rejects);
        }

        SparkScores result = SparkScoring.of("PHQ-9", AnswerKind.CODES).score(LocalSpark.csv(spark, input.toString()));

        assertEquals(cli, result.summary(), "seed " + seed);
        assertTrue(cli.rowsRejected() > 0 && cli.rowsWithCriticalAlerts() > 0, "seed " + seed);
        Dataset<Row> cliScoresData = LocalSpark.asCells(LocalSpark.csv(spark, cliScores.toString()));
        assertEquals(Arrays.asList(cliScoresData.columns()), Arrays.asList(result.scores().columns()));
        assertEquals(0, LocalSpark.difference(cliScoresData, LocalSpark.asCells(result.scores())), "seed " + seed);
        Dataset<Row> cliRejectsData = LocalSpark.asCells(LocalSpark.csv(spark, cliRejects.toString())).drop("line");
        assertEquals(Arrays.asList(cliRejectsData.columns()), Arrays.asList(result.rejects().columns()));
        assertEquals(0, LocalSpark.difference(cliRejectsData, LocalSpark.asCells(result.rejects())), "seed " + seed);
        result.unpersist();
    }

    private static Dataset<Row> epds(List<Row> rows) {
        List<String> columns = new ArrayList<>(List.of("record_id"));
        for (int i = 1; i <= 10; i++) {
            columns.add("epds_" + i);
        }
        StructType schema = DataTypes.createStructType(columns.stream()
                .map(c -> DataTypes.createStructField(c, c.equals("record_id") ? DataTypes.StringType
                        : DataTypes.IntegerType, true)).toList());
        return spark.createDataFrame(rows, schema);
    }

    @Test
    void score_epdsItem10_alertsInScoresAndInRejects() {
        // item 10 is reversed: code 0 ("yes, quite often") scores 3, an alert whatever the total
        Dataset<Row> input = epds(List.of(
                RowFactory.create("A", 3, 3, 3, 3, 3, 3, 3, 3, 3, 0),
                RowFactory.create("B", 3, 3, 3, 3, 3, 3, 3, 3, 3, 3),
                RowFactory.create("C", null, null, null, null, null, null, 3, 3, 3, 0)));

        SparkScores result = SparkScoring.of("EPDS", AnswerKind.CODES).score(input);

        List<Row> scores = result.scores().collectAsList();
        Row a = scores.stream().filter(r -> r.getAs("record_id").equals("A")).findFirst().orElseThrow();
        Row b = scores.stream().filter(r -> r.getAs("record_id").equals("B")).findFirst().orElseThrow();
        assertEquals("epds_10", a.getAs("critical_items"));
        assertEquals("", b.getAs("critical_items"));
        Row c = result.rejects().collectAsList().get(0);
        assertEquals("C", c.getAs("record_id"));
        assertEquals("too_many_missing", c.getAs("reason"));
        assertEquals("epds_10", c.getAs("critical_items"));
        assertEquals(2, result.summary().rowsWithCriticalAlerts());
    }

    @Test
    void score_epdsStoredAsScores_readsItem10ScoreThreeAsTheAlert() {
        Dataset<Row> input = epds(List.of(RowFactory.create("A", 0, 0, 0, 0, 0, 0, 0, 0, 0, 3)));

        Row a = SparkScoring.of("EPDS", AnswerKind.SCORES).score(input).scores().first();

        assertEquals("epds_10", a.getAs("critical_items"));
        assertEquals("3", a.getAs("total"));
    }

    @Test
    void score_plantedValues_neverInMessagesOrToString() {
        String plantedId = "9434765919";
        String plantedAnswer = "4857773456";
        Dataset<Row> input = epds(List.of(RowFactory.create(plantedId, 3, 3, 3, 3, 3, 3, 3, 3, 3, null)))
                .withColumn("epds_1", lit(plantedAnswer));

        SparkScores result = SparkScoring.of("EPDS", AnswerKind.CODES).score(input);

        Row reject = result.rejects().first();
        assertEquals(plantedId, reject.getAs("record_id"));
        String message = reject.getAs("message");
        assertFalse(message.contains(plantedAnswer) || message.contains(plantedId), message);
        assertFalse(result.toString().contains(plantedId) || result.toString().contains(plantedAnswer));
        IllegalArgumentException noId = assertThrows(IllegalArgumentException.class,
                () -> SparkScoring.of("EPDS", AnswerKind.CODES).score(input.drop("record_id")));
        assertFalse(noId.getMessage().contains(plantedAnswer), noId.getMessage());
    }

    @Test
    void score_keptColumns_followScoresAndRejectsWithTheirTypes() {
        Dataset<Row> input = epds(List.of(RowFactory.create("A", 1, 1, 1, 1, 1, 1, 1, 1, 1, 3),
                RowFactory.create(" ", 1, 1, 1, 1, 1, 1, 1, 1, 1, 3)))
                .withColumn("row_number", monotonically_increasing_id());

        SparkScores result = SparkScoring.of("EPDS", AnswerKind.CODES).withKeptColumns(List.of("row_number"))
                .score(input);

        assertEquals(DataTypes.LongType, result.scores().schema().apply("row_number").dataType());
        assertEquals("missing_record_id", result.rejects().first().getAs("reason"));
        assertEquals(1, result.summary().rowsScored());
        assertThrows(IllegalArgumentException.class, () -> SparkScoring.of("EPDS", AnswerKind.CODES)
                .withKeptColumns(List.of("band")));
    }

    @Test
    void score_repeatedItemColumn_isRefused() {
        Dataset<Row> input = epds(List.of(RowFactory.create("A", 1, 1, 1, 1, 1, 1, 1, 1, 1, 3)));
        Dataset<Row> twice = input.select(input.col("record_id"), input.col("epds_1"), input.col("epds_1"));

        assertThrows(IllegalArgumentException.class, () -> SparkScoring.of("EPDS", AnswerKind.CODES).score(twice));
    }

    @Test
    void ofDefinition_userDefinitionBytes_scoreAsTheBuiltIn() throws IOException {
        byte[] definition;
        try (var in = Catalogue.class.getResourceAsStream("catalogue/epds.json")) {
            definition = in.readAllBytes();
        }
        Dataset<Row> input = epds(List.of(RowFactory.create("A", 1, 2, 0, 1, 2, 3, 0, 1, 2, 0),
                RowFactory.create("B", 1, null, null, null, 2, 3, 0, 1, 2, 3)));

        SparkScores user = SparkScoring.ofDefinition(definition, "epds.json", AnswerKind.CODES).score(input);
        SparkScores builtIn = SparkScoring.of("EPDS", AnswerKind.CODES).score(input);

        assertEquals(builtIn.summary(), user.summary());
        assertEquals(0, LocalSpark.difference(builtIn.scores(), user.scores()));
        assertEquals(0, LocalSpark.difference(builtIn.rejects(), user.rejects()));
        assertEquals(1, user.summary().rowsScored());
    }

    @Test
    void of_unknownInstrument_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> SparkScoring.of("NOPE", AnswerKind.CODES));
    }
}
