/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.service;

/**
 * The Early Intervention Foundation (now Foundations) evidence rating: strength of evidence of causal
 * impact on child outcomes, not size of impact (EIF Guidebook, "EIF evidence standards" and "How to read
 * the Guidebook"). A "plus" rating exceeds the threshold of its level.
 *
 * @since 0.1.0
 */
public enum EifRating {
    /** Level 2: preliminary evidence, causality not established. */
    LEVEL_2,
    /** Level 2+. */
    LEVEL_2_PLUS,
    /** Level 3: short-term impact from at least one rigorous evaluation. */
    LEVEL_3,
    /** Level 3+. */
    LEVEL_3_PLUS,
    /** Level 4: long-term impact from multiple rigorous evaluations. */
    LEVEL_4,
    /** Level 4+. */
    LEVEL_4_PLUS,
    /** Not level 2: evidence below level 2. */
    NL2,
    /** Found not effective in at least one rigorous study. */
    NE
}
