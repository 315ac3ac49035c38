/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.Optional;
import org.imhmeasures.core.internal.Check;
import org.imhmeasures.scoring.dataset.internal.LocatedInputException;
import org.imhmeasures.scoring.dataset.internal.PositionReader;

/**
 * Reads a JSON Lines (or any line-based) text one line at a time, holding at most {@code maxLength}
 * characters of a line: a longer line is read to its end in blocks, discarded and reported as
 * {@link TooLong}, so a 400 MB line costs no more memory than a short one. Blank lines (only
 * whitespace, however long) are skipped; a leading UTF-8 byte-order mark is dropped; lines end at
 * {@code \n}, {@code \r\n} or a lone {@code \r}, as {@link java.io.BufferedReader#readLine()} has them.
 * Input that fails to decode ({@link java.nio.charset.CharacterCodingException}) is a
 * {@link DatasetException} with the line and column of the first character not delivered (exact with
 * {@link DatasetInput}).
 *
 * <p>Not thread-safe. {@link #close()} closes the underlying reader.
 *
 * @since 0.1.0
 */
public final class BoundedLines implements Closeable {

    /** The default longest line: 1 MiB of characters. */
    public static final int DEFAULT_MAX_LENGTH = 1_048_576;

    private final PositionReader in;
    private final int maxLength;
    private final char[] buffer = new char[8192];
    private final StringBuilder text = new StringBuilder();
    private int position;
    private int end;
    private boolean eof;
    private boolean skipLf;
    private long lines;

    private BoundedLines(Reader input, int maxLength) {
        this.in = PositionReader.text(Check.notNull(input, "input"));
        Check.argument(maxLength > 0, "line length limit must be positive: %d", maxLength);
        this.maxLength = maxLength;
    }

    /**
     * Reads {@code input} with a line length limit.
     *
     * @param input the text
     * @param maxLength the longest line kept, in characters, positive
     * @return the reader
     */
    public static BoundedLines of(Reader input, int maxLength) {
        return new BoundedLines(input, maxLength);
    }

    /** A line that is not blank. */
    public sealed interface Line permits Text, TooLong {

        /**
         * The line's 1-based physical number.
         *
         * @return the number
         */
        long number();
    }

    /**
     * A line within the limit.
     *
     * @param number its 1-based number
     * @param text its text, without the line end
     */
    public record Text(long number, String text) implements Line {

        /** Shows the number and length only: a line can hold patient data. */
        @Override
        public String toString() {
            return "Text[number=" + number + ", length=" + text.length() + "]";
        }
    }

    /**
     * A line longer than the limit; its text was not kept.
     *
     * @param number its 1-based number
     */
    public record TooLong(long number) implements Line {
    }

    /**
     * Reads the next line that is not blank.
     *
     * @return the line, or empty at the end of the input
     * @throws DatasetException when the input fails to decode (located)
     * @throws IOException when the underlying reader fails otherwise
     */
    public Optional<Line> next() throws IOException {
        while (true) {
            text.setLength(0);
            long length = 0;
            boolean blank = true;
            boolean any = false;
            boolean ended = false;
            while (!ended) {
                if (position == end && !fill()) {
                    break;
                }
                if (skipLf) {
                    skipLf = false;
                    if (buffer[position] == '\n') {
                        position++;
                        continue;
                    }
                }
                any = true;
                int start = position;
                int stop = start;
                while (stop < end && buffer[stop] != '\n' && buffer[stop] != '\r') {
                    if (blank && !Character.isWhitespace(buffer[stop])) {
                        blank = false;
                    }
                    stop++;
                }
                int count = stop - start;
                if (length < maxLength) {
                    text.append(buffer, start, (int) Math.min(count, maxLength - length));
                }
                length += count;
                position = stop;
                if (stop < end) {
                    ended = true;
                    skipLf = buffer[stop] == '\r';
                    position++;
                }
            }
            if (!any) {
                return Optional.empty();
            }
            lines++;
            if (blank) {
                continue;
            }
            return Optional.of(length > maxLength ? new TooLong(lines) : new Text(lines, text.toString()));
        }
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n;
        try {
            n = in.read(buffer, 0, buffer.length);
        } catch (LocatedInputException e) {
            throw e.located();
        }
        if (n < 0) {
            eof = true;
            return false;
        }
        position = 0;
        end = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
