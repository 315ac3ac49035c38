/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

/**
 * How item scores are combined into a subscale score.
 *
 * @since 0.1.0
 */
public enum Aggregation {
    /** Sum of the item scores (PBQ factors, HADS anxiety and depression). */
    SUM,
    /** Arithmetic mean of the item scores. */
    MEAN
}
