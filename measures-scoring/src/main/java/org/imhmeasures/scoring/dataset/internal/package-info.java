/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Implementation of dataset reading, not exported: one {@link
 * org.imhmeasures.scoring.dataset.internal.DatasetReader} per input format, the shared CSV set-up and
 * position tracking that locate unreadable input, strict UTF-8 decoding, bounded JSON Lines, and the
 * spill-to-disk sorting that groups long-format rows whatever their order.
 */
@NullMarked
package org.imhmeasures.scoring.dataset.internal;

import org.jspecify.annotations.NullMarked;
