/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The tests' Spark: one local[2] session per test JVM (getOrCreate), small and without UI. */
final class LocalSpark {

    private LocalSpark() {
    }

    static SparkSession session() {
        return SparkSession.builder().appName("imh-measures-tests").master("local[2]")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.sql.session.timeZone", "UTC")
                .getOrCreate();
    }

    /** A CSV as Spark reads it: every column a string, RFC 4180 quotes. */
    static Dataset<Row> csv(SparkSession spark, String path) {
        return spark.read().option("header", "true").option("escape", "\"").csv(path);
    }

    /** Every column as a string, NULL as the empty cell a CSV would hold. */
    static Dataset<Row> asCells(Dataset<Row> data) {
        Column[] columns = Arrays.stream(data.columns())
                .map(name -> coalesce(col("`" + name + "`").cast("string"), lit("")).as(name)).toArray(Column[]::new);
        return data.select(columns);
    }

    /** Rows of {@code a} not in {@code b} plus rows of {@code b} not in {@code a}, duplicates counted. */
    static long difference(Dataset<Row> a, Dataset<Row> b) {
        return a.exceptAll(b).count() + b.exceptAll(a).count();
    }
}
