/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The risk taxonomy for referrals to specialised parent-infant relationship teams: the PIP Portal's
 * four {@link org.imhmeasures.core.risk.RiskArea areas}, leaf
 * {@link org.imhmeasures.core.risk.RiskFactor factors} and the MHSDS primary
 * {@link org.imhmeasures.core.risk.ReferralReason referral reasons} as versioned data
 * ({@link org.imhmeasures.core.risk.RiskTaxonomy}), the ten
 * {@link org.imhmeasures.core.risk.AdverseChildhoodExperience ACEs}, and a referral's
 * {@link org.imhmeasures.core.risk.RiskProfile risk profile} with counts per area.
 *
 * @since 0.1.0
 */
@NullMarked
package org.imhmeasures.core.risk;

import org.jspecify.annotations.NullMarked;
