/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.care;

import org.imhmeasures.core.internal.Check;

/**
 * Whether a referral is within a service's age range: {@link Eligible} or {@link NotEligible}.
 *
 * @since 0.1.0
 */
public sealed interface Eligibility permits Eligibility.Eligible, Eligibility.NotEligible {

    /** Why a referral is outside the age range. */
    enum Reason {
        /** The referral predates day 1 of the pregnancy window (see {@link First1001Days#firstDay()}). */
        BEFORE_CONCEPTION,
        /** The infant is recorded as not yet born, but the referral is on or after the expected date. */
        EXPECTED_DATE_PASSED,
        /** The infant had reached the service's upper age limit at referral. */
        ABOVE_UPPER_AGE
    }

    /**
     * Within range.
     *
     * @param band the infant's age band at referral
     */
    record Eligible(AgeBand band) implements Eligibility {
        /**
         * Validates.
         *
         * @param band the infant's age band at referral
         */
        public Eligible {
            Check.notNull(band, "age band");
        }
    }

    /**
     * Outside range.
     *
     * @param reason why
     */
    record NotEligible(Reason reason) implements Eligibility {
        /**
         * Validates.
         *
         * @param reason why
         */
        public NotEligible {
            Check.notNull(reason, "reason");
        }
    }
}
