/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.imhmeasures.core.internal.Check;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.Scored;

/**
 * Receives a dataset as {@link DatasetScoring#forEach} reads it: the CSV header, then each accounting row,
 * scored or rejected, in order of the line where it starts, then the run's counts. {@link ScoresCsv} and
 * {@link RejectsCsv} write the two CSV files of the {@code score} command; other handlers write FHIR
 * resources, a database, or warnings. {@link #all(RowHandler...)} hands every event to several.
 *
 * <p>Every row is handed to {@link #scored} or {@link #rejected}, exactly once; a handler decides what
 * to do with both (so neither has a default). An exception thrown by a handler ends the run and reaches
 * the caller of {@code forEach}.
 *
 * @since 0.1.0
 */
public interface RowHandler {

    /**
     * The CSV header, once it has been validated (cells trimmed), before any row; e.g. to warn about
     * absent item columns ({@link DatasetScoring#absentItemColumns}). Not called for JSON Lines. Does
     * nothing by default.
     *
     * @param header the header cells
     * @throws IOException when the handler's output fails
     */
    default void header(List<String> header) throws IOException {
    }

    /**
     * A scored administration.
     *
     * @param row where it is and whose it is; its record id is never empty
     * @param scored the result
     * @param answers the answers as read, built on demand; call it during this method only
     * @throws IOException when the handler's output fails
     */
    void scored(Row row, Scored scored, Supplier<Administration> answers) throws IOException;

    /**
     * An administration that cannot be scored, or a row that cannot be read as one.
     *
     * <p>When the row was scored, {@link Rejection#result()} carries its critical-item alerts and
     * unanswered critical items: a handler must not drop them ({@link RejectsCsv} writes them to the
     * rejects' {@code critical_items} and {@code critical_unanswered} columns; the CLI's {@code fhir}
     * command also writes an alert Observation for a rejected row with an alert).
     *
     * @param row where it is and whose it is; record id empty when absent
     * @param rejection the reason, message and, when the row was scored, the scorer's result
     * @throws IOException when the handler's output fails
     */
    void rejected(Row row, Rejection rejection) throws IOException;

    /**
     * The end of a run that read the whole input: called once, after the last row, with the counts
     * {@code forEach} then returns. Not called when the run fails (unreadable input, a failing handler),
     * so a handler that sees it knows its output is complete: flush it, write a trailer, commit. Returns
     * nothing by design: the counts are the run's result and {@code forEach} returns them. Does nothing by
     * default.
     *
     * @param summary rows read, scored and rejected, and rows with critical alerts or unanswered critical
     *        items
     * @throws IOException when the handler's output fails
     */
    default void finish(DatasetSummary summary) throws IOException {
    }

    /**
     * A handler that hands every event to each of {@code handlers}, in order: e.g. a {@link ScoresCsv},
     * a {@link RejectsCsv} and a header warning together.
     *
     * @param handlers the handlers, at least one
     * @return the combined handler
     */
    static RowHandler all(RowHandler... handlers) {
        Check.argument(Check.notNull(handlers, "handlers").length > 0, "handlers must number at least 1: %d",
                handlers.length);
        List<RowHandler> each = new ArrayList<>(handlers.length);
        for (RowHandler handler : handlers) {
            each.add(Check.notNull(handler, "handler"));
        }
        return new RowHandler() {
            @Override
            public void header(List<String> header) throws IOException {
                for (RowHandler handler : each) {
                    handler.header(header);
                }
            }

            @Override
            public void scored(Row row, Scored scored, Supplier<Administration> answers) throws IOException {
                for (RowHandler handler : each) {
                    handler.scored(row, scored, answers);
                }
            }

            @Override
            public void rejected(Row row, Rejection rejection) throws IOException {
                for (RowHandler handler : each) {
                    handler.rejected(row, rejection);
                }
            }

            @Override
            public void finish(DatasetSummary summary) throws IOException {
                for (RowHandler handler : each) {
                    handler.finish(summary);
                }
            }
        };
    }
}
