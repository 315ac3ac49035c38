/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring;

import java.util.List;

/**
 * The outcome of scoring one administration: {@link Scored} or {@link NotScorable}.
 *
 * <p>Both carry their {@link Provenance}, any {@link CriticalAlert}s and any
 * {@link CriticalItemUnanswered} flags: a critical item answered at its alert level is reported even when
 * the administration as a whole cannot be scored, and a critical item that was not validly answered is
 * reported whatever the missing-item policy, also when the total was prorated without it. Neither list is
 * ever dropped by this library's outputs (CSV columns {@code critical_items} and {@code critical_unanswered},
 * FHIR interpretations).
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

    /**
     * Critical items that were not validly answered (missing, declined, or a code the item does not allow),
     * in item order: their alert status is unknown and needs a follow-up. Empty when every critical item was
     * validly answered. An item is never in both this list and {@link #criticalAlerts()}.
     *
     * @return the unanswered critical items, possibly empty
     * @since 0.1.0
     */
    List<CriticalItemUnanswered> criticalUnanswered();
}
