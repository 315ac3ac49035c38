/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Scoring exports as record systems and spreadsheets write them: a reviewed mapping file
 * ({@code imh-measures/mapping@1}, {@link org.imhmeasures.scoring.mapping.Mapping}) says which column holds
 * the record id, timepoint, date, each item of each instrument and the system's own total, how answers are
 * stored (option codes, item scores or option labels), the encoding and delimiter, and which columns to copy;
 * {@link org.imhmeasures.scoring.mapping.MappedScoring} scores every instrument of a wide or long export in
 * one pass, with not-administered rows counted apart; {@link org.imhmeasures.scoring.mapping.Inspection}
 * reads a sample of an unknown export and proposes a mapping for review.
 *
 * @since 0.1.0
 */
@NullMarked
package org.imhmeasures.scoring.mapping;

import org.jspecify.annotations.NullMarked;
