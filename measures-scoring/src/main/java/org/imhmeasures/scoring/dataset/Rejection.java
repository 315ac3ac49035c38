/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset;

import org.imhmeasures.core.internal.Check;

/**
 * A dataset row that was not scored: where it is, whose it is, and why.
 *
 * @param line 1-based physical line where the row starts (the header is line 1)
 * @param recordId the row's pseudonymised record id as given, empty when absent
 * @param reason stable reason code, e.g. {@code too_many_missing} or {@code malformed_row}
 * @param message human-readable message without identifiers
 * @since 0.1.0
 */
public record Rejection(long line, String recordId, String reason, String message) {

    /**
     * Validates.
     *
     * @param line 1-based physical line where the row starts (the header is line 1)
     * @param recordId the row's pseudonymised record id as given, empty when absent
     * @param reason stable reason code, e.g. {@code too_many_missing} or {@code malformed_row}
     * @param message human-readable message without identifiers
     */
    public Rejection {
        Check.argument(line >= 1, "line must be at least 1: %d", line);
        Check.notNull(recordId, "record id");
        reason = Check.notBlank(reason, "reason");
        message = Check.notBlank(message, "message");
    }

    /** Shows line and reason only: the record id stays out of logs. */
    @Override
    public String toString() {
        return "Rejection[line=" + line + ", reason=" + reason + "]";
    }
}
