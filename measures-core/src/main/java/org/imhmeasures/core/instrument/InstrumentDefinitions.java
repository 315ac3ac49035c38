/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.imhmeasures.core.internal.Json;
import org.imhmeasures.core.internal.JsonFields;
import org.imhmeasures.core.internal.JsonFields.FieldException;

/**
 * Reads instrument definition files (format {@value #FORMAT}) into validated {@link Instrument}s.
 *
 * <p>The built-in catalogue is written in this format, and so can a user's own instruments be. A file
 * that is not valid JSON, has an unknown or missing field, a value of the wrong type, or numbers that
 * do not agree (a band outside the range, a subscale naming an unknown item) fails with a
 * {@link DefinitionException} naming the file and the field. The format is documented in README.
 *
 * <p>This class is stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class InstrumentDefinitions {

    /** The format tag every instrument definition carries in its {@code format} field. */
    public static final String FORMAT = "imh-measures/instrument@1";

    // the project's one JSON configuration: strict, small-document limits, decimals kept as written
    static final ObjectMapper JSON = Json.dataFiles();

    private InstrumentDefinitions() {
    }

    /**
     * Reads a definition file.
     *
     * @param file path to a JSON definition
     * @return the validated instrument
     * @throws DefinitionException when the file cannot be read or is not a valid definition
     */
    public static Instrument read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString());
        } catch (IOException e) {
            throw new DefinitionException(file.getFileName().toString(), "", "file must be readable: " + e.getClass()
                    .getSimpleName(), e);
        }
    }

    /**
     * Reads a definition from a stream; the stream is not closed.
     *
     * @param in the JSON document
     * @param name the file or resource name to use in error messages
     * @return the validated instrument
     * @throws DefinitionException when the document is not a valid definition
     */
    public static Instrument read(InputStream in, String name) {
        JsonNode root = parse(in, name);
        try {
            return instrument(JsonFields.root(root));
        } catch (FieldException e) {
            throw new DefinitionException(name, e.path(), e.getMessage(), e);
        }
    }

    static JsonNode parse(InputStream in, String name) {
        JsonParser parser = null;
        try {
            parser = JSON.createParser(in);
            JsonNode root = JSON.readTree(parser);
            if (root == null || root.isMissingNode()) {
                throw new DefinitionException(name, "", "document must not be empty: empty", null);
            }
            return root;
        } catch (NumberFormatException e) {
            // Jackson refuses a decimal whose exponent is beyond an int (1e99999999921) with this, not with a
            // JsonProcessingException; its message quotes the number, so it is not kept
            JsonLocation at = parser.currentLocation();
            throw new DefinitionException(name, "line " + at.getLineNr() + ", column " + at.getColumnNr(),
                    "numbers must have an exponent that fits in 32 bits: larger", null);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new DefinitionException(name, where, "document must be well-formed JSON: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new DefinitionException(name, "", "document must be readable: " + e.getClass().getSimpleName(), e);
        } finally {
            if (parser != null) {
                try {
                    parser.close();
                } catch (IOException e) {
                    // the document was read or refused already
                }
            }
        }
    }

    private static final Set<String> INSTRUMENT_FIELDS = Set.of("format", "id", "definitionVersion", "name",
            "respondent", "recallPeriod", "appliesTo", "itemScoringSource", "responseScales", "items", "subscales",
            "scoring", "missingItems", "totalRange", "direction", "bands", "caseness", "reliableChange", "norms", "codes",
            "licence", "omissions", "comment", "derivedFrom", "ageInterval", "licenseeCutoff");

    private static Instrument instrument(JsonFields root) {
        root.allowOnly(INSTRUMENT_FIELDS);
        String format = root.text("format");
        if (!FORMAT.equals(format)) {
            throw root.fail("format", "format must be " + FORMAT + ": \"" + format + "\"");
        }
        String id = root.text("id");
        boolean answersOnly = root.optionalObject("scoring").flatMap(s -> s.optionalText("method"))
                .filter(ANSWERS_ONLY::equals).isPresent();
        if (answersOnly) {
            refuseScoredFields(root);
        }
        Map<String, ResponseScale> scales = responseScales(root, answersOnly);
        List<Item> items = root.objects("items", item -> item(item, scales, answersOnly));
        return root.build(() -> new Instrument(
                id,
                root.text("definitionVersion"),
                root.text("name"),
                root.enumValue("respondent", Respondent.class),
                root.optionalText("recallPeriod"),
                root.text("appliesTo"),
                items,
                Source.of(root.text("itemScoringSource")),
                root.objects("subscales", InstrumentDefinitions::subscale),
                scoring(root.object("scoring")),
                missingItems(root.object("missingItems")),
                root.optionalObject("totalRange").map(InstrumentDefinitions::range),
                answersOnly ? Direction.NOT_APPLICABLE : root.enumValue("direction", Direction.class,
                        SCORE_DIRECTIONS),
                root.optionalObject("bands").map(InstrumentDefinitions::bands).orElse(Bands.none()),
                root.optionalObject("caseness").map(InstrumentDefinitions::cutoff),
                root.objects("reliableChange", InstrumentDefinitions::reliableChange),
                root.objects("norms", InstrumentDefinitions::norm),
                root.optionalObject("codes").map(InstrumentDefinitions::codes).orElse(Codes.none()),
                licence(root.object("licence")),
                root.objects("omissions", o -> o.allowOnly(Set.of("field", "note"))
                        .build(() -> new Omission(o.text("field"), o.text("note")))),
                root.optionalObject("derivedFrom").map(InstrumentDefinitions::derivedFrom),
                root.optionalObject("ageInterval").map(a -> a.allowOnly(Set.of("family", "months", "source"))
                        .build(() -> new AgeInterval(a.text("family"), a.integer("months"), Source.of(a.text("source"))))),
                root.optionalObject("licenseeCutoff").map(l -> l.allowOnly(Set.of("note"))
                        .build(() -> new LicenseeCutoff(l.text("note"))))));
    }

    private static DerivedForm derivedFrom(JsonFields d) {
        d.allowOnly(Set.of("instrument", "items", "source"));
        JsonFields map = d.object("items");
        Map<String, String> items = new LinkedHashMap<>();
        for (String own : map.fieldNames()) {
            items.put(own, map.text(own));
        }
        return d.build(() -> new DerivedForm(d.text("instrument"), items, Source.of(d.text("source"))));
    }

    /** The directions a file may give: {@link Direction#NOT_APPLICABLE} is implied by answers_only, never written. */
    private static final Set<Direction> SCORE_DIRECTIONS = Set.of(Direction.HIGHER_IS_BETTER, Direction.HIGHER_IS_WORSE);

    /** The scoring method of instruments whose answers are recorded and never scored. */
    private static final String ANSWERS_ONLY = "answers_only";

    /**
     * Fields that describe a score, refused under {@code answers_only} where they stand (an instrument with no
     * score has no range, bands, cut-off, direction or change to describe). The instrument's own check refuses
     * the same again for definitions built in code.
     */
    private static final List<String> SCORED_FIELDS = List.of("totalRange", "direction", "subscales", "bands",
            "caseness", "reliableChange", "norms", "derivedFrom", "ageInterval", "licenseeCutoff");

    private static void refuseScoredFields(JsonFields root) {
        for (String field : SCORED_FIELDS) {
            if (root.hasContent(field)) {
                throw root.fail(field, field + " must be absent under answers_only scoring (no score): present");
            }
        }
        root.optionalObject("missingItems").ifPresent(m -> m.optionalText("rule").ifPresent(rule -> {
            if (rule.equals("prorate") || rule.equals("unadjusted")) {
                throw m.fail("rule", "rule must be none_allowed or minimum_answered under answers_only scoring "
                        + "(no score to prorate or sum): \"" + rule + "\"");
            }
        }));
        root.optionalObject("codes").ifPresent(c -> {
            for (String field : List.of("loincTotal", "snomedScore")) {
                if (c.has(field)) {
                    throw c.fail(field, field + " must be absent under answers_only scoring (no score): present");
                }
            }
        });
    }

    private static Map<String, ResponseScale> responseScales(JsonFields root, boolean answersOnly) {
        Map<String, ResponseScale> scales = new HashMap<>();
        root.optionalObject("responseScales").ifPresent(all -> {
            for (String name : all.fieldNames()) {
                scales.put(name, answersOnly ? unscored(all.object(name)) : scale(all.object(name)));
            }
        });
        return scales;
    }

    /**
     * A scale of an {@code answers_only} instrument: options with a code (and a label, a LOINC answer code),
     * never a score, and no rating (a rating's value is its score).
     */
    private static ResponseScale unscored(JsonFields scale) {
        scale.allowOnly(Set.of("options", "rating", "comment"));
        if (scale.has("rating")) {
            throw scale.fail("rating", "rating must be absent under answers_only scoring (a rating is its score; "
                    + "list the answers as options with codes): present");
        }
        List<AnswerCategory> categories = scale.objects("options", o -> {
            o.allowOnly(Set.of("code", "score", "label", "loincAnswer"));
            if (o.has("score")) {
                throw o.fail("score", "score must be absent under answers_only scoring (answers are recorded, "
                        + "never scored): present");
            }
            return o.build(() -> new AnswerCategory(o.text("code"), o.optionalText("label"),
                    o.optionalText("loincAnswer")));
        });
        return scale.build(() -> new ResponseScale.Unscored(categories));
    }

    private static ResponseScale scale(JsonFields scale) {
        scale.allowOnly(Set.of("options", "rating", "comment"));
        Optional<JsonFields> rating = scale.optionalObject("rating");
        if (rating.isPresent()) {
            JsonFields r = rating.get().allowOnly(Set.of("min", "max"));
            return r.build(() -> new ResponseScale.Rating(r.integer("min"), r.integer("max")));
        }
        List<AnswerOption> options = scale.objects("options", o -> o.allowOnly(Set.of("code", "score", "label",
                "loincAnswer")).build(() -> new AnswerOption(o.text("code"), o.integer("score"), o.optionalText("label"),
                o.optionalText("loincAnswer"))));
        return scale.build(() -> new ResponseScale.Options(options));
    }

    private static Item item(JsonFields item, Map<String, ResponseScale> scales, boolean answersOnly) {
        item.allowOnly(Set.of("id", "position", "wording", "scale", "critical", "comment"));
        if (answersOnly && item.has("critical")) {
            throw item.fail("critical", "critical must be absent under answers_only scoring (no score to alert on): "
                    + "present");
        }
        String scaleName = item.text("scale");
        ResponseScale scale = scales.get(scaleName);
        if (scale == null) {
            throw item.fail("scale", "scale must name an entry of responseScales " + new TreeSet<>(
                    scales.keySet()) + ": \"" + scaleName + "\"");
        }
        Optional<CriticalItemRule> critical = item.optionalObject("critical").map(c -> c
                .allowOnly(Set.of("minScore", "reason", "source"))
                .build(() -> new CriticalItemRule(c.integer("minScore"), c.text("reason"), Source.of(c.text("source")))));
        return item.build(() -> new Item(item.text("id"), item.integer("position"), item.optionalText("wording"), scale,
                critical));
    }

    private static Subscale subscale(JsonFields s) {
        s.allowOnly(Set.of("id", "name", "items", "aggregation", "range", "bands", "cutoff", "source", "codes",
                "prorating", "missingItems"));
        Codes codes = s.optionalObject("codes").map(c -> {
            c.allowOnly(Set.of("loincTotal", "snomedScore", "source"));
            return codes(c);
        }).orElse(Codes.none());
        return s.build(() -> new Subscale(s.text("id"), s.text("name"), s.texts("items"),
                s.enumValue("aggregation", Aggregation.class), range(s.object("range")),
                s.optionalObject("bands").map(InstrumentDefinitions::bands).orElse(Bands.none()),
                s.optionalObject("cutoff").map(InstrumentDefinitions::cutoff), Source.of(s.text("source")), codes,
                s.optionalObject("prorating").map(p -> p.allowOnly(Set.of("minAnswered", "source"))
                        .build(() -> new SubscaleProrating(p.integer("minAnswered"), Source.of(p.text("source"))))),
                s.optionalObject("missingItems").map(InstrumentDefinitions::missingItems)));
    }

    private static ScoringRule scoring(JsonFields s) {
        s.allowOnly(Set.of("method", "multiplier", "table", "source"));
        String method = s.text("method");
        Source source = s.build(() -> Source.of(s.text("source")));
        switch (method) {
            case "sum":
                return new ScoringRule.Sum(source);
            case "mean":
                return new ScoringRule.Mean(source);
            case "clinical_score":
                return s.build(() -> new ScoringRule.ClinicalScore(s.integer("multiplier"), source));
            case "conversion_table":
                JsonFields table = s.object("table");
                Map<Integer, BigDecimal> entries = new LinkedHashMap<>();
                for (String raw : table.fieldNames()) {
                    if (!raw.matches("-?\\d{1,6}")) {
                        throw table.fail(raw, "raw score key must be a whole number: \"" + raw + "\"");
                    }
                    entries.put(Integer.parseInt(raw), table.decimal(raw));
                }
                return s.build(() -> new ScoringRule.ConversionTable(entries, source));
            case "single_rating":
                return new ScoringRule.SingleRating(source);
            case "per_goal":
                return new ScoringRule.PerGoal(source);
            case "subscales_only":
                return new ScoringRule.SubscalesOnly(source);
            case ANSWERS_ONLY:
                return new ScoringRule.AnswersOnly(source);
            default:
                throw s.fail("method", "method must be one of [sum, mean, clinical_score, conversion_table, "
                        + "single_rating, per_goal, subscales_only, answers_only]: \"" + method + "\"");
        }
    }

    private static MissingItemRule missingItems(JsonFields m) {
        m.allowOnly(Set.of("rule", "maxMissing", "minAnswered", "note", "source"));
        String rule = m.text("rule");
        switch (rule) {
            case "none_allowed":
                return m.build(() -> new MissingItemRule.NoneAllowed(m.text("note")));
            case "prorate":
                return m.build(() -> new MissingItemRule.Prorate(m.integer("maxMissing"), Source.of(m.text("source"))));
            case "minimum_answered":
                return m.build(() -> new MissingItemRule.MinimumAnswered(m.integer("minAnswered"),
                        Source.of(m.text("source"))));
            case "unadjusted":
                return m.build(() -> new MissingItemRule.Unadjusted(m.integer("maxMissing"),
                        Source.of(m.text("source"))));
            default:
                throw m.fail("rule", "rule must be one of [none_allowed, prorate, minimum_answered, unadjusted]: \""
                        + rule + "\"");
        }
    }

    private static ScoreRange range(JsonFields r) {
        r.allowOnly(Set.of("min", "max"));
        return r.build(() -> ScoreRange.of(r.decimal("min"), r.decimal("max")));
    }

    static Bands bands(JsonFields b) {
        b.allowOnly(Set.of("source", "bands", "comment"));
        List<Band> list = b.objects("bands", band -> band.allowOnly(Set.of("label", "from", "to"))
                .build(() -> new Band(band.text("label"), band.decimal("from"), band.decimal("to"))));
        return b.build(() -> new Bands(list, Optional.of(Source.of(b.text("source")))));
    }

    static Cutoff cutoff(JsonFields c) {
        c.allowOnly(Set.of("threshold", "comparison", "meaning", "source"));
        return c.build(() -> new Cutoff(c.decimal("threshold"), c.enumValue("comparison", Cutoff.Comparison.class),
                c.text("meaning"), Source.of(c.text("source"))));
    }

    private static ReliableChange reliableChange(JsonFields r) {
        r.allowOnly(Set.of("kind", "threshold", "unrounded", "scheme", "sd", "reliability", "reliabilityKind",
                "source"));
        String kind = r.text("kind");
        switch (kind) {
            case "fixed_threshold":
                return r.build(() -> new ReliableChange.FixedThreshold(r.decimal("threshold"),
                        r.optionalDecimal("unrounded"), r.text("scheme"), Source.of(r.text("source"))));
            case "from_reliability":
                return r.build(() -> new ReliableChange.FromReliability(r.decimal("sd"), r.decimal("reliability"),
                        r.text("reliabilityKind"), Source.of(r.text("source"))));
            default:
                throw r.fail("kind", "kind must be one of [fixed_threshold, from_reliability]: \"" + kind + "\"");
        }
    }

    private static Norm norm(JsonFields n) {
        n.allowOnly(Set.of("population", "role", "n", "mean", "sd", "source"));
        return n.build(() -> new Norm(n.text("population"), n.enumValue("role", Norm.Role.class),
                n.optionalInteger("n").map(OptionalInt::of).orElse(OptionalInt.empty()), n.decimal("mean"),
                n.decimal("sd"), Source.of(n.text("source"))));
    }

    static Codes codes(JsonFields c) {
        c.allowOnly(Set.of("loincPanel", "loincTotal", "loincItems", "loincUnscoredItems", "snomedScore", "source"));
        Map<String, String> items = new LinkedHashMap<>();
        c.optionalObject("loincItems").ifPresent(li -> li.fieldNames().forEach(id -> items.put(id, li.text(id))));
        Optional<Codes.SnomedConcept> snomed = c.optionalObject("snomedScore").map(s -> s
                .allowOnly(Set.of("id", "term"))
                .build(() -> new Codes.SnomedConcept(s.text("id"), s.optionalText("term"))));
        List<String> unscored = c.texts("loincUnscoredItems");
        return c.build(() -> new Codes(c.optionalText("loincPanel"), c.optionalText("loincTotal"), items, unscored,
                snomed, c.optionalText("source").map(Source::of)));
    }

    static Licence licence(JsonFields l) {
        l.allowOnly(Set.of("kind", "holder", "wording", "terms", "citation", "source"));
        return l.build(() -> new Licence(l.enumValue("kind", Licence.Kind.class), l.text("holder"),
                l.enumValue("wording", Licence.WordingPolicy.class), l.text("terms"), l.text("citation"),
                Source.of(l.text("source"))));
    }
}
