/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.internal;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Preconditions with one message style: {@code <what> must <rule>: <offending value>}.
 * Not API: this package is not exported.
 */
public final class Check {

    private Check() {
    }

    /** Throws {@link IllegalArgumentException} with the formatted message unless {@code condition}. */
    public static void argument(boolean condition, String template, Object... args) {
        if (!condition) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, template, args));
        }
    }

    /** Returns {@code value}, or throws {@link NullPointerException} naming it. */
    public static <T> T notNull(T value, String name) {
        if (value == null) {
            // no capturing lambda: this runs on every scored administration
            throw new NullPointerException(name + " must not be null");
        }
        return value;
    }

    /** Returns {@code value} trimmed, or throws unless it has text. */
    public static String notBlank(String value, String name) {
        notNull(value, name);
        String trimmed = value.strip();
        argument(!trimmed.isEmpty(), "%s must not be blank: \"%s\"", name, value);
        return trimmed;
    }

    /**
     * A decimal for a message: plain notation when short, otherwise a description that costs nothing to
     * build. Use this, never {@code toPlainString()}, in a message argument: arguments are evaluated even
     * when the check passes, and {@code 1e-999999999} in plain notation is a billion characters.
     */
    public static String show(BigDecimal value) {
        if (value == null) {
            return "null";
        }
        int scale = value.scale();
        if (value.precision() <= 30 && scale <= 30 && scale >= -30) {
            return value.toPlainString();
        }
        return "<number of " + value.precision() + " digits, exponent " + (value.precision() - scale - 1) + ">";
    }

    /**
     * Whether {@code text} is a plain ASCII decimal, {@code -?[0-9]+(\\.[0-9]+)?}, of at most
     * {@code maxLength} characters: no exponent, no {@code +}, no bare point, no grouping, no non-ASCII
     * digits. Check user text with this before giving it to {@link BigDecimal} or {@code parseDouble}.
     */
    public static boolean plainDecimal(String text, int maxLength) {
        return text != null && text.length() <= maxLength && PLAIN_DECIMAL.matcher(text).matches();
    }

    private static final Pattern PLAIN_DECIMAL = Pattern.compile(
            "-?[0-9]+(\\.[0-9]+)?");
}
