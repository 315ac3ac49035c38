/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.imhmeasures.core.instrument.Aggregation;
import org.imhmeasures.core.instrument.Band;
import org.imhmeasures.core.instrument.Cutoff;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.core.instrument.Item;
import org.imhmeasures.core.instrument.MissingItemRule;
import org.imhmeasures.core.instrument.ScoringRule;
import org.imhmeasures.core.instrument.Subscale;

/**
 * An independent, deliberately plain re-statement of the scoring contract documented on {@link Scorer},
 * {@link MissingItemPolicy} and {@link ScoringOptions}, computed straight from the instrument definition (the
 * definition's own {@code scoreOf}, {@code Bands.classify} and {@code Cutoff.isCase}; none of the scorer's
 * tables). Slow and obvious on purpose: tests compare the scorer with it field by field through
 * {@link #describe(ScoreResult)}.
 */
final class ScoringOracle {

    private ScoringOracle() {
    }

    /**
     * What scoring {@code codes} (one per item, form order; {@code null} or blank = missing; trimmed) must give,
     * in the form {@link #describe(ScoreResult)} prints.
     */
    static String expected(Instrument instrument, ScoringOptions options, String[] codes) {
        List<Item> items = instrument.items();
        int n = items.size();
        Integer[] scores = new Integer[n];
        boolean[] notAllowed = new boolean[n];
        List<String> problems = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String code = codes[i] == null ? "" : codes[i].strip();
            if (code.isEmpty()) {
                missing.add(items.get(i).id());
                continue;
            }
            Optional<Integer> score = items.get(i).scoredScale().orElseThrow().scoreOf(code);
            if (score.isPresent()) {
                scores[i] = score.get();
            } else {
                notAllowed[i] = true;
                problems.add("code_not_allowed(" + items.get(i).id() + ")");
            }
        }
        int allowed = allowedMissing(instrument, options);
        if (publishedSubscaleRule(instrument, options)) {
            // the published per-subscale rule (HADS half rule): one problem per subscale short of its minimum
            for (Subscale subscale : instrument.subscales()) {
                List<String> subscaleMissing = new ArrayList<>(missing);
                subscaleMissing.retainAll(subscale.itemIds());
                int missable = subscale.itemIds().size() - subscale.prorating().orElseThrow().minAnswered();
                if (subscaleMissing.size() > missable) {
                    problems.add("too_many_missing(" + subscaleMissing + " allowed " + missable + ")");
                }
            }
        } else if (missing.size() > allowed) {
            problems.add("too_many_missing(" + missing + " allowed " + allowed + ")");
        }
        List<String> alerts = new ArrayList<>();
        List<String> unanswered = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Item item = items.get(i);
            if (item.critical().isEmpty()) {
                continue;
            }
            if (scores[i] == null) {
                unanswered.add(item.id() + " " + (notAllowed[i] ? CriticalItemUnanswered.Cause.CODE_NOT_ALLOWED
                        : CriticalItemUnanswered.Cause.UNANSWERED));
            } else if (scores[i] >= item.critical().get().minScore()) {
                alerts.add(item.id() + "=" + scores[i]);
            }
        }
        String critical = "; alerts " + alerts + "; unanswered " + unanswered;
        if (!problems.isEmpty()) {
            return "not scorable " + problems + critical;
        }
        int raw = 0;
        int answered = 0;
        List<String> itemScores = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (scores[i] != null) {
                raw += scores[i];
                answered++;
                itemScores.add(items.get(i).id() + "=" + scores[i]);
            }
        }
        boolean prorating = prorating(instrument, options);
        // unadjusted (ASQ:SE-2, Brookes article 367): the answered items as they stand, as if they were the form
        boolean unadjusted = instrument.missingItems() instanceof MissingItemRule.Unadjusted;
        Optional<BigDecimal> total = unadjusted ? total(instrument.scoring(), raw, answered, answered)
                : total(instrument.scoring(), raw, n, answered);
        List<String> subscales = new ArrayList<>();
        for (Subscale subscale : instrument.subscales()) {
            subscales.add(subscale(subscale, instrument, scores, prorating));
        }
        // without a total, a prorated subscale makes the result prorated
        boolean subscaleProrated = prorating && instrument.subscales().stream().anyMatch(sub -> {
            long answeredInSubscale = sub.itemIds().stream().filter(id -> !missing.contains(id)).count();
            return answeredInSubscale > 0 && answeredInSubscale < sub.itemIds().size();
        });
        // no raw total without a total (GBO, HADS); their caseness is per subscale where subscales have cut-offs
        return "scored raw " + (instrument.reportsTotal() ? Integer.toString(raw) : "-") + ", total "
                + total.map(BigDecimal::toPlainString).orElse("-") + ", band "
                + total.flatMap(instrument.bands()::classify).map(Band::label).orElse("-") + ", "
                + (instrument.reportsTotal() ? caseness(instrument.caseness(), total)
                        : instrument.subscales().stream().anyMatch(sub -> sub.cutoff().isPresent())
                                ? Caseness.PER_SUBSCALE : Caseness.NOT_DEFINED) + ", missing " + missing + ", prorated "
                + (!missing.isEmpty() && prorating && (total.isPresent() || subscaleProrated)) + ", subscales "
                + subscales + ", items " + itemScores + critical;
    }

    /** The missing-item allowance, as {@link MissingItemPolicy} documents it. */
    private static int allowedMissing(Instrument instrument, ScoringOptions options) {
        int n = instrument.items().size();
        MissingItemRule rule = instrument.missingItems();
        if (options.missingItems() == MissingItemPolicy.STRICT) {
            return 0;
        }
        if (rule instanceof MissingItemRule.MinimumAnswered minimum) {
            return n - minimum.minAnswered();
        }
        if (rule instanceof MissingItemRule.Unadjusted unadjusted) {
            return unadjusted.maxMissing(); // the publisher's rule under INSTRUMENT_RULE and PRORATE alike
        }
        int own = rule instanceof MissingItemRule.Prorate prorate ? prorate.maxMissing() : 0;
        if (options.missingItems() == MissingItemPolicy.INSTRUMENT_RULE) {
            return own;
        }
        if (publishedSubscaleRule(instrument, options)) {
            return instrument.subscales().stream()
                    .mapToInt(sub -> sub.itemIds().size() - sub.prorating().orElseThrow().minAnswered()).sum();
        }
        int fraction = options.maxMissingFraction().multiply(BigDecimal.valueOf(n)).setScale(0, RoundingMode.FLOOR)
                .intValueExact();
        return Math.min(n - 1, Math.max(own, Math.max(1, fraction)));
    }

    /** Whether PRORATE is asked for and the subscales publish their own rule (HADS), which then applies. */
    private static boolean publishedSubscaleRule(Instrument instrument, ScoringOptions options) {
        return options.missingItems() == MissingItemPolicy.PRORATE
                && !(instrument.missingItems() instanceof MissingItemRule.MinimumAnswered)
                && instrument.subscales().stream().anyMatch(sub -> sub.prorating().isPresent());
    }

    /** Whether unanswered items are made up for (prorated) rather than left out. */
    private static boolean prorating(Instrument instrument, ScoringOptions options) {
        return !(instrument.missingItems() instanceof MissingItemRule.MinimumAnswered)
                && !(instrument.missingItems() instanceof MissingItemRule.Unadjusted)
                && allowedMissing(instrument, options) > 0;
    }

    /** The reported score, from the rule's formula (two decimals half up wherever a division is inexact). */
    private static Optional<BigDecimal> total(ScoringRule rule, int raw, int n, int answered) {
        boolean complete = answered == n;
        if (rule instanceof ScoringRule.Sum || rule instanceof ScoringRule.SingleRating) {
            return Optional.of(complete ? BigDecimal.valueOf(raw) : ratio((long) raw * n, answered));
        }
        if (rule instanceof ScoringRule.Mean) {
            return Optional.of(ratio(raw, answered));
        }
        if (rule instanceof ScoringRule.ClinicalScore clinical) {
            BigDecimal score = ratio((long) raw * clinical.multiplier(), answered);
            // complete: a whole number is reported as one (the sum, for CORE-10); prorated: two decimals
            return Optional.of(complete && score.stripTrailingZeros().scale() <= 0 ? score.setScale(0) : score);
        }
        if (rule instanceof ScoringRule.ConversionTable table) {
            int key = complete ? raw : BigDecimal.valueOf((long) raw * n).divide(BigDecimal.valueOf(answered), 0,
                    RoundingMode.HALF_UP).intValueExact();
            return Optional.of(table.table().get(key));
        }
        return Optional.empty();
    }

    private static String subscale(Subscale subscale, Instrument instrument, Integer[] scores, boolean prorating) {
        int sum = 0;
        int count = 0;
        for (String id : subscale.itemIds()) {
            Integer score = scores[instrument.items().indexOf(instrument.item(id).orElseThrow())];
            if (score != null) {
                sum += score;
                count++;
            }
        }
        int size = subscale.itemIds().size();
        boolean complete = count == size;
        // the subscale's own published rule (CORE-OM domains): prorate none, or at most k missing
        int ownAllowance = subscale.missingItems().map(rule -> rule instanceof MissingItemRule.Prorate p
                ? p.maxMissing() : 0).orElse(size);
        if (count == 0 || !complete && (!prorating || size - count > ownAllowance)) {
            return subscale.id() + "=- -/" + Caseness.NOT_DEFINED + "/false";
        }
        BigDecimal score = subscale.aggregation() == Aggregation.MEAN ? ratio(sum, count)
                : complete ? BigDecimal.valueOf(sum) : ratio((long) sum * size, count);
        return subscale.id() + "=" + score.toPlainString() + " " + subscale.bands().classify(score).map(Band::label)
                .orElse("-") + "/" + caseness(subscale.cutoff(), Optional.of(score)) + "/" + !complete;
    }

    private static BigDecimal ratio(long numerator, int denominator) {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP);
    }

    private static Caseness caseness(Optional<Cutoff> cutoff, Optional<BigDecimal> score) {
        if (cutoff.isEmpty() || score.isEmpty()) {
            return Caseness.NOT_DEFINED;
        }
        return cutoff.get().isCase(score.get()) ? Caseness.CASE : Caseness.NOT_CASE;
    }

    /** Every field of a result that the oracle predicts, in the oracle's format. */
    static String describe(ScoreResult result) {
        String critical = "; alerts " + result.criticalAlerts().stream().map(a -> a.itemId() + "=" + a.score())
                .collect(Collectors.toList()) + "; unanswered " + result.criticalUnanswered().stream()
                .map(u -> u.itemId() + " " + u.cause()).collect(Collectors.toList());
        if (result instanceof NotScorable n) {
            return "not scorable " + n.problems().stream().map(p -> p instanceof Problem.TooManyMissing t
                    ? t.code() + "(" + t.missing() + " allowed " + t.allowed() + ")"
                    : p.code() + "(" + p.itemId().orElse("-") + ")").collect(Collectors.toList()) + critical;
        }
        Scored s = (Scored) result;
        return "scored raw " + (s.rawTotal().isPresent() ? Integer.toString(s.rawTotal().getAsInt()) : "-")
                + ", total " + s.total().map(BigDecimal::toPlainString).orElse("-")
                + ", band " + s.band().map(Band::label).orElse("-") + ", " + s.caseness() + ", missing "
                + s.itemsMissing() + ", prorated " + s.prorated() + ", subscales " + s.subscales().values().stream()
                .map(v -> v.subscaleId() + "=" + v.score().map(BigDecimal::toPlainString).orElse("-") + " "
                        + v.band().map(Band::label).orElse("-") + "/" + v.caseness() + "/" + v.prorated())
                .collect(Collectors.toList()) + ", items " + s.itemScores().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.toList()) + critical;
    }
}
