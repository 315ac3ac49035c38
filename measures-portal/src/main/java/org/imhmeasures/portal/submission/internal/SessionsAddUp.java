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
 * Sessions attended plus sessions not attended do not exceed sessions offered.
 */
@Documented
@Constraint(validatedBy = SessionsAddUp.Validator.class)
@Target({TYPE})
@Retention(RUNTIME)
public @interface SessionsAddUp {

    /**
     * The message template, a key of {@code ValidationMessages}.
     *
     * @return the template
     */
    String message() default "{imh.sessions.add_up}";

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
    final class Validator implements ConstraintValidator<SessionsAddUp, InterventionDto> {

        @Override
        public boolean isValid(InterventionDto value, ConstraintValidatorContext context) {
            if (value == null || value.sessionsOffered() == null || value.sessionsAttended() == null
                    || value.sessionsNotAttended() == null) {
                return true;
            }
            if ((long) value.sessionsAttended() + value.sessionsNotAttended() <= value.sessionsOffered()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("sessionsAttended").addConstraintViolation();
            return false;
        }
    }
}
