/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.care;

import java.util.Optional;
import org.imhmeasures.core.internal.Check;

/**
 * A validated NHS number (England, Wales and the Isle of Man): ten digits whose last digit is the
 * Modulus 11 check digit of the first nine.
 *
 * <p>Check: multiply digits 1 to 9 by the weights 10, 9, ..., 2 and sum; the check digit is
 * {@code 11 - (sum mod 11)}, where 11 becomes 0 and 10 means the number is invalid (NHS Data Model and
 * Dictionary, data element "NHS NUMBER", format and validation rules). Spaces and hyphens between digit
 * groups (e.g. {@code 943 476 5919}) are accepted on input and dropped.
 *
 * <p>Sourced: the ten-digit format and the Modulus 11 check are the NHS Data Model and Dictionary's
 * ("NHS NUMBER" data element). Our own defensive rule, not in the Data Dictionary: a number made of one
 * repeated digit ({@code 0000000000}, {@code 1111111111} ... {@code 9999999999}) is refused. Every such
 * number passes Modulus 11 (the weights sum to 54, so the check digit of {@code ddddddddd} is {@code d}),
 * yet they are the placeholders systems type when the real number is unknown, never a person's number.
 *
 * <p>An NHS number identifies a person. {@link #toString()} never prints it, and error messages from
 * {@link #parse(String)} never echo the input: read the digits with {@link #digits()} only where a
 * patient identifier is meant to be shown. Equality is by digits.
 *
 * @since 0.1.0
 */
public final class NhsNumber {

    private final String digits;

    private NhsNumber(String digits) {
        this.digits = digits;
    }

    /**
     * Parses and validates an NHS number.
     *
     * @param text ten digits, optionally grouped by single spaces or hyphens
     * @return the NHS number
     * @throws IllegalArgumentException when the text is not a valid NHS number (shape, check digit, or one
     *         repeated digit); the message never contains the input
     */
    public static NhsNumber parse(String text) {
        Check.notNull(text, "nhs number");
        Optional<String> digits = normalise(text);
        Check.argument(digits.isPresent(), "nhs number must be ten digits: %d characters given", text.length());
        Check.argument(checkDigitValid(digits.get()), "nhs number must have a valid modulus 11 check digit: %s",
                "check digit does not match");
        Check.argument(!oneRepeatedDigit(digits.get()), "nhs number must not be one digit repeated: placeholder");
        return new NhsNumber(digits.get());
    }

    /**
     * Whether {@code text} is a valid NHS number (shape and Modulus 11 check digit).
     *
     * @param text the candidate, may be {@code null}
     * @return true when {@link #parse(String)} would accept it
     */
    public static boolean isValid(String text) {
        if (text == null) {
            return false;
        }
        Optional<String> digits = normalise(text);
        return digits.isPresent() && checkDigitValid(digits.get()) && !oneRepeatedDigit(digits.get());
    }

    /** Our own defensive rule (see the class documentation): {@code 0000000000} and the like are placeholders. */
    private static boolean oneRepeatedDigit(String digits) {
        for (int i = 1; i < digits.length(); i++) {
            if (digits.charAt(i) != digits.charAt(0)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The ten digits, without separators. This is a patient identifier: show it only where intended.
     *
     * @return the digits
     */
    public String digits() {
        return digits;
    }

    private static Optional<String> normalise(String text) {
        String stripped = text.strip();
        if (stripped.length() > 14 || !stripped.matches("\\d{3}[ -]?\\d{3}[ -]?\\d{4}")) {
            return Optional.empty();
        }
        return Optional.of(stripped.replace(" ", "").replace("-", ""));
    }

    private static boolean checkDigitValid(String digits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(9) - '0';
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NhsNumber && ((NhsNumber) other).digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    /** Redacted: never prints the number. */
    @Override
    public String toString() {
        return "NhsNumber[<redacted>]";
    }
}
