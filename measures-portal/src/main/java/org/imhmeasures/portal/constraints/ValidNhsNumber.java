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
import org.imhmeasures.core.care.NhsNumber;
import org.imhmeasures.portal.constraints.internal.NhsNumberValidators;

/**
 * The value, when not null, is a valid NHS number: ten digits whose tenth is the Modulus 11 check digit
 * of the first nine, as {@link NhsNumber#isValid(String)} decides (spaces or hyphens between the 3-3-4
 * groups are accepted there too). Applies to {@code String}, {@code CharSequence} and {@link NhsNumber}
 * (always valid: it is checked when parsed, so the constraint only documents the field). The message
 * (key {@code org.imhmeasures.portal.constraints.ValidNhsNumber.message}) never contains the value.
 *
 * <pre>{@code
 * record PatientDto(@NotNull @ValidNhsNumber String nhsNumber) { }
 * }</pre>
 *
 * @since 0.1.0
 */
// validatedBy names validators of a non-exported package: the provider creates them, callers never name them
@SuppressWarnings("exports")
@Documented
@Constraint(validatedBy = {NhsNumberValidators.ForCharSequence.class, NhsNumberValidators.ForNhsNumber.class})
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE, TYPE_USE})
@Retention(RUNTIME)
@Repeatable(ValidNhsNumber.List.class)
public @interface ValidNhsNumber {

    /**
     * The message template.
     *
     * @return the template, by default the key of the library's message
     */
    String message() default "{org.imhmeasures.portal.constraints.ValidNhsNumber.message}";

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
     * Several {@link ValidNhsNumber} constraints on one element (e.g. in different groups).
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
        ValidNhsNumber[] value();
    }
}
