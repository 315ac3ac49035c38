/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Scoring datasets: streaming CSV in, scored CSV and located rejects out, with the accounting identity
 * rows read = rows scored + rows rejected. {@link org.imhmeasures.scoring.dataset.DatasetScoring} hands
 * each row ({@link org.imhmeasures.scoring.dataset.Row}) to a
 * {@link org.imhmeasures.scoring.dataset.RowHandler}; {@link org.imhmeasures.scoring.dataset.ScoresCsv} and
 * {@link org.imhmeasures.scoring.dataset.RejectsCsv} are the two CSV handlers. Text cells of every CSV written are neutralised against
 * spreadsheet formula injection unless {@link org.imhmeasures.scoring.dataset.CsvCells#RAW} is asked for.
 *
 * @since 0.1.0
 */
@NullMarked
package org.imhmeasures.scoring.dataset;

import org.jspecify.annotations.NullMarked;
