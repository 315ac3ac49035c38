/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.io.ContentReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import org.imhmeasures.core.internal.Check;
import org.jspecify.annotations.Nullable;

/**
 * An administration in JSON that cannot be read: located by a JSON {@link #path()} ({@code answerKind},
 * {@code answers.<key#3>}: an answer key is named by its position, never echoed) and by line and column.
 * The message follows {@code <what> must <rule>: <offending>}, where the offending part is a JSON type
 * ({@code a number}), a redacted word, or a length: never a key or value as given. The location never
 * quotes the source, whatever the parser's {@code INCLUDE_SOURCE_IN_LOCATION}.
 *
 * <p>A Jackson {@link JsonMappingException}, so that a framework treats it as bad input (HTTP 400 or 422),
 * not as a server error.
 *
 * @since 0.1.0
 */
public final class AdministrationJsonException extends JsonMappingException {

    private static final long serialVersionUID = 1L;

    /** Where in the document, e.g. {@code answers.<key#2>}; empty for the document as a whole. */
    private final String path;

    AdministrationJsonException(String path, String message, @Nullable JsonLocation at) {
        super(null, Check.notNull(message, "message"), at == null ? null : new JsonLocation(ContentReference.unknown(),
                at.getByteOffset(), at.getCharOffset(), at.getLineNr(), at.getColumnNr()));
        this.path = Check.notNull(path, "path");
    }

    /**
     * The JSON path of the offending value: {@code instrument}, {@code answers.<key#2>}; empty for the
     * document as a whole (not an object, not well-formed, over a limit).
     *
     * @return the path
     */
    public String path() {
        return path;
    }
}
