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
    HIGHER_IS_WORSE,
    /**
     * No score, so no direction: the instrument records answers only ({@link ScoringRule.AnswersOnly}).
     * A definition file leaves {@code direction} out for such an instrument, and only such an instrument
     * has this value.
     *
     * @since 0.2.0
     */
    NOT_APPLICABLE;

    /**
     * Tells whether a change from {@code before} to {@code after} is an improvement.
     *
     * @param change {@code after - before}
     * @return {@code true} when the change moves towards better functioning; {@code false} for zero, and
     *         always for {@link #NOT_APPLICABLE}
     */
    public boolean isImprovement(double change) {
        return this == HIGHER_IS_BETTER ? change > 0 : this == HIGHER_IS_WORSE && change < 0;
    }
}
