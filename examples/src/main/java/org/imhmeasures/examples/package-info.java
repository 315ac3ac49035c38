/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Runnable examples (not published). {@link org.imhmeasures.examples.QuickStart} is the README example;
 * the build runs it and checks that README shows it verbatim.
 */
@NullMarked
package org.imhmeasures.examples;

import org.jspecify.annotations.NullMarked;
