/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.change;

import java.util.Locale;

/**
 * The reliable-change verdict for one pair of scores.
 *
 * @since 0.1.0
 */
public enum ReliableChangeDirection {
    /** Reliable change towards better functioning. */
    IMPROVED,
    /** Reliable change towards worse functioning. */
    DETERIORATED,
    /** Change within measurement error. */
    NONE;
}
