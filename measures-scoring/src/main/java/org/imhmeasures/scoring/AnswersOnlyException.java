/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring;

import org.imhmeasures.core.instrument.ScoringRule;
import org.imhmeasures.core.internal.Check;

/**
 * A definition that records answers only ({@link ScoringRule.AnswersOnly}) cannot be read with
 * {@link AnswerKind#SCORES}: its answers have no scores, so a stored value can only be one of its codes.
 * Thrown when the scorer is built, never while scoring. The message names the instrument: from the
 * definition, never from an answer.
 *
 * @since 0.2.0
 */
public final class AnswersOnlyException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The instrument that records answers only. */
    private final String instrumentId;

    AnswersOnlyException(String instrumentId) {
        super("answers of " + instrumentId + " must be read as codes: it records answers only and has no item "
                + "scores to read them as");
        this.instrumentId = Check.notNull(instrumentId, "instrument id");
    }

    /**
     * The instrument whose answers have no scores.
     *
     * @return the instrument id
     */
    public String instrumentId() {
        return instrumentId;
    }
}
