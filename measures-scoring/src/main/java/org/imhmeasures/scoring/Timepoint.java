/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring;

/**
 * When in an episode of care an administration was taken.
 *
 * @since 0.1.0
 */
public enum Timepoint {
    /** At or before the start of the work (pre). */
    BASELINE,
    /** During the work. */
    REVIEW,
    /** At the end of the work (post). */
    DISCHARGE,
    /** After the end of the work. */
    FOLLOW_UP
}
