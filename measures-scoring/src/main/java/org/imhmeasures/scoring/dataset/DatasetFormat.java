/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset;

import java.util.Locale;
import java.util.Optional;

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
    WIDE_CSV("wide"),
    /**
     * CSV, one answer per row: {@code record_id,timepoint,instrument,item_id,code}; all rows with the
     * same record, timepoint and instrument form one administration, wherever they are in the file,
     * which is one accounting row reported at the line of its first row. Rows may come in any order;
     * the cost is that nothing is scored before the last row is read, and large files are grouped
     * through temporary files (see {@link DatasetScoring}).
     */
    LONG_CSV("long"),
    /**
     * JSON Lines, one administration per line:
     * {@code {"record_id": "...", "timepoint": "baseline", "instrument": "PHQ-9", "answers": {"phq9_1": "2"}}}
     * ({@code timepoint} optional; answers are strings, whole numbers or {@code null} for missing).
     */
    JSON_LINES("jsonl");

    private final String cliName;

    DatasetFormat(String cliName) {
        this.cliName = cliName;
    }

    /**
     * The command-line name: {@code wide}, {@code long} or {@code jsonl}.
     *
     * @return the name
     */
    public String cliName() {
        return cliName;
    }

    /**
     * Finds a format by its command-line name.
     *
     * @param name {@code wide}, {@code long} or {@code jsonl}
     * @return the format, or empty
     */
    public static Optional<DatasetFormat> fromCliName(String name) {
        for (DatasetFormat format : values()) {
            if (format.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
