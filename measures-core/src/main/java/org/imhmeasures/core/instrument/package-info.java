/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The typed instrument model and the built-in catalogue.
 *
 * <p>An {@link org.imhmeasures.core.instrument.Instrument} is an immutable, validated definition: items
 * with coded options mapped to scores (reverse keying is data), subscales, the scoring rule, the
 * missing-item rule, range, direction, bands, caseness cut-off, reliable-change parameters, codes and
 * licence, each clinical number with its {@link org.imhmeasures.core.instrument.Source}. Definitions are
 * JSON files read by {@link org.imhmeasures.core.instrument.InstrumentDefinitions};
 * {@link org.imhmeasures.core.instrument.Catalogue#builtIn()} holds those shipped with the library.
 *
 * @since 0.1.0
 */
@NullMarked
package org.imhmeasures.core.instrument;

import org.jspecify.annotations.NullMarked;
