/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.portal.submission.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * The referral as read from JSON. Not API.
 *
 * @param id pseudonym
 * @param date referral date
 * @param source NHS source-of-referral code
 * @param reasons MHSDS primary reason codes
 * @param riskFactors risk factor ids
 * @param parentAces the parent's ACEs
 * @param parentAge parent age in years
 * @param household household code
 * @param ethnicCategory NHS ethnic category code
 */
public record ReferralDto(
        @NotNull(message = "{imh.required}") @Pseudonym String id,
        @NotNull(message = "{imh.required}") LocalDate date,
        @NotNull(message = "{imh.required}") @KnownCode(CodeList.REFERRAL_SOURCE) String source,
        @Size(max = 10, message = "{imh.list.size}")
        List<@NotNull(message = "{imh.required}") @KnownCode(CodeList.REFERRAL_REASON) String> reasons,
        @Size(max = 50, message = "{imh.list.size}")
        List<@NotNull(message = "{imh.required}") @KnownCode(CodeList.RISK_FACTOR) String> riskFactors,
        @Size(max = 10, message = "{imh.list.size}")
        List<@NotNull(message = "{imh.required}") @KnownCode(CodeList.ACE) String> parentAces,
        @Min(value = 10, message = "{imh.parent_age.range}") @Max(value = 70, message = "{imh.parent_age.range}")
        Integer parentAge,
        @NotNull(message = "{imh.required}") @KnownCode(CodeList.HOUSEHOLD) String household,
        @NotNull(message = "{imh.required}") @KnownCode(CodeList.ETHNIC_CATEGORY) String ethnicCategory) {

    /** Redacted: never prints the date or age. */
    @Override
    public String toString() {
        return "ReferralDto[<redacted>]";
    }
}
