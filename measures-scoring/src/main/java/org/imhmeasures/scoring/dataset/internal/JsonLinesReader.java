/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.imhmeasures.core.internal.Json;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.dataset.BoundedLines;
import org.imhmeasures.scoring.dataset.Row;
import org.imhmeasures.scoring.internal.Redaction;

/**
 * JSON Lines: one administration per line, {@code record_id}, optional {@code timepoint},
 * {@code instrument} and {@code answers}. Streams in constant memory: a line over the length limit is
 * skipped without being held and rejected as {@code line_too_long}; a line that is not one such object
 * is rejected as {@code malformed_row}.
 */
public final class JsonLinesReader implements DatasetReader {

    /** Strict (duplicate keys, trailing content) under limits sized for one administration per line. */
    private static final ObjectMapper JSON = Json.reader(Json.limits(8, 20, 10_000, 10_000)).build();

    private final Scorer scorer;
    private final int maxLineLength;

    /**
     * Creates the reader.
     *
     * @param scorer scores each line
     * @param maxLineLength the longest line, in characters
     */
    public JsonLinesReader(Scorer scorer, int maxLineLength) {
        this.scorer = scorer;
        this.maxLineLength = maxLineLength;
    }

    @Override
    public void read(Reader input, RowSink sink) throws IOException {
        BoundedLines lines = BoundedLines.of(input, maxLineLength); // not closed: the caller owns input
        Optional<BoundedLines.Line> next;
        while ((next = lines.next()).isPresent()) {
            long line = next.get().number();
            if (next.get() instanceof BoundedLines.TooLong) {
                sink.reject(Row.of(line, ""), "line_too_long", "line must be at most " + maxLineLength
                        + " characters: longer");
                continue;
            }
            String text = ((BoundedLines.Text) next.get()).text();
            JsonNode node;
            try {
                node = JSON.readTree(text);
            } catch (JsonProcessingException e) {
                sink.reject(Row.of(line, ""), "malformed_row",
                        "line must be one JSON object: not well-formed JSON");
                continue;
            }
            String problem = jsonProblem(node);
            String recordId = node != null && node.path("record_id").isTextual() ? node.get("record_id").asText()
                    .strip() : "";
            if (problem != null) {
                sink.reject(Row.of(line, recordId), "malformed_row", problem);
                continue;
            }
            if (recordId.isEmpty()) {
                sink.reject(Row.of(line, ""), "missing_record_id", "record_id must not be empty: empty");
                continue;
            }
            Map<String, String> answers = new LinkedHashMap<>();
            node.get("answers").properties().forEach(e -> answers.put(e.getKey(), e.getValue().isNull() ? ""
                    : e.getValue().asText()));
            String timepoint = node.path("timepoint").isTextual() ? node.get("timepoint").asText().strip() : "";
            Administration administration = Administration.of(
                    node.get("instrument").asText().strip().isEmpty() ? "-" : node.get("instrument").asText().strip(),
                    answers);
            sink.result(Row.of(line, recordId, timepoint), scorer.score(administration), () -> administration);
        }
    }

    /** Why a JSON line is not an administration record, or {@code null} when it is one. */
    private static String jsonProblem(JsonNode node) {
        if (node == null || !node.isObject()) {
            return "line must be one JSON object: not an object";
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!Set.of("record_id", "timepoint", "instrument", "answers").contains(name)) {
                return "field must be one of [record_id, timepoint, instrument, answers]: "
                        + Redaction.name(name);
            }
        }
        for (String field : List.of("record_id", "instrument")) {
            if (!node.path(field).isTextual()) {
                return field + " must be a string: " + (node.has(field) ? node.get(field).getNodeType().name()
                        .toLowerCase(Locale.ROOT) : "missing");
            }
        }
        if (node.has("timepoint") && !node.get("timepoint").isTextual() && !node.get("timepoint").isNull()) {
            return "timepoint must be a string: " + node.get("timepoint").getNodeType().name()
                    .toLowerCase(Locale.ROOT);
        }
        if (!node.path("answers").isObject()) {
            return "answers must be an object: " + (node.has("answers") ? node.get("answers").getNodeType().name()
                    .toLowerCase(Locale.ROOT) : "missing");
        }
        for (var entry : node.get("answers").properties()) {
            var value = entry.getValue();
            if (!(value.isTextual() || value.isNull() || value.isIntegralNumber())) {
                return "answer to " + Redaction.itemId(entry.getKey()) + " must be a string, a whole number or null: "
                        + value.getNodeType().name().toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }
}
