/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.service;

/**
 * What a parent-infant relationship team does, in the two tiers the Parent-Infant Foundation
 * describes ("What are specialised parent-infant relationship teams?").
 *
 * @since 0.1.0
 */
public enum TeamActivity {
    /** Direct support to families: targeted and specialist therapeutic work. */
    DIRECT_FAMILY_SUPPORT,
    /** Training, consultation or supervision for other professionals. */
    TRAINING_CONSULTATION_SUPERVISION,
    /** Advice to system leaders and commissioners. */
    SYSTEM_ADVICE
}
