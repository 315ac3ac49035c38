/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring;

import java.math.BigDecimal;
import java.util.Optional;
import org.imhmeasures.core.instrument.Band;
import org.imhmeasures.core.internal.Check;

/**
 * The score of one subscale.
 *
 * @param subscaleId the subscale id
 * @param score the score; empty when its items are missing and cannot be prorated
 * @param band the subscale band, where bands are published and a score exists
 * @param caseness against the subscale's cut-off
 * @param prorated whether the score was scaled up for missing items
 * @since 0.1.0
 */
public record SubscaleScore(String subscaleId, Optional<BigDecimal> score, Optional<Band> band, Caseness caseness,
        boolean prorated) {

    /**
     * Validates.
     *
     * @param subscaleId the subscale id
     * @param score the score; empty when its items are missing and cannot be prorated
     * @param band the subscale band, where bands are published and a score exists
     * @param caseness against the subscale's cut-off
     * @param prorated whether the score was scaled up for missing items
     */
    public SubscaleScore {
        subscaleId = Check.notBlank(subscaleId, "subscale id");
        Check.notNull(score, "score");
        Check.notNull(band, "band");
        Check.notNull(caseness, "caseness");
    }
}
