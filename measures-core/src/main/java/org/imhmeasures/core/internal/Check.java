package org.imhmeasures.core.internal;

import java.util.Locale;

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
}
