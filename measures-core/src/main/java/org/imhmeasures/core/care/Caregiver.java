/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.care;

import org.imhmeasures.core.internal.Check;

/**
 * A primary caregiver in the work, identified by a pseudonym.
 *
 * @param id pseudonymised id
 * @param relationship relationship to the infant
 * @since 0.1.0
 */
public record Caregiver(PseudonymousId id, CaregiverRelationship relationship) {

    /**
     * Validates.
     *
     * @param id pseudonymised id
     * @param relationship relationship to the infant
     */
    public Caregiver {
        Check.notNull(id, "caregiver id");
        Check.notNull(relationship, "caregiver relationship");
    }

    /**
     * Creates a caregiver.
     *
     * @param id pseudonymised id
     * @param relationship relationship to the infant
     * @return the caregiver
     */
    public static Caregiver of(String id, CaregiverRelationship relationship) {
        return new Caregiver(PseudonymousId.of(id), relationship);
    }
}
