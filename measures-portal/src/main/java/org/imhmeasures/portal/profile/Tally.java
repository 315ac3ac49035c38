/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.portal.profile;

import java.math.BigDecimal;
import java.util.Optional;
import org.imhmeasures.core.internal.Check;

/**
 * One row of a breakdown: a code, its label, how many referrals have it, and the percentage of the
 * group's referrals.
 *
 * @param code the code, e.g. {@code A2} or {@code poverty}
 * @param label a readable label
 * @param count referrals with it
 * @param share count out of the group's referrals
 * @since 0.1.0
 */
public record Tally(String code, String label, int count, Share share) {

    /**
     * Validates.
     *
     * @param code the code, e.g. {@code A2} or {@code poverty}
     * @param label a readable label
     * @param count referrals with it
     * @param share count out of the group's referrals
     */
    public Tally {
        code = Check.notBlank(code, "code");
        label = Check.notBlank(label, "label");
        Check.notNull(share, "share");
        Check.argument(share.count() == count, "share must count the same referrals: %d", share.count());
    }

    /**
     * The percentage of the group's referrals.
     *
     * @return the percentage, empty for an empty group
     */
    public Optional<BigDecimal> percent() {
        return share.percent();
    }
}
