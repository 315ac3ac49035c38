/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.portal.submission.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * The episode as read from JSON. Not API.
 *
 * @param id pseudonym
 * @param start first contact
 * @param end discharge date, if closed
 * @param dischargeReason discharge reason code, if closed
 * @param interventions interventions delivered
 */
@DischargeComplete
public record EpisodeDto(@NotNull(message = "{imh.required}") @Pseudonym String id,
        @NotNull(message = "{imh.required}") LocalDate start, LocalDate end,
        @KnownCode(CodeList.DISCHARGE_REASON) String dischargeReason,
        @Size(max = 50, message = "{imh.list.size}")
        List<@NotNull(message = "{imh.required}") @Valid InterventionDto> interventions) {

    /** Redacted: never prints dates. */
    @Override
    public String toString() {
        return "EpisodeDto[<redacted>]";
    }
}
