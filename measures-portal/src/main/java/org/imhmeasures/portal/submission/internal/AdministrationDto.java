/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.portal.submission.internal;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;

/**
 * An administration as read from JSON. Not API.
 *
 * @param instrument instrument id, e.g. {@code PHQ-9}
 * @param timepoint timepoint code
 * @param date completion date
 * @param respondent respondent role code, optional
 * @param answers answer codes by item id; a {@code null} code is a missing answer
 */
@ConsistentAnswers
public record AdministrationDto(@NotNull(message = "{imh.required}") String instrument,
        @NotNull(message = "{imh.required}") @KnownCode(CodeList.TIMEPOINT) String timepoint,
        @NotNull(message = "{imh.required}") LocalDate date,
        @KnownCode(CodeList.RESPONDENT) String respondent,
        @NotNull(message = "{imh.required}") @Size(max = 200, message = "{imh.list.size}") Map<String, String> answers) {

    /** Redacted: never prints the date or answers. */
    @Override
    public String toString() {
        return "AdministrationDto[<redacted>]";
    }
}
