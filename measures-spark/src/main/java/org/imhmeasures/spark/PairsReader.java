/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.spark;

import java.io.Reader;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * The rows of a Spark dataset as the CSV text the library's change job reads, produced row by row as the
 * job reads it (RFC 4180 quoting, {@code NULL} as an empty cell), so the driver holds one partition's rows
 * at a time, never the whole dataset as text.
 */
final class PairsReader extends Reader {

    private final Iterator<Row> rows;
    private final StringBuilder pending = new StringBuilder();
    private int position;

    PairsReader(List<String> header, Iterator<Row> rows) {
        this.rows = rows;
        line(header.toArray());
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
        while (position == pending.length()) {
            if (!rows.hasNext()) {
                return -1;
            }
            pending.setLength(0);
            position = 0;
            Row row = rows.next();
            Object[] cells = new Object[row.length()];
            for (int c = 0; c < cells.length; c++) {
                cells[c] = row.isNullAt(c) ? "" : Cells.text(row.get(c));
            }
            line(cells);
        }
        int n = Math.min(length, pending.length() - position);
        pending.getChars(position, position + n, buffer, offset);
        position += n;
        return n;
    }

    private void line(Object[] cells) {
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                pending.append(',');
            }
            String cell = cells[c].toString();
            if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
                pending.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                pending.append(cell);
            }
        }
        pending.append('\n');
    }

    @Override
    public void close() {
        // the iterator belongs to Spark; nothing to release
    }
}
