/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.imhmeasures.cli.report.MeasureData;
import org.imhmeasures.cli.report.Point;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.scoring.change.ChangeModel;
import org.imhmeasures.scoring.change.ChangeOptions;
import org.imhmeasures.scoring.change.ParameterSource;
import org.imhmeasures.scoring.change.SampleStatistics;
import org.imhmeasures.scoring.cohort.Suppression;
import org.imhmeasures.scoring.cohort.WilcoxonZeros;
import org.imhmeasures.scoring.dataset.ChangeCsv;
import org.imhmeasures.scoring.dataset.DatasetException;
import org.imhmeasures.scoring.dataset.ScorePairing;

/**
 * One measure of a report: {@link FromScores} over its score file (the code of {@code change --from-scores
 * --summary}), the change rows read back as the plot's points. Shared by {@code report} and {@code demo}.
 */
public final class ReportRun {

    /** Grouped by these when the score file has them and {@code --group-by} is not given. */
    static final List<String> DEFAULT_GROUPS = List.of("team", "age_band");

    private static final CsvMapper CSV = new CsvMapper();

    private ReportRun() {
    }

    /**
     * How score rows are paired: {@code --pre}, {@code --post} and {@code --date-column} ({@link PairingOptions}).
     *
     * @param pre the pre timepoint
     * @param post the post timepoint, or {@code last}
     * @param dateColumn the column with each score's date
     */
    public record Pairing(String pre, String post, String dateColumn) {

        ScorePairing of(Instrument instrument, List<String> groupColumns) {
            return ScorePairing.of(pre, ScorePairing.Post.parse(post), groupColumns).withDateColumn(dateColumn)
                    .withInstrument(instrument.id());
        }
    }

    /**
     * The report's data for one measure, computed as {@code change --from-scores} does.
     *
     * @param instrument the measure
     * @param options the change options (every clinical parameter)
     * @param zeros the Wilcoxon treatment of zero changes
     * @param pairing the pre and post timepoints
     * @param groupBy the groups asked for, or empty for team and age band where the file has them
     * @param scores opens the score file; called twice (header, then pairing)
     * @param file the score file's own counts
     * @param suppression small-number suppression of the summary JSON
     * @return the change, or why it is not assessable
     * @throws IOException when the score file cannot be read, or is unusable as a score file
     */
    public static MeasureData measure(Instrument instrument, ChangeOptions options, WilcoxonZeros zeros,
            Pairing pairing, Optional<List<String>> groupBy, Callable<Reader> scores, MeasureData.ScoreFile file,
            Suppression suppression) throws IOException {
        if (options.parameters() == ParameterSource.PUBLISHED) {
            Optional<String> unusable = ChangeModel.published(instrument, options).unusable()
                    .map(n -> n.message());
            if (unusable.isPresent()) {
                return new MeasureData.NotAssessed(instrument, file, unusable.get());
            }
        }
        List<String> groups = groupBy.orElseGet(() -> {
            List<String> header = header(scores);
            return DEFAULT_GROUPS.stream().filter(header::contains).toList();
        });
        ChangeCsv job = ChangeCsv.of(instrument, options, groups).with(zeros);
        StringWriter rows = new StringWriter();
        FromScores.Outcome outcome;
        try {
            outcome = FromScores.run(job, pairing.of(instrument, FromScores.groupColumns(groups)), open(scores), rows,
                    Optional.empty());
        } catch (DatasetException e) {
            if (e.line() == 0 && !e.getMessage().contains("CSV")) {
                return new MeasureData.NotAssessed(instrument, file, e.getMessage());
            }
            throw e;
        }
        List<Point> points = points(rows.toString());
        ChangeModel model = ChangeModel.published(instrument, options);
        if (options.parameters() == ParameterSource.SAMPLE && points.size() > 2) {
            double[] pre = points.stream().mapToDouble(Point::pre).toArray();
            double[] post = points.stream().mapToDouble(Point::post).toArray();
            try {
                model = ChangeModel.fromSample(instrument, options, SampleStatistics.of(pre, post));
            } catch (IllegalArgumentException e) {
                // a degenerate sample draws no band; the points and numbers are unaffected
            }
        }
        return new MeasureData.Assessed(instrument, file, outcome.paired().counts(), outcome.run().summary(),
                outcome.run().cohort(), model, points, outcome.summaryJson(suppression));
    }

    /**
     * Data records of a CSV file (header excluded, blank lines skipped); a quoted line break stays in its record.
     *
     * @param csv opens the file; the reader is closed
     * @return the number of records after the header, 0 for an empty file
     * @throws IOException when the file cannot be read or is not CSV
     */
    public static long records(Callable<Reader> csv) throws IOException {
        long n = 0;
        try (MappingIterator<List<String>> it = CSV.readerForListOf(String.class).with(CsvSchema.emptySchema())
                .with(CsvParser.Feature.WRAP_AS_ARRAY).with(CsvParser.Feature.SKIP_EMPTY_LINES)
                .readValues(open(csv))) {
            while (it.hasNext()) {
                it.next();
                n++;
            }
        }
        return Math.max(0, n - 1);
    }

    private static List<String> header(Callable<Reader> scores) {
        try (MappingIterator<List<String>> it = CSV.readerForListOf(String.class).with(CsvSchema.emptySchema())
                .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(open(scores))) {
            if (!it.hasNext()) {
                return List.of();
            }
            List<String> header = new ArrayList<>();
            it.next().forEach(h -> header.add(h.replace("\uFEFF", "").strip()));
            return header;
        } catch (IOException | RuntimeException e) {
            // the pairing reads the file again and reports what is wrong with it, located
            return List.of();
        }
    }

    private static List<Point> points(String changeCsv) throws IOException {
        List<Point> points = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = CSV.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(changeCsv)) {
            while (it.hasNext()) {
                Map<String, String> row = it.next();
                points.add(new Point(Double.parseDouble(row.get("pre")), Double.parseDouble(row.get("post")),
                        row.get("category")));
            }
        }
        return points;
    }

    private static Reader open(Callable<Reader> source) throws IOException {
        try {
            return source.call();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("input must open: " + e.getClass().getSimpleName(), e);
        }
    }
}
