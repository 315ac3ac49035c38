/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

/**
 * Which way a score moves when things get better.
 *
 * @since 0.1.0
 */
public enum Direction {
    /** A higher score means better functioning (WEMWBS, KPCS, PIR-GAS, GBO, KIPS). */
    HIGHER_IS_BETTER,
    /** A higher score means more symptoms or concern (PHQ-9, GAD-7, EPDS, CORE-10, PBQ, HADS). */
    HIGHER_IS_WORSE;

    /**
     * Tells whether a change from {@code before} to {@code after} is an improvement.
     *
     * @param change {@code after - before}
     * @return {@code true} when the change moves towards better functioning; {@code false} for zero
     */
    public boolean isImprovement(double change) {
        return this == HIGHER_IS_BETTER ? change > 0 : change < 0;
    }
}
