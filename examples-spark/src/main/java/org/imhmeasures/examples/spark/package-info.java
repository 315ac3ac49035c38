/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * A Spark job: a CSV or Parquet dataset of administrations in, Parquet scores and rejects out.
 */
@NullMarked
package org.imhmeasures.examples.spark;

import org.jspecify.annotations.NullMarked;
