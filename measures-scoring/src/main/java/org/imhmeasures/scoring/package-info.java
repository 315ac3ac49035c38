/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Pure, thread-safe scoring: an {@link org.imhmeasures.scoring.Administration} scored by a
 * {@link org.imhmeasures.scoring.Scorer} gives a sealed {@link org.imhmeasures.scoring.ScoreResult} —
 * {@link org.imhmeasures.scoring.Scored} or {@link org.imhmeasures.scoring.NotScorable} with typed
 * {@link org.imhmeasures.scoring.Problem}s — each with its provenance and critical-item alerts.
 *
 * @since 0.1.0
 */
@NullMarked
package org.imhmeasures.scoring;

import org.jspecify.annotations.NullMarked;
