/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Library-wide facts such as {@link org.imhmeasures.core.LibraryVersion}. The domain lives in the
 * sub-packages: {@link org.imhmeasures.core.instrument} holds the typed instrument model and the
 * built-in catalogue.
 *
 * @since 0.1.0
 */
@NullMarked
package org.imhmeasures.core;

import org.jspecify.annotations.NullMarked;
