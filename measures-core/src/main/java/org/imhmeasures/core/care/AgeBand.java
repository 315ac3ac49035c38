/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.care;

import java.time.LocalDate;
import java.time.Period;
import org.imhmeasures.core.internal.Check;

/**
 * An infant's age band at a date (usually the referral date), in completed months.
 *
 * <p>Bands are half-open: 0-12 is "under 12 completed months", 12-24 is "12 to 23 completed months",
 * and so on. {@link #MONTHS_36_PLUS} is only reached by services whose eligibility limit is above three
 * years. A referral dated before the date of birth, or before the expected date for an infant not yet
 * born, is {@link #ANTENATAL}.
 *
 * @since 0.1.0
 */
public enum AgeBand {
    /** Not yet born at the date. */
    ANTENATAL("antenatal"),
    /** Birth to under 12 months. */
    MONTHS_0_12("0-12 months"),
    /** 12 to under 24 months. */
    MONTHS_12_24("12-24 months"),
    /** 24 to under 36 months. */
    MONTHS_24_36("24-36 months"),
    /** 36 months or older. */
    MONTHS_36_PLUS("36 months and over");

    private final String label;

    AgeBand(String label) {
        this.label = label;
    }

    /**
     * A readable label, e.g. {@code 0-12 months}.
     *
     * @return the label
     */
    public String label() {
        return label;
    }

    /**
     * The band at {@code date}.
     *
     * @param infant date of birth or expected date
     * @param date the date, e.g. of referral
     * @return the band
     */
    public static AgeBand at(InfantDates infant, LocalDate date) {
        Check.notNull(infant, "infant dates");
        Check.notNull(date, "date");
        if (infant instanceof InfantDates.Expected || date.isBefore(infant.referenceDate())) {
            return ANTENATAL;
        }
        long months = Period.between(infant.referenceDate(), date).toTotalMonths();
        if (months < 12) {
            return MONTHS_0_12;
        }
        if (months < 24) {
            return MONTHS_12_24;
        }
        return months < 36 ? MONTHS_24_36 : MONTHS_36_PLUS;
    }
}
