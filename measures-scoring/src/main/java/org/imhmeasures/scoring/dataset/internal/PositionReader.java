/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import org.imhmeasures.scoring.dataset.DatasetException;

/**
 * The text of a dataset as its readers see it: drops a leading UTF-8 byte-order mark ({@code U+FEFF},
 * written by Excel's "CSV UTF-8"), knows the line and column of every character it hands on, and turns
 * what makes the input unreadable into a located {@link DatasetException} (wrapped in a
 * {@link LocatedInputException} so that it passes through Jackson):
 * <ul>
 * <li>a {@link CharacterCodingException} of the underlying reader (input that is not UTF-8) is located
 * at the first character not yet delivered: exact with {@link StrictUtf8Reader}, which delivers every
 * character before a bad byte first; with the JDK's decoder, the start of the block it failed on;</li>
 * <li>in CSV mode, a cell longer than {@code maxCell} characters (counted as the parser counts them,
 * a doubled quote as one) is located where the cell starts, before the parser buffers it;</li>
 * <li>in CSV mode, end of input inside a quoted cell is located where the quote opened.</li>
 * </ul>
 * Lines end at {@code \n}, {@code \r\n} or a lone {@code \r}, as the CSV parser and
 * {@link java.io.BufferedReader#readLine()} count them; columns are 1-based characters, the byte-order
 * mark not counted. Not thread-safe.
 */
public final class PositionReader extends Reader {

    private static final char BOM = '\uFEFF';

    private static final int START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_IN_QUOTED = 3;
    private static final int AFTER_QUOTE = 4;

    private final Reader in;
    private final boolean csv;
    private final int maxCell;
    private final char delimiter;
    private boolean started;
    private boolean ended;
    private long line = 1;
    private long column = 1;
    private boolean afterCr;
    private int state = START;
    private long cellLength;
    private long cellLine;
    private long cellColumn;

    private PositionReader(Reader in, boolean csv, int maxCell, char delimiter) {
        this.in = in;
        this.csv = csv;
        this.maxCell = maxCell;
        this.delimiter = delimiter;
    }

    /**
     * Plain text (JSON Lines): byte-order mark, position and encoding errors only.
     *
     * @param in the input; closed when this reader is closed
     * @return the reader
     */
    public static PositionReader text(Reader in) {
        return new PositionReader(in, false, Integer.MAX_VALUE, ',');
    }

    /**
     * CSV text: as {@link #text(Reader)}, plus the cell size limit and the unclosed quote.
     *
     * @param in the input; closed when this reader is closed
     * @param maxCell the longest cell, in characters
     * @return the reader
     */
    public static PositionReader csv(Reader in, int maxCell) {
        return new PositionReader(in, true, maxCell, ',');
    }

    /**
     * CSV text with another cell delimiter ({@code ;}, TAB or {@code |}); see {@link #csv(Reader, int)}.
     *
     * @param in the input; closed when this reader is closed
     * @param maxCell the longest cell, in characters
     * @param delimiter the cell delimiter
     * @return the reader
     */
    public static PositionReader csv(Reader in, int maxCell, char delimiter) {
        return new PositionReader(in, true, maxCell, delimiter);
    }

    /** The line of the next character to be read, 1-based. */
    public long line() {
        return line;
    }

    /** The column of the next character to be read, 1-based. */
    public long column() {
        return column;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (ended) {
            return -1;
        }
        int n;
        do {
            try {
                n = in.read(buffer, offset, length);
            } catch (CharacterCodingException e) {
                throw located(line, column, "input must be UTF-8: invalid byte sequence", e);
            }
            if (n < 0) {
                ended = true;
                if (csv && state == QUOTED) {
                    throw located(cellLine, cellColumn,
                            "quoted cell must be closed before end of input: unclosed quote", null);
                }
                return -1;
            }
            if (!started && n > 0) {
                started = true;
                if (buffer[offset] == BOM) {
                    System.arraycopy(buffer, offset + 1, buffer, offset, n - 1);
                    n--;
                }
            }
        } while (n == 0);
        track(buffer, offset, n);
        return n;
    }

    private void track(char[] buffer, int offset, int n) throws LocatedInputException {
        if (!csv) {
            trackLines(buffer, offset, n);
            return;
        }
        long ln = line;
        // the column of buffer[i] is i - lineStart: lineStart is where column 1 of the current line would be
        long lineStart = offset - (column - 1);
        boolean cr = afterCr;
        int st = state;
        long len = cellLength;
        char sep = delimiter;
        for (int i = offset, end = offset + n; i < end; i++) {
            char c = buffer[i];
            if (c > ',' && c != sep) {
                // an ordinary character (letters, digits, most punctuation): by far the most common case
                cr = false;
                if (st == UNQUOTED || st == QUOTED) {
                    if (++len > maxCell) {
                        throw tooLong();
                    }
                } else if (st == START) {
                    cellLine = ln;
                    cellColumn = i - lineStart + 1;
                    st = UNQUOTED;
                    len = 1;
                } else if (st == QUOTE_IN_QUOTED) {
                    st = AFTER_QUOTE; // the parser refuses this, with its own location
                }
                continue;
            }
            switch (st) {
                case START:
                    cellLine = ln;
                    cellColumn = i - lineStart + 1;
                    len = 0;
                    if (c == '"') {
                        st = QUOTED;
                    } else if (c != sep && c != '\n' && c != '\r') {
                        st = UNQUOTED;
                        len = 1;
                    }
                    break;
                case UNQUOTED:
                    if (c == sep || c == '\n' || c == '\r') {
                        st = START;
                    } else {
                        len++;
                    }
                    break;
                case QUOTED:
                    if (c == '"') {
                        st = QUOTE_IN_QUOTED;
                    } else {
                        len++;
                    }
                    break;
                case QUOTE_IN_QUOTED:
                    if (c == '"') {
                        st = QUOTED;
                        len++;
                    } else if (c == sep || c == '\n' || c == '\r') {
                        st = START;
                    } else {
                        st = AFTER_QUOTE;
                    }
                    break;
                default:
                    if (c == sep || c == '\n' || c == '\r') {
                        st = START;
                    }
                    break;
            }
            if (len > maxCell) {
                throw tooLong();
            }
            if (c == '\n') {
                if (!cr) {
                    ln++;
                }
                lineStart = i + 1;
                cr = false;
            } else if (c == '\r') {
                ln++;
                lineStart = i + 1;
                cr = true;
            } else {
                cr = false;
            }
        }
        line = ln;
        column = offset + n - lineStart + 1;
        afterCr = cr;
        state = st;
        cellLength = len;
    }

    private LocatedInputException tooLong() {
        return located(cellLine, cellColumn, "cell must be at most " + maxCell + " characters: longer", null);
    }

    private void trackLines(char[] buffer, int offset, int n) {
        long ln = line;
        long lineStart = offset - (column - 1);
        boolean cr = afterCr;
        for (int i = offset, end = offset + n; i < end; i++) {
            char c = buffer[i];
            if (c > '\r') {
                cr = false;
            } else if (c == '\n') {
                if (!cr) {
                    ln++;
                }
                lineStart = i + 1;
                cr = false;
            } else if (c == '\r') {
                ln++;
                lineStart = i + 1;
                cr = true;
            } else {
                cr = false;
            }
        }
        line = ln;
        column = offset + n - lineStart + 1;
        afterCr = cr;
    }

    private static LocatedInputException located(long line, long column, String problem, Throwable cause) {
        return new LocatedInputException(new DatasetException(line, column, problem, cause));
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
