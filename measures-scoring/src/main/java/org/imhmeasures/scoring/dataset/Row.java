/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.imhmeasures.core.internal.Check;

/**
 * Where an accounting row of a dataset is and whose it is, as {@link DatasetScoring} hands it to a
 * {@link RowHandler} with its score or its rejection.
 *
 * <p>Equality is that of the four components. {@link #toString()} shows the line only: the record id,
 * timepoint and pass-through values come from the input and may identify a person.
 *
 * @param line 1-based physical line where the row starts (a CSV header is line 1); for long CSV the line
 *        of the administration's first row
 * @param recordId the pseudonymised record id, trimmed; empty when the row has none ({@code missing_record_id})
 *        or could not be read far enough to find it
 * @param timepoint the timepoint, trimmed; empty when the format has none (wide CSV), the input left it out
 *        or blank, or the row was rejected before its administration was read
 * @param passThrough the input's cells that are not scored, by column name in input order, trimmed: for wide
 *        CSV every column but {@code record_id} and the instrument's items (e.g. {@code team}); empty for long
 *        CSV and JSON Lines (their columns and fields are fixed) and for a row rejected as
 *        {@code malformed_row}; unmodifiable
 * @since 0.1.0
 */
public record Row(long line, String recordId, String timepoint, Map<String, String> passThrough) {

    /**
     * Validates and copies.
     *
     * @param line 1-based physical line where the row starts (a CSV header is line 1); for long CSV the line
     *        of the administration's first row
     * @param recordId the pseudonymised record id, trimmed; empty when the row has none
     * @param timepoint the timepoint, trimmed; empty when there is none
     * @param passThrough the input's cells that are not scored, by column name in input order
     */
    public Row {
        Check.argument(line >= 1, "line must be at least 1: %d", line);
        Check.notNull(recordId, "record id");
        Check.notNull(timepoint, "timepoint");
        Check.notNull(passThrough, "pass-through values");
        passThrough = passThrough.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(passThrough));
    }

    /**
     * A row without timepoint or pass-through values.
     *
     * @param line 1-based physical line where the row starts
     * @param recordId the record id, empty when absent
     * @return the row
     */
    public static Row of(long line, String recordId) {
        return new Row(line, recordId, "", Map.of());
    }

    /**
     * A row without pass-through values.
     *
     * @param line 1-based physical line where the row starts
     * @param recordId the record id, empty when absent
     * @param timepoint the timepoint, empty when there is none
     * @return the row
     */
    public static Row of(long line, String recordId, String timepoint) {
        return new Row(line, recordId, timepoint, Map.of());
    }

    /**
     * A row.
     *
     * @param line 1-based physical line where the row starts
     * @param recordId the record id, empty when absent
     * @param timepoint the timepoint, empty when there is none
     * @param passThrough the input's cells that are not scored, by column name in input order
     * @return the row
     */
    public static Row of(long line, String recordId, String timepoint, Map<String, String> passThrough) {
        return new Row(line, recordId, timepoint, passThrough);
    }

    /** Shows the line only: the other components come from the input. */
    @Override
    public String toString() {
        return "Row[line=" + line + "]";
    }
}
