/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Function;
import org.imhmeasures.core.instrument.DefinitionException;
import org.imhmeasures.core.internal.JsonFields.FieldException;

/** Reading of versioned data files into typed values with located errors. Not API. */
public final class DataFiles {

    private static final ObjectMapper JSON = Json.dataFiles();

    private DataFiles() {
    }

    /**
     * Reads a document and maps its root; the stream is not closed.
     *
     * @param in the JSON document
     * @param name the file name for messages
     * @param format the required {@code format} tag
     * @param map maps the root object
     * @param <T> the result type
     * @return the mapped value
     * @throws DefinitionException naming the file and field on any problem
     */
    public static <T> T read(InputStream in, String name, String format, Function<JsonFields, T> map) {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw new DefinitionException(name, "", "document must be well-formed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new DefinitionException(name, "", "document must be readable: " + e.getClass().getSimpleName(), e);
        }
        try {
            JsonFields doc = JsonFields.root(root);
            String actual = doc.text("format");
            if (!format.equals(actual)) {
                throw doc.fail("format", "format must be " + format + ": \"" + actual + "\"");
            }
            return map.apply(doc);
        } catch (FieldException e) {
            throw new DefinitionException(name, e.path(), e.getMessage(), e);
        }
    }

    /**
     * Loads a resource next to {@code owner}.
     *
     * @param owner the class whose package holds the resource
     * @param name the resource name
     * @param format the required format tag
     * @param map maps the root object
     * @param <T> the result type
     * @return the mapped value
     */
    public static <T> T resource(Class<?> owner, String name, String format, Function<JsonFields, T> map) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new DefinitionException(name, "", "resource must be present: missing", null);
            }
            return read(in, name, format, map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
