/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The {@code report} command's HTML: one self-contained offline file per run, its charts drawn by JFreeChart
 * and inlined as PNG {@code data:} images, its markup from a Mustache template that HTML-escapes every value. The
 * numbers are given to it ({@link org.imhmeasures.cli.report.MeasureData}), computed by the same code as
 * {@code change --from-scores --summary}; this package only lays them out. Part of the CLI, not of the library:
 * the chart and template dependencies stay out of measures-core, -scoring, -portal and -fhir.
 */
@NullMarked
package org.imhmeasures.cli.report;

import org.jspecify.annotations.NullMarked;
