/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.portal.submission.internal;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * No instrument is administered twice at the same timepoint (review excepted: a
 * review may be repeated, so it must differ by date).
 */
@Documented
@Constraint(validatedBy = UniqueTimepoints.Validator.class)
@Target({FIELD, PARAMETER})
@Retention(RUNTIME)
public @interface UniqueTimepoints {

    /**
     * The message template, a key of {@code ValidationMessages}.
     *
     * @return the template
     */
    String message() default "{imh.administrations.duplicate_timepoint}";

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
    final class Validator implements ConstraintValidator<UniqueTimepoints, java.util.List<AdministrationDto>> {

        @Override
        public boolean isValid(java.util.List<AdministrationDto> value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            java.util.Set<java.util.List<Object>> seen = new java.util.HashSet<>();
            boolean valid = true;
            for (int i = 0; i < value.size(); i++) {
                AdministrationDto a = value.get(i);
                if (a == null || a.instrument() == null || a.timepoint() == null) {
                    continue;
                }
                java.util.List<Object> key = a.timepoint().equals("review")
                        ? java.util.Arrays.asList(a.instrument(), a.timepoint(), a.date())
                        : java.util.List.of(a.instrument(), a.timepoint());
                if (!seen.add(key)) {
                    if (valid) {
                        context.disableDefaultConstraintViolation();
                    }
                    valid = false;
                    context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                            .addPropertyNode("timepoint").inIterable().atIndex(i).addConstraintViolation();
                }
            }
            return valid;
        }
    }
}
