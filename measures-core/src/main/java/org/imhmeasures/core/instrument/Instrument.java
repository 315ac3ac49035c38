/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.imhmeasures.core.internal.Check;

/**
 * An outcome instrument: its identity, items, scoring rule and every published number with its source.
 *
 * <p>Instances are immutable and validated as a whole on construction: item ids are
 * {@code <key>_<position>} with positions 1..n; subscales name existing items; the total range agrees
 * with the items and the scoring rule; bands and cut-offs lie inside the range; and the sizes a scorer
 * allocates for stay bounded ({@link #MAX_ITEMS} items, {@link #MAX_SUBSCALES} subscales, item scores
 * within ±{@link #MAX_ITEM_SCORE}, rating spans of at most {@link #MAX_RATING_SPAN}, numeric option codes
 * within ±{@link #MAX_NUMERIC_CODE}, a raw-total span of at most {@link #MAX_RAW_SPAN}). Two instruments are
 * equal when every field is equal; {@link #id()} and {@link #definitionVersion()} identify a definition.
 *
 * @param id stable id as published, e.g. {@code PHQ-9}
 * @param definitionVersion version of this definition file, e.g. {@code 1.0.0}; bumped whenever a
 *        clinical number, item or option changes
 * @param name full name
 * @param respondent who completes it
 * @param recallPeriod the period asked about, e.g. {@code past 7 days}; empty for observational ratings
 * @param appliesTo the people or infant ages it is for, e.g. {@code parents of infants 0-12 months}
 * @param items the items in form order
 * @param itemScoring where option scores and reverse keying come from
 * @param subscales published subscales, possibly none
 * @param scoring how the reported score is derived
 * @param missingItems the instrument's rule for unanswered items
 * @param totalRange the range of the reported total; empty when the instrument reports no total (GBO, HADS)
 * @param direction which way is better
 * @param bands severity bands of the total, possibly none
 * @param caseness caseness cut-off of the total, if published
 * @param reliableChange published reliable-change parameters, possibly none
 * @param norms published reference samples, possibly none
 * @param codes terminology codes
 * @param licence copyright holder and terms
 * @param omissions values left out because no source confirms them
 * @since 0.1.0
 */
public record Instrument(String id, String definitionVersion, String name, Respondent respondent,
        Optional<String> recallPeriod, String appliesTo, List<Item> items, Source itemScoring,
        List<Subscale> subscales, ScoringRule scoring, MissingItemRule missingItems, Optional<ScoreRange> totalRange,
        Direction direction, Bands bands, Optional<Cutoff> caseness, List<ReliableChange> reliableChange,
        List<Norm> norms, Codes codes, Licence licence, List<Omission> omissions, Optional<DerivedForm> derivedFrom,
        Optional<AgeInterval> ageInterval, Optional<LicenseeCutoff> licenseeCutoff) {

    /**
     * Validates the definition as a whole.
     *
     * @param id stable id as published, e.g. {@code PHQ-9}
     * @param definitionVersion version of this definition file, e.g. {@code 1.0.0}; bumped whenever a
     *     clinical number, item or option changes
     * @param name full name
     * @param respondent who completes it
     * @param recallPeriod the period asked about, e.g. {@code past 7 days}; empty for observational ratings
     * @param appliesTo the people or infant ages it is for, e.g. {@code parents of infants 0-12 months}
     * @param items the items in form order
     * @param itemScoring where option scores and reverse keying come from
     * @param subscales published subscales, possibly none
     * @param scoring how the reported score is derived
     * @param missingItems the instrument's rule for unanswered items
     * @param totalRange the range of the reported total; empty when the instrument reports no total (GBO, HADS)
     * @param direction which way is better
     * @param bands severity bands of the total, possibly none
     * @param caseness caseness cut-off of the total, if published
     * @param reliableChange published reliable-change parameters, possibly none
     * @param norms published reference samples, possibly none
     * @param codes terminology codes
     * @param licence copyright holder and terms
     * @param omissions values left out because no source confirms them
     * @param derivedFrom the longer instrument this one is asked as part of (PHQ-2 in PHQ-9), if any
     * @param ageInterval the age interval of this questionnaire in its family (ASQ:SE-2), if any
     * @param licenseeCutoff present when the cut-off and bands come from a licensee norms file
     */
    public Instrument {
        id = checkId(id, "instrument");
        definitionVersion = checkVersion(definitionVersion, "definition");
        name = Check.notBlank(name, "instrument name");
        Check.notNull(respondent, "respondent");
        recallPeriod = Check.notNull(recallPeriod, "recall period").map(String::strip).filter(s -> !s.isEmpty());
        appliesTo = Check.notBlank(appliesTo, "applies to");
        items = List.copyOf(Check.notNull(items, "items"));
        Check.notNull(itemScoring, "item scoring source");
        subscales = List.copyOf(Check.notNull(subscales, "subscales"));
        Check.notNull(scoring, "scoring rule");
        Check.notNull(missingItems, "missing-item rule");
        Check.notNull(totalRange, "total range");
        Check.notNull(direction, "direction");
        Check.notNull(bands, "bands");
        Check.notNull(caseness, "caseness");
        reliableChange = List.copyOf(Check.notNull(reliableChange, "reliable change"));
        norms = List.copyOf(Check.notNull(norms, "norms"));
        Check.notNull(codes, "codes");
        Check.notNull(licence, "licence");
        omissions = List.copyOf(Check.notNull(omissions, "omissions"));
        Check.notNull(derivedFrom, "derived from");
        Check.notNull(ageInterval, "age interval");
        Check.notNull(licenseeCutoff, "licensee cut-off");

        String key = keyOf(id);
        checkLimits(id, items, subscales);
        checkItems(key, items);
        checkScoringKind(id, items, scoring, subscales, missingItems, totalRange, direction, bands, caseness,
                reliableChange, norms, codes, derivedFrom, ageInterval, licenseeCutoff);
        checkSubscales(items, subscales);
        checkTotal(id, items, scoring, totalRange, bands, caseness, missingItems);
        if (derivedFrom.isPresent()) {
            Check.argument(List.copyOf(derivedFrom.get().items().keySet()).equals(items.stream().map(Item::id).toList()),
                    "derived-from items of %s must map every item in form order: %s", id,
                    derivedFrom.get().items().keySet());
        }
        for (String itemId : codes.loincItems().keySet()) {
            Check.argument(items.stream().anyMatch(i -> i.id().equals(itemId)),
                    "loinc item code must name an item of %s: %s", id, itemId);
        }
    }

    /**
     * The definition without a parent form, age interval or licensee cut-off: the constructor of version
     * 0.1, kept for callers that build definitions in code.
     *
     * @param id stable id as published
     * @param definitionVersion version of this definition file
     * @param name full name
     * @param respondent who completes it
     * @param recallPeriod the period asked about
     * @param appliesTo the people or infant ages it is for
     * @param items the items in form order
     * @param itemScoring where option scores and reverse keying come from
     * @param subscales published subscales, possibly none
     * @param scoring how the reported score is derived
     * @param missingItems the instrument's rule for unanswered items
     * @param totalRange the range of the reported total
     * @param direction which way is better
     * @param bands severity bands of the total, possibly none
     * @param caseness caseness cut-off of the total, if published
     * @param reliableChange published reliable-change parameters, possibly none
     * @param norms published reference samples, possibly none
     * @param codes terminology codes
     * @param licence copyright holder and terms
     * @param omissions values left out because no source confirms them
     */
    public Instrument(String id, String definitionVersion, String name, Respondent respondent,
            Optional<String> recallPeriod, String appliesTo, List<Item> items, Source itemScoring,
            List<Subscale> subscales, ScoringRule scoring, MissingItemRule missingItems,
            Optional<ScoreRange> totalRange, Direction direction, Bands bands, Optional<Cutoff> caseness,
            List<ReliableChange> reliableChange, List<Norm> norms, Codes codes, Licence licence,
            List<Omission> omissions) {
        this(id, definitionVersion, name, respondent, recallPeriod, appliesTo, items, itemScoring, subscales, scoring,
                missingItems, totalRange, direction, bands, caseness, reliableChange, norms, codes, licence, omissions,
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * This definition with a cut-off and bands supplied by a licensee (see {@link LicenseeNorms}); everything
     * else is unchanged. Only for an instrument whose {@link #licenseeCutoff()} is present, and only once: a
     * published cut-off is never replaced.
     *
     * @param suppliedCaseness the supplied cut-off, if the licensee gives one
     * @param suppliedBands the supplied bands (e.g. a monitoring zone), possibly none
     * @return the definition with them
     * @throws IllegalArgumentException when the instrument takes no licensee cut-off, already has a cut-off or
     *         bands, or they do not lie within its total range
     * @since 0.2.0
     */
    public Instrument withSuppliedCutoff(Optional<Cutoff> suppliedCaseness, Bands suppliedBands) {
        Check.argument(licenseeCutoff.isPresent(), "a supplied cut-off must be for an instrument that takes one: %s",
                id);
        Check.argument(caseness.isEmpty() && bands.isEmpty(),
                "a supplied cut-off must not replace one already present: %s", id);
        return new Instrument(id, definitionVersion, name, respondent, recallPeriod, appliesTo, items, itemScoring,
                subscales, scoring, missingItems, totalRange, direction, Check.notNull(suppliedBands, "bands"),
                Check.notNull(suppliedCaseness, "caseness"), reliableChange, norms, codes, licence, omissions,
                derivedFrom, ageInterval, licenseeCutoff);
    }

    /**
     * The lower-case key of an instrument id without punctuation: {@code PHQ-9 -> phq9}.
     *
     * @param id an instrument id
     * @return the key used as item id prefix
     */
    public static String keyOf(String id) {
        return id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /**
     * The item id prefix of this instrument, e.g. {@code phq9}.
     *
     * @return the key
     */
    public String key() {
        return keyOf(id);
    }

    /**
     * Finds an item by id.
     *
     * @param itemId item id
     * @return the item, or empty
     */
    public Optional<Item> item(String itemId) {
        for (Item item : items) {
            if (item.id().equals(itemId)) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }

    /**
     * Tells whether the instrument reports a single total.
     *
     * @return {@code false} for per-goal, subscale-only and answers-only instruments
     */
    public boolean reportsTotal() {
        return totalRange.isPresent();
    }

    /**
     * Tells whether the instrument scores its answers at all: {@code false} exactly for an answers-only
     * instrument ({@link ScoringRule.AnswersOnly}), whose items are all on {@link ResponseScale.Unscored}
     * scales; {@code true} for every other, whose items are all on {@link ResponseScale.ScoredScale}s.
     *
     * @return whether answers are scored
     * @since 0.2.0
     */
    public boolean scored() {
        return !(scoring instanceof ScoringRule.AnswersOnly);
    }

    /** The most items an instrument may have. */
    public static final int MAX_ITEMS = 500;

    /** The most subscales an instrument may have. */
    public static final int MAX_SUBSCALES = 20;

    /**
     * The largest magnitude of any item score: every option score and both bounds of every rating lie
     * within {@code -MAX_ITEM_SCORE..MAX_ITEM_SCORE} (the catalogue's largest is PIR-GAS's 100).
     */
    public static final int MAX_ITEM_SCORE = 1_000;

    /**
     * The largest span of a rating scale, {@code max - min} (PIR-GAS 1..100 spans 99). A scorer keeps a
     * table of one entry per rating value, so 1..999,999,999 must be refused here, not run out of memory.
     */
    public static final int MAX_RATING_SPAN = 1_000;

    /**
     * The largest magnitude of an option code that is a whole number ({@code -?[0-9]+}): a scorer indexes
     * numeric codes in a table spanning the smallest to the largest.
     */
    public static final int MAX_NUMERIC_CODE = 1_000;

    /**
     * The largest span of the raw total, the sum over items of {@code maxScore - minScore}: a scorer
     * precomputes the total, band and caseness of every raw total, and each subscale's score of every sum.
     */
    public static final int MAX_RAW_SPAN = 10_000;

    /**
     * Size limits that bound what a {@code Scorer} allocates for this definition, checked before anything
     * iterates over ranges; see the {@code MAX_} constants. Sums are taken in {@code long}, so no
     * definition can overflow them.
     */
    /** The catalogue id rule, shared with {@link InstrumentReference}: {@code what} names the kind in messages. */
    static String checkId(String id, String what) {
        String trimmed = Check.notBlank(id, what + " id");
        Check.argument(trimmed.matches("[A-Za-z0-9][A-Za-z0-9()\\-:]*"),
                "%s id must be letters, digits, '-', ':' or parentheses: %s", what, trimmed);
        return trimmed;
    }

    /** The definition-version rule (semantic, major.minor.patch), shared with {@link InstrumentReference}. */
    static String checkVersion(String version, String what) {
        String trimmed = Check.notBlank(version, what + " version");
        Check.argument(trimmed.matches("\\d+\\.\\d+\\.\\d+"),
                "%s version must be major.minor.patch: %s", what, trimmed);
        return trimmed;
    }

    private static void checkLimits(String id, List<Item> items, List<Subscale> subscales) {
        Check.argument(items.size() <= MAX_ITEMS, "items of %s must number at most %d: %d", id, MAX_ITEMS,
                items.size());
        Check.argument(subscales.size() <= MAX_SUBSCALES, "subscales of %s must number at most %d: %d", id,
                MAX_SUBSCALES, subscales.size());
        long span = 0;
        for (Item item : items) {
            ResponseScale scale = Check.notNull(item, "item").scale();
            if (scale instanceof ResponseScale.Rating rating) {
                Check.argument((long) rating.max() - rating.min() <= MAX_RATING_SPAN,
                        "rating of item %s must span at most %d values: %d..%d", item.id(), MAX_RATING_SPAN + 1,
                        rating.min(), rating.max());
            }
            for (ListedAnswer answer : scale.listedAnswers()) {
                String code = answer.code();
                if (code.matches("-?[0-9]+")) {
                    String digits = code.replace("-", "").replaceFirst("^0+(?=.)", "");
                    Check.argument(digits.length() <= 4 && Integer.parseInt(digits) <= MAX_NUMERIC_CODE,
                            "numeric option codes of item %s must lie within -%d..%d: %s", item.id(),
                            MAX_NUMERIC_CODE, MAX_NUMERIC_CODE, code.length() > 12 ? code.substring(0, 12) + "..."
                                    : code);
                }
            }
            if (scale instanceof ResponseScale.ScoredScale scored) {
                Check.argument(Math.abs((long) scored.minScore()) <= MAX_ITEM_SCORE
                        && Math.abs((long) scored.maxScore()) <= MAX_ITEM_SCORE,
                        "scores of item %s must lie within -%d..%d: %d..%d", item.id(), MAX_ITEM_SCORE,
                        MAX_ITEM_SCORE, scored.minScore(), scored.maxScore());
                span += (long) scored.maxScore() - scored.minScore();
            }
        }
        Check.argument(span <= MAX_RAW_SPAN, "raw total of %s must span at most %d: %d", id, MAX_RAW_SPAN, span);
    }

    /**
     * {@link ScoringRule.AnswersOnly} exactly when every item is on an {@link ResponseScale.Unscored} scale;
     * an answers-only instrument has nothing that describes a score. Run before the checks that add up item
     * scores, so that they see scored scales only.
     */
    private static void checkScoringKind(String id, List<Item> items, ScoringRule scoring, List<Subscale> subscales,
            MissingItemRule missing, Optional<ScoreRange> totalRange, Direction direction, Bands bands,
            Optional<Cutoff> caseness, List<ReliableChange> reliableChange, List<Norm> norms, Codes codes,
            Optional<DerivedForm> derivedFrom, Optional<AgeInterval> ageInterval,
            Optional<LicenseeCutoff> licenseeCutoff) {
        boolean answersOnly = scoring instanceof ScoringRule.AnswersOnly;
        for (Item item : items) {
            boolean unscored = item.scale() instanceof ResponseScale.Unscored;
            Check.argument(unscored == answersOnly, answersOnly
                    ? "items of answers-only instrument %s must be on unscored scales (options without scores): %s"
                    : "items of %s must be on scored scales unless its scoring is answers_only: %s is unscored",
                    id, item.id());
        }
        Check.argument(answersOnly == (direction == Direction.NOT_APPLICABLE), answersOnly
                ? "direction of answers-only instrument %s must be NOT_APPLICABLE (no score): %s"
                : "direction of %s must be HIGHER_IS_BETTER or HIGHER_IS_WORSE unless its scoring is answers_only: %s",
                id, direction);
        if (!answersOnly) {
            return;
        }
        refuse(id, "subscales", !subscales.isEmpty());
        refuse(id, "bands", !bands.isEmpty());
        refuse(id, "caseness cut-off", caseness.isPresent());
        refuse(id, "total range", totalRange.isPresent());
        refuse(id, "reliable change", !reliableChange.isEmpty());
        refuse(id, "norms", !norms.isEmpty());
        refuse(id, "derived form", derivedFrom.isPresent());
        refuse(id, "age interval", ageInterval.isPresent());
        refuse(id, "licensee cut-off", licenseeCutoff.isPresent());
        refuse(id, "loinc total code", codes.loincTotal().isPresent());
        refuse(id, "snomed score concept", codes.snomedScore().isPresent());
        refuse(id, "critical item", items.stream().anyMatch(item -> item.critical().isPresent()));
        Check.argument(missing instanceof MissingItemRule.NoneAllowed || missing instanceof MissingItemRule.MinimumAnswered,
                "missing-item rule of answers-only instrument %s must be none_allowed or minimum_answered (no score "
                        + "to prorate or sum): %s", id, missing.getClass().getSimpleName());
    }

    private static void refuse(String id, String what, boolean present) {
        Check.argument(!present, "%s of answers-only instrument %s must be absent (no score): present", what, id);
    }

    private static void checkItems(String key, List<Item> items) {
        Check.argument(!items.isEmpty(), "items must not be empty: none");
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            Check.argument(item.position() == i + 1, "item %s position must be %d: %d", item.id(), i + 1,
                    item.position());
            String expected = key + "_" + (i + 1);
            Check.argument(item.id().equals(expected), "item id at position %d must be %s: %s", i + 1, expected,
                    item.id());
        }
    }

    private static void checkSubscales(List<Item> items, List<Subscale> subscales) {
        Set<String> itemIds = new HashSet<>();
        items.forEach(item -> itemIds.add(item.id()));
        Set<String> subscaleIds = new HashSet<>();
        for (Subscale subscale : subscales) {
            Check.argument(subscaleIds.add(subscale.id()), "subscale ids must be unique: %s", subscale.id());
            Set<String> members = new HashSet<>();
            int min = 0;
            int max = 0;
            for (String itemId : subscale.itemIds()) {
                Check.argument(itemIds.contains(itemId), "subscale %s must name existing items: %s", subscale.id(),
                        itemId);
                Check.argument(members.add(itemId), "subscale %s must not repeat an item: %s", subscale.id(), itemId);
                // checkScoringKind let subscales through only with scored items
                ResponseScale.ScoredScale scale = (ResponseScale.ScoredScale) items.stream()
                        .filter(i -> i.id().equals(itemId)).findFirst().orElseThrow().scale();
                min += scale.minScore();
                max += scale.maxScore();
            }
            ScoreRange expected = subscale.aggregation().range(min, max, members.size());
            Check.argument(expected.equals(subscale.range()), "subscale %s range must be %s: %s", subscale.id(),
                    expected, subscale.range());
            checkInside("subscale " + subscale.id(), subscale.range(), subscale.bands(), subscale.cutoff());
        }
        // per-subscale prorating decides every missing item, so the subscales must split the items exactly
        if (subscales.stream().anyMatch(sub -> sub.prorating().isPresent())) {
            Set<String> covered = new HashSet<>();
            for (Subscale subscale : subscales) {
                Check.argument(subscale.prorating().isPresent(),
                        "subscale %s must have a prorating rule when another subscale has one: none", subscale.id());
                for (String itemId : subscale.itemIds()) {
                    Check.argument(covered.add(itemId),
                            "subscales with prorating rules must not share an item: %s", itemId);
                }
            }
            Check.argument(covered.size() == itemIds.size(),
                    "subscales with prorating rules must cover every item: %d of %d", covered.size(), itemIds.size());
        }
    }

    private static void checkTotal(String id, List<Item> items, ScoringRule scoring, Optional<ScoreRange> range,
            Bands bands, Optional<Cutoff> caseness, MissingItemRule missing) {
        int min = 0;
        int max = 0;
        for (Item item : items) {
            if (item.scale() instanceof ResponseScale.ScoredScale scored) { // every item, unless answers-only
                min += scored.minScore();
                max += scored.maxScore();
            }
        }
        Optional<ScoreRange> expected = scoring.totalRange(id, items.size(), min, max);
        Check.argument(expected.equals(range), "total range of %s must be %s: %s", id,
                expected.map(ScoreRange::toString).orElse("absent (no total)"),
                range.map(ScoreRange::toString).orElse("absent"));
        if (range.isPresent()) {
            checkInside("total of " + id, range.get(), bands, caseness);
        } else {
            Check.argument(bands.isEmpty() && caseness.isEmpty(),
                    "bands and caseness of %s must be on subscales when there is no total: total bands given", id);
        }
        if (missing instanceof MissingItemRule.Prorate prorate) {
            Check.argument(prorate.maxMissing() < items.size(), "prorate max missing of %s must be below %d: %d", id,
                    items.size(), prorate.maxMissing());
        }
        if (missing instanceof MissingItemRule.Unadjusted unadjusted) {
            Check.argument(unadjusted.maxMissing() < items.size(), "unadjusted max missing of %s must be below %d: %d",
                    id, items.size(), unadjusted.maxMissing());
        }
        if (missing instanceof MissingItemRule.MinimumAnswered minimum) {
            Check.argument(minimum.minAnswered() <= items.size(), "minimum answered of %s must be at most %d: %d", id,
                    items.size(), minimum.minAnswered());
        }
    }

    private static void checkInside(String what, ScoreRange range, Bands bands, Optional<Cutoff> cutoff) {
        for (Band band : bands.bands()) {
            Check.argument(range.contains(band.from()) && range.contains(band.to()),
                    "band %s of %s must lie within %s: %s..%s", band.label(), what, range,
                    Decimals.show(band.from()), Decimals.show(band.to()));
        }
        cutoff.ifPresent(c -> Check.argument(range.contains(c.threshold()),
                "cut-off of %s must lie within %s: %s", what, range, Decimals.show(c.threshold())));
    }

    /**
     * Item scores of every item by id, for callers that need a lookup table.
     *
     * @return an unmodifiable map item id → item, in form order
     */
    public Map<String, Item> itemsById() {
        Map<String, Item> byId = new LinkedHashMap<>();
        items.forEach(item -> byId.put(item.id(), item));
        return Collections.unmodifiableMap(byId);
    }
}
