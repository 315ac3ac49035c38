/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.portal.constraints;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.imhmeasures.core.risk.RiskTaxonomy;
import org.imhmeasures.portal.constraints.internal.KnownCodeValidator;

/**
 * The value, when not null, is a code of the code list named by {@link #value()}, compared exactly
 * (case-sensitive), as a portal submission's coded fields are checked:
 *
 * <ul>
 *   <li>{@value #ETHNIC_CATEGORY}: NHS ethnic category national codes, e.g. {@code A}, {@code Z},
 *       {@code 99};</li>
 *   <li>{@value #REFERRAL_SOURCE}: NHS source of referral codes, e.g. {@code A2};</li>
 *   <li>{@value #REFERRAL_REASON}: MHSDS primary reason for referral codes of the risk taxonomy;</li>
 *   <li>{@value #RISK_FACTOR}: risk factor ids of the risk taxonomy;</li>
 *   <li>{@value #ACE}: the ten adverse childhood experiences, lower case;</li>
 *   <li>{@value #CAREGIVER_RELATIONSHIP}, {@value #HOUSEHOLD}, {@value #DISCHARGE_REASON},
 *       {@value #TIMEPOINT}: the care model's values, lower case;</li>
 *   <li>{@value #RESPONDENT}: a caregiver relationship, or {@code practitioner}.</li>
 * </ul>
 *
 * <p>The risk taxonomy is {@link RiskTaxonomy#builtIn()}, unless the host gives Hibernate Validator a
 * {@link RiskTaxonomy} as constraint validator payload. A name that is not one of these fails when the
 * constraint is first used (a {@code jakarta.validation.ValidationException}). Applies to {@code String}
 * and {@code CharSequence}. The message (key {@code org.imhmeasures.portal.constraints.KnownCode.message})
 * names the list, never the value.
 *
 * <pre>{@code
 * record ReferralDto(@KnownCode(KnownCode.REFERRAL_SOURCE) String source) { }
 * }</pre>
 *
 * @since 0.1.0
 */
// validatedBy names validators of a non-exported package: the provider creates them, callers never name them
@SuppressWarnings("exports")
@Documented
@Constraint(validatedBy = KnownCodeValidator.class)
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE, TYPE_USE})
@Retention(RUNTIME)
@Repeatable(KnownCode.List.class)
public @interface KnownCode {

    /** NHS ethnic category national codes. */
    String ETHNIC_CATEGORY = "ethnic_category";
    /** NHS source of referral codes. */
    String REFERRAL_SOURCE = "referral_source";
    /** MHSDS primary reason for referral codes of the risk taxonomy. */
    String REFERRAL_REASON = "referral_reason";
    /** Risk factor ids of the risk taxonomy. */
    String RISK_FACTOR = "risk_factor";
    /** Adverse childhood experiences, lower case. */
    String ACE = "ace";
    /** Caregiver relationships, lower case. */
    String CAREGIVER_RELATIONSHIP = "caregiver_relationship";
    /** Respondents: a caregiver relationship or {@code practitioner}. */
    String RESPONDENT = "respondent";
    /** Households, lower case. */
    String HOUSEHOLD = "household";
    /** Discharge reasons, lower case. */
    String DISCHARGE_REASON = "discharge_reason";
    /** Timepoints, lower case. */
    String TIMEPOINT = "timepoint";

    /**
     * The name of the code list, one of the constants of this annotation (e.g. {@link #ETHNIC_CATEGORY}).
     *
     * @return the list name
     */
    String value();

    /**
     * The message template.
     *
     * @return the template, by default the key of the library's message
     */
    String message() default "{org.imhmeasures.portal.constraints.KnownCode.message}";

    /**
     * Validation groups.
     *
     * @return the groups
     */
    Class<?>[] groups() default {};

    /**
     * Payload.
     *
     * @return the payload
     */
    Class<? extends Payload>[] payload() default {};

    /**
     * Several {@link KnownCode} constraints on one element.
     *
     * @since 0.1.0
     */
    @Documented
    @Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE, TYPE_USE})
    @Retention(RUNTIME)
    @interface List {

        /**
         * The constraints.
         *
         * @return the constraints
         */
        KnownCode[] value();
    }
}
