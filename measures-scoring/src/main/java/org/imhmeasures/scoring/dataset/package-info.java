/**
 * Scoring datasets: streaming CSV in, scored CSV and located rejects out, with the accounting identity
 * rows read = rows scored + rows rejected.
 *
 * @since 0.1.0
 */
package org.imhmeasures.scoring.dataset;
