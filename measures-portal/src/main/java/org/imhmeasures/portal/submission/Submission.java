/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.portal.submission;

import java.util.List;
import java.util.Optional;
import org.imhmeasures.core.care.Episode;
import org.imhmeasures.core.care.Referral;
import org.imhmeasures.core.internal.Check;
import org.imhmeasures.scoring.Administration;

/**
 * A validated submission: one referral, its episode if started, and its administrations, as typed
 * model values.
 *
 * <p>{@link #toString()} shows counts only.
 *
 * @param team the submitting team's display name
 * @param referral the referral, with the infant and caregivers
 * @param episode the episode, if started
 * @param administrations the administrations, in submitted order, each with date and timepoint
 * @since 0.1.0
 */
public record Submission(TeamName team, Referral referral, Optional<Episode> episode,
        List<Administration> administrations) {

    /**
     * Validates and copies.
     *
     * @param team the submitting team's display name
     * @param referral the referral, with the infant and caregivers
     * @param episode the episode, if started
     * @param administrations the administrations, in submitted order, each with date and timepoint
     */
    public Submission {
        Check.notNull(team, "team");
        Check.notNull(referral, "referral");
        Check.notNull(episode, "episode");
        administrations = List.copyOf(Check.notNull(administrations, "administrations"));
    }

    /** Counts only. */
    @Override
    public String toString() {
        return "Submission[team=" + team + ", referral=" + referral.id() + ", episode=" + episode.map(e -> e.id()
                .value()).orElse("-") + ", administrations=" + administrations.size() + "]";
    }
}
