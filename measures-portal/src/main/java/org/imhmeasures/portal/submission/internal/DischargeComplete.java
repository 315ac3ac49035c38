/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.portal.submission.internal;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * An episode's end date and discharge reason are given together, and the end is not
 * before the start.
 */
@Documented
@Constraint(validatedBy = DischargeComplete.Validator.class)
@Target({TYPE})
@Retention(RUNTIME)
public @interface DischargeComplete {

    /**
     * The message template, a key of {@code ValidationMessages}.
     *
     * @return the template
     */
    String message() default "{imh.episode.discharge_incomplete}";

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

    /** The validator. */
    final class Validator implements ConstraintValidator<DischargeComplete, EpisodeDto> {

        @Override
        public boolean isValid(EpisodeDto value, ConstraintValidatorContext context) {
            if (value == null || (value.end() == null) == (value.dischargeReason() == null)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode(value.end() == null ? "end" : "dischargeReason").addConstraintViolation();
            return false;
        }
    }
}
