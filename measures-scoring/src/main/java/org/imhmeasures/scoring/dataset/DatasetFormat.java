/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset;

/**
 * The shape of a dataset of administrations.
 *
 * @since 0.1.0
 */
public enum DatasetFormat {
    /**
     * CSV, one administration per row: {@code record_id} plus one column per item id; other columns are
     * ignored. Each row is one accounting row.
     */
    WIDE_CSV,
    /**
     * CSV, one answer per row: {@code record_id,timepoint,instrument,item_id,code}; all rows with the
     * same record, timepoint and instrument form one administration, wherever they are in the file,
     * which is one accounting row reported at the line of its first row. Rows may come in any order;
     * the cost is that nothing is scored before the last row is read, and large files are grouped
     * through temporary files (see {@link DatasetScoring}).
     */
    LONG_CSV,
    /**
     * JSON Lines, one administration per line:
     * {@code {"record_id": "...", "timepoint": "baseline", "instrument": "PHQ-9", "answers": {"phq9_1": "2"}}}
     * ({@code timepoint} optional; answers are strings, whole numbers or {@code null} for missing).
     */
    JSON_LINES
}
