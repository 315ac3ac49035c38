/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.service;

import org.imhmeasures.core.competency.Profession;

/**
 * The criteria of a specialised parent-infant relationship team that could be confirmed, each with a
 * test on a {@link TeamProfile}. Statements and sources are in the data file
 * {@code team-definition.json} ({@link TeamDefinition#builtIn()}).
 *
 * <p>The tests are this library's operationalisation: "multidisciplinary" is two or more distinct
 * clinical professions; "range of interventions" is two or more interventions offered.
 *
 * @since 0.1.0
 */
public enum TeamCriterion {
    /** Two or more distinct clinical professions. */
    MULTIDISCIPLINARY {
        @Override
        boolean test(TeamProfile team) {
            return team.clinicalProfessions().size() >= 2;
        }
    },
    /** At least one therapeutic mental health professional ({@link Profession#isTherapeuticMentalHealthProfession()}). */
    THERAPEUTIC_MENTAL_HEALTH_PROFESSIONALS {
        @Override
        boolean test(TeamProfile team) {
            return team.practitioners().stream().anyMatch(p -> p.profession().isTherapeuticMentalHealthProfession());
        }
    },
    /** Direct support to families. */
    DIRECT_FAMILY_SUPPORT {
        @Override
        boolean test(TeamProfile team) {
            return team.activities().contains(TeamActivity.DIRECT_FAMILY_SUPPORT);
        }
    },
    /** Training, consultation or supervision for others, or advice to system leaders. */
    SYSTEM_EXPERT_AND_CHAMPION {
        @Override
        boolean test(TeamProfile team) {
            return team.activities().contains(TeamActivity.TRAINING_CONSULTATION_SUPERVISION) || team.activities()
                    .contains(TeamActivity.SYSTEM_ADVICE);
        }
    },
    /** Two or more interventions offered. */
    RANGE_OF_INTERVENTIONS {
        @Override
        boolean test(TeamProfile team) {
            return team.interventionIds().size() >= 2;
        }
    },
    /** Referrals on the basis of relationship risk. */
    RELATIONSHIP_FOCUSED_REFERRALS {
        @Override
        boolean test(TeamProfile team) {
            return team.referralBasis() == ReferralBasis.RELATIONSHIP_RISK;
        }
    },
    /** Parent-infant relationship work is the primary function. */
    PRIMARY_FUNCTION {
        @Override
        boolean test(TeamProfile team) {
            return team.function() == ServiceFunction.PRIMARY;
        }
    };

    abstract boolean test(TeamProfile team);
}
