/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.risk;

/**
 * The four areas of risk to the caregiving relationship recorded for every referral on the PIP
 * Portal (PIP UK, "Impact and Evaluation", pipuk.org.uk).
 *
 * @since 0.1.0
 */
public enum RiskArea {
    /** Biological vulnerability of the child, e.g. prematurity, disability, genetic condition. */
    CHILD_BIOLOGICAL_VULNERABILITY("Biological vulnerability of the child"),
    /** Parental history and current functioning. */
    PARENT_HISTORY_AND_FUNCTIONING("Parental history and current functioning"),
    /** How the parent interacts with the infant. */
    PARENT_INFANT_INTERACTION("Parent-infant interaction"),
    /** Sociodemographic information. */
    SOCIODEMOGRAPHIC("Sociodemographic");

    private final String label;

    RiskArea(String label) {
        this.label = label;
    }

    /**
     * A readable label.
     *
     * @return the label
     */
    public String label() {
        return label;
    }
}
