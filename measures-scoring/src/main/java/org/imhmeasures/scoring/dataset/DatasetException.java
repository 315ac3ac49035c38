/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset;

import org.jspecify.annotations.Nullable;

/**
 * A dataset that cannot be processed at all (as opposed to single rows, which are rejected and
 * counted): an unreadable file (not UTF-8, a broken quote, a cell over the size limit), or a header
 * without the columns the job needs or with a column twice. The message names the line, and the
 * column where one is known, and never contains cell values.
 *
 * @since 0.1.0
 */
public final class DatasetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** 1-based line of the problem, 0 when not tied to a line. */
    private final long line;
    /** 1-based character position in that line, 0 when unknown. */
    private final long column;

    /**
     * Creates the exception.
     *
     * @param line 1-based line of the problem, 0 when not tied to a line
     * @param problem the problem, in the form {@code <what> must <rule>: <offending value>}
     * @param cause the cause, or {@code null}
     */
    public DatasetException(long line, String problem, @Nullable Throwable cause) {
        this(line, 0, problem, cause);
    }

    /**
     * Creates the exception with a column: the message starts {@code line 3, column 12: }.
     *
     * @param line 1-based line of the problem, 0 when not tied to a line
     * @param column 1-based character position in that line (a byte-order mark is not counted), 0 when
     *        unknown
     * @param problem the problem, in the form {@code <what> must <rule>: <offending value>}
     * @param cause the cause, or {@code null}
     * @since 0.1.0
     */
    public DatasetException(long line, long column, String problem, @Nullable Throwable cause) {
        super((line > 0 ? "line " + line + (column > 0 ? ", column " + column : "") + ": " : "") + problem, cause);
        this.line = line;
        this.column = line > 0 && column > 0 ? column : 0;
    }

    /**
     * The 1-based line of the problem.
     *
     * @return the line, 0 when not tied to one
     */
    public long line() {
        return line;
    }

    /**
     * The 1-based character position of the problem in its {@link #line() line}: where the bad byte,
     * the over-long cell, the unclosed quote or the repeated header cell starts.
     *
     * @return the column, 0 when unknown
     * @since 0.1.0
     */
    public long column() {
        return column;
    }
}
