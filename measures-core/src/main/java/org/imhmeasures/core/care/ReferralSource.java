/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.care;

import java.util.Optional;

/**
 * SOURCE OF REFERRAL FOR MENTAL HEALTH: the two-character national codes shared by the Mental Health
 * Services Data Set ({@code SourceOfReferralMH}) and NHS Talking Therapies ({@code SourceOfReferralIAPT}).
 *
 * <p>Source: code-to-label map in NHS England's public analytics code (nhsengland/Talking-Therapies,
 * {@code LTC_monthly_update_script_Denominators.sql}), cross-checked against the NHS Data Dictionary
 * structure. {@code N1}, {@code N2}, {@code N4} and {@code M8} are Talking-Therapies oriented. {@code N3} is
 * left out: its label was not found. The superseded 2010 numeric codes ({@code 00}-{@code 22}) are not
 * modelled. Which code a given referrer maps to (e.g. a children's centre) is the service's decision.
 *
 * @since 0.1.0
 */
public enum ReferralSource {
    /** Primary Health Care: General Medical Practitioner Practice. */
    A1("Primary Health Care: General Medical Practitioner Practice"),
    /** Primary Health Care: Health Visitor. */
    A2("Primary Health Care: Health Visitor"),
    /** Other Primary Health Care. */
    A3("Other Primary Health Care"),
    /** Primary Health Care: Maternity Service. */
    A4("Primary Health Care: Maternity Service"),
    /** Self Referral: Self. */
    B1("Self Referral: Self"),
    /** Self Referral: Carer/Relative. */
    B2("Self Referral: Carer/Relative"),
    /** Local Authority and Other Public Services: Social Services. */
    C1("Local Authority and Other Public Services: Social Services"),
    /** Local Authority and Other Public Services: Education Service / Educational Establishment. */
    C2("Local Authority and Other Public Services: Education Service / Educational Establishment"),
    /** Local Authority and Other Public Services: Housing Service. */
    C3("Local Authority and Other Public Services: Housing Service"),
    /** Employer. */
    D1("Employer"),
    /** Employer: Occupational Health. */
    D2("Employer: Occupational Health"),
    /** Justice System: Police. */
    E1("Justice System: Police"),
    /** Justice System: Courts. */
    E2("Justice System: Courts"),
    /** Justice System: Probation Service. */
    E3("Justice System: Probation Service"),
    /** Justice System: Prison. */
    E4("Justice System: Prison"),
    /** Justice System: Court Liaison and Diversion Service. */
    E5("Justice System: Court Liaison and Diversion Service"),
    /** Justice System: Youth Offending Team. */
    E6("Justice System: Youth Offending Team"),
    /** Child Health: School Nurse. */
    F1("Child Health: School Nurse"),
    /** Child Health: Hospital-based Paediatrics. */
    F2("Child Health: Hospital-based Paediatrics"),
    /** Child Health: Community-based Paediatrics. */
    F3("Child Health: Community-based Paediatrics"),
    /** Independent sector - Medium Secure Inpatients. */
    G1("Independent sector - Medium Secure Inpatients"),
    /** Independent Sector - Low Secure Inpatients. */
    G2("Independent Sector - Low Secure Inpatients"),
    /** Other Independent Sector Mental Health Services. */
    G3("Other Independent Sector Mental Health Services"),
    /** Voluntary Sector. */
    G4("Voluntary Sector"),
    /** Acute Secondary Care: Emergency Care Department. */
    H1("Acute Secondary Care: Emergency Care Department"),
    /** Other secondary care specialty. */
    H2("Other secondary care specialty"),
    /** Temporary transfer from another Mental Health NHS Trust. */
    I1("Temporary transfer from another Mental Health NHS Trust"),
    /** Permanent transfer from another Mental Health NHS Trust. */
    I2("Permanent transfer from another Mental Health NHS Trust"),
    /** Other: Asylum Services. */
    M1("Other: Asylum Services"),
    /** Other: Telephone or Electronic Access Service. */
    M2("Other: Telephone or Electronic Access Service"),
    /** Other: Out of Area Agency. */
    M3("Other: Out of Area Agency"),
    /** Other: Drug Action Team / Drug Misuse Agency. */
    M4("Other: Drug Action Team / Drug Misuse Agency"),
    /** Other: Jobcentre Plus. */
    M5("Other: Jobcentre Plus"),
    /** Other SERVICE or agency. */
    M6("Other SERVICE or agency"),
    /** Other: Single Point of Access Service. */
    M7("Other: Single Point of Access Service"),
    /** Debt agency. */
    M8("Debt agency"),
    /** Stepped up from low intensity IAPT service. */
    N1("Stepped up from low intensity IAPT service"),
    /** Stepped down from high intensity IAPT service. */
    N2("Stepped down from high intensity IAPT service"),
    /** Other IAPT service. */
    N4("Other IAPT service"),
    /** Internal Referral. */
    P1("Internal Referral"),
    /** Mental Health Drop In Service. */
    Q1("Mental Health Drop In Service");

    private final String label;

    ReferralSource(String label) {
        this.label = label;
    }

    /**
     * The national code, e.g. {@code A2}.
     *
     * @return the code
     */
    public String code() {
        return name();
    }

    /**
     * The label.
     *
     * @return the label
     */
    public String label() {
        return label;
    }

    /**
     * Looks up a national code.
     *
     * @param code the code, e.g. {@code A2}
     * @return the source, or empty for an unknown code
     */
    public static Optional<ReferralSource> fromCode(String code) {
        for (ReferralSource s : values()) {
            if (s.name().equals(code)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
