/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.dataset.DatasetException;
import org.imhmeasures.scoring.dataset.Rejection;
import org.imhmeasures.scoring.dataset.Row;

/**
 * Wide CSV: one administration per row, {@code record_id} plus one column per item id, an empty cell a
 * missing answer; other columns are not scored and reach the handler as the row's pass-through values.
 * Streams in constant memory.
 */
public final class WideCsvReader implements DatasetReader {

    private static final String RECORD_ID = "record_id";

    private final Scorer scorer;
    private final char delimiter;

    /**
     * Creates the reader.
     *
     * @param scorer scores each row
     */
    public WideCsvReader(Scorer scorer) {
        this(scorer, ',');
    }

    /**
     * Creates the reader for a CSV with another cell delimiter.
     *
     * @param scorer scores each row
     * @param delimiter the cell delimiter
     */
    public WideCsvReader(Scorer scorer, char delimiter) {
        this.scorer = scorer;
        this.delimiter = delimiter;
    }

    @Override
    public void read(Reader input, RowSink sink) throws IOException {
        Instrument instrument = scorer.instrument();
        int itemCount = instrument.items().size();
        try (CsvInput rows = CsvInput.of(input, delimiter)) {
            List<String> header = rows.header();
            int recordIdColumn = header.indexOf(RECORD_ID);
            if (recordIdColumn < 0) {
                throw new DatasetException(1, "header must have a record_id column: absent", null);
            }
            int[] itemColumns = new int[itemCount];
            boolean anyItem = false;
            for (int i = 0; i < itemCount; i++) {
                itemColumns[i] = header.indexOf(instrument.items().get(i).id());
                anyItem |= itemColumns[i] >= 0;
            }
            if (!anyItem) {
                throw new DatasetException(1, "header must have at least one item column of " + instrument.id()
                        + " (" + instrument.items().get(0).id() + " ...): none", null);
            }
            int[] passThroughColumns = passThroughColumns(header, recordIdColumn, itemColumns);
            sink.header(header);
            String[] codes = new String[itemCount];
            List<String> row;
            while ((row = rows.next()) != null) {
                long line = rows.lastRowLine();
                String recordId = recordIdColumn < row.size() ? row.get(recordIdColumn).strip() : "";
                if (row.size() != header.size()) {
                    sink.reject(Row.of(line, recordId), "malformed_row", "row must have " + header.size() + " cells: "
                            + row.size());
                } else if (recordId.isEmpty()) {
                    Rejection missing = Rejection.missingRecordId();
                    sink.reject(Row.of(line, ""), missing.reason(), missing.message());
                } else {
                    for (int i = 0; i < itemCount; i++) {
                        codes[i] = itemColumns[i] >= 0 ? row.get(itemColumns[i]) : null;
                    }
                    Row scored = passThroughColumns.length == 0 ? Row.of(line, recordId, "")
                            : Row.of(line, recordId, "", passThrough(header, row, passThroughColumns));
                    sink.codes(scored, scorer, codes);
                }
            }
        }
    }

    /** The columns that are neither {@code record_id} nor an item of the instrument, in header order. */
    private static int[] passThroughColumns(List<String> header, int recordIdColumn, int[] itemColumns) {
        boolean[] used = new boolean[header.size()];
        used[recordIdColumn] = true;
        for (int column : itemColumns) {
            if (column >= 0) {
                used[column] = true;
            }
        }
        int[] columns = new int[header.size()];
        int count = 0;
        for (int c = 0; c < used.length; c++) {
            if (!used[c]) {
                columns[count++] = c;
            }
        }
        return Arrays.copyOf(columns, count);
    }

    /** The row's pass-through cells by column name, trimmed as the record id is. */
    private static Map<String, String> passThrough(List<String> header, List<String> row, int[] columns) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int column : columns) {
            values.put(header.get(column), row.get(column).strip());
        }
        return values;
    }

    /**
     * A wide row's answers as an administration, for handlers that need it.
     *
     * @param instrument the instrument read
     * @param codes the codes in form order, {@code null} where the column is absent
     * @return the administration
     */
    static Administration answers(Instrument instrument, String[] codes) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 0; i < codes.length; i++) {
            answers.put(instrument.items().get(i).id(), codes[i]);
        }
        return Administration.of(instrument.id(), answers);
    }
}
