/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.care;

/**
 * A caregiver's relationship to the infant. "Parents" in parent-infant work means the primary
 * caregivers, including foster carers and grandparents (Parent-Infant Foundation, "What are
 * specialised parent-infant relationship teams?").
 *
 * @since 0.1.0
 */
public enum CaregiverRelationship {
    /** The infant's birth mother. */
    BIRTH_MOTHER,
    /** The infant's birth father. */
    BIRTH_FATHER,
    /** A partner of a birth parent who is not a birth parent. */
    PARTNER,
    /** A foster carer. */
    FOSTER_CARER,
    /** An adoptive parent. */
    ADOPTIVE_PARENT,
    /** A grandparent. */
    GRANDPARENT,
    /** Any other primary caregiver. */
    OTHER
}
