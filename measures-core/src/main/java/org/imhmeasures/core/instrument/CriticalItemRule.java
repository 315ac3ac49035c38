/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

import org.imhmeasures.core.internal.Check;

/**
 * Marks an item whose answer needs a safety follow-up whatever the total, e.g. PHQ-9 item 9 above 0.
 *
 * @param minScore the alert fires when the item's score is at least this (1 means "above 0")
 * @param reason what the alert is about, e.g. {@code thoughts of self-harm: follow the service's risk protocol}
 * @param source where the rule comes from
 * @since 0.1.0
 */
public record CriticalItemRule(int minScore, String reason, Source source) {

    /**
     * Validates.
     *
     * @param minScore the alert fires when the item's score is at least this (1 means "above 0")
     * @param reason what the alert is about, e.g. {@code thoughts of self-harm: follow the service's risk protocol}
     * @param source where the rule comes from
     */
    public CriticalItemRule {
        reason = Check.notBlank(reason, "critical reason");
        Check.notNull(source, "critical source");
    }

    /**
     * Tells whether a score triggers the alert.
     *
     * @param score the item score
     * @return {@code true} when {@code score >= minScore}
     */
    public boolean triggeredBy(int score) {
        return score >= minScore;
    }
}
