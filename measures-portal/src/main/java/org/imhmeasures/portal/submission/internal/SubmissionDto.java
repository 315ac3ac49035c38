/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.portal.submission.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A submission document as read from JSON, before validation. Fields are {@code null} when absent or
 * of the wrong JSON type (the reader has reported the latter). Not API.
 *
 * @param format the format tag
 * @param team the team's display name
 * @param infant the infant
 * @param caregivers one or two caregivers
 * @param referral the referral
 * @param episode the episode, if started
 * @param administrations the administrations
 */
@DatesInOrder
@EligibleAtReferral
public record SubmissionDto(
        @NotNull(message = "{imh.required}") @Pattern(regexp = "imh-measures/submission@1", message = "{imh.format}")
        String format,
        @NotNull(message = "{imh.required}") @TeamNameConstraint String team,
        @NotNull(message = "{imh.required}") @Valid InfantDto infant,
        @NotNull(message = "{imh.required}") @Size(min = 1, max = 2, message = "{imh.caregivers.size}")
        @DistinctIds List<@NotNull(message = "{imh.required}") @Valid CaregiverDto> caregivers,
        @NotNull(message = "{imh.required}") @Valid ReferralDto referral,
        @Valid EpisodeDto episode,
        @NotNull(message = "{imh.required}") @Size(max = 50, message = "{imh.list.size}") @UniqueTimepoints
        List<@NotNull(message = "{imh.required}") @Valid AdministrationDto> administrations) {
}
