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
import org.imhmeasures.core.care.PseudonymousId;
import org.imhmeasures.portal.constraints.internal.PseudonymValidator;

/**
 * The value, when not null, is a pseudonymised id as {@link PseudonymousId#of(String)} accepts it: 1 to
 * {@value PseudonymousId#MAX_LENGTH} characters from {@code A-Z a-z 0-9 . _ -}, and not shaped like an NHS
 * number (so a real identifier cannot pass as a pseudonym). Applies to {@code String} and
 * {@code CharSequence}. The message (key {@code org.imhmeasures.portal.constraints.ValidPseudonym.message})
 * never contains the value.
 *
 * @since 0.1.0
 */
// validatedBy names validators of a non-exported package: the provider creates them, callers never name them
@SuppressWarnings("exports")
@Documented
@Constraint(validatedBy = PseudonymValidator.class)
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE, TYPE_USE})
@Retention(RUNTIME)
@Repeatable(ValidPseudonym.List.class)
public @interface ValidPseudonym {

    /**
     * The message template.
     *
     * @return the template, by default the key of the library's message
     */
    String message() default "{org.imhmeasures.portal.constraints.ValidPseudonym.message}";

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
     * Several {@link ValidPseudonym} constraints on one element.
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
        ValidPseudonym[] value();
    }
}
