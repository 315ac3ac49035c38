/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.imhmeasures.core.instrument.Band;
import org.imhmeasures.core.internal.Check;
import org.imhmeasures.core.internal.Json;
import org.imhmeasures.scoring.CriticalAlert;
import org.imhmeasures.scoring.CriticalItemUnanswered;
import org.imhmeasures.scoring.CutoffStatus;
import org.imhmeasures.scoring.NotScorable;
import org.imhmeasures.scoring.Problem;
import org.imhmeasures.scoring.Provenance;
import org.imhmeasures.scoring.ScoreResult;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.SubscaleScore;
import org.imhmeasures.scoring.change.ChangeResult;
import org.imhmeasures.scoring.cohort.CohortReport;
import org.imhmeasures.scoring.cohort.CohortReports;
import org.jspecify.annotations.Nullable;

/**
 * The wire form of results (format {@value #FORMAT}, documented in {@code docs/json.md}, schema
 * {@code docs/json/result.schema.json}) as plain Java values, for any JSON library: what
 * {@link ImhMeasuresModule} writes with Jackson 2, given here so that another binder (Jackson 3 as Spring
 * Boot 4 uses it, JSON-B, Gson) writes the same form without its own mapping.
 *
 * <p>A form is an immutable, insertion-ordered {@code Map<String, Object>} whose values are only
 * {@link String}, {@link Boolean}, {@link Integer} or {@link Long}, {@link BigDecimal} (write it in plain
 * notation: {@code 13}, {@code 7.00}, {@code 0.000010}, never {@code 1.0E-5}), {@code List} and
 * {@code Map} of these, and — in a cohort report only, for a statistic that is not a finite number —
 * {@code null}. Field names are camelCase; enum values lower_snake_case words ({@code not_case},
 * {@code in_band}); an empty {@code Optional} leaves its field out (never {@code null}); a list or map is
 * always present, empty when there is nothing in it. Score and change results carry
 * {@code "format": "imh-measures/result@1"} and a {@code status} discriminator.
 *
 * <p>No form holds a value the user supplied and the scorer did not accept: problems carry their code,
 * their redacted message and their non-identifying fields only (never {@code patientSupplied...()}).
 * Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class WireForm {

    /** The format id of score and change results, and its version: {@value}. */
    public static final String FORMAT = "imh-measures/result@1";

    /** Reads back the cohort report's own JSON text (our output: limits generous, NaN tolerated). */
    private static final ObjectMapper COHORT = Json.reader(Json.limits(32, 1_000, 1_000_000, 10_000))
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private WireForm() {
    }

    /**
     * The form of a score result: {@code "status": "scored"} or {@code "not_scorable"}.
     *
     * @param result the result
     * @return the form
     */
    public static Map<String, Object> of(ScoreResult result) {
        Check.notNull(result, "result");
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("format", FORMAT);
        if (result instanceof Scored s) {
            form.put("status", "scored");
            form.put("provenance", provenance(s.provenance()));
            optional(form, "rawTotal", s.rawTotal());
            s.total().ifPresent(t -> form.put("total", decimal(t)));
            s.band().ifPresent(b -> form.put("band", band(b)));
            form.put("bandStatus", word(s.bandStatus()));
            form.put("caseness", word(s.caseness()));
            // only where a licensee supplies the cut-off: every other result reads exactly as in 0.1
            if (s.cutoffStatus() == CutoffStatus.SUPPLIED || s.cutoffStatus() == CutoffStatus.NOT_SUPPLIED) {
                form.put("cutoffStatus", word(s.cutoffStatus()));
            }
            form.put("prorated", s.prorated());
            form.put("itemsMissing", List.copyOf(s.itemsMissing()));
            List<Object> subscales = new ArrayList<>();
            s.subscales().values().forEach(sub -> subscales.add(subscale(sub)));
            form.put("subscales", Collections.unmodifiableList(subscales));
            form.put("itemScores", Collections.unmodifiableMap(new LinkedHashMap<>(s.itemScores())));
            // only an answers-only instrument records answers (at least one): every scored result reads as in 0.1
            if (!s.recordedAnswers().isEmpty()) {
                form.put("recordedAnswers", Collections.unmodifiableMap(new LinkedHashMap<>(s.recordedAnswers())));
            }
        } else {
            NotScorable n = (NotScorable) result;
            form.put("status", "not_scorable");
            form.put("provenance", provenance(n.provenance()));
            List<Object> problems = new ArrayList<>();
            n.problems().forEach(p -> problems.add(of(p)));
            form.put("problems", Collections.unmodifiableList(problems));
        }
        List<Object> alerts = new ArrayList<>();
        result.criticalAlerts().forEach(a -> alerts.add(alert(a)));
        form.put("criticalAlerts", Collections.unmodifiableList(alerts));
        List<Object> unanswered = new ArrayList<>();
        result.criticalUnanswered().forEach(u -> unanswered.add(unanswered(u)));
        form.put("criticalUnanswered", Collections.unmodifiableList(unanswered));
        return Collections.unmodifiableMap(form);
    }

    /**
     * The form of a problem: {@code code}, {@code message} and the case's non-identifying fields, the same
     * names a plain Jackson {@code ObjectMapper} uses for {@link Problem} ({@code item}, {@code allowed},
     * {@code position}, {@code blankKey}, {@code positions}, {@code missing}, {@code expected},
     * {@code found}). Never the key or value the user supplied.
     *
     * @param problem the problem
     * @return the form
     */
    public static Map<String, Object> of(Problem problem) {
        Check.notNull(problem, "problem");
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("code", problem.code());
        form.put("message", problem.message());
        if (problem instanceof Problem.UnknownItem u) {
            form.put("position", u.position());
            form.put("blankKey", u.blankKey());
        } else if (problem instanceof Problem.DuplicateItem d) {
            form.put("item", d.item());
            form.put("positions", List.copyOf(d.positions()));
        } else if (problem instanceof Problem.CodeNotAllowed c) {
            form.put("item", c.item());
            form.put("allowed", c.allowed());
        } else if (problem instanceof Problem.ScoreNotAllowed c) {
            form.put("item", c.item());
            form.put("allowed", c.allowed());
        } else if (problem instanceof Problem.TooManyMissing t) {
            form.put("missing", List.copyOf(t.missing()));
            form.put("allowed", t.allowed());
        } else if (problem instanceof Problem.WrongInstrument w) {
            form.put("expected", w.expected());
            form.put("found", w.found()); // redacted on construction
        }
        return Collections.unmodifiableMap(form);
    }

    /**
     * The form of a change result: {@code "status": "assessed"} (scores, change, RCI, verdicts) or
     * {@code "not_assessable"} (reason and message).
     *
     * @param result the result
     * @return the form
     */
    public static Map<String, Object> of(ChangeResult result) {
        Check.notNull(result, "result");
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("format", FORMAT);
        if (result instanceof ChangeResult.Assessed a) {
            form.put("status", "assessed");
            form.put("pre", decimal(a.pre()));
            form.put("post", decimal(a.post()));
            form.put("change", decimal(a.change()));
            optional(form, "rci", a.rci());
            form.put("reliableChange", word(a.reliableChange()));
            form.put("crossedCutoff", word(a.crossedCutoff()));
            form.put("clinicallySignificant", word(a.clinicallySignificant()));
            a.dysfunctionalAtStart().ifPresent(d -> form.put("dysfunctionalAtStart", d));
            form.put("category", word(a.category()));
            optional(form, "clinicalSignificanceIndex", a.clinicalSignificanceIndex());
            optional(form, "relativeChange", a.relativeChange());
        } else {
            ChangeResult.NotAssessable n = (ChangeResult.NotAssessable) result;
            form.put("status", "not_assessable");
            form.put("reason", word(n.reason()));
            form.put("message", n.message());
        }
        return Collections.unmodifiableMap(form);
    }

    /**
     * The form of a cohort report: the fields of {@link CohortReports#toJson(CohortReport)}, the report file
     * the command line writes, with its numbers (rounded as there) in plain notation. It has no
     * {@code format} or {@code status} field: it is not one of two outcomes, and its fields are those of
     * the report file.
     *
     * @param report the report
     * @return the form
     */
    public static Map<String, @Nullable Object> of(CohortReport report) {
        Check.notNull(report, "report");
        try {
            @SuppressWarnings("unchecked")
            Map<String, @Nullable Object> form = (Map<String, @Nullable Object>) plain(COHORT.readTree(CohortReports.toJson(report)));
            return form;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cohort report must read back as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Any form this class knows, for the serialisers. */
    static Map<String, ? extends @Nullable Object> form(Object value) {
        if (value instanceof ScoreResult r) {
            return of(r);
        }
        if (value instanceof ChangeResult r) {
            return of(r);
        }
        if (value instanceof Problem p) {
            return of(p);
        }
        return of((CohortReport) value);
    }

    private static @Nullable Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, @Nullable Object> map = new LinkedHashMap<>();
            node.properties().forEach(e -> map.put(e.getKey(), plain(e.getValue())));
            return Collections.unmodifiableMap(map);
        }
        if (node.isArray()) {
            List<@Nullable Object> list = new ArrayList<>();
            node.forEach(element -> list.add(plain(element)));
            return Collections.unmodifiableList(list);
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            double value = node.doubleValue();
            return Double.isFinite(value) ? decimal(value) : null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isNull() ? null : node.textValue();
    }

    private static Map<String, Object> provenance(Provenance p) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("instrumentId", p.instrumentId());
        form.put("definitionVersion", p.definitionVersion());
        form.put("libraryVersion", p.libraryVersion());
        return Collections.unmodifiableMap(form);
    }

    private static Map<String, Object> band(Band b) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("label", b.label());
        form.put("from", decimal(b.from()));
        form.put("to", decimal(b.to()));
        return Collections.unmodifiableMap(form);
    }

    private static Map<String, Object> subscale(SubscaleScore s) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("id", s.subscaleId());
        s.score().ifPresent(v -> form.put("score", decimal(v)));
        s.band().ifPresent(b -> form.put("band", band(b)));
        form.put("caseness", word(s.caseness()));
        form.put("prorated", s.prorated());
        return Collections.unmodifiableMap(form);
    }

    private static Map<String, Object> alert(CriticalAlert a) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("itemId", a.itemId());
        form.put("score", a.score());
        form.put("reason", a.reason());
        return Collections.unmodifiableMap(form);
    }

    private static Map<String, Object> unanswered(CriticalItemUnanswered u) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("itemId", u.itemId());
        form.put("cause", word(u.cause()));
        form.put("reason", u.reason());
        return Collections.unmodifiableMap(form);
    }

    private static void optional(Map<String, Object> form, String name, OptionalInt value) {
        if (value.isPresent()) {
            form.put(name, value.getAsInt());
        }
    }

    private static void optional(Map<String, Object> form, String name, OptionalDouble value) {
        if (value.isPresent() && Double.isFinite(value.getAsDouble())) {
            form.put(name, decimal(value.getAsDouble()));
        }
    }

    /** An enum as its lower_snake_case word: {@code NOT_CASE} is {@code not_case}. */
    static String word(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** A decimal as written, never with a negative scale (so that its plain and default text agree). */
    private static BigDecimal decimal(BigDecimal value) {
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    /** The shortest decimal that reads back as the double: {@code 13.0} is {@code 13}. */
    private static BigDecimal decimal(double value) {
        Check.argument(Double.isFinite(value), "value must be finite: %s", value);
        return decimal(BigDecimal.valueOf(value).stripTrailingZeros());
    }
}
