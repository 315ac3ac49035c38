/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.mapping;

import org.imhmeasures.core.internal.Check;
import org.imhmeasures.scoring.dataset.DatasetSummary;

/**
 * The counts of one instrument in a mapped run. Always {@code rowsRead == rowsScored + rowsRejected +
 * rowsNotAdministered}; the constructor refuses anything else. A row counts once per block of the
 * instrument (an episode row with baseline and discharge EPDS blocks counts twice for EPDS); a row is not
 * administered for a block when none of the block's item cells holds an answer (blank, or one of the
 * block's {@code missing} values).
 *
 * @param instrumentId the instrument
 * @param rowsRead administrations looked for: data rows times blocks (long layout: administrations grouped)
 * @param rowsScored administrations scored
 * @param rowsRejected administrations or rows rejected
 * @param rowsNotAdministered rows without any answer to the block
 * @param rowsWithCriticalAlerts administrations, scored or rejected, with a critical-item alert
 * @param rowsWithCriticalUnanswered administrations, scored or rejected, with a critical item not validly answered
 * @param totalsDiffering scored administrations whose system total is given and differs from ours
 * @since 0.1.0
 */
public record MappedSummary(String instrumentId, long rowsRead, long rowsScored, long rowsRejected,
        long rowsNotAdministered, long rowsWithCriticalAlerts, long rowsWithCriticalUnanswered, long totalsDiffering) {

    /**
     * Validates the accounting identity.
     *
     * @param instrumentId the instrument
     * @param rowsRead administrations looked for
     * @param rowsScored administrations scored
     * @param rowsRejected administrations or rows rejected
     * @param rowsNotAdministered rows without any answer to the block
     * @param rowsWithCriticalAlerts administrations with a critical-item alert
     * @param rowsWithCriticalUnanswered administrations with a critical item not validly answered
     * @param totalsDiffering scored administrations whose system total differs from ours
     */
    public MappedSummary {
        Check.notNull(instrumentId, "instrument id");
        Check.argument(rowsScored >= 0 && rowsRejected >= 0 && rowsNotAdministered >= 0 && totalsDiffering >= 0,
                "counts must not be negative: %d, %d, %d, %d", rowsScored, rowsRejected, rowsNotAdministered,
                totalsDiffering);
        Check.argument(rowsRead == rowsScored + rowsRejected + rowsNotAdministered,
                "rows read must equal scored plus rejected plus not administered: %d != %d + %d + %d", rowsRead,
                rowsScored, rowsRejected, rowsNotAdministered);
        Check.argument(totalsDiffering <= rowsScored, "totals differing must not exceed rows scored: %d > %d",
                totalsDiffering, rowsScored);
    }

    /**
     * The closing line, e.g. {@code rows read 10 = scored 7 + rejected 1 + not administered 2}.
     *
     * @return one line
     */
    public String accountingLine() {
        return "rows read " + rowsRead + " = scored " + rowsScored + " + rejected " + rowsRejected
                + " + not administered " + rowsNotAdministered;
    }

    /**
     * The administrations that were read as such (not administered rows left out), as the dataset handlers'
     * {@link org.imhmeasures.scoring.dataset.RowHandler#finish} receives them.
     *
     * @return the dataset counts
     */
    public DatasetSummary administered() {
        return new DatasetSummary(rowsScored + rowsRejected, rowsScored, rowsRejected, rowsWithCriticalAlerts,
                rowsWithCriticalUnanswered);
    }
}
