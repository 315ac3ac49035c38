/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.care;

import java.util.OptionalDouble;
import org.imhmeasures.core.internal.Check;

/**
 * One intervention delivered in an episode, with its session counts.
 *
 * <p>Sessions attended plus not attended never exceed those offered (the rest were cancelled or are
 * still to come).
 *
 * @param interventionId the intervention's catalogue id, e.g. {@code video_interaction_guidance}
 * @param sessionsOffered sessions offered, 0 to 1000
 * @param sessionsAttended sessions attended
 * @param sessionsNotAttended sessions not attended (did not attend)
 * @since 0.1.0
 */
public record InterventionDelivery(String interventionId, int sessionsOffered, int sessionsAttended,
        int sessionsNotAttended) {

    /**
     * Validates.
     *
     * @param interventionId the intervention's catalogue id, e.g. {@code video_interaction_guidance}
     * @param sessionsOffered sessions offered, 0 to 1000
     * @param sessionsAttended sessions attended
     * @param sessionsNotAttended sessions not attended (did not attend)
     */
    public InterventionDelivery {
        interventionId = Check.notBlank(interventionId, "intervention id");
        Check.argument(interventionId.matches("[a-z][a-z0-9_]{0,63}"), "intervention id must be snake_case: %s",
                interventionId);
        Check.argument(sessionsOffered >= 0 && sessionsOffered <= 1000, "sessions offered must be 0 to 1000: %d",
                sessionsOffered);
        Check.argument(sessionsAttended >= 0, "sessions attended must not be negative: %d", sessionsAttended);
        Check.argument(sessionsNotAttended >= 0, "sessions not attended must not be negative: %d",
                sessionsNotAttended);
        Check.argument(sessionsAttended + sessionsNotAttended <= sessionsOffered,
                "sessions attended and not attended must not exceed sessions offered: %d + %d > %d",
                sessionsAttended, sessionsNotAttended, sessionsOffered);
    }

    /**
     * Attended sessions as a share of those attended or missed; empty when none were due.
     *
     * @return the attendance rate in [0, 1]
     */
    public OptionalDouble attendanceRate() {
        int due = sessionsAttended + sessionsNotAttended;
        return due == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) sessionsAttended
                / due);
    }
}
