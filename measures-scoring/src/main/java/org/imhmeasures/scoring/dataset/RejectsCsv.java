/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.function.Supplier;
import org.imhmeasures.core.internal.Check;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.CriticalAlert;
import org.imhmeasures.scoring.CriticalItemUnanswered;
import org.imhmeasures.scoring.Scored;

/**
 * Writes the rejects CSV of the {@code score} and {@code fhir} commands: one row per rejected row;
 * scored rows are left to {@link ScoresCsv} or another handler. The header, exactly:
 * <pre>line,record_id,reason,message,critical_items,critical_unanswered</pre>
 *
 * <p>{@code line} is the 1-based line where the row starts; {@code reason} a stable code
 * ({@link Rejection#reason()}); {@code message} says what rule the row broke, without identifiers;
 * {@code critical_items} and {@code critical_unanswered} mean what they mean in the scores CSV (ids joined
 * by {@code ;}), so a rejected row's alerts and unknown risk answers are never dropped and one filter finds
 * every row needing a risk follow-up in both files; both are empty for a row that was not scored
 * ({@code malformed_row}, {@code missing_record_id}, {@code line_too_long}). Text cells (every column but
 * {@code line}) go through the {@link CsvCells} policy; CSV quoting only where a cell needs it.
 *
 * <p>The header is written when the handler is created, so a run without rejects gives a header-only
 * file; {@link #finish} flushes. The caller's writer is never closed. One instance per run; not
 * thread-safe.
 *
 * @since 0.1.0
 */
public final class RejectsCsv implements RowHandler {

    /** The columns. */
    public static final List<String> COLUMNS = List.of("line", "record_id", "reason", "message", "critical_items",
            "critical_unanswered");

    private final CsvOut out;

    private RejectsCsv(Writer writer, CsvCells cells) throws IOException {
        Check.notNull(writer, "writer");
        this.out = new CsvOut(writer, Check.notNull(cells, "csv cells"), "line"::equals);
        out.row(COLUMNS);
    }

    /**
     * Creates the handler and writes the header, with text cells neutralised against formula injection.
     *
     * @param writer where the CSV goes; flushed by {@link #finish}, never closed
     * @return the handler
     * @throws IOException when writing the header fails
     */
    public static RejectsCsv of(Writer writer) throws IOException {
        return new RejectsCsv(writer, CsvCells.NEUTRALISE_FORMULAS);
    }

    /**
     * Creates the handler and writes the header.
     *
     * @param writer where the CSV goes; flushed by {@link #finish}, never closed
     * @param cells the policy for text cells
     * @return the handler
     * @throws IOException when writing the header fails
     */
    public static RejectsCsv of(Writer writer, CsvCells cells) throws IOException {
        return new RejectsCsv(writer, cells);
    }

    /**
     * Writes nothing: scored rows belong to {@link ScoresCsv} or another handler.
     *
     * @param row the row
     * @param scored the result
     * @param answers not used
     */
    @Override
    public void scored(Row row, Scored scored, Supplier<Administration> answers) {
        // the rejects file holds rejected rows only; the counts still include this row
    }

    /**
     * Writes the rejected row.
     *
     * @param row its line and record id
     * @param rejection its reason, message and, when it was scored, alerts and unanswered critical items
     * @throws IOException when writing fails
     */
    @Override
    public void rejected(Row row, Rejection rejection) throws IOException {
        out.row(Long.toString(row.line()), row.recordId(), rejection.reason(), rejection.message(),
                alertIds(rejection.criticalAlerts()), unansweredIds(rejection.criticalUnanswered()));
    }

    /**
     * The cells of a rejected row as the rejects CSV holds them, in {@link #COLUMNS} order, before any
     * {@link CsvCells} policy and CSV quoting: the cells this handler writes for the row. Other writers of
     * rejects (a Spark job) use it to give exactly the CLI's cells.
     *
     * @param row the row: its line and record id
     * @param rejection why it was rejected
     * @return the cells, unmodifiable, none {@code null}
     * @since 0.1.0
     */
    public static List<String> cells(Row row, Rejection rejection) {
        Check.notNull(row, "row");
        Check.notNull(rejection, "rejection");
        return List.of(Long.toString(row.line()), row.recordId(), rejection.reason(), rejection.message(),
                alertIds(rejection.criticalAlerts()), unansweredIds(rejection.criticalUnanswered()));
    }

    /**
     * Flushes the CSV to the writer, which stays open.
     *
     * @param summary the run's counts
     * @throws IOException when writing fails
     */
    @Override
    public void finish(DatasetSummary summary) throws IOException {
        out.close();
    }

    /** Item ids of the alerts joined by {@code ;}, empty when there are none. */
    static String alertIds(List<CriticalAlert> alerts) {
        if (alerts.isEmpty()) {
            return "";
        }
        StringBuilder ids = new StringBuilder();
        for (CriticalAlert alert : alerts) {
            if (ids.length() > 0) {
                ids.append(';');
            }
            ids.append(alert.itemId());
        }
        return ids.toString();
    }

    /** Item ids of the unanswered critical items joined by {@code ;}, empty when there are none. */
    static String unansweredIds(List<CriticalItemUnanswered> unanswered) {
        if (unanswered.isEmpty()) {
            return "";
        }
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
