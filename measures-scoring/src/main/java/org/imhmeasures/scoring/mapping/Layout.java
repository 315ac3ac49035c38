/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.mapping;

/**
 * The shape of an export.
 *
 * @since 0.1.0
 */
public enum Layout {
    /** One row per record (or episode): each item of each instrument in a column of its own. */
    WIDE,
    /**
     * One row per answer: columns for the instrument, the item and the answer; the rows of one administration
     * (same record id, instrument, timepoint and date) are grouped wherever they are in the file.
     */
    LONG
}
