/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset;

import java.util.List;
import java.util.Optional;
import org.imhmeasures.core.internal.Check;
import org.imhmeasures.scoring.CriticalAlert;
import org.imhmeasures.scoring.CriticalItemUnanswered;
import org.imhmeasures.scoring.NotScorable;
import org.imhmeasures.scoring.Problem;

/**
 * Why a dataset row was not scored, as {@link DatasetScoring} hands it to
 * {@link RowHandler#rejected(Row, Rejection)} (the {@link Row} says where it is and whose it is).
 *
 * <p>When the row was read as an administration and scored, {@link #result()} carries the scorer's
 * {@link NotScorable}, whose critical-item alerts and unanswered critical items a handler must not drop:
 * {@link RejectsCsv} writes them to its {@code critical_items} and {@code critical_unanswered} columns.
 *
 * @param reason stable reason code: a {@link org.imhmeasures.scoring.Problem#code()} such as
 *        {@code too_many_missing}, or {@code malformed_row}, {@code missing_record_id}, {@code line_too_long}
 * @param message human-readable message without identifiers; for a scored row its problems joined by
 *        {@code "; "}, then the alerts ({@code critical item at alert level: phq9_9})
 * @param result the scorer's result when the row was read and scored; empty when it could not be read as an
 *        administration ({@code malformed_row}, {@code missing_record_id}, {@code line_too_long})
 * @since 0.1.0
 */
public record Rejection(String reason, String message, Optional<NotScorable> result) {

    private static final String MISSING_RECORD_ID = "missing_record_id";

    /**
     * Validates.
     *
     * @param reason stable reason code
     * @param message human-readable message without identifiers
     * @param result the scorer's result when the row was scored, else empty
     */
    public Rejection {
        reason = Check.notBlank(reason, "reason");
        message = Check.notBlank(message, "message");
        Check.notNull(result, "result");
    }

    /**
     * A rejection before scoring: nothing is known about the row's answers.
     *
     * @param reason stable reason code
     * @param message human-readable message without identifiers
     * @return the rejection
     */
    public static Rejection of(String reason, String message) {
        return new Rejection(reason, message, Optional.empty());
    }

    /**
     * The rejection of a row that was scored and found not scorable, as {@link DatasetScoring} reports it:
     * reason the first problem's {@link org.imhmeasures.scoring.Problem#code()}, message every problem's
     * message joined by {@code "; "}, then {@code "; critical item at alert level: "} and the alerting item
     * ids joined by {@code ;} when there are alerts.
     *
     * @param result the scorer's result
     * @return the rejection, carrying {@code result}
     * @since 0.1.0
     */
    public static Rejection of(NotScorable result) {
        Check.notNull(result, "result");
        StringBuilder message = new StringBuilder();
        for (Problem problem : result.problems()) {
            if (message.length() > 0) {
                message.append("; ");
            }
            message.append(problem.message());
        }
        if (!result.criticalAlerts().isEmpty()) {
            message.append("; critical item at alert level: ").append(RejectsCsv.alertIds(result.criticalAlerts()));
        }
        return new Rejection(result.firstProblem().code(), message.toString(), Optional.of(result));
    }

    /**
     * The rejection of a row without a record id (empty or blank), before scoring: reason
     * {@code missing_record_id}.
     *
     * @return the rejection
     * @since 0.1.0
     */
    public static Rejection missingRecordId() {
        return of(MISSING_RECORD_ID, "record_id must not be empty: empty");
    }

    /**
     * The critical items at alert level of a scored row ({@link NotScorable#criticalAlerts()}).
     *
     * @return the alerts, empty when there are none or the row was not scored
     */
    public List<CriticalAlert> criticalAlerts() {
        return result.map(NotScorable::criticalAlerts).orElse(List.of());
    }

    /**
     * The critical items of a scored row without a valid answer ({@link NotScorable#criticalUnanswered()}).
     *
     * @return the items, empty when every critical item was answered or the row was not scored
     */
    public List<CriticalItemUnanswered> criticalUnanswered() {
        return result.map(NotScorable::criticalUnanswered).orElse(List.of());
    }

    /** Shows the reason only. */
    @Override
    public String toString() {
        return "Rejection[reason=" + reason + "]";
    }
}
