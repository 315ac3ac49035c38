/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.portal.submission;

import java.util.regex.Pattern;
import org.imhmeasures.core.internal.Check;

/**
 * The display name of the team that submitted, e.g. {@code North Infant Mental Health Team}: shown in
 * reports as given, so spaces, letters of any script, digits and punctuation are allowed. It is not an
 * identifier and not a pseudonym ({@link org.imhmeasures.core.care.PseudonymousId}).
 *
 * <p>No control or format characters (a newline, a tab, a right-to-left override, a zero-width space).
 * Normalised once: every run of spaces (Unicode space separators) made one space, then surrounding spaces
 * removed. Then: 1 to {@value #MAX_LENGTH} characters (code points); at least one letter; and no run of ten digits once spaces and
 * the separators {@code . _ - /} are removed, since that may be an NHS number (a team name that is a date or an
 * NHS number was put in the wrong field). Equality is by the normalised value, case-sensitive.
 *
 * <p>A team name is a submitted value: error messages never contain it and {@link #toString()} shows its
 * length only; read it with {@link #value()}.
 *
 * @param value the normalised name
 * @since 0.1.0
 */
public record TeamName(String value) {

    /** The longest accepted name, in characters (code points). */
    public static final int MAX_LENGTH = 80;

    private static final Pattern SPACES = Pattern.compile("\\p{Zs}+");
    private static final Pattern TEN_DIGITS = Pattern.compile("\\d{10}");

    /**
     * Normalises and validates.
     *
     * @param value the name as given
     */
    public TeamName {
        Check.notNull(value, "team name");
        // checked before normalising: a newline or tab is refused, never folded into a space
        Check.argument(value.codePoints().noneMatch(TeamName::controlOrFormat),
                "team name must not contain control or format characters (newline, tab, direction marks): %s",
                "present");
        value = SPACES.matcher(value).replaceAll(" ").strip();
        int length = value.codePointCount(0, value.length());
        Check.argument(length >= 1 && length <= MAX_LENGTH,
                "team name must be 1 to " + MAX_LENGTH + " characters: %d characters given", length);
        Check.argument(value.codePoints().anyMatch(Character::isLetter),
                "team name must contain a letter: %s", "none");
        Check.argument(!TEN_DIGITS.matcher(value.replaceAll("[\\s._/-]", "")).find(),
                "team name must not hold ten digits in a row (an NHS number?): %s", "ten digits");
    }

    /**
     * Creates a team name.
     *
     * @param value the name as given
     * @return the name, normalised
     * @throws IllegalArgumentException when it breaks a rule above; the message never holds the value
     */
    public static TeamName of(String value) {
        return new TeamName(value);
    }

    /**
     * Whether {@code value} is an acceptable team name.
     *
     * @param value the name as given, or {@code null}
     * @return whether {@link #of} accepts it
     */
    public static boolean isValid(String value) {
        if (value == null) {
            return false;
        }
        try {
            of(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean controlOrFormat(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT;
    }

    /** The length only: the name is a submitted value. */
    @Override
    public String toString() {
        return "TeamName[" + value.codePointCount(0, value.length()) + " characters]";
    }
}
