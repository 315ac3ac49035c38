/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring;

import java.util.List;
import org.imhmeasures.core.internal.Check;

/**
 * An administration that cannot be scored, with every reason found.
 *
 * @param provenance what judged it
 * @param problems every problem, at least one, in item order
 * @param criticalAlerts critical items validly answered at or above their alert level: these must
 *        still be acted on although there is no score
 * @param criticalUnanswered critical items not validly answered (missing, declined or a code not allowed):
 *        their alert status is unknown
 * @since 0.1.0
 */
public record NotScorable(Provenance provenance, List<Problem> problems, List<CriticalAlert> criticalAlerts,
        List<CriticalItemUnanswered> criticalUnanswered) implements ScoreResult {

    /**
     * Validates and copies.
     *
     * @param provenance what judged it
     * @param problems every problem, at least one, in item order
     * @param criticalAlerts critical items validly answered at or above their alert level: these must
     *     still be acted on although there is no score
     * @param criticalUnanswered critical items not validly answered (missing, declined or a code not allowed):
     *     their alert status is unknown
     */
    public NotScorable {
        Check.notNull(provenance, "provenance");
        problems = List.copyOf(Check.notNull(problems, "problems"));
        Check.argument(!problems.isEmpty(), "problems must not be empty: none");
        criticalAlerts = List.copyOf(Check.notNull(criticalAlerts, "critical alerts"));
        criticalUnanswered = List.copyOf(Check.notNull(criticalUnanswered, "critical unanswered"));
    }

    /**
     * The first problem, as the headline reason.
     *
     * @return the first problem
     */
    public Problem firstProblem() {
        return problems.get(0);
    }
}
