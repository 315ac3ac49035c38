/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.risk;

/**
 * The ten adverse childhood experiences of the CDC-Kaiser Permanente ACE study (Felitti et al. 1998),
 * grouped as abuse, neglect and household dysfunction (overview table in IJERPH 2018,
 * doi:10.3390/ijerph15102136, table 2). Used for a parent's own childhood history.
 *
 * @since 0.1.0
 */
public enum AdverseChildhoodExperience {
    /** Physical abuse. */
    PHYSICAL_ABUSE(Group.ABUSE),
    /** Emotional (verbal) abuse. */
    EMOTIONAL_ABUSE(Group.ABUSE),
    /** Sexual abuse. */
    SEXUAL_ABUSE(Group.ABUSE),
    /** Physical neglect. */
    PHYSICAL_NEGLECT(Group.NEGLECT),
    /** Emotional neglect. */
    EMOTIONAL_NEGLECT(Group.NEGLECT),
    /** Witnessed violence against a parent (original item: mother treated violently). */
    WITNESSED_VIOLENCE_AGAINST_PARENT(Group.HOUSEHOLD_DYSFUNCTION),
    /** Substance misuse in the household. */
    HOUSEHOLD_SUBSTANCE_MISUSE(Group.HOUSEHOLD_DYSFUNCTION),
    /** Mental illness in the household. */
    HOUSEHOLD_MENTAL_ILLNESS(Group.HOUSEHOLD_DYSFUNCTION),
    /** Parental separation or divorce. */
    PARENTAL_SEPARATION_OR_DIVORCE(Group.HOUSEHOLD_DYSFUNCTION),
    /** A household member incarcerated. */
    HOUSEHOLD_MEMBER_INCARCERATED(Group.HOUSEHOLD_DYSFUNCTION);

    /** The three ACE groups. */
    public enum Group {
        /** Abuse. */
        ABUSE,
        /** Neglect. */
        NEGLECT,
        /** Household dysfunction. */
        HOUSEHOLD_DYSFUNCTION
    }

    private final Group group;

    AdverseChildhoodExperience(Group group) {
        this.group = group;
    }

    /**
     * The ACE group.
     *
     * @return the group
     */
    public Group group() {
        return group;
    }
}
