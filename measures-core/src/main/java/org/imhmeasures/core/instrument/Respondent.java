/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

/**
 * Who completes an instrument.
 *
 * @since 0.1.0
 */
public enum Respondent {
    /** The person answers about themself (PHQ-9, EPDS, CORE-10, GBO goal ratings…). */
    SELF_REPORT,
    /** A parent or carer answers about the infant or about their parenting (KPCS, PBQ…). */
    PARENT_REPORT_ABOUT_INFANT,
    /** A clinician rates after interview and observation (PIR-GAS). */
    CLINICIAN_RATED,
    /** A trained observer codes recorded interaction (KIPS). */
    OBSERVATIONAL
}
