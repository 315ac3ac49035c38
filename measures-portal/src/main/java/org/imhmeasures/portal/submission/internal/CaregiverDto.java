/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.portal.submission.internal;

import jakarta.validation.constraints.NotNull;

/**
 * A caregiver as read from JSON. Not API.
 *
 * @param id pseudonym
 * @param relationship relationship code, e.g. {@code birth_mother}
 */
public record CaregiverDto(@NotNull(message = "{imh.required}") @Pseudonym String id,
        @NotNull(message = "{imh.required}") @KnownCode(CodeList.CAREGIVER_RELATIONSHIP) String relationship) {
}
