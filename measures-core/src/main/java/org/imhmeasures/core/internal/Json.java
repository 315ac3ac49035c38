/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The project's one JSON configuration: how every reader of untrusted or versioned JSON is set up, and the
 * path and type vocabulary of the path-tracking readers ({@link JsonFields} for data files, the portal's
 * submission reader). Not API.
 *
 * <p>Every reader refuses duplicate keys (in the parser, so even an ignored object cannot hide one), refuses
 * content after the root value, and has explicit stream-read limits: nesting depth, number length, string
 * length and field-name length, chosen per format. Mappers are immutable once built and thread-safe.
 */
public final class Json {

    /**
     * Limits of definition and data files (instrument definitions, risk taxonomy, competency framework,
     * services): small, hand-written documents.
     */
    public static final StreamReadConstraints DATA_FILE_LIMITS = limits(32, 40, 20_000, 1_000);

    private static final ObjectMapper DATA_FILES = reader(DATA_FILE_LIMITS)
            // decimals as written: a published 7.00 stays 7.00 (never a binary double, never stripped to 7)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private static final ObjectMapper REPORTS = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private Json() {
    }

    /**
     * Stream-read limits.
     *
     * @param depth the deepest nesting of arrays and objects
     * @param numberLength the longest number literal, in characters
     * @param stringLength the longest string value, in characters
     * @param nameLength the longest field name, in characters
     * @return the limits
     */
    public static StreamReadConstraints limits(int depth, int numberLength, int stringLength, int nameLength) {
        return StreamReadConstraints.builder().maxNestingDepth(depth).maxNumberLength(numberLength)
                .maxStringLength(stringLength).maxNameLength(nameLength).build();
    }

    /**
     * A mapper builder for strict reading under {@code limits}: duplicate keys and trailing content fail.
     * Callers add what their format needs and build once.
     *
     * @param limits the stream-read limits
     * @return the builder
     */
    public static JsonMapper.Builder reader(StreamReadConstraints limits) {
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(limits)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        return JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * The shared mapper for definition and data files: strict, {@link #DATA_FILE_LIMITS}, decimals kept
     * as written.
     *
     * @return the mapper
     */
    public static ObjectMapper dataFiles() {
        return DATA_FILES;
    }

    /**
     * The shared mapper for writing reports: indented output.
     *
     * @return the mapper
     */
    public static ObjectMapper reports() {
        return REPORTS;
    }

    /**
     * The path of field {@code field} of the object at {@code path}: {@code referral.date}; the field
     * alone at the root (empty path).
     *
     * @param path the parent's path
     * @param field the field name
     * @return the child's path
     */
    public static String child(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /**
     * The path of element {@code index} of the array at {@code path}: {@code administrations[2]}.
     *
     * @param path the array's path
     * @param index the element's index
     * @return the element's path
     */
    public static String element(String path, int index) {
        return path + "[" + index + "]";
    }

    /**
     * The path of the key at {@code position} (from 0, in document order) of the object at {@code path},
     * for a key that must not be echoed: {@code answers.<key#2>}.
     *
     * @param path the object's path
     * @param position the key's position
     * @return the key's path
     */
    public static String keyAt(String path, int position) {
        return child(path, "<key#" + position + ">");
    }

    /**
     * Whether a node is a whole number that fits in an {@code int} ({@code 2}, not {@code 2.0} or
     * {@code 1e1}).
     *
     * @param node a value
     * @return true if it is
     */
    public static boolean isInt(JsonNode node) {
        return node.isIntegralNumber() && node.canConvertToInt();
    }

    /**
     * The JSON type of a node for a message, never its value: {@code a string}, {@code a number},
     * {@code a boolean}, {@code an array}, {@code an object}, {@code null}; {@code missing} for an absent
     * field.
     *
     * @param node a value, or {@code null} for an absent field
     * @return the type
     */
    public static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "missing";
        }
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        return "null";
    }
}
