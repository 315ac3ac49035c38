/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.portal.submission;

import java.util.List;
import org.imhmeasures.core.internal.Check;
import org.imhmeasures.scoring.ScoreResult;

/**
 * The outcome of validating a submission: {@link Accepted} with the typed submission and the score of
 * each administration, or {@link Rejected} with every violation. Nothing is half-accepted: a single
 * violation rejects the whole submission.
 *
 * @since 0.1.0
 */
public sealed interface SubmissionResult permits SubmissionResult.Accepted, SubmissionResult.Rejected {

    /**
     * A valid submission.
     *
     * @param submission the typed submission
     * @param scores the score of each administration, in the same order; an administration with too many
     *        unanswered items is {@link org.imhmeasures.scoring.NotScorable}, not a violation
     */
    record Accepted(Submission submission, List<ScoreResult> scores) implements SubmissionResult {
        /**
         * Validates and copies.
         *
         * @param submission the typed submission
         * @param scores the score of each administration, in the same order; an administration with too many
         *     unanswered items is {@link org.imhmeasures.scoring.NotScorable}, not a violation
         */
        public Accepted {
            Check.notNull(submission, "submission");
            scores = List.copyOf(Check.notNull(scores, "scores"));
            Check.argument(scores.size() == submission.administrations().size(),
                    "scores must match administrations one to one: %d scores", scores.size());
        }
    }

    /**
     * An invalid submission.
     *
     * @param violations every violation found, at least one, ordered by path then code
     */
    record Rejected(List<Violation> violations) implements SubmissionResult {
        /**
         * Validates and copies.
         *
         * @param violations every violation found, at least one, ordered by path then code
         */
        public Rejected {
            violations = List.copyOf(Check.notNull(violations, "violations"));
            Check.argument(!violations.isEmpty(), "violations must not be empty: none");
        }
    }
}
