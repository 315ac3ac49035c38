/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.imhmeasures.core.instrument.Subscale;
import org.imhmeasures.core.internal.Check;
import org.imhmeasures.scoring.CriticalAlert;
import org.imhmeasures.scoring.CriticalItemUnanswered;
import org.imhmeasures.scoring.NotScorable;
import org.imhmeasures.scoring.Problem;
import org.imhmeasures.scoring.ScoreResult;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.SubscaleScore;
import org.imhmeasures.scoring.dataset.internal.DatasetReader;
import org.imhmeasures.scoring.dataset.internal.JsonLinesReader;
import org.imhmeasures.scoring.dataset.internal.LongCsvReader;
import org.imhmeasures.scoring.dataset.internal.RowSink;
import org.imhmeasures.scoring.dataset.internal.WideCsvReader;

/**
 * Scores a dataset of administrations in one pass over the input: wide CSV (one administration per
 * row) and JSON Lines stream in constant memory; long CSV (one answer per row) is grouped across the
 * whole file in bounded memory (see below); see {@link DatasetFormat}.
 *
 * <p>Wide input: a header row with a {@code record_id} column and item-id columns ({@code phq9_1} …);
 * other columns are ignored; an empty cell is a missing answer. Output header, exactly:
 * <pre>record_id,instrument,definition_version,raw_total,total,band,caseness,items_missing,prorated,critical_items,critical_unanswered</pre>
 * followed by one {@code subscale:<id>} column per subscale. {@code caseness} is {@code true}, {@code false}
 * or empty; {@code items_missing} is the number of unanswered items; {@code critical_items} the ids of
 * critical items at alert level ({@link ScoreResult#criticalAlerts()}) joined by {@code ;};
 * {@code critical_unanswered} the ids of critical items without a valid answer
 * ({@link ScoreResult#criticalUnanswered()}: a total prorated without PHQ-9 item 9 or CORE-10 item 6 says
 * nothing about the risk it asks about) joined by {@code ;}, empty when every critical item was answered.
 *
 * <p>Rows that cannot be scored go to the rejects as
 * <pre>line,record_id,reason,message,critical_items,critical_unanswered</pre>
 * Reasons are {@link Problem#code()} values plus {@code malformed_row} (wrong number of cells) and
 * {@code missing_record_id}. {@code critical_items} and {@code critical_unanswered} mean what they mean in
 * the output, so a rejected row's alerts and unknown risk answers are never dropped and one filter finds
 * every row needing a risk follow-up in both files; the message also names the alerts, as before. Both are
 * empty for a row that was not scored at all ({@code malformed_row}, {@code missing_record_id},
 * {@code duplicate_item}): its answers were not read as an administration.
 *
 * <p>Long and JSON Lines inputs may hold several timepoints per record, so their output adds one last
 * column, {@code timepoint}, after the subscale columns; an administration of another instrument is
 * rejected as {@code wrong_instrument}, an item the instrument lacks as {@code unknown_item}, and a
 * malformed line as {@code malformed_row}. For them the accounting row is the administration.
 *
 * <p>Long input: the rows of one administration (same trimmed {@code record_id}, {@code timepoint} and
 * {@code instrument}) are grouped wherever they are in the file, so the result does not depend on row
 * order. An administration is reported at the line of its first row, and rows come out in order of that
 * line (for a file grouped by administration, the order of the file and the output of reading it group
 * by group); a malformed row is a rejected row of its own, and so is each run of consecutive rows
 * without a record id. Nothing is scored before the last row is read. Memory is bounded whatever the
 * size of the file (two stages of an estimated 16 MiB of rows each, a 16 MiB filter, 4 MiB of merge
 * buffers; 10 million rows run in a 96 MiB heap): past that, rows go to temporary files under
 * {@code java.io.tmpdir}, holding the input's record ids and answers and deleted when the run ends or
 * fails, or by a shutdown hook. Peak disk is at most about the input's size for a file grouped by
 * administration and up to about four times it for one whose administrations are spread across it
 * (sorted twice). An administration of more than 10,000 rows or 1 MiB of item ids and codes is
 * rejected as {@code malformed_row}.
 *
 * <p>Reading: input is UTF-8 text, with or without a byte-order mark (dropped). Input that fails to
 * decode (see {@link DatasetInput} for exact positions), a CSV cell over 100,000 characters, a quote
 * left open at the end of the input, and a CSV header naming a column twice (cells compared trimmed)
 * refuse the whole input with a {@link DatasetException} giving line and column (for the quote, where
 * it opened; for the header, where the second cell starts). Header cells are trimmed before they are
 * matched. A JSON Lines line over {@link #withMaxLineLength(int) the line length limit} (1 MiB by
 * default) is skipped without being held and rejected as {@code line_too_long}.
 *
 * <p>Rows read = rows scored + rows rejected, always ({@link DatasetSummary}). Instances are immutable
 * and thread-safe; each call uses its own reader and writers. A progress listener, if set, hears the
 * number of rows read every {@code every} rows.
 *
 * @since 0.1.0
 */
public final class DatasetScoring {

    /** Output columns before the subscale columns. */
    public static final List<String> OUTPUT_COLUMNS = List.of("record_id", "instrument", "definition_version",
            "raw_total", "total", "band", "caseness", "items_missing", "prorated", "critical_items",
            "critical_unanswered");

    /** Rejects file columns. */
    public static final List<String> REJECT_COLUMNS = List.of("line", "record_id", "reason", "message",
            "critical_items", "critical_unanswered");

    /** Long-format input columns. */
    public static final List<String> LONG_COLUMNS = List.of("record_id", "timepoint", "instrument", "item_id", "code");

    /** Output and rejects columns that hold numbers (never altered by {@link CsvCells}). */
    private static final java.util.function.Predicate<String> NUMBER_COLUMNS = name -> name.equals("raw_total")
            || name.equals("total") || name.equals("items_missing") || name.startsWith("subscale:")
            || name.equals("line");

    private final Scorer scorer;
    private final CsvMapper mapper;
    private final java.util.function.LongConsumer progress;
    private final long progressEvery;
    private final CsvCells cells;
    private final int maxLineLength;

    private DatasetScoring(Scorer scorer) {
        this(scorer, read -> { }, Long.MAX_VALUE, CsvCells.NEUTRALISE_FORMULAS, BoundedLines.DEFAULT_MAX_LENGTH);
    }

    private DatasetScoring(Scorer scorer, java.util.function.LongConsumer progress, long progressEvery,
            CsvCells cells, int maxLineLength) {
        this.cells = Check.notNull(cells, "csv cells");
        this.progress = Check.notNull(progress, "progress");
        Check.argument(progressEvery > 0, "progress interval must be positive: %d", progressEvery);
        this.progressEvery = progressEvery;
        Check.argument(maxLineLength > 0, "line length limit must be positive: %d", maxLineLength);
        this.maxLineLength = maxLineLength;
        this.scorer = Check.notNull(scorer, "scorer");
        // quote only where CSV needs it, so output is stable and diff-friendly
        this.mapper = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
        // a hostile cell must not exhaust memory
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxStringLength(100_000).build());
    }

    /**
     * Creates a dataset scorer around a {@link Scorer}.
     *
     * @param scorer the scorer (instrument and options)
     * @return the dataset scorer
     */
    public static DatasetScoring of(Scorer scorer) {
        return new DatasetScoring(scorer);
    }

    /**
     * Returns a copy that reports progress: {@code listener} hears the number of rows read every
     * {@code every} rows (for a command-line progress line on long runs).
     *
     * @param listener receives rows read so far
     * @param every interval in rows, positive
     * @return a new instance
     */
    public DatasetScoring withProgress(java.util.function.LongConsumer listener, long every) {
        return new DatasetScoring(scorer, listener, every, cells, maxLineLength);
    }

    /**
     * Returns a copy that writes the text cells of the output and rejects CSV under {@code cells}:
     * {@link CsvCells#NEUTRALISE_FORMULAS} (the default) prefixes a {@code '} to a text cell that begins
     * with {@code = + - @}, TAB or CR (OWASP "CSV Injection"); {@link CsvCells#RAW} writes every cell as
     * it is. Text cells are every column but the numbers {@code raw_total}, {@code total},
     * {@code items_missing}, {@code subscale:<id>} and the rejects' {@code line}.
     *
     * @param cells the policy
     * @return a new instance
     * @since 0.1.0
     */
    public DatasetScoring withCsvCells(CsvCells cells) {
        return new DatasetScoring(scorer, progress, progressEvery, cells, maxLineLength);
    }

    /**
     * Returns a copy with another JSON Lines line length limit (default
     * {@value BoundedLines#DEFAULT_MAX_LENGTH} characters). A longer line is read to its end without
     * being held in memory and rejected as {@code line_too_long}; it counts as one row read. This
     * instance is unchanged.
     *
     * @param characters the longest line, in characters, positive
     * @return a new instance
     * @since 0.1.0
     */
    public DatasetScoring withMaxLineLength(int characters) {
        return new DatasetScoring(scorer, progress, progressEvery, cells, characters);
    }

    /**
     * The JSON Lines line length limit.
     *
     * @return the longest line read, in characters
     * @since 0.1.0
     */
    public int maxLineLength() {
        return maxLineLength;
    }

    /**
     * The output header for this instrument and wide input.
     *
     * @return column names
     */
    public List<String> outputHeader() {
        return outputHeader(DatasetFormat.WIDE_CSV);
    }

    /**
     * The output header for this instrument and input format: the contract columns, one
     * {@code subscale:<id>} column per subscale, and for long and JSON Lines input a final
     * {@code timepoint}.
     *
     * @param format the input format
     * @return column names
     */
    public List<String> outputHeader(DatasetFormat format) {
        List<String> header = new ArrayList<>(OUTPUT_COLUMNS);
        for (Subscale subscale : scorer.instrument().subscales()) {
            header.add("subscale:" + subscale.id());
        }
        if (format != DatasetFormat.WIDE_CSV) {
            header.add("timepoint");
        }
        return header;
    }

    /**
     * The item ids of the instrument that the header lacks; such items are missing in every row.
     *
     * @param header the input header cells
     * @return absent item ids, in form order
     */
    public List<String> absentItemColumns(List<String> header) {
        List<String> absent = new ArrayList<>();
        scorer.instrument().items().forEach(item -> {
            if (!header.contains(item.id())) {
                absent.add(item.id());
            }
        });
        return absent;
    }

    /**
     * Scores every row of a wide CSV {@code input}; see {@link #score(DatasetFormat, Reader, Writer,
     * Optional, java.util.function.Consumer)}.
     *
     * @param input the CSV input
     * @param output where scored rows go (header first)
     * @param rejects where rejected rows go (header first); empty to drop them after counting
     * @param headerListener receives the input header once it has been validated, e.g. to warn about absent
     *        item columns
     * @return the counts
     * @throws DatasetException when the input cannot be read or its header lacks {@code record_id} or
     *         every item column
     * @throws IOException when writing fails
     */
    public DatasetSummary score(Reader input, Writer output, Optional<Writer> rejects,
            java.util.function.Consumer<List<String>> headerListener) throws IOException {
        return score(DatasetFormat.WIDE_CSV, input, output, rejects, headerListener);
    }

    /**
     * Scores every administration of {@code input}, writing scored ones to {@code output} and unusable
     * ones to {@code rejects}. Readers and writers are not closed; writers are flushed.
     *
     * @param format the input format
     * @param input the input
     * @param output where scored rows go (header first)
     * @param rejects where rejected rows go (header first); empty to drop them after counting
     * @param headerListener receives the CSV header once it has been validated (not called for JSON Lines)
     * @return the counts
     * @throws DatasetException when the input cannot be read at all, or a CSV header lacks the columns
     *         the format needs
     * @throws IOException when writing fails
     */
    public DatasetSummary score(DatasetFormat format, Reader input, Writer output, Optional<Writer> rejects,
            java.util.function.Consumer<List<String>> headerListener) throws IOException {
        try (CsvHandler csv = new CsvHandler(output, rejects, format)) {
            DatasetSummary summary = forEach(format, input, headerListener, csv);
            csv.flush();
            return summary;
        }
    }

    /**
     * Receives each administration of a dataset as it is read: scored, or rejected with a stable reason.
     * For other outputs than this class's CSV (FHIR resources, a database).
     *
     * @since 0.1.0
     */
    public interface RowHandler {

        /**
         * A scored administration.
         *
         * @param line 1-based line where it starts
         * @param recordId its record id
         * @param timepoint its timepoint as given, empty when the format has none
         * @param scored the result
         * @param answers the answers as read, built on demand; call it during this method only
         * @throws IOException when the handler's output fails
         */
        void scored(long line, String recordId, String timepoint, Scored scored,
                java.util.function.Supplier<org.imhmeasures.scoring.Administration> answers) throws IOException;

        /**
         * An administration that cannot be scored or a row that cannot be read.
         *
         * <p>When the row was scored, {@code result} carries its {@link NotScorable#criticalAlerts()} and
         * {@link NotScorable#criticalUnanswered()}: a handler must not drop them (this class's CSV writes
         * them to the rejects' {@code critical_items} and {@code critical_unanswered} columns; the CLI's
         * {@code fhir} command writes an alert Observation for a rejected row with an alert).
         *
         * @param line 1-based line where it starts
         * @param recordId its record id, empty when absent
         * @param reason stable reason code
         * @param message message without identifiers
         * @param result the scorer's result when the row was read and scored; empty when it could not be read
         *        as an administration ({@code malformed_row}, {@code missing_record_id}, {@code duplicate_item})
         * @throws IOException when the handler's output fails
         */
        void rejected(long line, String recordId, String reason, String message, Optional<NotScorable> result)
                throws IOException;
    }

    /**
     * Reads and scores every administration of {@code input}, handing each to {@code handler}; counts
     * as {@link #score(DatasetFormat, Reader, Writer, Optional, java.util.function.Consumer)} does.
     *
     * @param format the input format
     * @param input the input; not closed
     * @param headerListener receives the CSV header once it has been validated (not called for JSON Lines)
     * @param handler receives every administration, scored or rejected
     * @return the counts
     * @throws DatasetException when the input cannot be read at all, or a CSV header lacks the columns
     *         the format needs
     * @throws IOException when the handler fails
     */
    public DatasetSummary forEach(DatasetFormat format, Reader input,
            java.util.function.Consumer<List<String>> headerListener, RowHandler handler) throws IOException {
        Check.notNull(format, "format");
        Check.notNull(input, "input");
        Check.notNull(headerListener, "header listener");
        Sink sink = new Sink(Check.notNull(handler, "handler"));
        reader(format).read(input, headerListener, sink);
        return sink.summary();
    }

    /** One reader per format (a new one per run: the long-format reader keeps per-run state). */
    private DatasetReader reader(DatasetFormat format) {
        switch (format) {
            case LONG_CSV:
                return new LongCsvReader(scorer);
            case JSON_LINES:
                return new JsonLinesReader(scorer, maxLineLength);
            case WIDE_CSV:
            default:
                return new WideCsvReader(scorer);
        }
    }

    /** Counts every administration once, turns unscorable ones into rejections, reports progress. */
    private final class Sink implements RowSink {
        private final RowHandler handler;
        private long read;
        private long scored;
        private long rejected;
        private long alerted;
        private long unanswered;

        Sink(RowHandler handler) {
            this.handler = handler;
        }

        @Override
        public void result(long line, String recordId, String timepoint, ScoreResult result,
                java.util.function.Supplier<org.imhmeasures.scoring.Administration> answers) throws IOException {
            if (!result.criticalAlerts().isEmpty()) {
                alerted++;
            }
            if (!result.criticalUnanswered().isEmpty()) {
                unanswered++;
            }
            if (result instanceof Scored s) {
                tick();
                scored++;
                handler.scored(line, recordId, timepoint, s, answers);
            } else {
                NotScorable n = (NotScorable) result;
                reject(line, recordId, n.firstProblem().code(), rejectMessage(n), Optional.of(n));
            }
        }

        /** A row rejected before scoring: no result, so no alerts are known. */
        @Override
        public void reject(long line, String recordId, String reason, String message) throws IOException {
            reject(line, recordId, reason, message, Optional.empty());
        }

        private void reject(long line, String recordId, String reason, String message, Optional<NotScorable> result)
                throws IOException {
            tick();
            rejected++;
            handler.rejected(line, recordId, reason, message, result);
        }

        private void tick() {
            read++;
            if (read % progressEvery == 0) {
                progress.accept(read);
            }
        }

        DatasetSummary summary() {
            return new DatasetSummary(read, scored, rejected, alerted, unanswered);
        }
    }

    /** This class's CSV output: the contract header and rows, and the rejects file. */
    private final class CsvHandler implements RowHandler, java.io.Closeable {
        private final CsvOut out;
        private final CsvOut rej;
        private final boolean withTimepoint;

        CsvHandler(Writer output, Optional<Writer> rejects, DatasetFormat format) throws IOException {
            this.out = new CsvOut(mapper, output, cells, NUMBER_COLUMNS);
            this.rej = rejects.isPresent() ? new CsvOut(mapper, rejects.get(), cells, NUMBER_COLUMNS) : null;
            this.withTimepoint = format != DatasetFormat.WIDE_CSV;
            out.row(outputHeader(format));
            if (rej != null) {
                rej.row(REJECT_COLUMNS);
            }
        }

        @Override
        public void scored(long line, String recordId, String timepoint, Scored scored,
                java.util.function.Supplier<org.imhmeasures.scoring.Administration> answers) throws IOException {
            writeRow(out, recordId, scored, withTimepoint ? timepoint : null);
        }

        @Override
        public void rejected(long line, String recordId, String reason, String message, Optional<NotScorable> result)
                throws IOException {
            if (rej != null) {
                rej.row(Long.toString(line), recordId, reason, message,
                        result.map(n -> alertIds(n.criticalAlerts())).orElse(""),
                        result.map(n -> unansweredIds(n.criticalUnanswered())).orElse(""));
            }
        }

        void flush() throws IOException {
            out.flush();
            if (rej != null) {
                rej.flush();
            }
        }

        @Override
        public void close() throws IOException {
            // closes both generators, leaving the caller's writers open
            try {
                out.close();
            } finally {
                if (rej != null) {
                    rej.close();
                }
            }
        }
    }

    private static final String[] SMALL_INTS = new String[1001];

    static {
        for (int i = 0; i < SMALL_INTS.length; i++) {
            SMALL_INTS[i] = Integer.toString(i);
        }
    }

    private static String text(int value) {
        return value >= 0 && value < SMALL_INTS.length ? SMALL_INTS[value] : Integer.toString(value);
    }

    /** Plain notation; uses the cached {@code toString()} whenever that is already plain. */
    static String plain(BigDecimal value) {
        boolean exponentForm = value.scale() < 0
                || value.signum() != 0 && value.precision() - value.scale() - 1 < -6;
        return exponentForm ? value.toPlainString() : value.toString();
    }

    private static int itemScoreSum(Scored s) {
        int sum = 0;
        for (int score : s.itemScores().values()) {
            sum += score;
        }
        return sum;
    }

    private void writeRow(CsvOut out, String recordId, Scored s, String timepoint) throws IOException {
        String[] cells = new String[OUTPUT_COLUMNS.size() + s.subscales().size() + (timepoint == null ? 0 : 1)];
        cells[0] = recordId;
        cells[1] = s.provenance().instrumentId();
        cells[2] = s.provenance().definitionVersion();
        // raw_total as before: for instruments without a total (GBO, HADS) the sum of the item scores
        cells[3] = s.rawTotal().isPresent() ? text(s.rawTotal().getAsInt()) : text(itemScoreSum(s));
        // BigDecimal caches toString(), and our totals (scale 0 or 2) print without exponent, so the
        // shared complete-answer totals cost no formatting per row
        cells[4] = s.total().map(DatasetScoring::plain).orElse("");
        cells[5] = s.band().map(b -> b.label()).orElse("");
        cells[6] = s.caseness().csv();
        cells[7] = text(s.itemsMissing().size());
        cells[8] = s.prorated() ? "true" : "false";
        cells[9] = s.criticalAlerts().isEmpty() ? "" : alertIds(s.criticalAlerts());
        cells[10] = s.criticalUnanswered().isEmpty() ? "" : unansweredIds(s.criticalUnanswered());
        int c = OUTPUT_COLUMNS.size();
        if (!s.subscales().isEmpty()) {
            for (SubscaleScore sub : s.subscales().values()) {
                cells[c++] = sub.score().map(DatasetScoring::plain).orElse("");
            }
        }
        if (timepoint != null) {
            cells[c] = timepoint;
        }
        out.row(cells);
    }

    private static String rejectMessage(NotScorable n) {
        StringBuilder message = new StringBuilder();
        for (Problem problem : n.problems()) {
            if (message.length() > 0) {
                message.append("; ");
            }
            message.append(problem.message());
        }
        if (!n.criticalAlerts().isEmpty()) {
            message.append("; critical item at alert level: ").append(alertIds(n.criticalAlerts()));
        }
        return message.toString();
    }

    private static String alertIds(List<CriticalAlert> alerts) {
        StringBuilder ids = new StringBuilder();
        for (CriticalAlert alert : alerts) {
            if (ids.length() > 0) {
                ids.append(';');
            }
            ids.append(alert.itemId());
        }
        return ids.toString();
    }

    private static String unansweredIds(List<CriticalItemUnanswered> unanswered) {
        StringBuilder ids = new StringBuilder();
        for (CriticalItemUnanswered item : unanswered) {
            if (ids.length() > 0) {
                ids.append(';');
            }
            ids.append(item.itemId());
        }
        return ids.toString();
    }


}
