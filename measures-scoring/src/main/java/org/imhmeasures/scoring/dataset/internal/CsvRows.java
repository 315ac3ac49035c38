/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset.internal;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads rows as lists of cells from a WRAP_AS_ARRAY CSV parser, tracking each row's first line (and,
 * on request, each cell's column). The returned list is reused for the next row: copy it to keep it.
 */
final class CsvRows {
    private final CsvParser parser;
    private final ArrayList<String> cells = new ArrayList<>(32);
    private final ArrayList<Long> columns = new ArrayList<>();
    private long lastRowLine;
    private boolean started;
    private boolean trackColumns;

    CsvRows(CsvParser parser) {
        this.parser = parser;
    }

    /** Records the column of every cell of the rows that follow, until switched off. */
    void trackColumns(boolean track) {
        this.trackColumns = track;
    }

    /** The next row with content, or {@code null} at the end; blank lines are not rows. */
    List<String> next() throws IOException {
        if (!started) {
            started = true;
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return null;
            }
        }
        while (true) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return null;
            }
            cells.clear();
            columns.clear();
            long firstLine = -1;
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
                if (firstLine < 0) {
                    // the row's own first cell: START_ARRAY reports the previous row's position
                    firstLine = parser.currentTokenLocation().getLineNr();
                }
                if (trackColumns) {
                    columns.add((long) parser.currentTokenLocation().getColumnNr());
                }
                cells.add(parser.getText());
            }
            if (cells.size() == 1 && cells.get(0).isBlank()) {
                continue;
            }
            lastRowLine = firstLine;
            return cells;
        }
    }

    long lastRowLine() {
        return lastRowLine;
    }

    /** The 1-based column of cell {@code index} of the last row, when tracked; else 0. */
    long column(int index) {
        return index < columns.size() ? columns.get(index) : 0;
    }
}
