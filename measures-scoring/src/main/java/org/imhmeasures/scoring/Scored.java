/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.imhmeasures.core.instrument.Band;
import org.imhmeasures.core.instrument.BandStatus;
import org.imhmeasures.core.internal.Check;

/**
 * A scored administration. Only a {@link Scorer} creates one: there is no public constructor, so a mapping
 * that publishes a score (a FHIR Observation) can trust that it was computed from a definition, not
 * assembled by a caller.
 *
 * <p>{@link #total()} is the instrument's reported score: the sum (PHQ-9), the CORE-10 clinical score,
 * the SWEMWBS metric score, the KIPS mean, the PIR-GAS rating; it is a whole number (scale 0) when
 * every item was answered and the rule is a sum, and has two decimals when it was prorated, is a mean,
 * or comes from a two-decimal conversion table. It is empty for instruments without a total (GBO,
 * HADS), whose scores are in {@link #subscales()}.
 *
 * <p>An instrument that records answers only ({@link org.imhmeasures.core.instrument.ScoringRule.AnswersOnly
 * AnswersOnly}: a feedback question) gives a result with no raw total, total, subscales, band, caseness or
 * item scores: its answers are in {@link #recordedAnswers()}, and nothing is computed from them.
 *
 * <p>Two results are equal when every value is equal. {@link #toString()} shows the provenance and
 * counts, never a score or answer.
 *
 * @since 0.1.0
 */
public final class Scored implements ScoreResult {

    private final Provenance provenance;
    private final OptionalInt rawTotal;
    private final Optional<BigDecimal> total;
    private final Map<String, SubscaleScore> subscales;
    private final Optional<Band> band;
    private final BandStatus bandStatus;
    private final Caseness caseness;
    private final List<String> itemsMissing;
    private final boolean prorated;
    private final List<CriticalAlert> criticalAlerts;
    private final List<CriticalItemUnanswered> criticalUnanswered;
    private final Map<String, Integer> itemScores;
    private final CutoffStatus cutoffStatus;
    private final Map<String, String> recordedAnswers;

    /**
     * Copies a list unless it is already immutable. Written without a generic cast at the call site:
     * on JDK 17 a cast to an interface that alternates between JDK list classes thrashes the VM's
     * secondary-supers cache (JDK-8180450) and doubled the cost of scoring.
     */
    private static <T> List<T> immutable(List<T> list, String name) {
        if (list == null) {
            throw new NullPointerException(name + " must not be null");
        }
        return List.copyOf(list);
    }

    /** Copies a map into an ordered immutable one, unless it is one of the scorer's own immutable maps. */
    private static <K, V> Map<K, V> immutable(Map<K, V> map, String name) {
        if (map == null) {
            throw new NullPointerException(name + " must not be null");
        }
        if (map instanceof ArrayMap || map instanceof ItemScores) {
            return map;
        }
        return map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    Scored(Provenance provenance, OptionalInt rawTotal, Optional<BigDecimal> total, Map<String, SubscaleScore> subscales,
            Optional<Band> band, BandStatus bandStatus, Caseness caseness, List<String> itemsMissing, boolean prorated,
            List<CriticalAlert> criticalAlerts, List<CriticalItemUnanswered> criticalUnanswered,
            Map<String, Integer> itemScores) {
        this(provenance, rawTotal, total, subscales, band, bandStatus, caseness, itemsMissing, prorated, criticalAlerts,
                criticalUnanswered, itemScores, caseness == Caseness.CASE || caseness == Caseness.NOT_CASE
                        ? CutoffStatus.PUBLISHED : CutoffStatus.NONE);
    }

    Scored(Provenance provenance, OptionalInt rawTotal, Optional<BigDecimal> total, Map<String, SubscaleScore> subscales,
            Optional<Band> band, BandStatus bandStatus, Caseness caseness, List<String> itemsMissing, boolean prorated,
            List<CriticalAlert> criticalAlerts, List<CriticalItemUnanswered> criticalUnanswered,
            Map<String, Integer> itemScores, CutoffStatus cutoffStatus) {
        this(provenance, rawTotal, total, subscales, band, bandStatus, caseness, itemsMissing, prorated, criticalAlerts,
                criticalUnanswered, itemScores, cutoffStatus, Map.of());
    }

    Scored(Provenance provenance, OptionalInt rawTotal, Optional<BigDecimal> total, Map<String, SubscaleScore> subscales,
            Optional<Band> band, BandStatus bandStatus, Caseness caseness, List<String> itemsMissing, boolean prorated,
            List<CriticalAlert> criticalAlerts, List<CriticalItemUnanswered> criticalUnanswered,
            Map<String, Integer> itemScores, CutoffStatus cutoffStatus, Map<String, String> recordedAnswers) {
        this.recordedAnswers = immutable(recordedAnswers, "recorded answers");
        this.cutoffStatus = Check.notNull(cutoffStatus, "cutoff status");
        this.provenance = Check.notNull(provenance, "provenance");
        this.rawTotal = Check.notNull(rawTotal, "raw total");
        this.total = Check.notNull(total, "total");
        this.subscales = immutable(subscales, "subscales");
        this.band = Check.notNull(band, "band");
        this.bandStatus = Check.notNull(bandStatus, "band status");
        Check.argument(band.isPresent() == (bandStatus == BandStatus.IN_BAND),
                "band status must be IN_BAND exactly when there is a band: %s", bandStatus);
        this.caseness = Check.notNull(caseness, "caseness");
        this.itemsMissing = immutable(itemsMissing, "items missing");
        this.prorated = prorated;
        this.criticalAlerts = immutable(criticalAlerts, "critical alerts");
        this.criticalUnanswered = immutable(criticalUnanswered, "critical unanswered");
        this.itemScores = immutable(itemScores, "item scores");
    }

    @Override
    public Provenance provenance() {
        return provenance;
    }

    /**
     * The sum of the answered item scores, for an instrument that reports a total. Empty for instruments
     * without one (GBO goals, HADS subscales), where adding the item scores up means nothing: their
     * scores are in {@link #subscales()} and {@link #itemScores()}.
     *
     * @return the raw total, or empty when the instrument reports no total
     */
    public OptionalInt rawTotal() {
        return rawTotal;
    }

    /**
     * The reported score.
     *
     * @return the total, or empty when the instrument has none (GBO, HADS)
     */
    public Optional<BigDecimal> total() {
        return total;
    }

    /**
     * Subscale scores.
     *
     * @return scores by subscale id, in definition order
     */
    public Map<String, SubscaleScore> subscales() {
        return subscales;
    }

    /**
     * The band of the total.
     *
     * @return the band, or empty when no bands are published or none covers the total
     */
    public Optional<Band> band() {
        return band;
    }

    /**
     * Where the total stands against the confirmed bands: {@link BandStatus#IN_BAND} exactly when
     * {@link #band()} is present; {@link BandStatus#BELOW_CONFIRMED_BANDS} (or another
     * {@code *_CONFIRMED_BANDS} value) when bands are published but no confirmed band covers the total (a
     * PIR-GAS rating below 61, one of the most impaired relationships, must never read as a blank);
     * {@link BandStatus#NO_BANDS} when the instrument publishes no bands or reports no total.
     *
     * @return the band status
     */
    public BandStatus bandStatus() {
        return bandStatus;
    }

    /**
     * The total against the caseness cut-off.
     *
     * @return the caseness; {@link Caseness#PER_SUBSCALE} for an instrument without a total whose
     *         subscales carry the cut-offs (HADS), each subscale's in {@link SubscaleScore#caseness()}
     */
    public Caseness caseness() {
        return caseness;
    }

    /**
     * Where the cut-off of {@link #caseness()} comes from: {@link CutoffStatus#NOT_SUPPLIED} when the
     * instrument's cut-off is printed only in licensed materials and no licensee norms file supplied it
     * (ASQ:SE-2 without norms) — the total stands, with no caseness, never a guessed one.
     *
     * @return the cut-off status
     * @since 0.2.0
     */
    public CutoffStatus cutoffStatus() {
        return cutoffStatus;
    }

    /**
     * Items left unanswered.
     *
     * @return their ids, in form order
     */
    public List<String> itemsMissing() {
        return itemsMissing;
    }

    /**
     * Whether the total was scaled up for missing items.
     *
     * @return {@code true} when prorated
     */
    public boolean prorated() {
        return prorated;
    }

    @Override
    public List<CriticalAlert> criticalAlerts() {
        return criticalAlerts;
    }

    /**
     * Critical items left unanswered although the total was computed (it was prorated or the missing-item
     * rule allowed them missing): the total says nothing about them.
     *
     * @return the unanswered critical items, possibly empty
     */
    @Override
    public List<CriticalItemUnanswered> criticalUnanswered() {
        return criticalUnanswered;
    }

    /**
     * The score of each answered item.
     *
     * @return scores by item id, in form order
     */
    public Map<String, Integer> itemScores() {
        return itemScores;
    }

    /**
     * The answers of an instrument that records answers only ({@link
     * org.imhmeasures.core.instrument.ScoringRule.AnswersOnly AnswersOnly}): item id → the recorded code as
     * the definition spells it, for the answered items in form order. Empty for every scored instrument,
     * whose answers are in {@link #itemScores()}.
     *
     * @return the recorded answers by item id, in form order; empty for scored instruments
     * @since 0.2.0
     */
    public Map<String, String> recordedAnswers() {
        return recordedAnswers;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Scored s && rawTotal.equals(s.rawTotal) && prorated == s.prorated
                && provenance.equals(s.provenance) && total.equals(s.total) && subscales.equals(s.subscales)
                && band.equals(s.band) && bandStatus == s.bandStatus && caseness == s.caseness && itemsMissing.equals(s.itemsMissing)
                && criticalAlerts.equals(s.criticalAlerts) && criticalUnanswered.equals(s.criticalUnanswered)
                && itemScores.equals(s.itemScores) && cutoffStatus == s.cutoffStatus
                && recordedAnswers.equals(s.recordedAnswers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(provenance, rawTotal, total, subscales, band, bandStatus, caseness, itemsMissing, prorated,
                criticalAlerts, criticalUnanswered, itemScores, cutoffStatus, recordedAnswers);
    }

    @Override
    public String toString() {
        return "Scored[" + provenance + ", items missing " + itemsMissing.size() + (prorated ? ", prorated" : "")
                + ", critical alerts " + criticalAlerts.size() + ", critical unanswered " + criticalUnanswered.size()
                + (recordedAnswers.isEmpty() ? "" : ", recorded answers " + recordedAnswers.size()) + "]";
    }
}
