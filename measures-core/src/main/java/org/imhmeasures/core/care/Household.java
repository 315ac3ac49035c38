/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.care;

/**
 * The household the infant lives in, as far as the single-parent statistic needs it.
 *
 * @since 0.1.0
 */
public enum Household {
    /** One parent or carer bringing up the infant alone. */
    SINGLE_PARENT,
    /** Two or more adults sharing the care. */
    SHARED_CARE,
    /** Not recorded. */
    NOT_KNOWN
}
