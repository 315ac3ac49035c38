/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset.internal;

import java.io.IOException;
import java.util.function.Supplier;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.ScoreResult;

/**
 * Where a {@link DatasetReader} hands each accounting row: a scored or unscorable administration, or a
 * row rejected before scoring. The sink counts, turns unscorable results into rejections and reports
 * progress; readers only read.
 */
public interface RowSink {

    /**
     * An administration the scorer has seen.
     *
     * @param line 1-based line where it starts
     * @param recordId its record id, not empty
     * @param timepoint its timepoint as given, empty when the format has none
     * @param result the scorer's result
     * @param answers the answers as read, built on demand
     * @throws IOException when the output fails
     */
    void result(long line, String recordId, String timepoint, ScoreResult result, Supplier<Administration> answers)
            throws IOException;

    /**
     * A row or administration rejected before scoring.
     *
     * @param line 1-based line where it starts
     * @param recordId its record id, empty when absent
     * @param reason stable reason code
     * @param message message without identifiers
     * @throws IOException when the output fails
     */
    void reject(long line, String recordId, String reason, String message) throws IOException;
}
