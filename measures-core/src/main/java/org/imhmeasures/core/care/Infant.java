/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.care;

import java.util.Optional;
import org.imhmeasures.core.internal.Check;

/**
 * The infant in the work.
 *
 * <p>{@link #toString()} shows the pseudonym only: the NHS number and dates are redacted.
 *
 * @param id pseudonymised id
 * @param nhsNumber NHS number, where the service records it
 * @param dates date of birth or expected date
 * @since 0.1.0
 */
public record Infant(PseudonymousId id, Optional<NhsNumber> nhsNumber, InfantDates dates) {

    /**
     * Validates.
     *
     * @param id pseudonymised id
     * @param nhsNumber NHS number, where the service records it
     * @param dates date of birth or expected date
     */
    public Infant {
        Check.notNull(id, "infant id");
        Check.notNull(nhsNumber, "nhs number");
        Check.notNull(dates, "infant dates");
    }

    /**
     * An infant without a recorded NHS number.
     *
     * @param id pseudonymised id
     * @param dates date of birth or expected date
     * @return the infant
     */
    public static Infant of(PseudonymousId id, InfantDates dates) {
        return new Infant(id, Optional.empty(), dates);
    }

    /** Redacted. */
    @Override
    public String toString() {
        return "Infant[id=" + id + ", nhsNumber=" + (nhsNumber.isPresent() ? "<redacted>" : "-") + ", "
                + (dates instanceof InfantDates.Born ? "born" : "expected") + "=<redacted>]";
    }
}
