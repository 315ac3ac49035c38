/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

import org.imhmeasures.core.internal.Check;

/**
 * A published opt-in prorating rule for one subscale: when a caller asks for prorating, the subscale is
 * scored from the person's mean over its answered items, scaled to the full subscale, as long as at
 * least {@code minAnswered} of its items are answered (HADS: 4 of 7, the "half rule" of Bell et al. 2016).
 * Without the opt-in the instrument's own missing-item rule holds (HADS: strict).
 *
 * @param minAnswered fewest answered items of the subscale for a prorated score, at least 1
 * @param source where the rule is published
 * @since 0.1.0
 */
public record SubscaleProrating(int minAnswered, Source source) {

    /**
     * Validates.
     *
     * @param minAnswered fewest answered items of the subscale for a prorated score, at least 1
     * @param source where the rule is published
     */
    public SubscaleProrating {
        Check.argument(minAnswered >= 1, "subscale prorating minimum answered must be at least 1: %d", minAnswered);
        Check.notNull(source, "subscale prorating source");
    }
}
