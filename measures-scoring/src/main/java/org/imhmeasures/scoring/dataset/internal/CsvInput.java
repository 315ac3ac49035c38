/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.imhmeasures.core.internal.Json;
import org.imhmeasures.scoring.dataset.DatasetException;
import org.imhmeasures.scoring.internal.Redaction;

/**
 * A CSV input read row by row, the one set-up every CSV reader of this package uses (wide and long
 * datasets, the change CSV): a leading byte-order mark dropped, header cells trimmed and unique, cells
 * of at most {@value #MAX_CELL_LENGTH} characters, and every way the text can be unreadable (not UTF-8,
 * a cell over the limit, an unclosed quote, a character after a closing quote) a {@link DatasetException}
 * with line and column that never quotes a cell. The underlying reader is not closed.
 */
public final class CsvInput implements Closeable {

    /** The longest cell, in characters: a hostile cell must not exhaust memory. */
    public static final int MAX_CELL_LENGTH = 100_000;

    // the cell limit is a backstop: PositionReader refuses an over-long cell first, with its location
    private static final CsvMapper MAPPER = CsvMapper.builder(CsvFactory.builder().streamReadConstraints(
            Json.limits(StreamReadConstraints.DEFAULT_MAX_DEPTH, StreamReadConstraints.DEFAULT_MAX_NUM_LEN,
                    MAX_CELL_LENGTH, StreamReadConstraints.DEFAULT_MAX_NAME_LEN)).build())
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE).build();

    private final PositionReader text;
    private final CsvParser parser;
    private final CsvRows rows;

    private CsvInput(Reader input, char delimiter) throws IOException {
        this.text = PositionReader.csv(input, MAX_CELL_LENGTH, delimiter);
        this.parser = MAPPER.getFactory().createParser(text);
        parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(delimiter));
        parser.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        this.rows = new CsvRows(parser);
    }

    /**
     * Starts reading.
     *
     * @param input the CSV text; not closed
     * @return the input
     */
    public static CsvInput of(Reader input) {
        return of(input, ',');
    }

    /**
     * Starts reading a CSV whose cells are separated by {@code delimiter} ({@code ,} {@code ;} TAB or
     * {@code |}).
     *
     * @param input the CSV text; not closed
     * @param delimiter the cell delimiter
     * @return the input
     */
    public static CsvInput of(Reader input, char delimiter) {
        try {
            return new CsvInput(input, delimiter);
        } catch (IOException e) {
            // creating a parser over a Reader reads nothing
            throw new IllegalStateException("parser set-up must not read", e);
        }
    }

    /**
     * Reads the header row: cells trimmed, each name at most once.
     *
     * @return the header, immutable
     * @throws DatasetException when the input is empty or unreadable, or a name repeats (located at
     *         line 1 and the column where the second one starts)
     * @throws IOException when the underlying reader fails
     */
    public List<String> header() throws IOException {
        rows.trackColumns(true);
        List<String> first = next();
        rows.trackColumns(false);
        if (first == null) {
            throw new DatasetException(1, "input must have a header row: empty file", null);
        }
        List<String> header = new ArrayList<>(first.size());
        Map<String, Integer> seen = new HashMap<>();
        for (int c = 0; c < first.size(); c++) {
            String name = first.get(c).strip();
            Integer earlier = seen.putIfAbsent(name, c);
            if (earlier != null) {
                throw new DatasetException(rows.lastRowLine(), rows.column(c), "header columns must be unique: "
                        + Redaction.name(name) + " repeated (cells " + (earlier + 1) + " and " + (c + 1) + ")", null);
            }
            header.add(name);
        }
        return List.copyOf(header);
    }

    /**
     * The next row with content; blank lines are not rows.
     *
     * @return the cells as read (not trimmed), a list reused for the next row; {@code null} at the end
     * @throws DatasetException when the text is unreadable
     * @throws IOException when the underlying reader fails
     */
    public List<String> next() throws IOException {
        try {
            return rows.next();
        } catch (LocatedInputException e) {
            throw e.located();
        } catch (StreamConstraintsException e) {
            throw new DatasetException(parser.currentLocation().getLineNr(), parser.currentLocation().getColumnNr(),
                    "cell must be at most " + MAX_CELL_LENGTH + " characters: longer", e);
        } catch (StreamReadException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            long column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            throw new DatasetException(line, column, "input must be well-formed CSV: " + e.getOriginalMessage()
                    .replaceAll("\"[^\"]*\"", "\"...\""), e);
        }
    }

    /**
     * The line the last row returned by {@link #next()} starts on.
     *
     * @return the 1-based line
     */
    public long lastRowLine() {
        return rows.lastRowLine();
    }

    /** Closes the parser; the underlying reader stays open. */
    @Override
    public void close() throws IOException {
        parser.close();
    }
}
