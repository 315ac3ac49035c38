/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.portal.submission.internal;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/**
 * The infant as read from JSON. Not API.
 *
 * @param id pseudonym
 * @param nhsNumber NHS number, optional
 * @param dateOfBirth date of birth, or
 * @param expectedDate expected date of delivery
 */
@OneInfantDate
public record InfantDto(@NotNull(message = "{imh.required}") @Pseudonym String id, @NhsNumber String nhsNumber,
        LocalDate dateOfBirth, LocalDate expectedDate) {

    /** Redacted: never prints the NHS number or dates. */
    @Override
    public String toString() {
        return "InfantDto[<redacted>]";
    }
}
