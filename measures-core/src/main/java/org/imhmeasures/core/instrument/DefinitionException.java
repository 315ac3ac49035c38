/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

/**
 * A definition file (instrument or wording supplement) that cannot be read into a valid definition.
 *
 * <p>The message names the file and the field, e.g.
 * {@code phq9.json: items[8].critical.minScore must be a whole number: "one"}.
 *
 * @since 0.1.0
 */
public final class DefinitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The file or resource name. */
    private final String file;
    /** The JSON path of the offending field, empty for the whole document. */
    private final String field;

    /**
     * Creates the exception.
     *
     * @param file the file or resource name
     * @param field the JSON path of the offending field, empty for the whole document
     * @param problem what is wrong, in the form {@code <what> must <rule>: <offending value>}
     * @param cause the underlying exception, or {@code null}
     */
    public DefinitionException(String file, String field, String problem, Throwable cause) {
        super(file + ": " + (field.isEmpty() ? "" : field + ": ") + problem, cause);
        this.file = file;
        this.field = field;
    }

    /**
     * The file or resource that failed.
     *
     * @return the file name
     */
    public String file() {
        return file;
    }

    /**
     * The JSON path of the offending field, e.g. {@code items[8].critical.minScore}.
     *
     * @return the path, empty when the document as a whole is unusable
     */
    public String field() {
        return field;
    }
}
