/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset;

import org.imhmeasures.core.internal.Check;

/**
 * Counts for one dataset run. Always {@code rowsRead == rowsScored + rowsRejected}: the constructor
 * refuses anything else, so a run that lost a row cannot report success.
 *
 * @param rowsRead data rows read (the header and blank lines are not rows)
 * @param rowsScored rows written to the output
 * @param rowsRejected rows written to the rejects
 * @param rowsWithCriticalAlerts rows, scored or rejected, with at least one critical-item alert
 * @param rowsWithCriticalUnanswered rows, scored or rejected, with at least one critical item not validly
 *        answered ({@link org.imhmeasures.scoring.ScoreResult#criticalUnanswered()})
 * @since 0.1.0
 */
public record DatasetSummary(long rowsRead, long rowsScored, long rowsRejected, long rowsWithCriticalAlerts,
        long rowsWithCriticalUnanswered) {

    /**
     * Validates the accounting identity.
     *
     * @param rowsRead data rows read (the header and blank lines are not rows)
     * @param rowsScored rows written to the output
     * @param rowsRejected rows written to the rejects
     * @param rowsWithCriticalAlerts rows, scored or rejected, with at least one critical-item alert
     * @param rowsWithCriticalUnanswered rows, scored or rejected, with at least one critical item not validly
     *     answered ({@link org.imhmeasures.scoring.ScoreResult#criticalUnanswered()})
     */
    public DatasetSummary {
        Check.argument(rowsScored >= 0 && rowsRejected >= 0 && rowsWithCriticalAlerts >= 0
                && rowsWithCriticalUnanswered >= 0, "row counts must not be negative: %d, %d, %d, %d", rowsScored,
                rowsRejected, rowsWithCriticalAlerts, rowsWithCriticalUnanswered);
        Check.argument(rowsRead == rowsScored + rowsRejected,
                "rows read must equal rows scored plus rows rejected: %d != %d + %d", rowsRead, rowsScored,
                rowsRejected);
        Check.argument(rowsWithCriticalAlerts <= rowsRead, "rows with alerts must not exceed rows read: %d > %d",
                rowsWithCriticalAlerts, rowsRead);
        Check.argument(rowsWithCriticalUnanswered <= rowsRead,
                "rows with unanswered critical items must not exceed rows read: %d > %d", rowsWithCriticalUnanswered,
                rowsRead);
    }

    /**
     * Counts for a run in which every critical item was answered (or an input without critical items, such
     * as a change dataset).
     *
     * @param rowsRead data rows read
     * @param rowsScored rows written to the output
     * @param rowsRejected rows written to the rejects
     * @param rowsWithCriticalAlerts rows with at least one critical-item alert
     */
    public DatasetSummary(long rowsRead, long rowsScored, long rowsRejected, long rowsWithCriticalAlerts) {
        this(rowsRead, rowsScored, rowsRejected, rowsWithCriticalAlerts, 0);
    }

    /**
     * The closing line a command prints, e.g. {@code rows read 10 = scored 9 + rejected 1}.
     *
     * @return one line
     */
    public String accountingLine() {
        return "rows read " + rowsRead + " = scored " + rowsScored + " + rejected " + rowsRejected;
    }
}
