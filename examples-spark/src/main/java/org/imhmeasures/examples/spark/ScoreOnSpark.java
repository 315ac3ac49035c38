/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.examples.spark;

import java.io.PrintStream;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.imhmeasures.scoring.AnswerKind;
import org.imhmeasures.scoring.dataset.DatasetSummary;
import org.imhmeasures.spark.SparkScores;
import org.imhmeasures.spark.SparkScoring;

/**
 * Scores a wide dataset on Spark, as {@code imh-measures score} scores a wide CSV:
 * <pre>
 * spark-submit --class org.imhmeasures.examples.spark.ScoreOnSpark imh-measures-spark-example.jar \
 *     PHQ-9 codes assessments.csv out/
 * </pre>
 * Arguments: the instrument id, {@code codes} or {@code scores} (how answers are stored), the input (a CSV
 * file or directory with a header row, or Parquet when the path ends in {@code .parquet}), and the output
 * directory, which must not exist: the job writes {@code scores/} and {@code rejects/} under it as Parquet and
 * prints the accounting line. Spark's committer makes each directory appear only when its write completed;
 * an existing directory is never overwritten.
 */
public final class ScoreOnSpark {

    private ScoreOnSpark() {
    }

    /**
     * Runs the job on the session spark-submit configures.
     *
     * @param args instrument id, {@code codes|scores}, input path, output directory
     */
    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: ScoreOnSpark INSTRUMENT codes|scores INPUT OUTPUT_DIR");
            System.exit(2);
        }
        SparkSession spark = SparkSession.builder().appName("imh-measures score").getOrCreate();
        try {
            run(spark, args[0], answers(args[1]), args[2], args[3], System.out);
        } finally {
            spark.stop();
        }
    }

    /**
     * Scores {@code input} into {@code output}/scores and {@code output}/rejects.
     *
     * @param spark the session
     * @param instrumentId the built-in instrument
     * @param answers how the answers are stored
     * @param input CSV with a header row, or Parquet ({@code .parquet})
     * @param output the output directory, not yet existing
     * @param out where the accounting line goes
     * @return the counts
     */
    public static DatasetSummary run(SparkSession spark, String instrumentId, AnswerKind answers, String input,
            String output, PrintStream out) {
        Dataset<Row> administrations = input.endsWith(".parquet") ? spark.read().parquet(input)
                // every column as text, as the CLI reads a CSV; RFC 4180 quotes
                : spark.read().option("header", "true").option("escape", "\"").csv(input);
        SparkScores result = SparkScoring.of(instrumentId, answers).score(administrations);
        result.scores().write().mode("errorifexists").parquet(output + "/scores");
        result.rejects().write().mode("errorifexists").parquet(output + "/rejects");
        result.unpersist();
        out.println(instrumentId + ": " + result.summary().accountingLine());
        return result.summary();
    }

    private static AnswerKind answers(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "codes" -> AnswerKind.CODES;
            case "scores" -> AnswerKind.SCORES;
            default -> throw new IllegalArgumentException("answers must be codes or scores: " + name);
        };
    }
}
