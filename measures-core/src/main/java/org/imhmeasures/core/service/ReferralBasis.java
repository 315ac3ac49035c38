/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.service;

/**
 * What a team accepts referrals on the basis of.
 *
 * @since 0.1.0
 */
public enum ReferralBasis {
    /** Risk to the parent-infant relationship. */
    RELATIONSHIP_RISK,
    /** The parent's mental illness (as perinatal mental health services do). */
    PARENT_MENTAL_ILLNESS,
    /** Another basis. */
    OTHER
}
