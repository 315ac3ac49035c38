/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.imhmeasures.scoring.dataset.DatasetSummary;

/**
 * The outcome of {@link SparkScoring#score}: the scores and rejects datasets (lazy, over one persisted
 * scoring pass) and the counts, checked: rows in = rows scored + rows rejected, and the input's own row
 * count is the rows scored and rejected.
 *
 * @since 0.1.0
 */
public final class SparkScores {

    private final Dataset<Row> scoredRows;
    private final Dataset<Row> scores;
    private final Dataset<Row> rejects;
    private final DatasetSummary summary;

    private SparkScores(Dataset<Row> scoredRows, Dataset<Row> scores, Dataset<Row> rejects, DatasetSummary summary) {
        this.scoredRows = scoredRows;
        this.scores = scores;
        this.rejects = rejects;
        this.summary = summary;
    }

    static SparkScores of(Dataset<Row> input, Dataset<Row> scoredRows, Dataset<Row> scores, Dataset<Row> rejects,
            String status, String alerted, String unanswered) {
        Row counts = scoredRows.agg(count(lit(1)),
                sum(when(col(status).equalTo(PartitionScorer.SCORED), 1L).otherwise(0L)),
                sum(when(col(status).equalTo(PartitionScorer.REJECTED), 1L).otherwise(0L)),
                sum(when(col(alerted), 1L).otherwise(0L)),
                sum(when(col(unanswered), 1L).otherwise(0L))).first();
        long out = counts.getLong(0);
        long scored = counts.isNullAt(1) ? 0 : counts.getLong(1);
        long rejected = counts.isNullAt(2) ? 0 : counts.getLong(2);
        long withAlerts = counts.isNullAt(3) ? 0 : counts.getLong(3);
        long withUnanswered = counts.isNullAt(4) ? 0 : counts.getLong(4);
        long in = input.count();
        if (in != out || out != scored + rejected) {
            throw new IllegalStateException("rows in must equal rows scored + rows rejected: " + in + " in, " + scored
                    + " scored, " + rejected + " rejected, " + out + " out");
        }
        return new SparkScores(scoredRows, scores, rejects,
                new DatasetSummary(in, scored, rejected, withAlerts, withUnanswered));
    }

    /**
     * The scored rows: the CLI's scores CSV columns and cells (strings), then the kept columns.
     *
     * @return the dataset, lazy
     */
    public Dataset<Row> scores() {
        return scores;
    }

    /**
     * The rejected rows: {@code record_id,reason,message,critical_items,critical_unanswered} as in the CLI's
     * rejects CSV (without {@code line}), then the kept columns. A rejected row's critical-item alerts are
     * here, never dropped.
     *
     * @return the dataset, lazy
     */
    public Dataset<Row> rejects() {
        return rejects;
    }

    /**
     * The counts: rows read, scored, rejected, with critical alerts, with unanswered critical items, as the
     * CLI's summary gives them.
     *
     * @return the counts, checked
     */
    public DatasetSummary summary() {
        return summary;
    }

    /**
     * Frees the persisted scoring pass; the datasets stay usable and are scored again if used.
     */
    public void unpersist() {
        scoredRows.unpersist();
    }

    /** The counts only. */
    @Override
    public String toString() {
        return "SparkScores[" + summary.accountingLine() + "]";
    }
}
