package org.imhmeasures.scoring.dataset;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads rows as lists of cells from a WRAP_AS_ARRAY CSV parser, tracking each row's first line. The
 * returned list is reused for the next row: copy it to keep it.
 */
final class CsvRows {
    private final CsvParser parser;
    private final ArrayList<String> cells = new ArrayList<>(32);
    private long lastRowLine;
    private boolean started;

    CsvRows(CsvParser parser) {
        this.parser = parser;
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
            List<String> cells = new ArrayList<>();
            long firstLine = -1;
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
                if (firstLine < 0) {
                    // the row's own first cell: START_ARRAY reports the previous row's position
                    firstLine = parser.currentTokenLocation().getLineNr();
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
}
