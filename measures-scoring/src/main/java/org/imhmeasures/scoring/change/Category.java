/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.change;

/**
 * The category a pair of scores falls in. Jacobson–Truax methods use the first five; the fixed-threshold
 * method uses the NHS categories.
 *
 * @since 0.1.0
 */
public enum Category {
    /** J&amp;T: reliably improved and moved from the dysfunctional to the functional range. */
    RECOVERED,
    /** J&amp;T: reliably improved, not (or not shown to be) into the functional range. */
    IMPROVED,
    /** J&amp;T: no reliable change. */
    UNCHANGED,
    /** J&amp;T: reliably deteriorated (and not harmed). */
    DETERIORATED,
    /** J&amp;T (clinicalsignificance): started functional, ended dysfunctional, reliably deteriorated. */
    HARMED,
    /** NHS: at caseness at the start, not at the end, and reliably improved. */
    RELIABLE_RECOVERY,
    /** NHS: reliably improved, not a reliable recovery. */
    RELIABLE_IMPROVEMENT,
    /** NHS: at caseness at the start and not at the end, without reliable improvement ("recovery" alone). */
    RECOVERY_WITHOUT_RELIABLE_IMPROVEMENT,
    /** NHS: no reliable change (and no recovery). */
    NO_RELIABLE_CHANGE,
    /** NHS: reliably deteriorated. */
    RELIABLE_DETERIORATION;
}
