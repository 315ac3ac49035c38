/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.examples.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.imhmeasures.scoring.AnswerKind;
import org.imhmeasures.scoring.dataset.DatasetSummary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreOnSparkTest {

    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1").getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void run_csvIn_writesParquetScoresAndRejects() throws IOException {
        Path input = dir.resolve("phq9.csv");
        Files.writeString(input, "record_id,phq9_1,phq9_2,phq9_3,phq9_4,phq9_5,phq9_6,phq9_7,phq9_8,phq9_9\n"
                + "A,1,1,1,1,1,1,1,1,2\n"
                + "B,,,,,,,,,0\n"
                + ",1,1,1,1,1,1,1,1,1\n", StandardCharsets.UTF_8);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        String output = dir.resolve("out").toString();

        DatasetSummary summary = ScoreOnSpark.run(spark, "PHQ-9", AnswerKind.CODES, input.toString(), output,
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertEquals(new DatasetSummary(3, 1, 2, 1, 0), summary);
        Row a = spark.read().parquet(output + "/scores").first();
        assertEquals("10", a.getAs("total"));
        assertEquals("phq9_9", a.getAs("critical_items"));
        assertEquals(2, spark.read().parquet(output + "/rejects").count());
        assertTrue(printed.toString(StandardCharsets.UTF_8).startsWith("PHQ-9: rows read 3"), printed.toString());
        // an existing output is never overwritten
        assertThrows(Exception.class, () -> ScoreOnSpark.run(spark, "PHQ-9", AnswerKind.CODES, input.toString(),
                output, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    }
}
