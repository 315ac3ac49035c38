/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.portal.submission.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * An intervention delivered, as read from JSON. Not API.
 *
 * @param intervention intervention id
 * @param sessionsOffered sessions offered
 * @param sessionsAttended sessions attended
 * @param sessionsNotAttended sessions not attended
 */
@SessionsAddUp
public record InterventionDto(
        @NotNull(message = "{imh.required}") @Pattern(regexp = "[a-z][a-z0-9_]{0,63}",
                message = "{imh.intervention.id}") String intervention,
        @NotNull(message = "{imh.required}") @Min(value = 0, message = "{imh.sessions.range}")
        @Max(value = 1000, message = "{imh.sessions.range}") Integer sessionsOffered,
        @NotNull(message = "{imh.required}") @Min(value = 0, message = "{imh.sessions.range}")
        @Max(value = 1000, message = "{imh.sessions.range}") Integer sessionsAttended,
        @NotNull(message = "{imh.required}") @Min(value = 0, message = "{imh.sessions.range}")
        @Max(value = 1000, message = "{imh.sessions.range}") Integer sessionsNotAttended) {
}
