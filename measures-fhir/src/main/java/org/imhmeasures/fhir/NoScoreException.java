/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.fhir;

/**
 * A result of an instrument that records answers only ({@code ScoringRule.AnswersOnly}: a feedback question)
 * has no score, so {@link ScoreMapping} makes no score Observation for it: its answers are the
 * QuestionnaireResponse ({@link ResponseMapping#toResponse}), which is the record. The message names the
 * instrument only, never an answer.
 *
 * @since 0.2.0
 */
public final class NoScoreException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The instrument that records answers only. */
    private final String instrumentId;

    NoScoreException(String instrumentId) {
        super("instrument " + instrumentId + " must have a score for a score Observation: it records answers only "
                + "(its QuestionnaireResponse is the record)");
        this.instrumentId = Require.notNull(instrumentId, "instrument id");
    }

    /**
     * The instrument whose results have no score.
     *
     * @return the instrument id
     */
    public String instrumentId() {
        return instrumentId;
    }
}
