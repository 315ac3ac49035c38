/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * JMH benchmarks and CSV benchmark tools (not published): P1 in-memory scoring against a hand-written
 * loop, P2 CSV end to end against Jackson alone and pandas, P3 ten million rows in 256 MiB, and the
 * FHIR round trip against HAPI alone. See README "Performance" for the figures and how to reproduce them.
 */
package org.imhmeasures.benchmarks;
