/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.competency;

/**
 * A practitioner's profession or role in a parent-infant relationship team.
 *
 * <p>The list follows the professions and roles the Parent-Infant Foundation toolkit describes for
 * these teams (chapter 7, "Recruitment, Management and Supervision": roles such as clinical lead,
 * parent-infant therapist, keyworker/family support) and the project's seed list.
 * {@link #isTherapeuticMentalHealthProfession()} is this library's classification for the "highly
 * skilled mental health professionals with therapeutic expertise" of the Parent-Infant Foundation's
 * key characteristics; it is not a published list.
 *
 * @since 0.1.0
 */
public enum Profession {
    /** Clinical psychologist. */
    CLINICAL_PSYCHOLOGIST(true, true),
    /** Child and adolescent psychotherapist. */
    CHILD_PSYCHOTHERAPIST(true, true),
    /** Parent-infant psychotherapist. */
    PARENT_INFANT_PSYCHOTHERAPIST(true, true),
    /** Family or systemic psychotherapist. */
    FAMILY_SYSTEMIC_THERAPIST(true, true),
    /** Specialist health visitor. */
    SPECIALIST_HEALTH_VISITOR(false, true),
    /** Infant mental health practitioner (NHS band 6/7). */
    INFANT_MENTAL_HEALTH_PRACTITIONER(false, true),
    /** Family support worker or keyworker. */
    FAMILY_SUPPORT_WORKER(false, true),
    /** Midwife. */
    MIDWIFE(false, true),
    /** Social worker. */
    SOCIAL_WORKER(false, true),
    /** Adult mental health practitioner. */
    ADULT_MENTAL_HEALTH_PRACTITIONER(false, true),
    /** Play therapist. */
    PLAY_THERAPIST(false, true),
    /** Art therapist. */
    ART_THERAPIST(false, true),
    /** Occupational therapist. */
    OCCUPATIONAL_THERAPIST(false, true),
    /** Peer support worker. */
    PEER_SUPPORT_WORKER(false, true),
    /** Service manager. */
    SERVICE_MANAGER(false, false),
    /** Administrator. */
    ADMINISTRATOR(false, false);

    private final boolean therapeuticMentalHealth;
    private final boolean clinical;

    Profession(boolean therapeuticMentalHealth, boolean clinical) {
        this.therapeuticMentalHealth = therapeuticMentalHealth;
        this.clinical = clinical;
    }

    /**
     * Whether this library counts the profession as a mental health profession with therapeutic
     * expertise (psychologists, psychotherapists, family/systemic therapists).
     *
     * @return true for therapeutic mental health professions
     */
    public boolean isTherapeuticMentalHealthProfession() {
        return therapeuticMentalHealth;
    }

    /**
     * Whether the role works with families (false for management and administration): only clinical
     * roles count towards a team's disciplines and need reflective clinical supervision.
     *
     * @return true for clinical roles
     */
    public boolean isClinical() {
        return clinical;
    }
}
