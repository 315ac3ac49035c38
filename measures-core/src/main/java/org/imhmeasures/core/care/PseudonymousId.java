package org.imhmeasures.core.care;

import org.imhmeasures.core.internal.Check;

/**
 * A pseudonymised identifier for an infant, caregiver, referral, episode or practitioner, assigned
 * by the service (e.g. {@code INF-0042}); never a name or an NHS number.
 *
 * <p>1 to 64 characters from {@code A-Z a-z 0-9 . _ -}, starting with a letter or digit. A value of
 * exactly ten digits (optionally grouped as 3-3-4) is refused because it may be an NHS number.
 * Equality is by value, case-sensitive.
 *
 * @param value the identifier
 * @since 0.1.0
 */
public record PseudonymousId(String value) {

    /** Validates. */
    public PseudonymousId {
        Check.notNull(value, "pseudonymous id");
        Check.argument(value.length() <= 64 && value.matches("[A-Za-z0-9][A-Za-z0-9._-]*"),
                "pseudonymous id must be 1 to 64 characters from A-Z a-z 0-9 . _ -: %d characters given",
                value.length());
        Check.argument(!value.replace("-", "").matches("\\d{10}"),
                "pseudonymous id must not look like an NHS number: ten digits");
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

    @Override
    public String toString() {
        return value;
    }
}
