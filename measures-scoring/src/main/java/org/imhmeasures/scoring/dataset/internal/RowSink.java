/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset.internal;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.ScoreResult;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.dataset.Row;

/**
 * Where a {@link DatasetReader} hands each accounting row: a scored or unscorable administration, or a
 * row rejected before scoring. The sink counts, turns unscorable results into rejections and reports
 * progress; readers only read.
 */
public interface RowSink {

    /**
     * A CSV header, once it is validated (trimmed cells); not called for formats without a header.
     *
     * @param header the header cells
     * @throws IOException when the output fails
     */
    void header(List<String> header) throws IOException;

    /**
     * An administration the scorer has seen.
     *
     * @param row where it is and whose it is; its record id is not empty
     * @param result the scorer's result
     * @param answers the answers as read, built on demand
     * @throws IOException when the output fails
     */
    void result(Row row, ScoreResult result, Supplier<Administration> answers) throws IOException;

    /**
     * A wide row read as codes in form order, to be scored with {@code scorer}: by default now, on the
     * reader's thread; a pipelined sink may score it later on another thread ({@link Pipeline}). Either way it
     * reaches {@link #result} of the sink that finally handles it, in reading order.
     *
     * @param row where it is and whose it is; its record id is not empty
     * @param scorer the scorer
     * @param codes the codes, {@code null} for a column the input lacks; reused by the caller once this
     *        returns, so copy it to keep it
     * @throws IOException when the output fails
     */
    default void codes(Row row, Scorer scorer, String[] codes) throws IOException {
        result(row, scorer.scoreCodes(codes), () -> WideCsvReader.answers(scorer.instrument(), codes));
    }

    /**
     * A row or administration rejected before scoring.
     *
     * @param row where it is and whose it is; record id empty when absent
     * @param reason stable reason code
     * @param message message without identifiers
     * @throws IOException when the output fails
     */
    void reject(Row row, String reason, String message) throws IOException;
}
