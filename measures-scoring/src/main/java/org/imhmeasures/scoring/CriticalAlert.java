/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring;

import org.imhmeasures.core.internal.Check;

/**
 * A critical item answered at or above its alert level (PHQ-9 item 9, EPDS item 10, CORE-10 item 6
 * above 0). Raised whatever the total, and even when the administration cannot be scored.
 *
 * @param itemId the item, e.g. {@code phq9_9}
 * @param score the item score that triggered the alert
 * @param reason what to do, from the definition
 * @since 0.1.0
 */
public record CriticalAlert(String itemId, int score, String reason) {

    /**
     * Validates.
     *
     * @param itemId the item, e.g. {@code phq9_9}
     * @param score the item score that triggered the alert
     * @param reason what to do, from the definition
     */
    public CriticalAlert {
        itemId = Check.notBlank(itemId, "item id");
        reason = Check.notBlank(reason, "reason");
    }
}
