/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.portal.profile;

import java.util.List;
import org.imhmeasures.core.internal.Check;

/**
 * The referral profile of one group (a team, or all teams pooled).
 *
 * <p>Denominators: young parents are counted out of referrals with a recorded parent age; single-parent
 * households out of referrals whose household is known; every breakdown out of all the group's
 * referrals (a referral with several risk factors counts once under each, so risk factor percentages
 * can add up to more than 100).
 *
 * @param referrals the number of referrals
 * @param youngParents referred parents aged 20 or under
 * @param singleParents single-parent households
 * @param ethnicCategories NHS ethnic categories present, most frequent first (ties by code)
 * @param topRiskFactors the most frequent risk factors, at most N, most frequent first (ties by id)
 * @param referralSources NHS sources of referral present, most frequent first (ties by code)
 * @param ageBands infant age bands at referral, every band in band order
 * @since 0.1.0
 */
public record ProfileFigures(int referrals, Share youngParents, Share singleParents, List<Tally> ethnicCategories,
        List<Tally> topRiskFactors, List<Tally> referralSources, List<Tally> ageBands) {

    /**
     * Validates and copies.
     *
     * @param referrals the number of referrals
     * @param youngParents referred parents aged 20 or under
     * @param singleParents single-parent households
     * @param ethnicCategories NHS ethnic categories present, most frequent first (ties by code)
     * @param topRiskFactors the most frequent risk factors, at most N, most frequent first (ties by id)
     * @param referralSources NHS sources of referral present, most frequent first (ties by code)
     * @param ageBands infant age bands at referral, every band in band order
     */
    public ProfileFigures {
        Check.argument(referrals >= 0, "referrals must not be negative: %d", referrals);
        Check.notNull(youngParents, "young parents");
        Check.notNull(singleParents, "single parents");
        ethnicCategories = List.copyOf(Check.notNull(ethnicCategories, "ethnic categories"));
        topRiskFactors = List.copyOf(Check.notNull(topRiskFactors, "top risk factors"));
        referralSources = List.copyOf(Check.notNull(referralSources, "referral sources"));
        ageBands = List.copyOf(Check.notNull(ageBands, "age bands"));
    }
}
