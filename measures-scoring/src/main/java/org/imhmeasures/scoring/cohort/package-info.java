/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Cohort outcomes: paired pre/post statistics (mean change with interval, paired t-test, Wilcoxon
 * signed-rank, Cohen's d_z and Hedges' g), category counts with Wilson intervals, and grouping by team
 * or infant age band, and group-level change as clinicalsignificance reports it (within a group with its
 * interval and d_z, between groups by Welch, each against the minimal important difference). Built on
 * Apache Commons Statistics 1.2.
 *
 * @since 0.1.0
 */
@NullMarked
package org.imhmeasures.scoring.cohort;

import org.jspecify.annotations.NullMarked;
