package org.imhmeasures.scoring.internal;

/**
 * What of a recorded value may appear in a message. One place, so the rule is testable: only values
 * with the shape of an answer code, item id or instrument id are echoed; anything else (which could be
 * a name, a date of birth or an NHS number typed into the wrong cell) is described by its length.
 */
public final class Redaction {

    private Redaction() {
    }

    /** Echo a value only when it is a short number (at most 4 digits, optionally 2 decimals). */
    public static String answer(String value) {
        String trimmed = value.strip();
        return trimmed.matches("-?\\d{1,4}(\\.\\d{1,2})?") ? trimmed : lengthOnly(trimmed);
    }

    /** Echo an item id only when it has the {@code key_n} shape. */
    public static String itemId(String value) {
        String trimmed = value.strip();
        return trimmed.matches("[a-z0-9]{1,16}_\\d{1,3}") ? trimmed : lengthOnly(trimmed);
    }

    /** Echo an instrument id only when it has the upper-case shape of one (PHQ-9, CORE-10, GBO). */
    public static String instrumentId(String value) {
        String trimmed = value.strip();
        return trimmed.matches("[A-Z][A-Z0-9()\\-:]{1,15}") ? trimmed : lengthOnly(trimmed);
    }

    /**
     * Echo a column or field name only when it has the shape of one (letters, digits, {@code _:.-}) and
     * no run of six digits, which could be an NHS number or a date.
     */
    public static String name(String value) {
        return value.matches("[A-Za-z0-9_:.\\-]{1,40}") && !value.matches(".*\\d{6,}.*") ? value
                : lengthOnly(value);
    }

    private static String lengthOnly(String value) {
        return "<value of " + value.length() + " characters>";
    }
}
