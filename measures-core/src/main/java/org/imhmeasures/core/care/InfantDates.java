/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.care;

import java.time.LocalDate;
import org.imhmeasures.core.internal.Check;

/**
 * What is known about when an infant is or was born: a date of birth, or an expected date of delivery
 * for an antenatal referral.
 *
 * @since 0.1.0
 */
public sealed interface InfantDates permits InfantDates.Born, InfantDates.Expected {

    /**
     * The date of birth, or the expected date when not yet born: the reference date for ages.
     *
     * @return the birth or expected date
     */
    LocalDate referenceDate();

    /**
     * An infant already born.
     *
     * @param dateOfBirth date of birth
     */
    record Born(LocalDate dateOfBirth) implements InfantDates {
        /**
         * Validates.
         *
         * @param dateOfBirth date of birth
         */
        public Born {
            Check.notNull(dateOfBirth, "date of birth");
        }

        @Override
        public LocalDate referenceDate() {
            return dateOfBirth;
        }

        /** Redacted: a date of birth can identify a family. */
        @Override
        public String toString() {
            return "Born[dateOfBirth=<redacted>]";
        }
    }

    /**
     * An infant not yet born at referral.
     *
     * @param expectedDate expected date of delivery
     */
    record Expected(LocalDate expectedDate) implements InfantDates {
        /**
         * Validates.
         *
         * @param expectedDate expected date of delivery
         */
        public Expected {
            Check.notNull(expectedDate, "expected date");
        }

        @Override
        public LocalDate referenceDate() {
            return expectedDate;
        }

        /** Redacted: an expected date can identify a family. */
        @Override
        public String toString() {
            return "Expected[expectedDate=<redacted>]";
        }
    }

    /**
     * Born on {@code date}.
     *
     * @param date date of birth
     * @return the dates
     */
    static InfantDates born(LocalDate date) {
        return new Born(date);
    }

    /**
     * Expected on {@code date}.
     *
     * @param date expected date of delivery
     * @return the dates
     */
    static InfantDates expected(LocalDate date) {
        return new Expected(date);
    }
}
