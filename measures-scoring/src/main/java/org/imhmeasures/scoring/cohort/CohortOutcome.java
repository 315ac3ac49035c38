/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.cohort;

import org.imhmeasures.core.internal.Check;

/**
 * The outcomes of one group of a cohort (or of the whole cohort).
 *
 * @param dimension what the cohort is split by, e.g. {@code team}; {@code all} for the whole cohort
 * @param group the group's label, e.g. {@code North} or {@code 0-12 months}
 * @param summary paired pre/post statistics
 * @param counts individual change categories
 * @since 0.1.0
 */
public record CohortOutcome(String dimension, String group, PairedSummary summary, CategoryCounts counts) {

    /**
     * Validates.
     *
     * @param dimension what the cohort is split by, e.g. {@code team}; {@code all} for the whole cohort
     * @param group the group's label, e.g. {@code North} or {@code 0-12 months}
     * @param summary paired pre/post statistics
     * @param counts individual change categories
     */
    public CohortOutcome {
        Check.notBlank(dimension, "dimension");
        Check.notBlank(group, "group");
        Check.notNull(summary, "summary");
        Check.notNull(counts, "counts");
    }
}
