package org.imhmeasures.scoring.dataset;

/**
 * A dataset that cannot be processed at all (as opposed to single rows, which are rejected and
 * counted): an unreadable file, or a header without the columns the job needs. The message names the
 * line and never contains cell values.
 *
 * @since 0.1.0
 */
public final class DatasetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long line;

    /**
     * Creates the exception.
     *
     * @param line 1-based line of the problem, 0 when not tied to a line
     * @param problem the problem, in the form {@code <what> must <rule>: <offending value>}
     * @param cause the cause, or {@code null}
     */
    public DatasetException(long line, String problem, Throwable cause) {
        super((line > 0 ? "line " + line + ": " : "") + problem, cause);
        this.line = line;
    }

    /**
     * The 1-based line of the problem.
     *
     * @return the line, 0 when not tied to one
     */
    public long line() {
        return line;
    }
}
