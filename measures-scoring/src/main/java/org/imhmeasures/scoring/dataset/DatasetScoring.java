/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.core.internal.Check;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.NotScorable;
import org.imhmeasures.scoring.Problem;
import org.imhmeasures.scoring.ScoreResult;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.dataset.internal.DatasetReader;
import org.imhmeasures.scoring.dataset.internal.JsonLinesReader;
import org.imhmeasures.scoring.dataset.internal.LongCsvReader;
import org.imhmeasures.scoring.dataset.internal.Pipeline;
import org.imhmeasures.scoring.dataset.internal.RowSink;
import org.imhmeasures.scoring.dataset.internal.WideCsvReader;

/**
 * Scores a dataset of administrations in one pass over the input: wide CSV (one administration per
 * row) and JSON Lines stream in constant memory; long CSV (one answer per row) is grouped across the
 * whole file in bounded memory (see below); see {@link DatasetFormat}.
 *
 * <p>Each accounting row goes to a {@link RowHandler} ({@link #forEach}) with its {@link Row} (line, record
 * id, timepoint, pass-through values): scored, or rejected with a stable reason. {@link #score} writes the
 * CSV files of the {@code score} command through {@link ScoresCsv} (scored rows; its javadoc gives the
 * header and cells, {@code critical_items} and {@code critical_unanswered} included) and {@link RejectsCsv}
 * (rejected rows, with their alerts).
 *
 * <p>Wide input: a header row with a {@code record_id} column and item-id columns ({@code phq9_1} …);
 * other columns are not scored (they reach handlers as {@link Row#passThrough()}); an empty cell is a
 * missing answer. Reject reasons are {@link Problem#code()} values plus {@code malformed_row} (wrong number
 * of cells) and {@code missing_record_id}; such a row's {@link Rejection} has no scorer result, so no
 * alerts: its answers were not read as an administration. A scored row's result carries its
 * {@link ScoreResult#criticalAlerts()} and {@link ScoreResult#criticalUnanswered()} (a total prorated
 * without PHQ-9 item 9 or CORE-10 item 6 says nothing about the risk it asks about), rejected or not; the
 * reject message also names the alerts.
 *
 * <p>Long and JSON Lines inputs may hold several timepoints per record, so their scores CSV adds one last
 * column, {@code timepoint}; an administration of another instrument is rejected as
 * {@code wrong_instrument}, an item the instrument lacks as {@code unknown_item}, and a malformed line as
 * {@code malformed_row}. For them the accounting row is the administration.
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
 * and thread-safe; each call uses its own reader and writers. {@link #withThreads} spreads a run over
 * several threads with the same output. A progress listener, if set
 * ({@link #withProgress}), hears the number of rows read every {@code every} rows.
 *
 * @since 0.1.0
 */
public final class DatasetScoring {

    /** Long-format input columns. */
    public static final List<String> LONG_COLUMNS = List.of("record_id", "timepoint", "instrument", "item_id", "code");

    /** The most threads {@link #withThreads} accepts. */
    public static final int MAX_THREADS = 64;

    private final Scorer scorer;
    private final Optional<LongConsumer> progress;
    private final long progressEvery;
    private final CsvCells cells;
    private final int maxLineLength;
    private final char delimiter;
    private final int threads;

    private DatasetScoring(Scorer scorer, Optional<LongConsumer> progress, long progressEvery, CsvCells cells,
            int maxLineLength, char delimiter, int threads) {
        this.delimiter = delimiter;
        this.scorer = Check.notNull(scorer, "scorer");
        this.progress = progress;
        Check.argument(progressEvery > 0, "progress interval must be positive: %d", progressEvery);
        this.progressEvery = progressEvery;
        this.cells = Check.notNull(cells, "csv cells");
        Check.argument(maxLineLength > 0, "line length limit must be positive: %d", maxLineLength);
        this.maxLineLength = maxLineLength;
        Check.argument(threads >= 1 && threads <= MAX_THREADS, "threads must be 1..%d: %d", MAX_THREADS, threads);
        this.threads = threads;
    }

    /**
     * Creates a dataset scorer around a {@link Scorer}: no progress listener, text cells neutralised
     * against formula injection, JSON Lines lines of at most {@value BoundedLines#DEFAULT_MAX_LENGTH}
     * characters.
     *
     * @param scorer the scorer (instrument and options)
     * @return the dataset scorer
     */
    public static DatasetScoring of(Scorer scorer) {
        return new DatasetScoring(scorer, Optional.empty(), Long.MAX_VALUE, CsvCells.NEUTRALISE_FORMULAS,
                BoundedLines.DEFAULT_MAX_LENGTH, ',', 1);
    }

    /**
     * Returns a copy that reports progress: {@code listener} hears the number of rows read every
     * {@code every} rows (for a command-line progress line on long runs). This instance is unchanged.
     *
     * @param listener receives rows read so far
     * @param every interval in rows, positive
     * @return a new instance
     */
    public DatasetScoring withProgress(LongConsumer listener, long every) {
        return new DatasetScoring(scorer, Optional.of(Check.notNull(listener, "progress listener")), every, cells,
                maxLineLength, delimiter, threads);
    }

    /**
     * Returns a copy whose {@link #score} writes the text cells of the scores and rejects CSV under
     * {@code cells}: {@link CsvCells#NEUTRALISE_FORMULAS} (the default) prefixes a {@code '} to a text cell
     * that begins with {@code = + - @}, TAB or CR (OWASP "CSV Injection"); {@link CsvCells#RAW} writes
     * every cell as it is. Text cells are every column but the numbers {@code raw_total}, {@code total},
     * {@code items_missing}, {@code subscale:<id>} and the rejects' {@code line}. Handlers given to
     * {@link #forEach} have their own policy ({@link ScoresCsv#of(Writer, Instrument, DatasetFormat,
     * CsvCells)}). This instance is unchanged.
     *
     * @param cells the policy
     * @return a new instance
     * @since 0.1.0
     */
    public DatasetScoring withCsvCells(CsvCells cells) {
        return new DatasetScoring(scorer, progress, progressEvery, cells, maxLineLength, delimiter, threads);
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
        return new DatasetScoring(scorer, progress, progressEvery, cells, characters, delimiter, threads);
    }

    /**
     * Returns a copy that reads CSV input (wide or long) with cells separated by {@code delimiter}:
     * {@code ,} (the default), {@code ;}, TAB or {@code |}. JSON Lines input is unaffected. This instance
     * is unchanged.
     *
     * @param delimiter the cell delimiter
     * @return a new instance
     * @throws IllegalArgumentException when the delimiter is not one of the four
     * @since 0.1.0
     */
    public DatasetScoring withDelimiter(char delimiter) {
        Check.argument(",;\t|".indexOf(delimiter) >= 0, "delimiter must be one of , ; TAB |: %s", delimiter);
        return new DatasetScoring(scorer, progress, progressEvery, cells, maxLineLength, delimiter, threads);
    }

    /**
     * Returns a copy that reads, scores and writes on {@code threads} threads. With 1 (the default) everything
     * runs on the calling thread. With 2 or more, a reader thread reads the input in batches of rows, wide
     * CSV rows are scored by {@code threads - 2} scorer threads (with 2, by the calling thread), and the
     * calling thread hands every row to the handler in input order: the handler sees exactly the calls, in
     * the order, of a run on one thread, always on the calling thread, so the files written are byte for byte
     * the same. Memory stays constant (at most {@code 2 × threads + 4} batches of 1,024 rows exist at once).
     * Long CSV and JSON Lines are read and scored on the reader thread and written on the calling one. A
     * failure ends the run as it would on one thread, after the rows read before it; no thread outlives
     * {@link #forEach}. This instance is unchanged.
     *
     * @param threads 1 to {@value #MAX_THREADS}
     * @return a new instance
     * @since 0.1.0
     */
    public DatasetScoring withThreads(int threads) {
        return new DatasetScoring(scorer, progress, progressEvery, cells, maxLineLength, delimiter, threads);
    }

    /**
     * The number of threads a run uses; see {@link #withThreads}.
     *
     * @return 1 or more
     * @since 0.1.0
     */
    public int threads() {
        return threads;
    }

    /**
     * The scorer: the instrument and scoring options every administration is scored with.
     *
     * @return the scorer
     * @since 0.1.0
     */
    public Scorer scorer() {
        return scorer;
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
     * The scores CSV header for this instrument and wide input; see {@link ScoresCsv#header}.
     *
     * @return column names
     */
    public List<String> outputHeader() {
        return outputHeader(DatasetFormat.WIDE_CSV);
    }

    /**
     * The scores CSV header for this instrument and input format; see {@link ScoresCsv#header}.
     *
     * @param format the input format
     * @return column names
     */
    public List<String> outputHeader(DatasetFormat format) {
        return ScoresCsv.header(scorer.instrument(), format);
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
     * Scores every row of a wide CSV {@code input}, writing scored rows to {@code output}; rejected rows
     * are counted, not kept. See {@link #score(DatasetFormat, Reader, Writer, Writer)}.
     *
     * @param input the CSV input; not closed
     * @param output where the scores CSV goes (header first); flushed, not closed
     * @return the counts
     * @throws DatasetException when the input cannot be read or its header lacks {@code record_id} or
     *         every item column
     * @throws IOException when reading or writing fails
     */
    public DatasetSummary score(Reader input, Writer output) throws IOException {
        return score(DatasetFormat.WIDE_CSV, input, output);
    }

    /**
     * Scores every row of a wide CSV {@code input}; see {@link #score(DatasetFormat, Reader, Writer, Writer)}.
     *
     * @param input the CSV input; not closed
     * @param output where the scores CSV goes (header first); flushed, not closed
     * @param rejects where the rejects CSV goes (header first); flushed, not closed
     * @return the counts
     * @throws DatasetException when the input cannot be read or its header lacks {@code record_id} or
     *         every item column
     * @throws IOException when reading or writing fails
     */
    public DatasetSummary score(Reader input, Writer output, Writer rejects) throws IOException {
        return score(DatasetFormat.WIDE_CSV, input, output, rejects);
    }

    /**
     * Scores every administration of {@code input}, writing scored ones to {@code output}; rejected ones
     * are counted, not kept. See {@link #score(DatasetFormat, Reader, Writer, Writer)}.
     *
     * @param format the input format
     * @param input the input; not closed
     * @param output where the scores CSV goes (header first); flushed, not closed
     * @return the counts
     * @throws DatasetException when the input cannot be read at all, or a CSV header lacks the columns
     *         the format needs
     * @throws IOException when reading or writing fails
     */
    public DatasetSummary score(DatasetFormat format, Reader input, Writer output) throws IOException {
        Check.notNull(format, "format");
        return forEach(format, input, ScoresCsv.of(output, scorer.instrument(), format, cells));
    }

    /**
     * Scores every administration of {@code input}, writing scored ones to {@code output}
     * ({@link ScoresCsv}) and the others to {@code rejects} ({@link RejectsCsv}), under this instance's
     * {@link #withCsvCells cell policy}. Readers and writers are not closed; writers are flushed when the
     * whole input was read. Both headers are written before the input is read.
     *
     * @param format the input format
     * @param input the input; not closed
     * @param output where the scores CSV goes (header first)
     * @param rejects where the rejects CSV goes (header first)
     * @return the counts
     * @throws DatasetException when the input cannot be read at all, or a CSV header lacks the columns
     *         the format needs
     * @throws IOException when reading or writing fails
     */
    public DatasetSummary score(DatasetFormat format, Reader input, Writer output, Writer rejects)
            throws IOException {
        Check.notNull(format, "format");
        return forEach(format, input, RowHandler.all(ScoresCsv.of(output, scorer.instrument(), format, cells),
                RejectsCsv.of(rejects, cells)));
    }

    /**
     * Reads and scores every administration of {@code input}, handing the CSV header (if the format has
     * one), then each row, scored or rejected, to {@code handler}, then the counts to
     * {@link RowHandler#finish}.
     *
     * @param format the input format
     * @param input the input; not closed
     * @param handler receives the header, every row and the counts
     * @return the counts, as given to {@link RowHandler#finish}
     * @throws DatasetException when the input cannot be read at all, or a CSV header lacks the columns
     *         the format needs
     * @throws IOException when reading fails or the handler fails
     */
    public DatasetSummary forEach(DatasetFormat format, Reader input, RowHandler handler) throws IOException {
        Check.notNull(format, "format");
        Check.notNull(input, "input");
        Sink sink = new Sink(Check.notNull(handler, "handler"));
        if (threads == 1) {
            reader(format).read(input, sink);
        } else {
            Pipeline.run(reader(format), input, sink, threads);
        }
        DatasetSummary summary = sink.summary();
        handler.finish(summary);
        return summary;
    }

    /** One reader per format (a new one per run: the long-format reader keeps per-run state). */
    private DatasetReader reader(DatasetFormat format) {
        return switch (format) {
            case LONG_CSV -> delimiter == ',' ? new LongCsvReader(scorer) : new LongCsvReader(scorer, delimiter);
            case JSON_LINES -> new JsonLinesReader(scorer, maxLineLength);
            case WIDE_CSV -> new WideCsvReader(scorer, delimiter);
        };
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
        public void header(List<String> header) throws IOException {
            handler.header(header);
        }

        @Override
        public void result(Row row, ScoreResult result, Supplier<Administration> answers) throws IOException {
            if (!result.criticalAlerts().isEmpty()) {
                alerted++;
            }
            if (!result.criticalUnanswered().isEmpty()) {
                unanswered++;
            }
            if (result instanceof Scored s) {
                tick();
                scored++;
                handler.scored(row, s, answers);
            } else {
                NotScorable n = (NotScorable) result;
                reject(row, Rejection.of(n));
            }
        }

        /** A row rejected before scoring: no result, so no alerts are known. */
        @Override
        public void reject(Row row, String reason, String message) throws IOException {
            reject(row, Rejection.of(reason, message));
        }

        private void reject(Row row, Rejection rejection) throws IOException {
            tick();
            rejected++;
            handler.rejected(row, rejection);
        }

        private void tick() {
            read++;
            if (read % progressEvery == 0 && progress.isPresent()) {
                progress.get().accept(read);
            }
        }

        DatasetSummary summary() {
            return new DatasetSummary(read, scored, rejected, alerted, unanswered);
        }
    }
}
