/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.competency;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.imhmeasures.core.internal.Check;

/**
 * The minimum reflective clinical supervision for a practitioner, from the Parent-Infant Foundation's
 * key characteristics of a specialised parent-infant relationship team (self-audit tool,
 * parentinfantfoundation.org.uk/tools/self-audit-tool): less than three years' experience of working
 * with children under two, one hour a week; more than three years, one hour a fortnight; pro rata for
 * part-time staff. The source leaves exactly three years open; this library applies the fortnightly
 * minimum from three years.
 *
 * <p>Pro rata means the session length scales with WTE: a 0.5 WTE practitioner with one year's
 * experience needs 30 minutes a week. Supervision is separate from line management (same source).
 *
 * @param cadence weekly or fortnightly
 * @param minutesPerSession the pro-rata session length, {@code 60 * wte}, two decimals
 * @since 0.1.0
 */
public record SupervisionRequirement(Cadence cadence, BigDecimal minutesPerSession) {

    /** Years of experience with under-twos from which the fortnightly minimum applies. */
    public static final BigDecimal EXPERIENCED_FROM_YEARS = BigDecimal.valueOf(3);

    /** How often supervision takes place. */
    public enum Cadence {
        /** Once a week. */
        WEEKLY(1),
        /** Once every two weeks. */
        FORTNIGHTLY(2);

        private final int weeks;

        Cadence(int weeks) {
            this.weeks = weeks;
        }

        /**
         * Weeks between sessions.
         *
         * @return 1 or 2
         */
        public int weeks() {
            return weeks;
        }
    }

    /**
     * Validates.
     *
     * @param cadence weekly or fortnightly
     * @param minutesPerSession the pro-rata session length, {@code 60 * wte}, two decimals
     */
    public SupervisionRequirement {
        Check.notNull(cadence, "cadence");
        Check.notNull(minutesPerSession, "minutes per session");
        Check.argument(minutesPerSession.signum() > 0, "minutes per session must be positive: %s",
                Check.show(minutesPerSession));
    }

    /**
     * The minimum for a practitioner.
     *
     * @param practitioner the practitioner
     * @return the requirement
     */
    public static SupervisionRequirement forPractitioner(Practitioner practitioner) {
        Check.notNull(practitioner, "practitioner");
        Cadence cadence = practitioner.yearsWithUnderTwos().compareTo(EXPERIENCED_FROM_YEARS) < 0 ? Cadence.WEEKLY
                : Cadence.FORTNIGHTLY;
        return new SupervisionRequirement(cadence, BigDecimal.valueOf(60).multiply(practitioner.wte()).setScale(2,
                RoundingMode.HALF_UP));
    }

    /**
     * The average minutes per week: the session length divided by the weeks between sessions.
     *
     * @return minutes per week, two decimals
     */
    public BigDecimal minutesPerWeek() {
        return minutesPerSession.divide(BigDecimal.valueOf(cadence.weeks()), 2, RoundingMode.HALF_UP);
    }
}
