/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.scoring.change.ChangeOptions;
import org.imhmeasures.scoring.change.ParameterSource;
import org.imhmeasures.scoring.cohort.CohortAccumulator;
import org.imhmeasures.scoring.cohort.CohortReport;
import org.imhmeasures.scoring.cohort.CohortReports;
import org.imhmeasures.scoring.cohort.WilcoxonZeros;
import org.imhmeasures.scoring.dataset.ChangeCsv;
import org.imhmeasures.scoring.dataset.DatasetException;

/**
 * Reliable change and the cohort summary of a Spark dataset of paired totals, grouped by team, age band or
 * any columns: the CLI's {@code change --input PAIRS.csv --group-by ... --summary} over a dataset.
 *
 * <p>Input: {@code record_id}, {@code pre}, {@code post} (totals as strings or numbers) and the group
 * columns; other columns are ignored. The pairs are read by the library's own change job
 * ({@link ChangeCsv}): same parsing, rejects ({@code missing_score}, {@code score_not_a_number},
 * {@code duplicate_record_id} …), change model and cohort statistics ({@link CohortAccumulator}), so the
 * numbers are the CLI's for the same rows, in the dataset's order (for {@code duplicate_record_id}, the first
 * row of a record in that order is used; sort the dataset first if that matters). The cohort statistics
 * (medians, Wilcoxon signed-rank test, confidence intervals) need every pair of a group at once, so the
 * projected columns are streamed to the driver one partition at a time ({@code toLocalIterator}) and
 * accumulated there, 24 bytes a pair, as the CLI does on one machine; with sample-estimated parameters
 * ({@link ParameterSource#SAMPLE}) the dataset is read twice.
 *
 * <p>Instances are immutable: {@code with...} methods return a copy.
 *
 * @since 0.1.0
 */
public final class SparkChange {

    private final Instrument instrument;
    private final ChangeOptions options;
    private final List<String> groups;
    private final WilcoxonZeros zeros;

    private SparkChange(Instrument instrument, ChangeOptions options, List<String> groups, WilcoxonZeros zeros) {
        this.instrument = instrument;
        this.options = options;
        this.groups = List.copyOf(groups);
        this.zeros = zeros;
    }

    /**
     * Change of a built-in instrument's totals, the cohort summary grouped by {@code groupColumns} as the
     * CLI's {@code --group-by} groups it ({@code team}, {@code age_band}, crossed {@code team*age_band}).
     *
     * @param instrumentId the id in the built-in catalogue
     * @param options the change options (method, parameters)
     * @param groupColumns the group dimensions, at most 5
     * @return the job
     * @throws IllegalArgumentException when the catalogue has no such instrument
     */
    public static SparkChange of(String instrumentId, ChangeOptions options, List<String> groupColumns) {
        Checks.notNull(instrumentId, "instrument id");
        Instrument instrument = Catalogue.builtIn().find(instrumentId).orElseThrow(() -> new IllegalArgumentException(
                "instrument must be in the built-in catalogue: " + instrumentId));
        // the library validates the dimensions (count, crossing) as it does for the CLI
        ChangeCsv.of(instrument, Checks.notNull(options, "change options"), Checks.notNull(groupColumns, "groups"));
        return new SparkChange(instrument, options, groupColumns, WilcoxonZeros.DROP);
    }

    /**
     * Returns a copy with another treatment of zero changes in the Wilcoxon signed-rank test (the CLI's
     * {@code --wilcoxon-zeros}).
     *
     * @param zeroChanges drop (the default) or Pratt
     * @return a new instance
     */
    public SparkChange with(WilcoxonZeros zeroChanges) {
        return new SparkChange(instrument, options, groups, Checks.notNull(zeroChanges, "zero changes"));
    }

    /**
     * Assesses every pair; the per-record rows are not kept.
     *
     * @param pairs {@code record_id}, {@code pre}, {@code post} and the group columns
     * @return the counts (rows read = assessed + rejected) and the cohort report; the CLI's summary JSON is
     *         {@link CohortReports#toJson(CohortReport)} of it
     * @throws IllegalArgumentException when a needed column is absent
     * @throws DatasetException when the change model cannot assess anything with these options
     */
    public ChangeCsv.Run run(Dataset<Row> pairs) {
        return run(pairs, Writer.nullWriter());
    }

    /**
     * Assesses every pair, writing the per-record change CSV of the CLI's {@code change --output} to
     * {@code output} (on the driver, in the dataset's order).
     *
     * @param pairs {@code record_id}, {@code pre}, {@code post} and the group columns
     * @param output where the change CSV goes; flushed, not closed
     * @return the counts and the cohort report
     * @throws IllegalArgumentException when a needed column is absent
     * @throws DatasetException when the change model cannot assess anything with these options
     * @throws UncheckedIOException when writing fails
     */
    public ChangeCsv.Run run(Dataset<Row> pairs, Writer output) {
        Checks.notNull(pairs, "pairs");
        Checks.notNull(output, "output");
        List<String> columns = new ArrayList<>(List.of("record_id", "pre", "post"));
        for (String dimension : groups) {
            for (String column : CohortAccumulator.columns(dimension)) {
                if (!columns.contains(column)) {
                    columns.add(column);
                }
            }
        }
        List<String> present = Arrays.asList(pairs.columns());
        for (String column : columns) {
            Checks.argument(present.contains(column), "pairs must have a %s column: absent", column);
        }
        Dataset<Row> projected = pairs.select(columns.stream().map(c -> functions.col("`" + c + "`"))
                .toArray(Column[]::new));
        ChangeCsv job = ChangeCsv.of(instrument, options, groups).with(zeros);
        try {
            return job.run(() -> new PairsReader(columns, projected.toLocalIterator()), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
