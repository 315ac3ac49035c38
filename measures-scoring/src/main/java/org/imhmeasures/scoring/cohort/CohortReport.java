/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.cohort;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imhmeasures.core.internal.Check;
import org.imhmeasures.scoring.change.ChangeParameters;

/**
 * A cohort's outcomes: overall and per group of each dimension, with the change parameters used.
 *
 * @param parameters the individual change parameters and their sources
 * @param overall the whole cohort
 * @param byDimension per dimension (e.g. {@code team}, {@code age_band}), the groups in first-seen order
 * @since 0.1.0
 */
public record CohortReport(ChangeParameters parameters, CohortOutcome overall,
        Map<String, List<CohortOutcome>> byDimension) {

    /**
     * Validates and copies.
     *
     * @param parameters the individual change parameters and their sources
     * @param overall the whole cohort
     * @param byDimension per dimension (e.g. {@code team}, {@code age_band}), the groups in first-seen order
     */
    public CohortReport {
        Check.notNull(parameters, "parameters");
        Check.notNull(overall, "overall");
        Map<String, List<CohortOutcome>> copy = new LinkedHashMap<>();
        Check.notNull(byDimension, "by dimension").forEach((k, v) -> copy.put(k, List.copyOf(v)));
        byDimension = Collections.unmodifiableMap(copy);
    }
}
