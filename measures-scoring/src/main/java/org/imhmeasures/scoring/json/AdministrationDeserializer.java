/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.imhmeasures.core.internal.Json;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.AnswerKind;
import org.imhmeasures.scoring.Timepoint;
import org.imhmeasures.scoring.internal.Redaction;

/**
 * Reads an {@link AdministrationRequest} token by token from whatever parser the host gives, with the
 * checks of the format itself rather than of the mapper: unknown and duplicate fields refused, answers
 * and string lengths bounded, every value of the expected JSON type (so nothing nested is ever skipped).
 */
final class AdministrationDeserializer extends StdDeserializer<AdministrationRequest> {

    private static final long serialVersionUID = 1L;

    /** Fields of the document, in the order the schema lists them. */
    static final List<String> FIELDS = List.of("instrument", "answerKind", "answers", "date", "timepoint",
            "respondent");

    /** The most answers one administration may carry (the longest instrument has 25 items). */
    static final int MAX_ANSWERS = 1_000;

    /** The longest string value, in characters. */
    static final int MAX_STRING = 10_000;

    AdministrationDeserializer() {
        super(AdministrationRequest.class);
    }

    @Override
    public AdministrationRequest deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken token = p.currentToken();
        if (token != JsonToken.START_OBJECT) {
            throw fail(p, "", "administration must be a JSON object: " + kind(token));
        }
        Set<String> seen = new HashSet<>();
        String instrument = null;
        AnswerKind answerKind = null;
        List<Map.Entry<String, String>> answers = null;
        Optional<LocalDate> date = Optional.empty();
        Optional<Timepoint> timepoint = Optional.empty();
        Optional<String> respondent = Optional.empty();
        int position = 0;
        for (token = p.nextToken(); token == JsonToken.FIELD_NAME; token = p.nextToken(), position++) {
            String name = p.currentName();
            if (!FIELDS.contains(name)) {
                throw fail(p, Json.keyAt("", position), "field must be one of " + FIELDS + ": " + Redaction.name(name));
            }
            if (!seen.add(name)) {
                throw fail(p, name, name + " must appear once: twice");
            }
            token = p.nextToken();
            switch (name) {
                case "instrument" -> instrument = requiredString(p, token, name).strip();
                case "answerKind" -> answerKind = answerKind(p, token);
                case "answers" -> answers = answers(p, token);
                case "date" -> {
                    Optional<String> text = optionalString(p, token, name);
                    date = text.isPresent() ? Optional.of(date(p, text.get())) : Optional.empty();
                }
                case "timepoint" -> {
                    Optional<String> text = optionalString(p, token, name);
                    timepoint = text.isPresent() ? Optional.of(timepoint(p, text.get())) : Optional.empty();
                }
                default -> respondent = optionalString(p, token, name).map(String::strip);
            }
        }
        if (instrument == null || instrument.isEmpty()) {
            throw fail(p, "instrument", "instrument must be a non-blank string: " + (instrument == null ? "missing"
                    : "blank"));
        }
        if (answerKind == null) {
            throw fail(p, "answerKind", "answerKind must be given (codes or scores): missing");
        }
        if (answers == null) {
            throw fail(p, "answers", "answers must be an object: missing");
        }
        Administration administration = Administration.ofEntries(instrument, answers);
        if (date.isPresent()) {
            administration = administration.withDate(date.get());
        }
        if (timepoint.isPresent()) {
            administration = administration.withTimepoint(timepoint.get());
        }
        if (respondent.isPresent() && !respondent.get().isEmpty()) {
            administration = administration.withRespondent(respondent.get());
        }
        return new AdministrationRequest(administration, answerKind);
    }

    private static List<Map.Entry<String, String>> answers(JsonParser p, JsonToken token) throws IOException {
        if (token != JsonToken.START_OBJECT) {
            throw fail(p, "answers", "answers must be an object: " + kind(token));
        }
        List<Map.Entry<String, String>> answers = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        int position = 0;
        for (token = p.nextToken(); token == JsonToken.FIELD_NAME; token = p.nextToken(), position++) {
            String path = Json.keyAt("answers", position);
            if (position == MAX_ANSWERS) {
                throw fail(p, path, "answers must number at most " + MAX_ANSWERS + ": more");
            }
            String key = p.currentName();
            if (key.length() > MAX_STRING) {
                throw fail(p, path, "answer key at " + path + " must be at most " + MAX_STRING + " characters: longer");
            }
            if (!keys.add(key)) {
                throw fail(p, path, "answer key at " + path + " must appear once: repeated");
            }
            token = p.nextToken();
            String value = switch (token) {
                case VALUE_STRING -> bounded(p, path);
                case VALUE_NUMBER_INT -> p.getText();
                case VALUE_NULL -> null;
                default -> throw fail(p, path, "answer at " + path + " must be a string, a whole number or null: " + kind(token));
            };
            answers.add(new AbstractMap.SimpleImmutableEntry<>(key, value));
        }
        return answers;
    }

    private static AnswerKind answerKind(JsonParser p, JsonToken token) throws IOException {
        String text = requiredString(p, token, "answerKind");
        return switch (text) {
            case "codes" -> AnswerKind.CODES;
            case "scores" -> AnswerKind.SCORES;
            default -> throw fail(p, "answerKind", "answerKind must be codes or scores: " + Redaction.name(text));
        };
    }

    private static String requiredString(JsonParser p, JsonToken token, String name) throws IOException {
        if (token != JsonToken.VALUE_STRING) {
            throw fail(p, name, name + " must be a string: " + kind(token));
        }
        return bounded(p, name);
    }

    private static Optional<String> optionalString(JsonParser p, JsonToken token, String name) throws IOException {
        return token == JsonToken.VALUE_NULL ? Optional.empty() : Optional.of(requiredString(p, token, name));
    }

    private static String bounded(JsonParser p, String path) throws IOException {
        String text = p.getText();
        if (text.length() > MAX_STRING) {
            throw fail(p, path, path + " must be at most " + MAX_STRING + " characters: longer");
        }
        return text;
    }

    /** A date, never echoed: it may be a date of birth. */
    private static LocalDate date(JsonParser p, String text) throws AdministrationJsonException {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw fail(p, "date", "date must be an ISO date (yyyy-mm-dd): " + Redaction.lengthOnly(text));
        }
    }

    private static Timepoint timepoint(JsonParser p, String text) throws AdministrationJsonException {
        for (Timepoint t : Timepoint.values()) {
            if (WireForm.word(t).equals(text.strip())) {
                return t;
            }
        }
        throw fail(p, "timepoint", "timepoint must be one of baseline, review, discharge, follow_up: "
                + Redaction.name(text));
    }

    private static AdministrationJsonException fail(JsonParser p, String path, String message) {
        JsonLocation at = p.currentTokenLocation();
        return new AdministrationJsonException(path, message, at);
    }

    /** The JSON type of a token for a message, never its value. */
    private static String kind(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "a whole number";
            case VALUE_NUMBER_FLOAT -> "a decimal number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> "not a value";
        };
    }
}
