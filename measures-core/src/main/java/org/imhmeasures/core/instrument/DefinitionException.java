/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

import org.jspecify.annotations.Nullable;

/**
 * A definition file (instrument or wording supplement) that cannot be read into a valid definition.
 *
 * <p>The message names the file and the field, e.g.
 * {@code phq9.json: items[8].critical.minScore must be a whole number: "one"}. The field path and the
 * problem are cut to 200 and 500 characters (then {@code ...} and the full length), so a
 * value quoted in the problem (a 20,000-character id) or a field name of any length in the path never makes
 * the message long.
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
    public DefinitionException(String file, String field, String problem, @Nullable Throwable cause) {
        super(file + ": " + (field.isEmpty() ? "" : clip(field, MAX_FIELD) + ": ") + clip(problem, MAX_PROBLEM),
                cause);
        this.file = file;
        this.field = clip(field, MAX_FIELD);
    }

    /** The most characters of the field path that a message shows. */
    private static final int MAX_FIELD = 200;
    /** The most characters of the problem that a message shows: every rule fits, a long quoted value does not. */
    private static final int MAX_PROBLEM = 500;

    /** The text cut to {@code max} characters, never between the two halves of a surrogate pair. */
    private static String clip(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end) + "... (" + text.length() + " characters)";
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
     * The JSON path of the offending field, e.g. {@code items[8].critical.minScore}, cut as the message cuts it.
     *
     * @return the path, empty when the document as a whole is unusable
     */
    public String field() {
        return field;
    }
}
