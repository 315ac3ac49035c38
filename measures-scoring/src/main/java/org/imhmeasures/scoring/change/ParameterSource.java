/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.change;

/**
 * Where the reliable-change parameters come from.
 *
 * @since 0.1.0
 */
public enum ParameterSource {
    /**
     * The instrument's published values: fixed thresholds, norms (SD and mean of a clinical sample) and
     * reliability from the definition file, or a reliability the caller supplies. Usable for a single
     * family.
     */
    PUBLISHED,
    /**
     * Estimated from the cohort being analysed: pre and post means and SDs and their correlation, with the
     * caller's reliability (as the R package clinicalsignificance does). For research datasets.
     */
    SAMPLE
}
