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
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.portal.constraints.internal.KnownInstrumentValidator;

/**
 * The value, when not null, is the id of an instrument of the catalogue, exactly as the catalogue spells
 * it (e.g. {@code PHQ-9}; {@code phq-9} is not known). The catalogue is {@link Catalogue#builtIn()}, unless
 * the host gives Hibernate Validator a {@link Catalogue} as constraint validator payload
 * ({@code HibernateValidatorConfiguration#constraintValidatorPayload(Object)} or
 * {@code HibernateValidatorContext#constraintValidatorPayload(Object)}; the measures-spring-boot module
 * sets its catalogue bean so). Applies to {@code String} and {@code CharSequence}. The message (key
 * {@code org.imhmeasures.portal.constraints.KnownInstrument.message}) never contains the value.
 *
 * @since 0.1.0
 */
// validatedBy names validators of a non-exported package: the provider creates them, callers never name them
@SuppressWarnings("exports")
@Documented
@Constraint(validatedBy = KnownInstrumentValidator.class)
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE, TYPE_USE})
@Retention(RUNTIME)
@Repeatable(KnownInstrument.List.class)
public @interface KnownInstrument {

    /**
     * The message template.
     *
     * @return the template, by default the key of the library's message
     */
    String message() default "{org.imhmeasures.portal.constraints.KnownInstrument.message}";

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
     * Several {@link KnownInstrument} constraints on one element.
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
        KnownInstrument[] value();
    }
}
