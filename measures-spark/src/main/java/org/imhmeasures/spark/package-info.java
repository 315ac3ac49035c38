/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Scoring on Apache Spark: a {@code Dataset<Row>} of administrations (wide, one column per item id) scored
 * into a scores dataset with the columns and cells of the CLI's scores CSV and a rejects dataset with its
 * reason codes, the accounting checked ({@link SparkScoring}); change and cohort
 * summaries by group ({@link SparkChange}); SQL functions
 * ({@link ImhSql}).
 *
 * <p>Scorers are never serialised: executors receive the instrument definition (a built-in id, or a
 * user definition's JSON bytes, broadcast) and build each scorer once per JVM.
 *
 * @since 0.1.0
 */
@NullMarked
package org.imhmeasures.spark;

import org.jspecify.annotations.NullMarked;
