/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.imhmeasures.core.instrument.Aggregation;
import org.imhmeasures.core.instrument.AnswerCategory;
import org.imhmeasures.core.instrument.AnswerOption;
import org.imhmeasures.core.instrument.Band;
import org.imhmeasures.core.instrument.BandStatus;
import org.imhmeasures.core.instrument.Bands;
import org.imhmeasures.core.instrument.Cutoff;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.core.instrument.Item;
import org.imhmeasures.core.instrument.MissingItemRule;
import org.imhmeasures.core.instrument.ResponseScale;
import org.imhmeasures.core.instrument.ScoringRule;
import org.imhmeasures.core.instrument.Subscale;
import org.imhmeasures.core.internal.Check;

/**
 * Scores administrations of one instrument. Immutable and thread-safe: build one per instrument and
 * options, and share it.
 *
 * <h2>Formula</h2>
 * Each answered item contributes the score its definition gives the recorded code (reverse keying is in
 * the definition). The raw total is the sum {@code S} of the answered scores (none for an instrument
 * without a total, whose caseness is {@link Caseness#PER_SUBSCALE} where its subscales carry cut-offs);
 * the reported total is the
 * instrument's {@link ScoringRule#total ScoringRule} of {@code S} (sum, mean, CORE-10 clinical score,
 * SWEMWBS conversion table, single rating; none for per-goal and subscales-only instruments), where each
 * rule's formula and rounding are written down once. Subscales use their {@link Aggregation#score
 * Aggregation}; a subscale with missing items is prorated when prorating is in force and at least one of
 * its items is answered, otherwise it has no score. A subscale with its own published missing-item rule
 * ({@link Subscale#missingItems()}; CORE-OM: Problems and Functioning at most 1 missing, Wellbeing and Risk
 * none, CORE System Trust) has no score beyond that rule, while the total follows the instrument's rule.
 * Where the subscales publish their own opt-in rule ({@link Subscale#prorating()}; HADS: Bell ML, Fairclough
 * DL, Fiero MH, Butow PN (2016) BMC Res Notes 9:479, doi:10.1186/s13104-016-2284-z, the "half rule") and
 * the caller asks for {@link MissingItemPolicy#PRORATE}, that rule replaces the general allowance: a subscale of {@code k} items
 * with {@code a >= minAnswered} answered and answered sum {@code S} scores {@code S × k / a} (the person's
 * mean over the answered items times {@code k}; two decimals, half up, not rounded to a whole number, so
 * 10.50 on HADS is still borderline and not a case); a subscale with fewer answered items makes the whole
 * administration {@link Problem.TooManyMissing} (one per such subscale, naming its missing items) — no
 * half-scored HADS with one subscale blank. Under the default {@link MissingItemPolicy#INSTRUMENT_RULE} and
 * under {@link MissingItemPolicy#STRICT} the instrument's own rule holds (HADS: no item may be missing).
 *
 * <h2>Edge cases</h2>
 * <ul>
 *   <li>Missing and declined answers are unanswered. How many may be unanswered is set by
 *       {@link ScoringOptions#missingItems()} and the instrument's {@link MissingItemRule}; at least one
 *       item must always be answered.</li>
 *   <li>Answers for items the instrument lacks (located by position, never echoed), codes the item does
 *       not allow, too many missing items and a different instrument id each yield a {@link Problem}; every
 *       problem found is reported together in one {@link NotScorable}. Nothing is half-scored.</li>
 *   <li>Answer keys are compared after trimming (see {@link Administration}): a blank key is
 *       {@link Problem.UnknownItem}, two answers for one item are {@link Problem.DuplicateItem} — never
 *       last-one-wins. A duplicated critical item raises its alert when any of its answers is at alert
 *       level (the alert carries the highest of their scores); other alerts come from the unambiguous
 *       answers as usual.</li>
 *   <li>Problems are listed in this order: a wrong instrument; problems of answer keys (unknown, blank,
 *       duplicated) by position; codes not allowed, in item order; too many missing.</li>
 *   <li>A critical item validly answered at or above its alert level raises a {@link CriticalAlert}
 *       whatever the total — in {@link NotScorable} too.</li>
 *   <li>A critical item not validly answered (missing, declined, or a code it does not allow) is flagged
 *       as a {@link CriticalItemUnanswered} on the result, whatever the {@link MissingItemPolicy}: in a
 *       {@link NotScorable}, and in a {@link Scored} whose total was computed without it (CORE-10 without
 *       item 6 under its own rule, PHQ-9 without item 9 under {@code PRORATE}). The critical item counts
 *       like any other under the missing-item rule — prorating is still allowed, since the published rules
 *       do not exempt it — so the total is unchanged; the flag says the risk it asks about is unknown.
 *       A code that is not allowed is flagged too: its alert status is as unknown as a blank's.</li>
 *   <li>Bands classify a non-whole total by the band it has reached but not left (9.6 on PHQ-9 is mild).</li>
 *   <li>A total that no confirmed band covers, where bands are published for part of the range only (PIR-GAS
 *       below 61), has no band and the band status {@link BandStatus#BELOW_CONFIRMED_BANDS} (or above, or
 *       between): never a silent blank.</li>
 *   <li>Under an instrument's {@link MissingItemRule.Unadjusted} rule (ASQ:SE-2: up to 2 omitted items,
 *       Brookes support article 367) the total with missing items is the rule's total of the answered items
 *       alone — for a sum, the plain sum {@code S}, never prorated, whatever the {@link MissingItemPolicy}
 *       except {@link MissingItemPolicy#STRICT} (no item may be missing); more missing items are
 *       {@link Problem.TooManyMissing}.</li>
 *   <li>Where the instrument's cut-off is supplied by a licensee ({@link Instrument#licenseeCutoff()};
 *       ASQ:SE-2) and none was supplied, a result has its total, {@link Caseness#NOT_DEFINED} and
 *       {@link Scored#cutoffStatus()} {@link CutoffStatus#NOT_SUPPLIED}: never a guessed cut-off.</li>
 *   <li>Answers are option codes unless {@link ScoringOptions#answerKind()} is {@link AnswerKind#SCORES}:
 *       then each is an item score, read back to its option through the definition (EPDS item 10: a stored
 *       score 3 is the most severe answer and alerts, though its code is {@code 0}). A value that is not
 *       one of the item's scores is a {@link Problem.ScoreNotAllowed}; a definition where an item gives one
 *       score to two codes cannot be read as scores and {@link #of(Instrument, ScoringOptions)} throws
 *       {@link AmbiguousScoreException}.</li>
 *   <li>An instrument that records answers only ({@link ScoringRule.AnswersOnly}: a feedback question) is
 *       checked like any other — unknown items, codes not allowed, duplicates and its missing-item rule give
 *       the same problems, and none answered is never a result — and a {@link Scored} of it has no raw total,
 *       total, subscales, band, caseness or item scores: its answers are in {@link Scored#recordedAnswers()}
 *       (item id → the code as the definition spells it, answered items in form order). It has no scores to
 *       read answers as: under {@link AnswerKind#SCORES}, {@link #of(Instrument, ScoringOptions)} throws
 *       {@link AnswersOnlyException}.</li>
 * </ul>
 * Sources: the instrument's definition file cites each rule; prorating convention for CORE measures:
 * CORE System Trust, "What's in a name 1: scoring CORE measures".
 *
 * @since 0.1.0
 */
public final class Scorer {

    private final Instrument instrument;
    private final ScoringOptions options;
    private final Provenance provenance;
    private final Item[] items;
    private final Map<String, Integer> indexById;
    /** per item: code → score, for coded items; null for ratings. */
    private final List<Map<String, Integer>> codeScores;
    private final int[][] subscaleIndexes;
    private final String[] subscaleIds;
    private final int[] subscaleMin;
    /** per subscale: its score for every possible complete sum, computed once. */
    private final SubscaleScore[][] completeSubscales;
    /** per critical item (by position in criticalIndexes): the alert for each score, computed once. */
    private final List<CriticalAlert>[][] alertLists;
    /** per critical item (by position in criticalIndexes): its unanswered flag per cause, computed once. */
    private final List<CriticalItemUnanswered>[][] unansweredLists;
    /** per critical item: the score at which it alerts (plain ints keep the hot loop short). */
    private final int[] criticalMinScore;
    private final int allowedMissing;
    private final boolean prorating;
    /** the instrument's rule sums the answered items without adjustment (ASQ:SE-2), within its allowance. */
    private final boolean unadjusted;
    /** where the cut-off comes from, the same for every result. */
    private final CutoffStatus cutoffStatus;
    /**
     * per subscale: the fewest answered items for a prorated score, when the caller opted in to prorating
     * and the subscales publish their own rule (HADS); {@code null} otherwise.
     */
    private final int[] subscaleMinAnswered;
    private final String[] itemIds;
    /**
     * One {@code true} per item, for the item scores of complete answers. Filled in the constructor and
     * never written again, and reached only through final fields (here and in {@link ItemScores}), so by
     * the final-field rule (JLS 17.5) every thread that reaches it through this scorer or its results sees
     * it filled. The former lazily filled static cache was a data race: a thread could see the array
     * before its contents.
     */
    private final boolean[] allAnswered;
    private final int[] criticalIndexes;
    /** per item: score by numeric code − offset, {@link #NOT_ALLOWED} where the code is not allowed. */
    private final int[][] numericScores;
    private final int[] numericOffset;
    /** lowest possible raw total; index base of the complete-answer tables. */
    private final int minRaw;
    /** per raw total (index raw − minRaw): the shared {@code OptionalInt}; null without a total. */
    private final OptionalInt[] rawTotals;
    /** the caseness of every result when the instrument has no total: per subscale, or not defined. */
    private final Caseness noTotalCaseness;
    private final Optional<BigDecimal>[] completeTotals;
    private final Optional<Band>[] completeBands;
    private final BandStatus[] completeBandStatus;
    private final Caseness[] completeCaseness;
    /**
     * For an answers-only instrument: per item, its category codes in definition order, the position of each
     * standing in for a score in the tables above (so codes are checked by the same code as scored ones);
     * {@code null} for a scored instrument.
     */
    private final String[][] categoryCodes;

    private Scorer(Instrument instrument, ScoringOptions options) {
        this.instrument = Check.notNull(instrument, "instrument");
        Check.notNull(options, "options");
        if (!instrument.scored() && options.answerKind() == AnswerKind.SCORES) {
            throw new AnswersOnlyException(instrument.id());
        }
        boolean hasCutoff = instrument.caseness().isPresent()
                || instrument.subscales().stream().anyMatch(sub -> sub.cutoff().isPresent());
        boolean licensee = instrument.licenseeCutoff().isPresent();
        this.cutoffStatus = hasCutoff ? (licensee ? CutoffStatus.SUPPLIED : CutoffStatus.PUBLISHED)
                : (licensee ? CutoffStatus.NOT_SUPPLIED : CutoffStatus.NONE);
        this.options = Check.notNull(options, "options");
        this.provenance = Provenance.of(instrument);
        this.items = instrument.items().toArray(new Item[0]);
        Map<String, Integer> index = new HashMap<>();
        List<Map<String, Integer>> scores = new ArrayList<>();
        int[] itemMin = new int[items.length];
        int[] itemMax = new int[items.length];
        String[][] categories = instrument.scored() ? null : new String[items.length][];
        for (int i = 0; i < items.length; i++) {
            index.put(items[i].id(), i);
            ResponseScale scale = items[i].scale();
            if (scale instanceof ResponseScale.Options coded) {
                scores.add(options.answerKind() == AnswerKind.SCORES ? byScore(instrument, items[i], coded)
                        : byCode(coded));
            } else if (scale instanceof ResponseScale.Unscored unscored) {
                categories[i] = unscored.categories().stream().map(AnswerCategory::code).toArray(String[]::new);
                scores.add(byPosition(categories[i]));
            } else {
                scores.add(null);
            }
            if (scale instanceof ResponseScale.ScoredScale scored) {
                itemMin[i] = scored.minScore();
                itemMax[i] = scored.maxScore();
            } else {
                itemMax[i] = categories[i].length - 1;
            }
        }
        this.categoryCodes = categories;
        this.indexById = Map.copyOf(index);
        this.codeScores = Collections.unmodifiableList(scores);
        this.subscaleIndexes = new int[instrument.subscales().size()][];
        this.subscaleIds = new String[subscaleIndexes.length];
        this.subscaleMin = new int[subscaleIndexes.length];
        this.completeSubscales = new SubscaleScore[subscaleIndexes.length][];
        for (int s = 0; s < subscaleIndexes.length; s++) {
            Subscale subscale = instrument.subscales().get(s);
            subscaleIndexes[s] = subscale.itemIds().stream().mapToInt(index::get).toArray();
            subscaleIds[s] = subscale.id();
            int min = 0;
            int max = 0;
            for (int i : subscaleIndexes[s]) {
                min += itemMin[i];
                max += itemMax[i];
            }
            subscaleMin[s] = min;
            completeSubscales[s] = new SubscaleScore[max - min + 1];
        }
        this.itemIds = instrument.items().stream().map(Item::id).toArray(String[]::new);
        this.allAnswered = new boolean[items.length];
        Arrays.fill(allAnswered, true);
        this.criticalIndexes = IntStream.range(0, items.length)
                .filter(i -> items[i].critical().isPresent()).toArray();
        this.numericScores = new int[items.length][];
        this.numericOffset = new int[items.length];
        for (int i = 0; i < items.length; i++) {
            buildNumericTable(i);
        }
        this.minRaw = Arrays.stream(itemMin).sum();
        int maxRaw = Arrays.stream(itemMax).sum();
        int n = items.length;
        if (instrument.reportsTotal()) {
            int size = maxRaw - minRaw + 1;
            // generic arrays: plain array loads keep the complete-answer path free of casts
            @SuppressWarnings({"unchecked", "rawtypes"})
            Optional<BigDecimal>[] totals = new Optional[size];
            @SuppressWarnings({"unchecked", "rawtypes"})
            Optional<Band>[] bands = new Optional[size];
            Caseness[] caseness = new Caseness[size];
            BandStatus[] bandStatus = new BandStatus[size];
            OptionalInt[] raws = new OptionalInt[size];
            for (int raw = minRaw; raw <= maxRaw; raw++) {
                raws[raw - minRaw] = OptionalInt.of(raw);
                Optional<BigDecimal> total = total(raw, n);
                totals[raw - minRaw] = total;
                bands[raw - minRaw] = total.flatMap(instrument.bands()::classify);
                bandStatus[raw - minRaw] = bandStatus(total);
                caseness[raw - minRaw] = caseness(instrument.caseness(), total);
            }
            this.completeTotals = totals;
            this.completeBands = bands;
            this.completeBandStatus = bandStatus;
            this.completeCaseness = caseness;
            this.rawTotals = raws;
            this.noTotalCaseness = Caseness.NOT_DEFINED;
        } else {
            this.rawTotals = null;
            this.noTotalCaseness = instrument.subscales().stream().anyMatch(sub -> sub.cutoff().isPresent())
                    ? Caseness.PER_SUBSCALE : Caseness.NOT_DEFINED;
            this.completeTotals = null;
            this.completeBands = null;
            this.completeBandStatus = null;
            this.completeCaseness = null;
        }
        MissingItemRule rule = instrument.missingItems();
        int ownProrate = rule instanceof MissingItemRule.Prorate p ? p.maxMissing() : 0;
        int ownUnadjusted = rule instanceof MissingItemRule.Unadjusted u ? u.maxMissing() : 0;
        this.unadjusted = ownUnadjusted > 0 && options.missingItems() != MissingItemPolicy.STRICT;
        boolean publishedSubscaleRules = instrument.subscales().stream().anyMatch(sub -> sub.prorating().isPresent());
        int[] minAnswered = null;
        switch (options.missingItems()) {
            case STRICT:
                allowedMissing = 0;
                prorating = false;
                break;
            case PRORATE:
                if (ownUnadjusted > 0) {
                    // the published rule is that the answered items are not adjusted: it is not prorated
                    allowedMissing = ownUnadjusted;
                    prorating = false;
                } else if (rule instanceof MissingItemRule.MinimumAnswered m) {
                    allowedMissing = n - m.minAnswered();
                    prorating = false;
                } else if (publishedSubscaleRules) {
                    // the published per-subscale rule replaces the general fraction (the instrument validated
                    // that its subscales split the items exactly)
                    minAnswered = instrument.subscales().stream()
                            .mapToInt(sub -> sub.prorating().orElseThrow().minAnswered()).toArray();
                    int missable = 0;
                    for (int s = 0; s < minAnswered.length; s++) {
                        missable += instrument.subscales().get(s).itemIds().size() - minAnswered[s];
                    }
                    allowedMissing = missable;
                    prorating = missable > 0;
                } else {
                    int byFraction = options.maxMissingFraction().multiply(BigDecimal.valueOf(n))
                            .setScale(0, RoundingMode.FLOOR).intValue();
                    allowedMissing = Math.min(n - 1, Math.max(ownProrate, Math.max(1, byFraction)));
                    prorating = allowedMissing > 0;
                }
                break;
            case INSTRUMENT_RULE:
            default:
                if (ownUnadjusted > 0) {
                    allowedMissing = ownUnadjusted;
                    prorating = false;
                } else if (rule instanceof MissingItemRule.MinimumAnswered m) {
                    allowedMissing = n - m.minAnswered();
                    prorating = false;
                } else {
                    allowedMissing = ownProrate;
                    prorating = ownProrate > 0;
                }
                break;
        }
        this.subscaleMinAnswered = minAnswered;
        for (int s = 0; s < subscaleIndexes.length; s++) {
            for (int sum = 0; sum < completeSubscales[s].length; sum++) {
                int size = subscaleIndexes[s].length;
                completeSubscales[s][sum] = subscale(instrument.subscales().get(s), size, sum + subscaleMin[s], size);
            }
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        List<CriticalAlert>[][] alerts = new List[criticalIndexes.length][];
        for (int c = 0; c < criticalIndexes.length; c++) {
            Item item = items[criticalIndexes[c]];
            int maxScore = itemMax[criticalIndexes[c]];
            alerts[c] = newAlertRow(Math.max(0, maxScore + 1)); // negative scores alert per call
            for (int score = 0; score <= maxScore; score++) {
                if (item.critical().get().triggeredBy(score)) {
                    alerts[c][score] = List.of(new CriticalAlert(item.id(), score, item.critical().get().reason()));
                }
            }
        }
        this.alertLists = alerts;
        @SuppressWarnings({"unchecked", "rawtypes"})
        List<CriticalItemUnanswered>[][] unanswered = new List[criticalIndexes.length][];
        CriticalItemUnanswered.Cause[] causes = CriticalItemUnanswered.Cause.values();
        for (int c = 0; c < criticalIndexes.length; c++) {
            Item item = items[criticalIndexes[c]];
            unanswered[c] = newUnansweredRow(causes.length);
            for (CriticalItemUnanswered.Cause cause : causes) {
                unanswered[c][cause.ordinal()] = List.of(new CriticalItemUnanswered(item.id(), cause,
                        item.critical().get().reason()));
            }
        }
        this.unansweredLists = unanswered;
        this.criticalMinScore = Arrays.stream(criticalIndexes)
                .map(i -> items[i].critical().get().minScore()).toArray();
    }

    /** For an unscored item: code → its 0-based position among the categories (not a score; never shown). */
    private static Map<String, Integer> byPosition(String[] codes) {
        Map<String, Integer> map = new HashMap<>();
        for (int k = 0; k < codes.length; k++) {
            map.put(codes[k], k);
        }
        return Map.copyOf(map);
    }

    /** Code → score, as the definition lists the options. */
    private static Map<String, Integer> byCode(ResponseScale.Options coded) {
        Map<String, Integer> map = new HashMap<>();
        coded.options().forEach(o -> map.put(o.code(), o.score()));
        return Map.copyOf(map);
    }

    /**
     * For {@link AnswerKind#SCORES}: score (as text) → score, for the scores of the item's options. Each
     * score must belong to exactly one code, so a given score names one option; the score is then the
     * option's score, as if its code had been given.
     */
    private static Map<String, Integer> byScore(Instrument instrument, Item item, ResponseScale.Options coded) {
        Map<Integer, String> codeOfScore = new HashMap<>();
        Map<String, Integer> map = new HashMap<>();
        for (AnswerOption option : coded.options()) {
            String other = codeOfScore.putIfAbsent(option.score(), option.code());
            if (other != null) {
                throw new AmbiguousScoreException(instrument.id(), item.id(), option.score(), other, option.code());
            }
            map.put(Integer.toString(option.score()), option.score());
        }
        return Map.copyOf(map);
    }

    /** The problem for a value the item does not allow: a code, or under {@link AnswerKind#SCORES} a score. */
    private Problem notAllowed(int index, String value) {
        if (options.answerKind() == AnswerKind.SCORES) {
            return new Problem.ScoreNotAllowed(items[index].id(), value, allowedScores(items[index].scale()));
        }
        return new Problem.CodeNotAllowed(items[index].id(), value, items[index].scale().describeAllowed());
    }

    /** The scores an item gives, e.g. {@code 0..3} (a run) or {@code 1, 2, 5}. */
    private static String allowedScores(ResponseScale scale) {
        if (!(scale instanceof ResponseScale.Options coded)) {
            return scale.describeAllowed(); // a rating's values are its scores
        }
        int[] scores = coded.options().stream().mapToInt(AnswerOption::score).distinct().sorted().toArray();
        boolean run = scores[scores.length - 1] - scores[0] == scores.length - 1;
        return run ? scores[0] + ".." + scores[scores.length - 1]
                : Arrays.stream(scores).mapToObj(Integer::toString).collect(Collectors.joining(", "));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<CriticalAlert>[] newAlertRow(int length) {
        return new List[length];
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<CriticalItemUnanswered>[] newUnansweredRow(int length) {
        return new List[length];
    }

    private void buildNumericTable(int index) {
        ResponseScale scale = items[index].scale();
        if (scale instanceof ResponseScale.Rating rating) {
            int[] table = new int[rating.max() - rating.min() + 1];
            for (int v = rating.min(); v <= rating.max(); v++) {
                table[v - rating.min()] = v;
            }
            numericScores[index] = table;
            numericOffset[index] = rating.min();
            return;
        }
        Map<Integer, Integer> numeric = new HashMap<>();
        codeScores.get(index).forEach((code, score) -> {
            if (code.matches("-?\\d{1,6}")) {
                numeric.put(Integer.parseInt(code), score);
            }
        });
        if (numeric.isEmpty()) {
            numericScores[index] = new int[0];
            return;
        }
        int min = numeric.keySet().stream().mapToInt(Integer::intValue).min().orElseThrow();
        int max = numeric.keySet().stream().mapToInt(Integer::intValue).max().orElseThrow();
        int[] table = new int[max - min + 1];
        Arrays.fill(table, NOT_ALLOWED);
        numeric.forEach((code, score) -> table[code - min] = score);
        numericScores[index] = table;
        numericOffset[index] = min;
    }

    /**
     * A scorer with default options ({@link MissingItemPolicy#INSTRUMENT_RULE}).
     *
     * @param instrument the instrument
     * @return the scorer
     */
    public static Scorer of(Instrument instrument) {
        return new Scorer(instrument, ScoringOptions.defaults());
    }

    /**
     * A scorer with the given options.
     *
     * @param instrument the instrument
     * @param options scoring options
     * @return the scorer
     * @throws AmbiguousScoreException when the options read answers as {@link AnswerKind#SCORES} and an item
     *         of the instrument gives one score to two codes
     * @throws AnswersOnlyException when the options read answers as {@link AnswerKind#SCORES} and the
     *         instrument records answers only
     */
    public static Scorer of(Instrument instrument, ScoringOptions options) {
        return new Scorer(instrument, options);
    }

    /**
     * The instrument this scorer scores.
     *
     * @return the instrument
     */
    public Instrument instrument() {
        return instrument;
    }

    /**
     * The options in force.
     *
     * @return the options
     */
    public ScoringOptions options() {
        return options;
    }

    /**
     * How many items may be unanswered under the options and the instrument's rule.
     *
     * @return the number of items that may be missing
     */
    public int allowedMissing() {
        return allowedMissing;
    }

    /**
     * Scores an administration. See the class documentation for the formula and edge cases.
     *
     * @param administration the answers
     * @return {@link Scored} or {@link NotScorable}, never {@code null}
     */
    public ScoreResult score(Administration administration) {
        Check.notNull(administration, "administration");
        List<Problem> problems = new ArrayList<>();
        if (!administration.instrumentId().equals(instrument.id())) {
            problems.add(new Problem.WrongInstrument(instrument.id(), administration.instrumentId()));
        }
        String[] codes = new String[items.length];
        if (administration.allPlaced()) {
            int position = 0;
            for (Map.Entry<String, Answer> entry : administration.answers().entrySet()) {
                Integer index = indexById.get(entry.getKey());
                if (index == null) {
                    problems.add(new Problem.UnknownItem(position, entry.getKey()));
                } else if (entry.getValue() instanceof Answer.Given given) {
                    codes[index] = given.code();
                }
                position++;
            }
        } else {
            placeAnswers(administration, codes, problems);
        }
        return score(codes, problems);
    }

    /**
     * The answers of an administration with unplaced answers (blank keys, keys given more than once):
     * placed answers as usual, each unplaced one reported, problems in order of position. A duplicated
     * item gets one of its allowed codes so that it counts neither as missing nor towards a total (the
     * result is {@link NotScorable} anyway): the highest-scoring one, so that a critical item alerts when any
     * of its answers is at alert level.
     */
    private void placeAnswers(Administration administration, String[] codes, List<Problem> problems) {
        BitSet unplacedAt = new BitSet();
        Map<String, List<Administration.UnplacedAnswer>> byKey = new LinkedHashMap<>();
        for (Administration.UnplacedAnswer u : administration.unplacedAnswers()) {
            unplacedAt.set(u.position());
            byKey.computeIfAbsent(u.key(), k -> new ArrayList<>()).add(u);
        }
        List<Problem> found = new ArrayList<>();
        List<Integer> foundAt = new ArrayList<>();
        int position = -1;
        for (Map.Entry<String, Answer> entry : administration.answers().entrySet()) {
            position = unplacedAt.nextClearBit(position + 1);
            Integer index = indexById.get(entry.getKey());
            if (index == null) {
                found.add(new Problem.UnknownItem(position, entry.getKey()));
                foundAt.add(position);
            } else if (entry.getValue() instanceof Answer.Given given) {
                codes[index] = given.code();
            }
        }
        for (Map.Entry<String, List<Administration.UnplacedAnswer>> group : byKey.entrySet()) {
            Integer index = group.getKey().isEmpty() ? null : indexById.get(group.getKey());
            if (index == null) {
                for (Administration.UnplacedAnswer u : group.getValue()) {
                    found.add(new Problem.UnknownItem(u.position(), u.key()));
                    foundAt.add(u.position());
                }
                continue;
            }
            List<Integer> positions = new ArrayList<>();
            String chosen = null;
            Integer chosenScore = null;
            for (Administration.UnplacedAnswer u : group.getValue()) {
                positions.add(u.position());
                if (u.answer() instanceof Answer.Given given) {
                    Integer score = scoreOf(index, given.code());
                    if (score != null && (chosenScore == null || score > chosenScore)) {
                        chosen = given.code();
                        chosenScore = score;
                    }
                }
            }
            codes[index] = chosen;
            found.add(new Problem.DuplicateItem(items[index].id(), positions));
            foundAt.add(positions.get(0));
        }
        Integer[] order = new Integer[found.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(foundAt::get));
        for (Integer i : order) {
            problems.add(found.get(i));
        }
    }

    /**
     * Scores answer codes given in item order — the fast path for datasets. A {@code null} or blank code
     * is a missing answer; codes are trimmed. Under {@link AnswerKind#SCORES} the values are item scores.
     *
     * @param codesInItemOrder one code per item, in form order
     * @return {@link Scored} or {@link NotScorable}
     * @throws IllegalArgumentException when the array length is not the number of items
     */
    public ScoreResult scoreCodes(String[] codesInItemOrder) {
        Check.notNull(codesInItemOrder, "codes");
        Check.argument(codesInItemOrder.length == items.length, "codes must number %d for %s: %d", items.length,
                instrument.id(), codesInItemOrder.length);
        return score(codesInItemOrder, new ArrayList<>(0));
    }

    /**
     * Scores numeric answer codes given in item order — the fastest path, for researchers' numeric data.
     * {@link #MISSING} marks an unanswered item. Codes that are not numbers in the definition (such as
     * KPCS {@code NA}) cannot be given here: use {@link #scoreCodes(String[])}. Under
     * {@link AnswerKind#SCORES} the values are item scores.
     *
     * @param codesInItemOrder one numeric code per item, in form order
     * @return {@link Scored} or {@link NotScorable}
     * @throws IllegalArgumentException when the array length is not the number of items
     */
    public ScoreResult scoreCodes(int[] codesInItemOrder) {
        Check.notNull(codesInItemOrder, "codes");
        Check.argument(codesInItemOrder.length == items.length, "codes must number %d for %s: %d", items.length,
                instrument.id(), codesInItemOrder.length);
        int n = items.length;
        int[] scores = new int[n];
        boolean[] answered = null; // null while every item so far is answered: the common case allocates nothing
        List<Problem> problems = null;
        int missingCount = 0;
        int raw = 0;
        for (int i = 0; i < n; i++) {
            int code = codesInItemOrder[i];
            int score = NOT_ALLOWED;
            if (code != MISSING) {
                int[] table = numericScores[i];
                int offset = code - numericOffset[i];
                score = offset >= 0 && offset < table.length ? table[offset] : NOT_ALLOWED;
            }
            if (score == NOT_ALLOWED) {
                answered = answered != null ? answered : answeredBefore(i);
                if (code == MISSING) {
                    missingCount++;
                } else {
                    problems = problems != null ? problems : new ArrayList<>(1);
                    problems.add(notAllowed(i, Integer.toString(code)));
                }
                continue;
            }
            scores[i] = score;
            raw += score;
            if (answered != null) {
                answered[i] = true;
            }
        }
        return finish(scores, answered, raw, missingCount, problems == null ? List.of() : problems);
    }

    /** An answered-flags array for the first {@code index} items, all answered. */
    private boolean[] answeredBefore(int index) {
        boolean[] answered = new boolean[items.length];
        Arrays.fill(answered, 0, index, true);
        return answered;
    }

    /** The {@code int} code that marks an unanswered item in {@link #scoreCodes(int[])}. */
    public static final int MISSING = Integer.MIN_VALUE;

    private static final int NOT_ALLOWED = Integer.MIN_VALUE;

    private ScoreResult score(String[] codes, List<Problem> problems) {
        int n = items.length;
        int[] scores = new int[n];
        boolean[] answered = null;
        int missingCount = 0;
        int raw = 0;
        for (int i = 0; i < n; i++) {
            String code = codes[i] == null ? null : codes[i].strip();
            Integer score = code == null || code.isEmpty() ? null : scoreOf(i, code);
            if (score == null) {
                answered = answered != null ? answered : answeredBefore(i);
                if (code == null || code.isEmpty()) {
                    missingCount++;
                } else {
                    problems.add(notAllowed(i, code));
                }
                continue;
            }
            scores[i] = score;
            raw += score;
            if (answered != null) {
                answered[i] = true;
            }
        }
        return finish(scores, answered, raw, missingCount, problems);
    }

    /**
     * Shared tail of both paths: alerts, the missing-item rule, totals, subscales and the result.
     * {@code answered} is {@code null} when every item was answered with an allowed code.
     */
    private ScoreResult finish(int[] scores, boolean[] answered, int raw, int missingCount, List<Problem> problems) {
        int n = items.length;
        List<CriticalAlert> alerts = alerts(scores, answered);
        // complete, valid answers (answered == null) leave no critical item unanswered: nothing to look at
        List<CriticalItemUnanswered> unanswered = answered == null ? List.of() : unanswered(answered, problems);
        List<String> missing = List.of();
        if (missingCount > 0) {
            missing = missingIds(answered, problems);
            if (subscaleMinAnswered != null) {
                problems = tooManyMissingPerSubscale(answered, problems);
            } else if (missing.size() > allowedMissing) {
                problems = problems.isEmpty() ? new ArrayList<>(1) : problems;
                problems.add(new Problem.TooManyMissing(missing, allowedMissing));
            }
        }
        if (!problems.isEmpty()) {
            return new NotScorable(provenance, problems, alerts, unanswered);
        }
        if (categoryCodes != null) {
            return recorded(scores, answered, missing);
        }
        int answeredCount = n - missing.size();
        Optional<BigDecimal> total;
        Optional<Band> band;
        BandStatus bandStatus;
        Caseness caseness;
        int slot = raw - minRaw;
        if (missing.isEmpty() && completeTotals != null) {
            // complete answers: everything about the total was computed once, at construction
            total = completeTotals[slot];
            band = completeBands[slot];
            bandStatus = completeBandStatus[slot];
            caseness = completeCaseness[slot];
        } else {
            // unadjusted (ASQ:SE-2): the answered items scored as they stand, as if they were the whole form
            total = unadjusted ? instrument.scoring().total(raw, answeredCount, answeredCount)
                    : total(raw, answeredCount);
            band = total.flatMap(instrument.bands()::classify);
            bandStatus = bandStatus(total);
            caseness = completeTotals == null ? noTotalCaseness : caseness(instrument.caseness(), total);
        }
        Map<String, SubscaleScore> subscales = subscaleIndexes.length == 0 ? Map.of() : subscales(scores, answered);
        // without a total (HADS), prorated subscales make the result prorated
        boolean prorated = !missing.isEmpty() && prorating
                && (total.isPresent() || subscales.values().stream().anyMatch(SubscaleScore::prorated));
        OptionalInt rawTotal = rawTotals == null ? OptionalInt.empty()
                : slot >= 0 && slot < rawTotals.length ? rawTotals[slot] : OptionalInt.of(raw);
        return new Scored(provenance, rawTotal, total, subscales, band, bandStatus, caseness, missing, prorated, alerts,
                unanswered, new ItemScores(itemIds, scores, answered != null ? answered : allAnswered, n - missing.size()),
                cutoffStatus);
    }

    /**
     * The result of an answers-only instrument: its answers as the definition spells their codes, nothing
     * computed. {@code scores} holds each answered item's category position.
     */
    private Scored recorded(int[] scores, boolean[] answered, List<String> missing) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 0; i < items.length; i++) {
            if (answered == null || answered[i]) {
                answers.put(itemIds[i], categoryCodes[i][scores[i]]);
            }
        }
        return new Scored(provenance, OptionalInt.empty(), Optional.empty(), Map.of(), Optional.empty(),
                BandStatus.NO_BANDS, Caseness.NOT_DEFINED, missing, false, List.of(), List.of(), Map.of(),
                CutoffStatus.NONE, Collections.unmodifiableMap(answers));
    }

    /**
     * The published per-subscale rule (HADS, opted in): one {@link Problem.TooManyMissing} per subscale with
     * fewer answered items than its minimum, naming that subscale's missing items.
     */
    private List<Problem> tooManyMissingPerSubscale(boolean[] answered, List<Problem> problems) {
        List<Problem> found = problems;
        for (int s = 0; s < subscaleIndexes.length; s++) {
            List<String> subscaleMissing = new ArrayList<>();
            for (int index : subscaleIndexes[s]) {
                if (!answered[index] && !problemAt(problems, index)) {
                    subscaleMissing.add(items[index].id());
                }
            }
            int missable = subscaleIndexes[s].length - subscaleMinAnswered[s];
            if (subscaleMissing.size() > missable) {
                found = found.isEmpty() ? new ArrayList<>(1) : found;
                found.add(new Problem.TooManyMissing(subscaleMissing, missable));
            }
        }
        return found;
    }

    private Map<String, SubscaleScore> subscales(int[] scores, boolean[] answered) {
        SubscaleScore[] values = new SubscaleScore[subscaleIndexes.length];
        for (int s = 0; s < subscaleIndexes.length; s++) {
            values[s] = subscale(s, scores, answered);
        }
        return new ArrayMap<>(subscaleIds, values);
    }

    /** Critical items at alert level; shared immutable lists, so the usual single alert costs nothing. */
    private List<CriticalAlert> alerts(int[] scores, boolean[] answered) {
        List<CriticalAlert> alerts = List.of();
        for (int c = 0; c < criticalIndexes.length; c++) {
            int i = criticalIndexes[c];
            if ((answered == null || answered[i]) && scores[i] >= criticalMinScore[c]) {
                List<CriticalAlert> alert = scores[i] >= 0 ? alertLists[c][scores[i]]
                        : List.of(new CriticalAlert(items[i].id(), scores[i], items[i].critical().get().reason()));
                alerts = alerts.isEmpty() ? alert : concat(alerts, alert);
            }
        }
        return alerts;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> both = new ArrayList<>(a);
        both.addAll(b);
        return List.copyOf(both);
    }

    /**
     * Critical items without a valid answer: a code-not-allowed problem at the item makes the cause
     * {@code CODE_NOT_ALLOWED}, anything else (missing, declined) {@code UNANSWERED}. Shared immutable lists.
     */
    private List<CriticalItemUnanswered> unanswered(boolean[] answered, List<Problem> problems) {
        List<CriticalItemUnanswered> unanswered = List.of();
        for (int c = 0; c < criticalIndexes.length; c++) {
            int i = criticalIndexes[c];
            if (!answered[i]) {
                CriticalItemUnanswered.Cause cause = problemAt(problems, i)
                        ? CriticalItemUnanswered.Cause.CODE_NOT_ALLOWED : CriticalItemUnanswered.Cause.UNANSWERED;
                List<CriticalItemUnanswered> flag = unansweredLists[c][cause.ordinal()];
                unanswered = unanswered.isEmpty() ? flag : concat(unanswered, flag);
            }
        }
        return unanswered;
    }

    private List<String> missingIds(boolean[] answered, List<Problem> problems) {
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < items.length; i++) {
            if (!answered[i] && !problemAt(problems, i)) {
                missing.add(items[i].id());
            }
        }
        return missing;
    }

    private boolean problemAt(List<Problem> problems, int index) {
        for (Problem problem : problems) {
            if (problem instanceof Problem.CodeNotAllowed c && c.item().equals(items[index].id())
                    || problem instanceof Problem.ScoreNotAllowed n && n.item().equals(items[index].id())
                    || problem instanceof Problem.DuplicateItem d && d.item().equals(items[index].id())) {
                return true;
            }
        }
        return false;
    }

    private Integer scoreOf(int index, String code) {
        int length = code.length();
        if (length <= 3 && (length == 1 || code.charAt(0) != '0')) {
            // short plain numbers (the usual codes) go through the numeric table: no hashing per answer
            int value = 0;
            boolean digits = true;
            for (int k = 0; k < length && digits; k++) {
                char ch = code.charAt(k);
                digits = ch >= '0' && ch <= '9';
                value = value * 10 + (ch - '0');
            }
            if (digits) {
                int[] table = numericScores[index];
                int offset = value - numericOffset[index];
                return offset >= 0 && offset < table.length && table[offset] != NOT_ALLOWED ? table[offset] : null;
            }
        }
        Map<String, Integer> coded = codeScores.get(index);
        if (coded != null) {
            return coded.get(code);
        }
        // only ratings have no code table
        return items[index].scale() instanceof ResponseScale.Rating rating ? rating.scoreOf(code).orElse(null) : null;
    }

    private Optional<BigDecimal> total(int raw, int answeredCount) {
        return instrument.scoring().total(raw, items.length, answeredCount);
    }

    private SubscaleScore subscale(int s, int[] scores, boolean[] answered) {
        int[] indexes = subscaleIndexes[s];
        int sum = 0;
        int count = 0;
        for (int index : indexes) {
            if (answered == null || answered[index]) {
                sum += scores[index];
                count++;
            }
        }
        if (count == indexes.length) {
            return completeSubscales[s][sum - subscaleMin[s]];
        }
        return subscale(instrument.subscales().get(s), indexes.length, sum, count);
    }

    /** A subscale's score from the sum of its {@code count} answered items out of {@code size}. */
    private SubscaleScore subscale(Subscale subscale, int size, int sum, int count) {
        boolean complete = count == size;
        if (count == 0 || (!complete && (!prorating || beyondOwnRule(subscale, size - count)))) {
            return new SubscaleScore(subscale.id(), Optional.empty(), Optional.empty(), Caseness.NOT_DEFINED, false);
        }
        BigDecimal score = subscale.aggregation().score(sum, size, count);
        Optional<BigDecimal> value = Optional.of(score);
        Bands bands = subscale.bands();
        return new SubscaleScore(subscale.id(), value, bands.classify(score), caseness(subscale.cutoff(), value),
                !complete);
    }

    /**
     * Whether {@code missing} unanswered items exceed the subscale's own published rule (CORE-OM Wellbeing
     * and Risk: none; Problems and Functioning: 1): then the subscale has no score, whatever the total does.
     */
    private static boolean beyondOwnRule(Subscale subscale, int missing) {
        return subscale.missingItems().map(rule -> rule instanceof MissingItemRule.Prorate p
                ? missing > p.maxMissing() : missing > 0).orElse(false);
    }

    /** Where the total stands against the bands; no total has {@link BandStatus#NO_BANDS}. */
    private BandStatus bandStatus(Optional<BigDecimal> total) {
        return total.map(instrument.bands()::status).orElse(BandStatus.NO_BANDS);
    }

    private static Caseness caseness(Optional<Cutoff> cutoff, Optional<BigDecimal> score) {
        if (cutoff.isEmpty() || score.isEmpty()) {
            return Caseness.NOT_DEFINED;
        }
        return cutoff.get().isCase(score.get()) ? Caseness.CASE : Caseness.NOT_CASE;
    }

    @Override
    public String toString() {
        return "Scorer[" + instrument.id() + " " + instrument.definitionVersion() + ", " + options + "]";
    }
}
