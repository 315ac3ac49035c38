/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.examples.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Checks that the job's Parquet outputs hold exactly the CLI's scores and rejects CSV (rejects without
 * {@code line}): same columns, same rows, duplicates counted. For benchmarks/run-spark-comparison.sh.
 * <pre>
 * CompareWithCli CLI_SCORES.csv CLI_REJECTS.csv SPARK_OUTPUT_DIR
 * </pre>
 * Prints {@code equal} and exits 0, or prints the differing row counts and exits 1.
 */
public final class CompareWithCli {

    private CompareWithCli() {
    }

    /**
     * Compares.
     *
     * @param args the CLI's scores CSV, its rejects CSV, the job's output directory
     */
    public static void main(String[] args) {
        SparkSession spark = SparkSession.builder().appName("imh-measures compare").getOrCreate();
        long differences;
        try {
            Dataset<Row> cliScores = cells(csv(spark, args[0]));
            Dataset<Row> cliRejects = cells(csv(spark, args[1]).drop("line"));
            Dataset<Row> scores = cells(spark.read().parquet(args[2] + "/scores"));
            Dataset<Row> rejects = cells(spark.read().parquet(args[2] + "/rejects"));
            boolean sameColumns = Arrays.equals(cliScores.columns(), scores.columns())
                    && Arrays.equals(cliRejects.columns(), rejects.columns());
            differences = (sameColumns ? 0 : 1) + difference(cliScores, scores) + difference(cliRejects, rejects);
            System.out.println(differences == 0 ? "equal: " + scores.count() + " scores, " + rejects.count()
                    + " rejects" : "different: " + differences + " rows (or the columns) differ");
        } finally {
            spark.stop();
        }
        System.exit(differences == 0 ? 0 : 1);
    }

    private static Dataset<Row> csv(SparkSession spark, String path) {
        return spark.read().option("header", "true").option("escape", "\"").csv(path);
    }

    /** Every column as text, NULL as the empty cell a CSV holds. */
    private static Dataset<Row> cells(Dataset<Row> data) {
        return data.select(Arrays.stream(data.columns())
                .map(name -> coalesce(col("`" + name + "`").cast("string"), lit("")).as(name)).toArray(Column[]::new));
    }

    private static long difference(Dataset<Row> a, Dataset<Row> b) {
        return a.exceptAll(b).count() + b.exceptAll(a).count();
    }
}
