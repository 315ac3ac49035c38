/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.service;

import java.util.List;
import org.imhmeasures.core.internal.Check;

/**
 * The outcome of checking a team against the {@link TeamDefinition}: every criterion with its outcome,
 * and the classification that follows (specialised only when every criterion is met).
 *
 * @param results every criterion's result, in checklist order
 * @since 0.1.0
 */
public record TeamAssessment(List<Result> results) {

    /** Whether a criterion is met. */
    public enum Outcome {
        /** The team meets the criterion. */
        MET,
        /** The team does not meet the criterion. */
        NOT_MET
    }

    /** The classification of a team. */
    public enum Classification {
        /** Meets every criterion of a specialised parent-infant relationship team. */
        SPECIALISED_PARENT_INFANT_RELATIONSHIP_TEAM,
        /** Fails at least one criterion. */
        NOT_A_SPECIALISED_TEAM
    }

    /**
     * One criterion's result.
     *
     * @param criterion the criterion with its statement and source
     * @param outcome met or not
     */
    public record Result(TeamDefinition.Criterion criterion, Outcome outcome) {
        /**
         * Validates.
         *
         * @param criterion the criterion with its statement and source
         * @param outcome met or not
         */
        public Result {
            Check.notNull(criterion, "criterion");
            Check.notNull(outcome, "outcome");
        }

        /**
         * The reason in words, e.g. {@code not met: a multi-disciplinary team ...}.
         *
         * @return the reason
         */
        public String reason() {
            return (outcome == Outcome.MET ? "met: " : "not met: ") + criterion.statement();
        }
    }

    /**
     * Validates and copies.
     *
     * @param results every criterion's result, in checklist order
     */
    public TeamAssessment {
        results = List.copyOf(Check.notNull(results, "results"));
        Check.argument(!results.isEmpty(), "results must not be empty: none");
    }

    /**
     * Specialised when every criterion is met.
     *
     * @return the classification
     */
    public Classification classification() {
        return results.stream().allMatch(r -> r.outcome() == Outcome.MET)
                ? Classification.SPECIALISED_PARENT_INFANT_RELATIONSHIP_TEAM : Classification.NOT_A_SPECIALISED_TEAM;
    }

    /**
     * The criteria not met, the reasons a team is not specialised.
     *
     * @return the unmet results, possibly empty
     */
    public List<Result> unmet() {
        return results.stream().filter(r -> r.outcome() == Outcome.NOT_MET).toList();
    }
}
