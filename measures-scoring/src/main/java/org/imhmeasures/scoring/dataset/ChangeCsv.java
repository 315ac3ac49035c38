/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.core.instrument.ScoreRange;
import org.imhmeasures.core.internal.Check;
import org.imhmeasures.scoring.change.ChangeModel;
import org.imhmeasures.scoring.change.ChangeOptions;
import org.imhmeasures.scoring.change.ChangeResult;
import org.imhmeasures.scoring.change.ParameterSource;
import org.imhmeasures.scoring.change.SampleStatistics;
import org.imhmeasures.scoring.cohort.CohortAccumulator;
import org.imhmeasures.scoring.cohort.CohortReport;
import org.imhmeasures.scoring.cohort.GroupLevelReport;
import org.imhmeasures.scoring.cohort.WilcoxonZeros;
import org.imhmeasures.scoring.dataset.internal.CsvInput;
import org.imhmeasures.scoring.internal.Vocabulary;

/**
 * Individual and cohort change over a CSV of paired totals.
 *
 * <p>Input header: {@code record_id,pre,post} (totals as {@code score} reports them; other columns are
 * kept only as group labels when named in {@code groupColumns}, otherwise ignored). Output header,
 * exactly:
 * <pre>record_id,pre,post,change,rci,reliable_change,clinically_significant,category</pre>
 * {@code rci} has full precision, the shortest decimal that reads back as the computed double (empty for
 * fixed thresholds); {@code reliable_change} is
 * {@code improved}, {@code deteriorated} or {@code none}; {@code clinically_significant} {@code true},
 * {@code false} or empty; {@code category} the method's category. Unusable rows go to the rejects as
 * {@code line,record_id,reason,message} with reasons {@code malformed_row}, {@code missing_record_id},
 * {@code duplicate_record_id} (a record id seen before: a record counts once, from its first row),
 * {@code missing_score}, {@code score_not_a_number} and {@code score_out_of_range}. Rows read = rows
 * assessed + rows rejected. Text cells (record id, reasons, messages) are neutralised against formula
 * injection by default; the number columns never are ({@link #withCsvCells}).
 *
 * <p>Totals are plain ASCII decimals, {@code -?[0-9]+(\.[0-9]+)?}, of at most {@value #MAX_NUMBER_LENGTH}
 * characters (surrounding spaces are ignored); anything else ({@code 1e1}, {@code +20}, {@code .5},
 * {@code 5.}, {@code ٣٠}, {@code ２０}) is a {@code score_not_a_number} reject. Reject messages state the
 * rule and which column broke it, never the value: a misplaced cell may hold an NHS number.
 *
 * <p>With {@link ParameterSource#SAMPLE} the input is read twice: first to estimate the sample
 * statistics from the usable pairs, then to assess; hence the input is supplied as a reopenable source.
 * Memory is constant for the output; the cohort summary keeps each pair (24 bytes).
 *
 * <p>The input is read as {@link DatasetScoring} reads CSV: UTF-8 with or without a byte-order mark,
 * header cells trimmed and each at most once, cells of at most 100,000 characters; anything else
 * refuses the input with a {@link DatasetException} giving line and column.
 *
 * <p>Instances are immutable and thread-safe: {@code with...} methods return a new job, and each run uses
 * its own readers, writers and cohort accumulator.
 *
 * @since 0.1.0
 */
public final class ChangeCsv {

    /** Output columns. */
    public static final List<String> OUTPUT_COLUMNS = List.of("record_id", "pre", "post", "change", "rci",
            "reliable_change", "clinically_significant", "category");

    /** Output and rejects columns that hold numbers (never altered by {@link CsvCells}). */
    private static final Predicate<String> NUMBER_COLUMNS = name -> name.equals("pre")
            || name.equals("post") || name.equals("change") || name.equals("rci") || name.equals("line");

    /**
     * Rejects file columns: {@code line,record_id,reason,message}. A change dataset holds totals, not item
     * answers, so it has no critical-item columns (unlike {@link RejectsCsv#COLUMNS}).
     */
    public static final List<String> REJECT_COLUMNS = List.of("line", "record_id", "reason", "message");

    private final Instrument instrument;
    private final ChangeOptions options;
    private final List<String> groupColumns;
    private final Map<String, List<String>> groupOrder;
    private final CsvCells cells;
    private final WilcoxonZeros zeros;

    private ChangeCsv(Instrument instrument, ChangeOptions options, List<String> groupColumns,
            Map<String, List<String>> groupOrder, CsvCells cells, WilcoxonZeros zeros) {
        this.zeros = Check.notNull(zeros, "zeros");
        this.instrument = Check.notNull(instrument, "instrument");
        this.options = Check.notNull(options, "options");
        this.groupColumns = List.copyOf(Check.notNull(groupColumns, "group columns"));
        this.groupOrder = groupOrder;
        this.cells = Check.notNull(cells, "csv cells");
    }

    /**
     * Creates the job.
     *
     * @param instrument the instrument the totals belong to
     * @param options change options
     * @param groupColumns input columns to group the cohort summary by (e.g. {@code team}); may be empty
     * @return the job
     */
    public static ChangeCsv of(Instrument instrument, ChangeOptions options, List<String> groupColumns) {
        return new ChangeCsv(instrument, options, groupColumns, Map.of(), CsvCells.NEUTRALISE_FORMULAS,
                WilcoxonZeros.DROP);
    }

    /**
     * Returns a copy (with the same group orders) that writes the text cells of the output and rejects
     * CSV under {@code cells}: {@link CsvCells#NEUTRALISE_FORMULAS} (the default) prefixes a {@code '} to
     * a text cell that begins with {@code = + - @}, TAB or CR (OWASP "CSV Injection"); {@link CsvCells#RAW}
     * writes every cell as it is. Text cells are every column but the numbers {@code pre}, {@code post},
     * {@code change}, {@code rci} and the rejects' {@code line}, so a change of {@code -5} stays
     * {@code -5}.
     *
     * @param cells the policy
     * @return a new job; this one is unchanged
     * @since 0.1.0
     */
    public ChangeCsv withCsvCells(CsvCells cells) {
        return new ChangeCsv(instrument, options, groupColumns, groupOrder, cells, zeros);
    }

    /**
     * Returns a copy whose cohort Wilcoxon test treats zero changes as {@code zeros} says (default
     * {@link WilcoxonZeros#DROP}, as R and SciPy). This job is unchanged.
     *
     * @param zeros the treatment of zero changes
     * @return a new job
     * @since 0.1.0
     */
    public ChangeCsv with(WilcoxonZeros zeros) {
        return new ChangeCsv(instrument, options, groupColumns, groupOrder, cells, zeros);
    }

    /**
     * Returns a copy that fixes the report order of one group column's labels (replacing an order given
     * before for that column); see {@link CohortAccumulator#orderGroups}. This job is unchanged.
     *
     * @param column a group column
     * @param labels labels in report order
     * @return a new job
     */
    public ChangeCsv withGroupOrder(String column, List<String> labels) {
        Check.argument(groupColumns.contains(column), "column must be one of %s: %s", groupColumns, column);
        Map<String, List<String>> orders = new LinkedHashMap<>(groupOrder);
        orders.put(column, List.copyOf(Check.notNull(labels, "labels")));
        return new ChangeCsv(instrument, options, groupColumns, Collections.unmodifiableMap(orders), cells, zeros);
    }

    /**
     * The outcome of a run.
     *
     * @param summary the row counts: read, assessed (written to the output) and not assessable (rejected)
     * @param cohort the cohort report
     * @param groupLevel the group-level results at the 95% level ({@link CohortAccumulator#groupLevel})
     */
    public record Run(DatasetSummary summary, CohortReport cohort, GroupLevelReport groupLevel) {

        /**
         * Validates.
         *
         * @param summary the row counts
         * @param cohort the cohort report
         * @param groupLevel the group-level results
         */
        public Run {
            Check.notNull(summary, "summary");
            Check.notNull(cohort, "cohort");
            Check.notNull(groupLevel, "group level");
        }

        /**
         * A run without group-level results (their report is empty), the form of 0.1.0 before they existed.
         *
         * @param summary the row counts
         * @param cohort the cohort report
         */
        public Run(DatasetSummary summary, CohortReport cohort) {
            this(summary, cohort, new GroupLevelReport(0.95, OptionalDouble.empty(), Optional.empty(), Map.of(),
                    Optional.empty()));
        }
    }

    /**
     * Runs the job, counting rejected rows without keeping them; see
     * {@link #run(Callable, Writer, Writer)}.
     *
     * @param input opens the input; called once, or twice with sample parameters; each reader is closed
     * @param output where assessed rows go (header first); flushed, not closed
     * @return the counts and the cohort report
     * @throws DatasetException when the input is unusable, or when the change model cannot assess any pair
     *         (no published parameter, no reliability, degenerate sample): the message says which
     * @throws IOException on read or write failure
     */
    public Run run(Callable<Reader> input, Writer output) throws IOException {
        return run(input, Check.notNull(output, "output"), Optional.empty());
    }

    /**
     * Runs the job.
     *
     * @param input opens the input; called once, or twice with sample parameters; each reader is closed
     * @param output where assessed rows go (header first); flushed, not closed
     * @param rejects where rejected rows go (header first); flushed, not closed
     * @return the counts and the cohort report
     * @throws DatasetException when the input is unusable, or when the change model cannot assess any pair
     *         (no published parameter, no reliability, degenerate sample): the message says which
     * @throws IOException on read or write failure
     */
    public Run run(Callable<Reader> input, Writer output, Writer rejects) throws IOException {
        return run(input, Check.notNull(output, "output"), Optional.of(Check.notNull(rejects, "rejects")));
    }

    /**
     * Runs the job over pairs built from a score file ({@link ScorePairing}): the output and the cohort
     * are those of the same pairs given as a {@code record_id,pre,post} CSV; rejects (pairs that cannot be
     * assessed, such as a total out of range) give the line of the post row in the score file, after the
     * pairing's own rejects ({@code duplicate_timepoint} …), which are written first. The cohort counts
     * every record as read: unpaired and rejected records are read but not paired, in their groups, so
     * completeness is paired ÷ records.
     *
     * @param pairs the pairing's result; its pairs must carry every group column of this job
     * @param output where assessed rows go (header first); flushed, not closed
     * @param rejects where rejected pairs go (header first), if kept; flushed, not closed
     * @return the counts (rows read = pairs) and the cohort report
     * @throws DatasetException when the change model cannot assess any pair: the message says which
     * @throws IOException on write failure
     * @since 0.1.0
     */
    public Run run(ScorePairing.Result pairs, Writer output, Optional<Writer> rejects) throws IOException {
        Check.notNull(pairs, "pairs");
        for (ScorePairing.Pair pair : pairs.pairs()) {
            for (String column : inputColumns()) {
                Check.argument(pair.groups().containsKey(column), "pairs must carry the group column %s: absent",
                        column);
            }
        }
        return run(pairs.rejects(), pairs.unpaired(), handler -> {
            for (ScorePairing.Pair pair : pairs.pairs()) {
                PairRow row = new PairRow();
                row.line = pair.line();
                row.recordId = pair.recordId();
                row.groups = pair.groups();
                row.preText = pair.pre();
                row.postText = pair.post();
                row.rejection = parse(row);
                handler.accept(row);
            }
        }, Check.notNull(output, "output"), Check.notNull(rejects, "rejects"));
    }

    private Run run(Callable<Reader> input, Writer output, Optional<Writer> rejects) throws IOException {
        return run(List.of(), List.of(), handler -> {
            try (Reader in = open(input)) {
                read(in, handler);
            }
        }, output, rejects);
    }

    private Run run(List<ScorePairing.Reject> pairingRejects, List<ScorePairing.Unpaired> unpaired,
            PairSource source, Writer output, Optional<Writer> rejects) throws IOException {
        if (!instrument.scored()) {
            // no score to pair: refused before a sample is gathered, with the model's own typed message
            throw new DatasetException(0, ChangeModel.published(instrument, options).unusable().orElseThrow()
                    .message(), null);
        }
        ChangeModel model;
        if (options.parameters() == ParameterSource.SAMPLE) {
            List<double[]> pairs = new ArrayList<>();
            Optional<ScoreRange> range = ChangeModel.changeRange(instrument);
            source.forEach(row -> {
                // only pairs that will be assessed enter the sample estimates
                if (row.pre.isPresent() && row.post.isPresent() && range.isPresent()
                        && range.get().contains(row.preValue) && range.get().contains(row.postValue)) {
                    pairs.add(new double[] {row.pre.getAsDouble(), row.post.getAsDouble()});
                }
            });
            double[] pre = pairs.stream().mapToDouble(p -> p[0]).toArray();
            double[] post = pairs.stream().mapToDouble(p -> p[1]).toArray();
            model = ChangeModel.fromSample(instrument, options, SampleStatistics.of(pre, post));
        } else {
            model = ChangeModel.published(instrument, options);
        }
        if (model.unusable().isPresent()) {
            throw new DatasetException(0, model.unusable().get().message(), null);
        }
        CohortAccumulator cohort = CohortAccumulator.of(model, groupColumns, zeros);
        groupOrder.forEach(cohort::orderGroups);
        long[] counts = new long[3]; // read, assessed, rejected
        try (CsvOut out = new CsvOut(output, cells, NUMBER_COLUMNS);
                CsvOut rej = rejects.isPresent() ? new CsvOut(rejects.get(), cells, NUMBER_COLUMNS) : null) {
            out.row(OUTPUT_COLUMNS);
            if (rej != null) {
                rej.row(REJECT_COLUMNS);
            }
            for (ScorePairing.Reject r : pairingRejects) {
                write(rej, List.of(Long.toString(r.line()), r.recordId(), r.reason(), r.message()));
                cohort.add(r.groups(), OptionalDouble.empty(), OptionalDouble.empty());
            }
            for (ScorePairing.Unpaired u : unpaired) {
                cohort.add(u.groups(), OptionalDouble.empty(), OptionalDouble.empty());
            }
            source.forEach(row -> {
                counts[0]++;
                if (row.rejection != null) {
                    counts[2]++;
                    write(rej, List.of(Long.toString(row.line), row.recordId, row.rejection[0], row.rejection[1]));
                    cohort.add(row.groups, OptionalDouble.empty(), OptionalDouble.empty());
                    return;
                }
                Optional<ChangeResult> result = cohort.add(row.groups, row.pre, row.post);
                ChangeResult r = result.orElseThrow();
                if (r instanceof ChangeResult.Assessed a) {
                    counts[1]++;
                    write(out, List.of(row.recordId, row.preText, row.postText,
                            row.postValue.subtract(row.preValue).toPlainString(),
                            // full precision: the shortest decimal that reads back as the same double
                            a.rci().isPresent() ? BigDecimal.valueOf(a.rci().getAsDouble()).toPlainString() : "",
                            Vocabulary.reliableChange(a.reliableChange()),
                            Vocabulary.cutoffCrossing(a.crossedCutoff()),
                            Vocabulary.category(a.category())));
                } else {
                    ChangeResult.NotAssessable n = (ChangeResult.NotAssessable) r;
                    counts[2]++;
                    write(rej, List.of(Long.toString(row.line), row.recordId, n.reason().name().toLowerCase(Locale.ROOT),
                            n.message()));
                }
            });
            out.flush();
            if (rej != null) {
                rej.flush();
            }
        }
        return new Run(new DatasetSummary(counts[0], counts[1], counts[2], 0), cohort.report(),
                cohort.groupLevel(0.95));
    }

    /** The input columns the group dimensions read (a crossed {@code team*age_band} reads both). */
    private List<String> inputColumns() {
        return groupColumns.stream().flatMap(d -> CohortAccumulator.columns(d).stream()).distinct().toList();
    }

    private static Reader open(Callable<Reader> input) throws IOException {
        try {
            return input.call();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("input must open: " + e.getClass().getSimpleName(), e);
        }
    }

    private static void write(CsvOut writer, List<String> cells) {
        if (writer == null) {
            return;
        }
        try {
            writer.row(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One input row, parsed; {@code rejection} = {reason, message} when unusable. */
    private static final class PairRow {
        long line;
        String recordId = "";
        String preText = "";
        String postText = "";
        BigDecimal preValue;
        BigDecimal postValue;
        OptionalDouble pre = OptionalDouble.empty();
        OptionalDouble post = OptionalDouble.empty();
        Map<String, String> groups = Map.of();
        String[] rejection;
    }

    private interface PairHandler {
        void accept(PairRow row) throws IOException;
    }

    /** Gives every row to a handler, once per call. */
    private interface PairSource {
        void forEach(PairHandler handler) throws IOException;
    }

    private void read(Reader in, PairHandler handler) throws IOException {
        try (CsvInput rows = CsvInput.of(in)) {
            List<String> header = rows.header();
            int id = header.indexOf("record_id");
            int pre = header.indexOf("pre");
            int post = header.indexOf("post");
            if (id < 0 || pre < 0 || post < 0) {
                throw new DatasetException(1, "header must have record_id, pre and post columns: " + (id < 0
                        ? "record_id" : pre < 0 ? "pre" : "post") + " absent", null);
            }
            Map<String, Integer> groupIndex = new HashMap<>();
            Set<String> seen = new HashSet<>();
            for (String column : inputColumns()) {
                int index = header.indexOf(column);
                if (index < 0) {
                    throw new DatasetException(1, "header must have the group column " + column + ": absent", null);
                }
                groupIndex.put(column, index);
            }
            List<String> cells;
            while ((cells = rows.next()) != null) {
                PairRow row = new PairRow();
                row.line = rows.lastRowLine();
                row.recordId = id < cells.size() ? cells.get(id).strip() : "";
                if (cells.size() != header.size()) {
                    row.rejection = new String[] {"malformed_row", "row must have " + header.size() + " cells: "
                            + cells.size()};
                } else if (row.recordId.isEmpty()) {
                    row.rejection = new String[] {"missing_record_id", "record_id must not be empty: empty"};
                } else if (!seen.add(row.recordId)) {
                    // a record is counted once: the first row is used, later rows of the same id are rejected
                    row.rejection = new String[] {"duplicate_record_id", "record_id must occur once: repeated"};
                } else {
                    Map<String, String> groups = new HashMap<>();
                    for (Map.Entry<String, Integer> group : groupIndex.entrySet()) {
                        groups.put(group.getKey(), cells.get(group.getValue()).strip());
                    }
                    row.groups = groups;
                    row.preText = cells.get(pre).strip();
                    row.postText = cells.get(post).strip();
                    row.rejection = parse(row);
                }
                handler.accept(row);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String[] parse(PairRow row) {
        if (row.preText.isEmpty() || row.postText.isEmpty()) {
            return new String[] {"missing_score", (row.preText.isEmpty() ? "pre" : "post") + " must be given: empty"};
        }
        if (!isNumber(row.preText) || !isNumber(row.postText)) {
            return new String[] {"score_not_a_number", "pre and post must be numbers: "
                    + (isNumber(row.preText) ? "post" : "pre") + " is not"};
        }
        // only text that passed the plain-decimal check ever reaches BigDecimal
        row.preValue = new BigDecimal(row.preText);
        row.postValue = new BigDecimal(row.postText);
        row.pre = OptionalDouble.of(row.preValue.doubleValue());
        row.post = OptionalDouble.of(row.postValue.doubleValue());
        return null;
    }

    /** The longest accepted total, in characters ({@code -} and {@code .} included). */
    public static final int MAX_NUMBER_LENGTH = 32;

    /**
     * A plain ASCII decimal of at most {@value #MAX_NUMBER_LENGTH} characters: {@code -?[0-9]+(\.[0-9]+)?}.
     * Exponents ({@code 1e1}), signs other than a leading minus ({@code +20}), bare points ({@code .5},
     * {@code 5.}), grouping and non-ASCII digits ({@code ٣٠}, {@code ２０}) are not numbers here, so no
     * text can make {@link BigDecimal} expand a huge exponent.
     */
    static boolean isNumber(String text) {
        return Check.plainDecimal(text, MAX_NUMBER_LENGTH);
    }
}
