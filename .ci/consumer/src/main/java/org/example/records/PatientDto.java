/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.example.records;

import jakarta.validation.constraints.NotNull;
import org.imhmeasures.portal.constraints.KnownInstrument;
import org.imhmeasures.portal.constraints.ValidNhsNumber;
import org.imhmeasures.portal.constraints.ValidPseudonym;

/**
 * A record system's own DTO with the library's constraints on its fields.
 *
 * @param id the system's pseudonymised id
 * @param nhsNumber the NHS number
 * @param instrument the measure the patient is due
 */
public record PatientDto(@NotNull @ValidPseudonym String id, @ValidNhsNumber String nhsNumber,
        @KnownInstrument String instrument) {
}
