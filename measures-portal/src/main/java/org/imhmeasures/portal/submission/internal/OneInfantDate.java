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
 * Exactly one of the infant's date of birth and expected date is given.
 */
@Documented
@Constraint(validatedBy = OneInfantDate.Validator.class)
@Target({TYPE})
@Retention(RUNTIME)
public @interface OneInfantDate {

    /**
     * The message template, a key of {@code ValidationMessages}.
     *
     * @return the template
     */
    String message() default "{imh.infant.one_date}";

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
    final class Validator implements ConstraintValidator<OneInfantDate, InfantDto> {

        @Override
        public boolean isValid(InfantDto value, ConstraintValidatorContext context) {
            if (value == null || (value.dateOfBirth() == null) != (value.expectedDate() == null)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode(value.dateOfBirth() == null ? "dateOfBirth" : "expectedDate")
                    .addConstraintViolation();
            return false;
        }
    }
}
