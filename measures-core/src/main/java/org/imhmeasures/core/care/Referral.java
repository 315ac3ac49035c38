/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.care;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import org.imhmeasures.core.internal.Check;
import org.imhmeasures.core.risk.ReferralReason;
import org.imhmeasures.core.risk.RiskProfile;

/**
 * A referral of a care unit to a parent-infant team.
 *
 * <p>{@link #toString()} redacts the date and parent age.
 *
 * @param id pseudonymised referral id
 * @param unit the infant and caregivers referred
 * @param date the date the referral was received
 * @param source the NHS source-of-referral code
 * @param reasons primary reasons for referral, possibly empty, without repeats
 * @param risks the risk profile
 * @param parentAge the referred parent's age in whole years at referral, 10 to 70, if recorded
 * @param household single-parent or not
 * @param ethnicCategory the referred parent's NHS ethnic category
 * @since 0.1.0
 */
public record Referral(PseudonymousId id, CareUnit unit, LocalDate date, ReferralSource source,
        List<ReferralReason> reasons, RiskProfile risks, OptionalInt parentAge, Household household,
        EthnicCategory ethnicCategory) {

    /** The age up to which a parent counts as a young parent: 20 and under. */
    public static final int YOUNG_PARENT_MAX_AGE = 20;

    /**
     * Validates and copies.
     *
     * @param id pseudonymised referral id
     * @param unit the infant and caregivers referred
     * @param date the date the referral was received
     * @param source the NHS source-of-referral code
     * @param reasons primary reasons for referral, possibly empty, without repeats
     * @param risks the risk profile
     * @param parentAge the referred parent's age in whole years at referral, 10 to 70, if recorded
     * @param household single-parent or not
     * @param ethnicCategory the referred parent's NHS ethnic category
     */
    public Referral {
        Check.notNull(id, "referral id");
        Check.notNull(unit, "care unit");
        Check.notNull(date, "referral date");
        Check.notNull(source, "referral source");
        reasons = List.copyOf(Check.notNull(reasons, "reasons"));
        Check.argument(reasons.stream().map(ReferralReason::code).distinct().count() == reasons.size(),
                "reasons must not repeat: repeated");
        Check.notNull(risks, "risk profile");
        Check.notNull(parentAge, "parent age");
        parentAge.ifPresent(age -> Check.argument(age >= 10 && age <= 70, "parent age must be 10 to 70: %s",
                "out of range"));
        Check.notNull(household, "household");
        Check.notNull(ethnicCategory, "ethnic category");
    }

    /**
     * Whether the referred parent is 20 or younger; false when the age is not recorded.
     *
     * @return true for a young parent
     */
    public boolean youngParent() {
        return parentAge.isPresent() && parentAge.getAsInt() <= YOUNG_PARENT_MAX_AGE;
    }

    /**
     * The infant's age band at referral.
     *
     * @return the band
     */
    public AgeBand ageBand() {
        return AgeBand.at(unit.infant().dates(), date);
    }

    /** Redacted. */
    @Override
    public String toString() {
        return "Referral[id=" + id + ", source=" + source.code() + ", reasons=" + reasons.size() + ", factors="
                + risks.factors().size() + ", date=<redacted>, parentAge=" + (parentAge.isPresent() ? "<redacted>"
                : "-") + "]";
    }
}
