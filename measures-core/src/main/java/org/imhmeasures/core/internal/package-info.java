/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Implementation details shared inside measures-core. Not exported by the module: do not use.
 */
@NullMarked
package org.imhmeasures.core.internal;

import org.jspecify.annotations.NullMarked;
