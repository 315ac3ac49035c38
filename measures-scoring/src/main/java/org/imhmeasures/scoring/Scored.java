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
import java.util.Optional;
import org.imhmeasures.core.instrument.Band;
import org.imhmeasures.core.instrument.BandStatus;
import org.imhmeasures.core.internal.Check;

/**
 * A scored administration.
 *
 * <p>{@code total} is the instrument's reported score: the sum (PHQ-9), the CORE-10 clinical score,
 * the SWEMWBS metric score, the KIPS mean, the PIR-GAS rating; it is a whole number (scale 0) when
 * every item was answered and the rule is a sum, and has two decimals when it was prorated, is a mean,
 * or comes from a two-decimal conversion table. It is empty for instruments without a total (GBO,
 * HADS), whose scores are in {@code subscales}.
 *
 * @param provenance what produced the result
 * @param rawTotal the sum of the answered item scores
 * @param total the reported score, if the instrument has one
 * @param subscales subscale scores by subscale id, in definition order
 * @param band the band of the total, if bands are published and cover it
 * @param bandStatus where the total stands against the confirmed bands: {@link BandStatus#IN_BAND} exactly
 *        when {@code band} is present; {@link BandStatus#BELOW_CONFIRMED_BANDS} (or another
 *        {@code *_CONFIRMED_BANDS} value) when bands are published but no confirmed band covers the total (a
 *        PIR-GAS rating below 61, one of the most impaired relationships, must never read as a blank);
 *        {@link BandStatus#NO_BANDS} when the instrument publishes no bands or reports no total
 * @param caseness the total against the caseness cut-off
 * @param itemsMissing ids of unanswered items, in form order
 * @param prorated whether the total was scaled up for missing items (for an instrument without a total,
 *        such as HADS, whether a subscale was)
 * @param criticalAlerts critical items answered at or above their alert level
 * @param criticalUnanswered critical items left unanswered although the total was computed (it was prorated
 *        or the missing-item rule allowed them missing): the total says nothing about them
 * @param itemScores the score of each answered item, by item id in form order
 * @since 0.1.0
 */
public record Scored(Provenance provenance, int rawTotal, Optional<BigDecimal> total,
        Map<String, SubscaleScore> subscales, Optional<Band> band, BandStatus bandStatus, Caseness caseness, List<String> itemsMissing,
        boolean prorated, List<CriticalAlert> criticalAlerts, List<CriticalItemUnanswered> criticalUnanswered,
        Map<String, Integer> itemScores) implements ScoreResult {

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

    /**
     * Validates and copies.
     *
     * @param provenance what produced the result
     * @param rawTotal the sum of the answered item scores
     * @param total the reported score, if the instrument has one
     * @param subscales subscale scores by subscale id, in definition order
     * @param band the band of the total, if bands are published and cover it
     * @param bandStatus where the total stands against the confirmed bands; {@link BandStatus#IN_BAND} exactly
     *     when {@code band} is present
     * @param caseness the total against the caseness cut-off
     * @param itemsMissing ids of unanswered items, in form order
     * @param prorated whether the total was scaled up for missing items (without a total: a subscale was)
     * @param criticalAlerts critical items answered at or above their alert level
     * @param criticalUnanswered critical items left unanswered although the total was computed (it was prorated
     *     or the missing-item rule allowed them missing): the total says nothing about them
     * @param itemScores the score of each answered item, by item id in form order
     */
    public Scored {
        Check.notNull(provenance, "provenance");
        Check.notNull(total, "total");
        subscales = immutable(subscales, "subscales");
        Check.notNull(band, "band");
        Check.notNull(bandStatus, "band status");
        Check.argument(band.isPresent() == (bandStatus == BandStatus.IN_BAND),
                "band status must be IN_BAND exactly when there is a band: %s", bandStatus);
        Check.notNull(caseness, "caseness");
        itemsMissing = immutable(itemsMissing, "items missing");
        criticalAlerts = immutable(criticalAlerts, "critical alerts");
        criticalUnanswered = immutable(criticalUnanswered, "critical unanswered");
        itemScores = immutable(itemScores, "item scores");
    }
}
