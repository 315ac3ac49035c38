package org.imhmeasures.scoring;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.imhmeasures.core.instrument.Band;
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
 * @param caseness the total against the caseness cut-off
 * @param itemsMissing ids of unanswered items, in form order
 * @param prorated whether the total was scaled up for missing items
 * @param criticalAlerts critical items answered at or above their alert level
 * @param itemScores the score of each answered item, by item id in form order
 * @since 0.1.0
 */
public record Scored(Provenance provenance, int rawTotal, Optional<BigDecimal> total,
        Map<String, SubscaleScore> subscales, Optional<Band> band, Caseness caseness, List<String> itemsMissing,
        boolean prorated, List<CriticalAlert> criticalAlerts, Map<String, Integer> itemScores) implements ScoreResult {

    /** Validates and copies. */
    public Scored {
        Check.notNull(provenance, "provenance");
        Check.notNull(total, "total");
        subscales = subscales.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(Check.notNull(subscales, "subscales")));
        Check.notNull(band, "band");
        Check.notNull(caseness, "caseness");
        itemsMissing = List.copyOf(Check.notNull(itemsMissing, "items missing"));
        criticalAlerts = List.copyOf(Check.notNull(criticalAlerts, "critical alerts"));
        // the scorer's own immutable view needs no copy; anything else is copied
        itemScores = Check.notNull(itemScores, "item scores") instanceof ItemScores ? itemScores
                : Collections.unmodifiableMap(new LinkedHashMap<>(itemScores));
    }
}
