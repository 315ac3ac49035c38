/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.care;

import java.util.HashSet;
import java.util.List;
import org.imhmeasures.core.internal.Check;

/**
 * The unit of parent-infant work: an infant with one caregiver (a dyad) or two (a triad).
 *
 * @param infant the infant
 * @param caregivers one or two caregivers with distinct ids
 * @since 0.1.0
 */
public record CareUnit(Infant infant, List<Caregiver> caregivers) {

    /** The shape of a care unit. */
    public enum Kind {
        /** Infant and one caregiver. */
        DYAD,
        /** Infant and two caregivers. */
        TRIAD
    }

    /**
     * Validates and copies.
     *
     * @param infant the infant
     * @param caregivers one or two caregivers with distinct ids
     */
    public CareUnit {
        Check.notNull(infant, "infant");
        caregivers = List.copyOf(Check.notNull(caregivers, "caregivers"));
        Check.argument(caregivers.size() == 1 || caregivers.size() == 2,
                "caregivers must number 1 (dyad) or 2 (triad): %d", caregivers.size());
        Check.argument(new HashSet<>(caregivers.stream().map(Caregiver::id).toList()).size() == caregivers.size(),
                "caregiver ids must be distinct: repeated");
    }

    /**
     * Dyad or triad.
     *
     * @return the kind
     */
    public Kind kind() {
        return caregivers.size() == 1 ? Kind.DYAD : Kind.TRIAD;
    }
}
