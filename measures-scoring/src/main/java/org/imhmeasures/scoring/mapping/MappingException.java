/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.mapping;

/**
 * A mapping file that cannot be used, located by file name and JSON path, as definition files are:
 * {@code export.json: instruments.PHQ-9.items.phq9_10: item must be one of phq9_1..phq9_9: unknown}. Mapping
 * files name columns and option labels, not patients; the message never holds a cell of the export.
 *
 * @since 0.1.0
 */
public final class MappingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The file name. */
    private final String file;
    /** The JSON path, empty for the whole document. */
    private final String field;

    /**
     * Creates the exception.
     *
     * @param file the mapping file's name
     * @param field the JSON path of the offending field, empty for the whole document
     * @param problem what is wrong, {@code <what> must <rule>: <offending value>}
     * @param cause the underlying exception, or {@code null}
     */
    public MappingException(String file, String field, String problem, Throwable cause) {
        super(file + ": " + (field.isEmpty() ? "" : field + ": ") + problem, cause);
        this.file = file;
        this.field = field;
    }

    /**
     * The mapping file's name.
     *
     * @return the name
     */
    public String file() {
        return file;
    }

    /**
     * The JSON path of the offending field, e.g. {@code instruments.EPDS[1].items}.
     *
     * @return the path, empty when the document as a whole is unusable
     */
    public String field() {
        return field;
    }
}
