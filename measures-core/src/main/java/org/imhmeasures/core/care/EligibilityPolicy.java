/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.care;

import java.time.LocalDate;
import java.time.Period;
import org.imhmeasures.core.internal.Check;

/**
 * A service's age range for referrals: from conception up to (not including) an upper age.
 *
 * <p>The default is conception to the second birthday, the period the AIMH UK Infant Mental Health
 * Competency Framework covers ("pregnancy to age 2 years", aimh.uk) and the Parent-Infant Foundation's
 * service mapping tool uses (parents and infants under 2). A service may set an older limit, e.g.
 * {@code EligibilityPolicy.defaults().withUpperAge(Period.ofYears(4))}.
 *
 * <p>Rules, at the referral date: for an infant not yet born the referral must fall on or after day 1 of
 * the {@link First1001Days} window and before the expected date; for a born infant the referral must
 * fall before {@code dateOfBirth + upperAge} (a referral dated before birth counts as antenatal and is
 * checked against the pregnancy window). Immutable; equality by upper age.
 *
 * @param upperAge the age at which infants are no longer accepted; positive, at most 18 years
 * @since 0.1.0
 */
public record EligibilityPolicy(Period upperAge) {

    private static final EligibilityPolicy DEFAULTS = new EligibilityPolicy(Period.ofYears(2));

    /**
     * Validates and normalises.
     *
     * @param upperAge the age at which infants are no longer accepted; positive, at most 18 years
     */
    public EligibilityPolicy {
        Check.notNull(upperAge, "upper age");
        upperAge = upperAge.normalized();
        Check.argument(!upperAge.isNegative() && !upperAge.isZero() && upperAge.toTotalMonths() <= 18 * 12,
                "upper age must be positive and at most 18 years: %s", upperAge);
    }

    /**
     * Conception to the second birthday.
     *
     * @return the default policy
     */
    public static EligibilityPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * A copy with another upper age.
     *
     * @param upperAge the new upper age
     * @return the policy
     */
    public EligibilityPolicy withUpperAge(Period upperAge) {
        return new EligibilityPolicy(upperAge);
    }

    /**
     * Judges a referral.
     *
     * @param infant date of birth or expected date
     * @param referralDate the referral date
     * @return eligible with the age band, or not eligible with the reason
     */
    public Eligibility evaluate(InfantDates infant, LocalDate referralDate) {
        Check.notNull(infant, "infant dates");
        Check.notNull(referralDate, "referral date");
        LocalDate reference = infant.referenceDate();
        if (referralDate.isBefore(First1001Days.of(infant).firstDay())) {
            return new Eligibility.NotEligible(Eligibility.Reason.BEFORE_CONCEPTION);
        }
        if (infant instanceof InfantDates.Expected && !referralDate.isBefore(reference)) {
            return new Eligibility.NotEligible(Eligibility.Reason.EXPECTED_DATE_PASSED);
        }
        if (!referralDate.isBefore(reference.plus(upperAge))) {
            return new Eligibility.NotEligible(Eligibility.Reason.ABOVE_UPPER_AGE);
        }
        return new Eligibility.Eligible(AgeBand.at(infant, referralDate));
    }
}
