/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.internal;

import java.util.regex.Pattern;

/**
 * What of a recorded value may appear in a message. One place, so the rule is testable: only values
 * with the shape of an answer code, item id, instrument id or column name are echoed; anything else (which
 * could be a name, a date of birth or an NHS number typed into the wrong cell) is described by its length.
 *
 * <p>No rule here echoes a value holding six or more digits, or shaped like a date, whatever its
 * separators: an NHS number ({@code 9434765919}, {@code 943-476-5919}) or a date of birth
 * ({@code 1987-03-14}) never passes as "looks like a code". Keys of answers are not echoed at all by the
 * scorer: they are located by position.
 */
public final class Redaction {

    private static final Pattern ANSWER = Pattern.compile("-?\\d{1,3}");
    private static final Pattern ITEM_ID = Pattern.compile("[a-z0-9]{1,16}_\\d{1,3}");
    private static final Pattern INSTRUMENT_ID = Pattern.compile("[A-Z][A-Z0-9()\\-:]{1,15}");
    private static final Pattern NAME = Pattern.compile("[a-z0-9_:.\\-]{1,40}");
    private static final Pattern DATE = Pattern.compile(".*\\d{1,4}[-./_ ]\\d{1,2}[-./_ ]\\d{1,4}.*");

    private Redaction() {
    }

    /** Echo a value only when it is a short whole number (at most 3 digits, as answer codes are). */
    public static String answer(String value) {
        String trimmed = value.strip();
        return ANSWER.matcher(trimmed).matches() ? trimmed : lengthOnly(trimmed);
    }

    /** Echo an item id only when it has the {@code key_n} shape. */
    public static String itemId(String value) {
        String trimmed = value.strip();
        return ITEM_ID.matcher(trimmed).matches() && safe(trimmed) ? trimmed : lengthOnly(trimmed);
    }

    /** Echo an instrument id only when it has the upper-case shape of one (PHQ-9, CORE-10, GBO). */
    public static String instrumentId(String value) {
        String trimmed = value.strip();
        return INSTRUMENT_ID.matcher(trimmed).matches() && safe(trimmed) ? trimmed : lengthOnly(trimmed);
    }

    /**
     * Echo a column or field name only when it has the shape of one: lower-case letters, digits and
     * {@code _:.-}, at most 40 characters, at least one letter, fewer than six digits and not shaped like a
     * date. A capitalised word ({@code Quartermaine}) is not echoed: it may be a name.
     */
    public static String name(String value) {
        return NAME.matcher(value).matches() && safe(value) && value.chars().anyMatch(Character::isLetter) ? value
                : lengthOnly(value);
    }

    /** Fewer than six digits in all, and no date shape (digit groups joined by separators). */
    private static boolean safe(String value) {
        int digits = 0;
        for (int i = 0; i < value.length(); i++) {
            if (Character.isDigit(value.charAt(i))) {
                digits++;
            }
        }
        return digits < 6 && !DATE.matcher(value).matches();
    }

    /**
     * A description of a value that is not echoed.
     *
     * @param value the value
     * @return {@code <value of N characters>}
     */
    public static String lengthOnly(String value) {
        return "<value of " + value.length() + " characters>";
    }
}
