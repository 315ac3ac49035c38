/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.service;

import java.util.Arrays;
import java.util.List;

/**
 * The key characteristics of a specialised parent-infant relationship team, by area, as headed in the
 * Parent-Infant Foundation's self-audit tool (parentinfantfoundation.org.uk/tools/self-audit-tool).
 * Only headings are modelled: the descriptor text was only partly readable and the tool's maturity
 * scale was not found, so no rating scale is shipped.
 *
 * @since 0.1.0
 */
public enum SelfAuditCharacteristic {
    /** Clinical supervision for all practitioners, separate from line management (see
     * {@link org.imhmeasures.core.competency.SupervisionRequirement}). */
    CLINICAL_SUPERVISION(Area.TEAM_COMPOSITION_AND_CLINICAL_GOVERNANCE, "Clinical supervision"),
    /** A multi-disciplinary team including highly skilled mental health professionals. */
    MULTIDISCIPLINARY_TEAM(Area.TEAM_COMPOSITION_AND_CLINICAL_GOVERNANCE, "Multi-disciplinary team"),
    /** Clinical leadership. */
    CLINICAL_LEADERSHIP(Area.TEAM_COMPOSITION_AND_CLINICAL_GOVERNANCE, "Clinical leadership"),
    /** Relevant training, knowledge and skills in the workforce. */
    WORKFORCE_TRAINING_KNOWLEDGE_SKILLS(Area.TEAM_COMPOSITION_AND_CLINICAL_GOVERNANCE,
            "Relevant training, knowledge and skills in the workforce"),
    /** Referral pathway. */
    REFERRAL_PATHWAY(Area.REFERRALS_AND_ACCESSIBILITY, "Referral pathway"),
    /** Referrals. */
    REFERRALS(Area.REFERRALS_AND_ACCESSIBILITY, "Referrals"),
    /** Criteria for referral. */
    CRITERIA_FOR_REFERRAL(Area.REFERRALS_AND_ACCESSIBILITY, "Criteria for referral"),
    /** Assessment and formulation. */
    ASSESSMENT_AND_FORMULATION(Area.CLINICAL_WORK, "Assessment and formulation"),
    /** Dyadic interventions offered. */
    DYADIC_INTERVENTIONS_OFFERED(Area.CLINICAL_WORK, "Dyadic interventions offered"),
    /** Supporting the early years sector through training and consultation. */
    EARLY_YEARS_TRAINING_AND_CONSULTATION(Area.WIDER_SYSTEMS_WORK,
            "Supporting the early years sector through training and consultation"),
    /** Outcomes. */
    OUTCOMES(Area.OUTCOMES_AND_SUSTAINABILITY, "Outcomes"),
    /** Funding and commissioning. */
    FUNDING_AND_COMMISSIONING(Area.OUTCOMES_AND_SUSTAINABILITY, "Funding and commissioning");

    /** The self-audit tool's areas. */
    public enum Area {
        /** Team composition and clinical governance. */
        TEAM_COMPOSITION_AND_CLINICAL_GOVERNANCE,
        /** Referrals and accessibility. */
        REFERRALS_AND_ACCESSIBILITY,
        /** Clinical work. */
        CLINICAL_WORK,
        /** Wider systems work. */
        WIDER_SYSTEMS_WORK,
        /** Outcomes and sustainability. */
        OUTCOMES_AND_SUSTAINABILITY
    }

    private final Area area;
    private final String heading;

    SelfAuditCharacteristic(Area area, String heading) {
        this.area = area;
        this.heading = heading;
    }

    /**
     * The area the characteristic belongs to.
     *
     * @return the area
     */
    public Area area() {
        return area;
    }

    /**
     * The heading as published.
     *
     * @return the heading
     */
    public String heading() {
        return heading;
    }

    /**
     * The characteristics of one area, in tool order.
     *
     * @param area the area
     * @return the characteristics
     */
    public static List<SelfAuditCharacteristic> in(Area area) {
        return Arrays.stream(values()).filter(c -> c.area == area).toList();
    }
}
