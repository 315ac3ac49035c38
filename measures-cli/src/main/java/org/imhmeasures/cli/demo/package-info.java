/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The main job: a seeded synthetic parent-infant relationship service, scored, analysed for change and
 * profiled through the library's public API. Every value it generates is invented.
 */
@NullMarked
package org.imhmeasures.cli.demo;

import org.jspecify.annotations.NullMarked;
