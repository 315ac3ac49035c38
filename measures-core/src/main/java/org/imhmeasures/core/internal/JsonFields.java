/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A JSON object node with its path, for reading definition files field by field so that every
 * error names the field: it stops at the first problem and may quote the offending value (definition files
 * hold no patient data). Paths, whole-number checks and type names are {@link Json}'s, shared with the
 * portal's submission reader, which collects every problem and never quotes a value. Not API.
 */
public final class JsonFields {

    /** A problem at a JSON path. */
    public static final class FieldException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String path;

        FieldException(String path, String problem, Throwable cause) {
            super(problem, cause);
            this.path = path;
        }

        /** @return the JSON path of the problem */
        public String path() {
            return path;
        }
    }

    private final JsonNode node;
    private final String path;

    private JsonFields(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** Wraps a document root, which must be an object. */
    public static JsonFields root(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new FieldException("", "document must be a JSON object: " + describe(node), null);
        }
        return new JsonFields(node, "");
    }

    /** The path of this object, e.g. {@code items[2]}; empty for the root. */
    public String path() {
        return path;
    }

    /** Fails on any field not in {@code allowed}, so typos do not pass silently. */
    public JsonFields allowOnly(Set<String> allowed) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw fail(name, "field must be one of " + new TreeSet<>(allowed) + ": unknown");
            }
        }
        return this;
    }

    /** Fails with a problem located at {@code field} of this object. */
    public FieldException fail(String field, String problem) {
        return new FieldException(child(field), problem, null);
    }

    /** Runs {@code build}; an {@link IllegalArgumentException} from it is relocated to this object's path. */
    public <T> T build(Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new FieldException(path, e.getMessage(), e);
        }
    }

    /** Whether {@code field} is present with a value other than {@code null}. */
    public boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    /** Whether {@code field} is present with a value other than {@code null} or an empty array or object. */
    public boolean hasContent(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull() && !((value.isArray() || value.isObject()) && value.isEmpty());
    }

    public String text(String field) {
        return optionalText(field).orElseThrow(() -> fail(field, "field must be present: missing"));
    }

    public Optional<String> optionalText(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw fail(field, "field must be a string: " + describe(value));
        }
        return Optional.of(value.asText());
    }

    public int integer(String field) {
        return optionalInteger(field).orElseThrow(() -> fail(field, "field must be present: missing"));
    }

    public Optional<Integer> optionalInteger(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!Json.isInt(value)) {
            throw fail(field, "field must be a whole number: " + describe(value));
        }
        return Optional.of(value.intValue());
    }

    public BigDecimal decimal(String field) {
        return optionalDecimal(field).orElseThrow(() -> fail(field, "field must be present: missing"));
    }

    /**
     * Reads a decimal of at most {@value #MAX_DECIMAL_PLACES} decimal places and magnitude at most
     * {@code 1e9}. Checked on the parsed value's scale and magnitude before anything formats or expands it,
     * so {@code 1e-999999999} or {@code 1e999999999} fail at once (never expanded to a billion digits).
     */
    public Optional<BigDecimal> optionalDecimal(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isNumber()) {
            throw fail(field, "field must be a number: " + describe(value));
        }
        BigDecimal decimal = value.decimalValue();
        if (decimal.signum() != 0 && decimal.precision() - decimal.scale() > 10
                || decimal.abs().compareTo(MAX_MAGNITUDE) > 0) {
            throw fail(field, "field must be a plausible score below 1e9: " + describe(value));
        }
        if (decimal.scale() > MAX_DECIMAL_PLACES || decimal.scale() < -9) {
            throw fail(field, "field must have at most " + MAX_DECIMAL_PLACES + " decimal places: "
                    + describe(value));
        }
        return Optional.of(decimal);
    }

    /** The most decimal places a definition number may have as written (the catalogue uses at most 4). */
    public static final int MAX_DECIMAL_PLACES = 6;

    private static final BigDecimal MAX_MAGNITUDE = BigDecimal.valueOf(1_000_000_000L);

    /** Reads an enum by its lower-case JSON name, e.g. {@code higher_is_worse}. */
    public <E extends Enum<E>> E enumValue(String field, Class<E> type) {
        return enumValue(field, type, Set.of(type.getEnumConstants()));
    }

    /** Reads one of {@code allowed}, a subset of the enum's constants (listed in declaration order). */
    public <E extends Enum<E>> E enumValue(String field, Class<E> type, Set<E> allowed) {
        String raw = text(field);
        for (E constant : type.getEnumConstants()) {
            if (!allowed.contains(constant)) {
                continue;
            }
            if (constant.name().equalsIgnoreCase(raw)) {
                return constant;
            }
        }
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            if (allowed.contains(constant)) {
                names.add(constant.name().toLowerCase(Locale.ROOT));
            }
        }
        throw fail(field, "field must be one of " + names + ": \"" + raw + "\"");
    }

    public JsonFields object(String field) {
        return optionalObject(field).orElseThrow(() -> fail(field, "field must be present: missing"));
    }

    public Optional<JsonFields> optionalObject(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            throw fail(field, "field must be an object: " + describe(value));
        }
        return Optional.of(new JsonFields(value, child(field)));
    }

    /** Reads an array of objects, mapping each with {@code map}; a missing field is an empty list. */
    public <T> List<T> objects(String field, Function<JsonFields, T> map) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw fail(field, "field must be an array: " + describe(value));
        }
        List<T> out = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            String elementPath = Json.element(child(field), i);
            if (!element.isObject()) {
                throw new FieldException(elementPath, "element must be an object: " + describe(element), null);
            }
            out.add(map.apply(new JsonFields(element, elementPath)));
        }
        return out;
    }

    /** Reads an array of strings; a missing field is an empty list. */
    public List<String> texts(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw fail(field, "field must be an array: " + describe(value));
        }
        List<String> out = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            if (!element.isTextual()) {
                throw new FieldException(Json.element(child(field), i), "element must be a string: "
                        + describe(element), null);
            }
            out.add(element.asText());
        }
        return out;
    }

    /** Reads an array of whole numbers; a missing field is an empty list. */
    public List<Integer> integers(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw fail(field, "field must be an array: " + describe(value));
        }
        List<Integer> out = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            if (!Json.isInt(element)) {
                throw new FieldException(Json.element(child(field), i), "element must be a whole number: "
                        + describe(element), null);
            }
            out.add(element.intValue());
        }
        return out;
    }

    /** The names of this object's fields, in document order. */
    public List<String> fieldNames() {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private String child(String field) {
        return Json.child(path, field);
    }

    private static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return Json.kind(value);
        }
        if (value.isNumber()) {
            return describeNumber(value);
        }
        String text = value.toString();
        return text.length() > 40 ? text.substring(0, 37) + "..." : text;
    }

    /** A number for a message, never expanded: a huge exponent or digit count is described, not printed. */
    private static String describeNumber(JsonNode value) {
        if (!value.isBigDecimal() && !value.isBigInteger()) {
            return value.asText();
        }
        BigDecimal decimal = value.decimalValue();
        if (decimal.precision() > 20 || decimal.scale() > 20 || decimal.scale() < -20) {
            return "a number of " + decimal.precision() + " digits with exponent " + (decimal.precision()
                    - decimal.scale() - 1);
        }
        return decimal.toString();
    }
}
