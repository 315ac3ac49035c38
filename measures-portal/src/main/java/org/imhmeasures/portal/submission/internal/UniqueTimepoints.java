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
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
    final class Validator implements ConstraintValidator<UniqueTimepoints, List<AdministrationDto>> {

        @Override
        public boolean isValid(List<AdministrationDto> value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            Set<List<Object>> seen = new HashSet<>();
            boolean valid = true;
            for (int i = 0; i < value.size(); i++) {
                AdministrationDto a = value.get(i);
                if (a == null || a.instrument() == null || a.timepoint() == null) {
                    continue;
                }
                List<Object> key = a.timepoint().equals("review")
                        ? Arrays.asList(a.instrument(), a.timepoint(), a.date())
                        : List.of(a.instrument(), a.timepoint());
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
