/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.service;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.imhmeasures.core.competency.Practitioner;
import org.imhmeasures.core.competency.Profession;
import org.imhmeasures.core.internal.Check;

/**
 * What a team is and does, as far as the definition of a specialised parent-infant relationship team
 * needs it.
 *
 * @param practitioners the team's practitioners
 * @param activities what the team does
 * @param interventionIds the interventions the team offers (catalogue ids), without repeats
 * @param referralBasis what referrals are accepted on
 * @param function whether parent-infant relationship work is primary
 * @since 0.1.0
 */
public record TeamProfile(List<Practitioner> practitioners, Set<TeamActivity> activities, Set<String> interventionIds,
        ReferralBasis referralBasis, ServiceFunction function) {

    /**
     * Validates and copies.
     *
     * @param practitioners the team's practitioners
     * @param activities what the team does
     * @param interventionIds the interventions the team offers (catalogue ids), without repeats
     * @param referralBasis what referrals are accepted on
     * @param function whether parent-infant relationship work is primary
     */
    public TeamProfile {
        practitioners = List.copyOf(Check.notNull(practitioners, "practitioners"));
        Check.notNull(activities, "activities");
        activities = Collections.unmodifiableSet(activities.isEmpty() ? EnumSet.noneOf(TeamActivity.class) : EnumSet
                .copyOf(activities));
        interventionIds = Collections.unmodifiableSet(new LinkedHashSet<>(Check.notNull(interventionIds,
                "intervention ids")));
        Check.notNull(referralBasis, "referral basis");
        Check.notNull(function, "function");
    }

    /**
     * The distinct clinical professions in the team.
     *
     * @return the professions
     */
    public Set<Profession> clinicalProfessions() {
        Set<Profession> out = EnumSet.noneOf(Profession.class);
        practitioners.stream().map(Practitioner::profession).filter(p -> p.isClinical()).forEach(out::add);
        return out;
    }
}
