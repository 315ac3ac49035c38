/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.portal.submission.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.imhmeasures.core.internal.Json;

/**
 * Reads a parsed submission tree into {@link SubmissionDto}, collecting every structural problem
 * (unknown field, wrong JSON type, unparseable date) instead of stopping at the first. A field with a
 * problem is read as {@code null}. Paths are JSON paths without a leading {@code $}; keys that are not
 * part of the format are never echoed but located by position ({@code <key#2>}). Paths, whole-number checks
 * and type names are the project's shared {@link Json} vocabulary, as in the definition reader's
 * {@code JsonFields}; unlike that reader, this one collects every problem and never quotes a value. Not API.
 */
public final class TreeReader {

    /** A structural problem: path, message template key and parameters. */
    public record Problem(String path, String template, Map<String, Object> parameters) {
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private final List<Problem> problems = new ArrayList<>();
    private final Set<String> problemPaths = new HashSet<>();

    /**
     * Reads the root.
     *
     * @param root the parsed document
     * @return the DTO, or {@code null} when the root is not an object
     */
    public SubmissionDto read(JsonNode root) {
        if (!root.isObject()) {
            problem("", "{imh.type.object}", Map.of("actual", Json.kind(root)));
            return null;
        }
        allowOnly(root, "", Set.of("format", "team", "infant", "caregivers", "referral", "episode",
                "administrations"));
        return new SubmissionDto(text(root, "", "format"), text(root, "", "team"),
                object(root, "", "infant", this::infant),
                objects(root, "", "caregivers", this::caregiver),
                object(root, "", "referral", this::referral),
                object(root, "", "episode", this::episode),
                objects(root, "", "administrations", this::administration));
    }

    /**
     * Problems found, in document order.
     *
     * @return the problems
     */
    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    /**
     * Whether a problem was reported at {@code path}.
     *
     * @param path a JSON path
     * @return true if reported
     */
    public boolean hasProblemAt(String path) {
        return problemPaths.contains(path);
    }

    private InfantDto infant(JsonNode node, String path) {
        allowOnly(node, path, Set.of("id", "nhsNumber", "dateOfBirth", "expectedDate"));
        return new InfantDto(text(node, path, "id"), text(node, path, "nhsNumber"), date(node, path, "dateOfBirth"),
                date(node, path, "expectedDate"));
    }

    private CaregiverDto caregiver(JsonNode node, String path) {
        allowOnly(node, path, Set.of("id", "relationship"));
        return new CaregiverDto(text(node, path, "id"), text(node, path, "relationship"));
    }

    private ReferralDto referral(JsonNode node, String path) {
        allowOnly(node, path, Set.of("id", "date", "source", "reasons", "riskFactors", "parentAces", "parentAge",
                "household", "ethnicCategory"));
        return new ReferralDto(text(node, path, "id"), date(node, path, "date"), text(node, path, "source"),
                texts(node, path, "reasons"), texts(node, path, "riskFactors"), texts(node, path, "parentAces"),
                integer(node, path, "parentAge"), text(node, path, "household"), text(node, path, "ethnicCategory"));
    }

    private EpisodeDto episode(JsonNode node, String path) {
        allowOnly(node, path, Set.of("id", "start", "end", "dischargeReason", "interventions"));
        return new EpisodeDto(text(node, path, "id"), date(node, path, "start"), date(node, path, "end"),
                text(node, path, "dischargeReason"), objects(node, path, "interventions", this::intervention));
    }

    private InterventionDto intervention(JsonNode node, String path) {
        allowOnly(node, path, Set.of("intervention", "sessionsOffered", "sessionsAttended", "sessionsNotAttended"));
        return new InterventionDto(text(node, path, "intervention"), integer(node, path, "sessionsOffered"),
                integer(node, path, "sessionsAttended"), integer(node, path, "sessionsNotAttended"));
    }

    private AdministrationDto administration(JsonNode node, String path) {
        allowOnly(node, path, Set.of("instrument", "timepoint", "date", "respondent", "answers"));
        return new AdministrationDto(text(node, path, "instrument"), text(node, path, "timepoint"),
                date(node, path, "date"), text(node, path, "respondent"), answers(node, path));
    }

    private Map<String, String> answers(JsonNode parent, String parentPath) {
        JsonNode node = parent.get("answers");
        String path = Json.child(parentPath, "answers");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            problem(path, "{imh.type.object}", Map.of("actual", Json.kind(node)));
            return null;
        }
        Map<String, String> answers = new LinkedHashMap<>();
        boolean ok = true;
        int position = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); position++) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode value = entry.getValue();
            if (value.isNull()) {
                answers.put(entry.getKey(), null);
            } else if (value.isTextual() && value.asText().length() <= 20) {
                answers.put(entry.getKey(), value.asText());
            } else if (Json.isInt(value)) {
                answers.put(entry.getKey(), Integer.toString(value.intValue()));
            } else {
                ok = false;
                problem(Json.keyAt(path, position), "{imh.type.answer}", Map.of("actual", Json.kind(value)));
            }
        }
        return ok ? answers : null;
    }

    private void allowOnly(JsonNode node, String path, Set<String> allowed) {
        int position = 0;
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); position++) {
            String name = names.next();
            if (!allowed.contains(name)) {
                problem(Json.keyAt(path, position), "{imh.field.unknown}", Map.of("allowed",
                        new TreeSet<>(allowed)));
            }
        }
    }

    private String text(JsonNode parent, String parentPath, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            problem(Json.child(parentPath, field), "{imh.type.string}", Map.of("actual", Json.kind(node)));
            return null;
        }
        return node.asText();
    }

    private Integer integer(JsonNode parent, String parentPath, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!Json.isInt(node)) {
            problem(Json.child(parentPath, field), "{imh.type.integer}", Map.of("actual", Json.kind(node)));
            return null;
        }
        return node.intValue();
    }

    private LocalDate date(JsonNode parent, String parentPath, String field) {
        String text = text(parent, parentPath, field);
        if (text == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text, DATE);
            if (date.getYear() >= 1900 && date.getYear() <= 2100) {
                return date;
            }
        } catch (DateTimeParseException e) {
            // reported below without echoing the text
        }
        problem(Json.child(parentPath, field), "{imh.type.date}", Map.of());
        return null;
    }

    private List<String> texts(JsonNode parent, String parentPath, String field) {
        JsonNode node = parent.get(field);
        String path = Json.child(parentPath, field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            problem(path, "{imh.type.array}", Map.of("actual", Json.kind(node)));
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode element = node.get(i);
            if (element.isNull()) {
                out.add(null);
            } else if (element.isTextual()) {
                out.add(element.asText());
            } else {
                problem(Json.element(path, i), "{imh.type.string}", Map.of("actual", Json.kind(element)));
                out.add(null);
            }
        }
        return out;
    }

    private <T> T object(JsonNode parent, String parentPath, String field, BiFunction<JsonNode, String, T> read) {
        JsonNode node = parent.get(field);
        String path = Json.child(parentPath, field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            problem(path, "{imh.type.object}", Map.of("actual", Json.kind(node)));
            return null;
        }
        return read.apply(node, path);
    }

    private <T> List<T> objects(JsonNode parent, String parentPath, String field,
            BiFunction<JsonNode, String, T> read) {
        JsonNode node = parent.get(field);
        String path = Json.child(parentPath, field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            problem(path, "{imh.type.array}", Map.of("actual", Json.kind(node)));
            return null;
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode element = node.get(i);
            String elementPath = Json.element(path, i);
            if (element.isNull()) {
                out.add(null);
            } else if (!element.isObject()) {
                problem(elementPath, "{imh.type.object}", Map.of("actual", Json.kind(element)));
                out.add(null);
            } else {
                out.add(read.apply(element, elementPath));
            }
        }
        return out;
    }

    private void problem(String path, String template, Map<String, Object> parameters) {
        problems.add(new Problem(path, template, parameters));
        problemPaths.add(path);
    }
}
