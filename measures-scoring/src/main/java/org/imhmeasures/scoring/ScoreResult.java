package org.imhmeasures.scoring;

import java.util.List;

/**
 * The outcome of scoring one administration: {@link Scored} or {@link NotScorable}.
 *
 * <p>Both carry their {@link Provenance} and any {@link CriticalAlert}s: a critical item answered
 * above its alert level is reported even when the administration as a whole cannot be scored.
 *
 * @since 0.1.0
 */
public sealed interface ScoreResult permits Scored, NotScorable {

    /**
     * What produced the result.
     *
     * @return the provenance
     */
    Provenance provenance();

    /**
     * Critical items answered at or above their alert level, in item order.
     *
     * @return the alerts, possibly empty
     */
    List<CriticalAlert> criticalAlerts();
}
