/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Individual change: reliable change by Jacobson–Truax and the other distribution-based methods, by
 * published fixed thresholds, or by the caller's anchor-based minimal important differences or percentages;
 * clinical significance (caseness, Jacobson–Truax criteria a, b, c, or Hageman–Arrindell's true-score
 * cut-offs with CS_indiv and their group-level estimates), the J&amp;T and NHS categories, and the
 * multi-measure rule. Parameters come from published norms or a sample,
 * and results say which; a missing parameter gives a typed "not assessable" result, never a guess.
 *
 * @since 0.1.0
 */
@NullMarked
package org.imhmeasures.scoring.change;

import org.jspecify.annotations.NullMarked;
