/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Implementation details shared inside measures-scoring, such as the one rule for what of a recorded
 * value may appear in a message. Not exported by the module: do not use.
 */
@NullMarked
package org.imhmeasures.scoring.internal;

import org.jspecify.annotations.NullMarked;
