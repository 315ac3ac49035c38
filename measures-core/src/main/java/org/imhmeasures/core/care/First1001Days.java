/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.care;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.OptionalLong;
import org.imhmeasures.core.internal.Check;

/**
 * The "first 1001 days": from conception to the second birthday.
 *
 * <p>This library fixes the window as the 1001 days ending on the day before the second birthday,
 * counted back from the date of birth (or the expected date before birth). Day 1 is therefore
 * {@code secondBirthday - 1001 days}, which falls about 38 weeks before birth; it stands in for the
 * date of conception and is not a clinical dating of the pregnancy.
 *
 * @param birthOrExpected the date of birth, or expected date of delivery
 * @since 0.1.0
 */
public record First1001Days(LocalDate birthOrExpected) {

    /** The length of the window in days. */
    public static final int DAYS = 1001;

    /**
     * Validates.
     *
     * @param birthOrExpected the date of birth, or expected date of delivery
     */
    public First1001Days {
        Check.notNull(birthOrExpected, "birth or expected date");
    }

    /**
     * The window for an infant.
     *
     * @param infant date of birth or expected date
     * @return the window
     */
    public static First1001Days of(InfantDates infant) {
        return new First1001Days(Check.notNull(infant, "infant dates").referenceDate());
    }

    /**
     * The second birthday: the first day after the window.
     *
     * @return the second birthday
     */
    public LocalDate secondBirthday() {
        return birthOrExpected.plusYears(2);
    }

    /**
     * Day 1 of the window.
     *
     * @return the first day
     */
    public LocalDate firstDay() {
        return secondBirthday().minusDays(DAYS);
    }

    /**
     * The last day of the window, the day before the second birthday.
     *
     * @return the last day
     */
    public LocalDate lastDay() {
        return secondBirthday().minusDays(1);
    }

    /**
     * Whether {@code date} falls within the window.
     *
     * @param date the date
     * @return true from {@link #firstDay()} to {@link #lastDay()} inclusive
     */
    public boolean contains(LocalDate date) {
        return !date.isBefore(firstDay()) && date.isBefore(secondBirthday());
    }

    /**
     * The day number of {@code date} within the window, 1 to 1001.
     *
     * @param date the date
     * @return the day number, or empty outside the window
     */
    public OptionalLong dayNumber(LocalDate date) {
        return contains(date) ? OptionalLong.of(ChronoUnit.DAYS.between(firstDay(), date) + 1) : OptionalLong.empty();
    }

    /**
     * Days left in the window after {@code date}, 0 on the last day.
     *
     * @param date the date
     * @return the remaining days, or empty outside the window
     */
    public OptionalLong daysRemaining(LocalDate date) {
        return contains(date) ? OptionalLong.of(ChronoUnit.DAYS.between(date, lastDay())) : OptionalLong.empty();
    }

    /** Redacted: the date can identify a family. */
    @Override
    public String toString() {
        return "First1001Days[<redacted>]";
    }
}
