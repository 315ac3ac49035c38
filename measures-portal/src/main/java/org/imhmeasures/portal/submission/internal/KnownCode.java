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
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;
import org.imhmeasures.core.risk.RiskTaxonomy;

/**
 * The value, when present, is a code of the given {@link CodeList}.
 */
@Documented
@Constraint(validatedBy = KnownCode.Validator.class)
@Target({FIELD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface KnownCode {

    /**
     * The message template, a key of {@code ValidationMessages}.
     *
     * @return the template
     */
    String message() default "{imh.code.unknown}";

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
     * The code list.
     *
     * @return the list
     */
    CodeList value();

    /** The validator. */
    final class Validator implements ConstraintValidator<KnownCode, String> {

        private CodeList list;

        @Override
        public void initialize(KnownCode annotation) {
            list = annotation.value();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            RiskTaxonomy taxonomy = SubmissionContext.of(context).context().taxonomy();
            if (list.contains(value, taxonomy)) {
                return true;
            }
            context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("list", list.description(
                    taxonomy));
            return false;
        }
    }
}
