/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.care;

import java.time.YearMonth;
import org.imhmeasures.core.internal.Check;

/**
 * A pseudonymised identifier for an infant, caregiver, referral, episode or practitioner, assigned
 * by the service (e.g. {@code INF-0042}); never a name, an NHS number or a date.
 *
 * <p>1 to {@value #MAX_LENGTH} characters from {@code A-Z a-z 0-9 . _ -}, starting with a letter or digit
 * (so names with spaces and dates with slashes are refused by shape). Two more shapes are refused because
 * they may be identifiers themselves — our own defensive rules, not taken from a standard:
 * <ul>
 *   <li>NHS-number shaped: exactly ten digits once the separators {@code . _ -} are removed, however they
 *       are grouped ({@code 9434765919}, {@code 943-476-5919}, {@code 943.476.5919}); the ten-digit
 *       format is the NHS Data Dictionary's "NHS NUMBER", and the check digit is deliberately not
 *       consulted, so a mistyped NHS number is refused too;</li>
 *   <li>date shaped: the whole value is a calendar date (years 1900..2100) as {@code yyyy-MM-dd},
 *       {@code yyyy.MM.dd}, {@code yyyyMMdd}, {@code dd-MM-yyyy}, {@code MM-dd-yyyy}, {@code dd.MM.yy} and
 *       the like, with any of the separators {@code . _ -} (it may be a date of birth).</li>
 * </ul>
 * Error messages never contain the value. {@link #toString()} is the value: a pseudonym is meant to be
 * shown. Equality is by value, case-sensitive.
 *
 * @param value the identifier
 * @since 0.1.0
 */
public record PseudonymousId(String value) {

    /** The longest accepted identifier, in characters. */
    public static final int MAX_LENGTH = 64;

    /**
     * Validates.
     *
     * @param value the identifier
     */
    public PseudonymousId {
        Check.notNull(value, "pseudonymous id");
        Check.argument(value.length() <= MAX_LENGTH && value.matches("[A-Za-z0-9][A-Za-z0-9._-]*"),
                "pseudonymous id must be 1 to 64 characters from A-Z a-z 0-9 . _ -: %d characters given",
                value.length());
        Check.argument(!nhsNumberShaped(value), "pseudonymous id must not look like an NHS number: ten digits");
        Check.argument(!dateShaped(value), "pseudonymous id must not look like a date: date-shaped");
    }

    /**
     * Creates an identifier.
     *
     * @param value the identifier
     * @return the id
     */
    public static PseudonymousId of(String value) {
        return new PseudonymousId(value);
    }

    private static boolean nhsNumberShaped(String value) {
        return value.replaceAll("[._-]", "").matches("\\d{10}");
    }

    private static boolean dateShaped(String value) {
        if (!value.matches("[0-9._-]+")) {
            return false;
        }
        String[] groups = value.split("[._-]+", -1);
        if (groups.length == 1 && value.length() == 8) {
            return date(value.substring(0, 4), value.substring(4, 6), value.substring(6))
                    || date(value.substring(4), value.substring(2, 4), value.substring(0, 2));
        }
        if (groups.length != 3) {
            return false;
        }
        String a = groups[0];
        String b = groups[1];
        String c = groups[2];
        if (a.length() == 4 && b.length() <= 2 && c.length() <= 2) {
            return date(a, b, c);
        }
        if (a.length() <= 2 && b.length() <= 2 && (c.length() == 4 || c.length() == 2)) {
            String year = c.length() == 4 ? c : "20" + c; // any century: only day and month are tested
            return date(year, b, a) || date(year, a, b);
        }
        return false;
    }

    private static boolean date(String year, String month, String day) {
        if (year.isEmpty() || month.isEmpty() || day.isEmpty()) {
            return false;
        }
        int y = Integer.parseInt(year);
        int m = Integer.parseInt(month);
        int d = Integer.parseInt(day);
        return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= YearMonth.of(y, m)
                .lengthOfMonth();
    }

    @Override
    public String toString() {
        return value;
    }
}
