/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.portal.submission.internal;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.imhmeasures.portal.submission.TeamName;

/**
 * The value, when present, is a valid team display name; see {@link TeamName}. Never echoes the value.
 */
@Documented
@Constraint(validatedBy = TeamNameConstraint.Validator.class)
@Target({FIELD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface TeamNameConstraint {

    /**
     * The message template, a key of {@code ValidationMessages}.
     *
     * @return the template
     */
    String message() default "{imh.team_name}";

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
    final class Validator implements ConstraintValidator<TeamNameConstraint, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || TeamName.isValid(value);
        }
    }
}
