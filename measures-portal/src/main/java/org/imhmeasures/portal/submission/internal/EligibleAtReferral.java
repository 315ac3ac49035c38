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
import java.time.Period;
import java.util.Locale;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;
import org.imhmeasures.core.care.Eligibility;
import org.imhmeasures.core.care.EligibilityPolicy;
import org.imhmeasures.core.care.InfantDates;

/**
 * The infant is within the service's age range at the referral date, under the
 * {@link EligibilityPolicy} of the validator's {@link SubmissionContext} (the default policy, conception to the
 * second birthday, outside a submission validator).
 */
@Documented
@Constraint(validatedBy = EligibleAtReferral.Validator.class)
@Target({TYPE})
@Retention(RUNTIME)
public @interface EligibleAtReferral {

    /**
     * The message template, a key of {@code ValidationMessages}.
     *
     * @return the template
     */
    String message() default "{imh.eligibility.not_eligible}";

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
    final class Validator implements ConstraintValidator<EligibleAtReferral, SubmissionDto> {

        @Override
        public boolean isValid(SubmissionDto value, ConstraintValidatorContext context) {
            if (value == null || value.referral() == null || value.referral().date() == null
                    || value.infant() == null) {
                return true;
            }
            InfantDto infant = value.infant();
            InfantDates dates;
            if (infant.dateOfBirth() != null && infant.expectedDate() == null) {
                dates = InfantDates.born(infant.dateOfBirth());
            } else if (infant.expectedDate() != null && infant.dateOfBirth() == null) {
                dates = InfantDates.expected(infant.expectedDate());
            } else {
                return true;
            }
            HibernateConstraintValidatorContext hibernate = context.unwrap(HibernateConstraintValidatorContext.class);
            EligibilityPolicy policy = SubmissionContext.of(context).context().policy();
            Eligibility eligibility = policy.evaluate(dates, value.referral().date());
            if (eligibility instanceof Eligibility.Eligible) {
                return true;
            }
            Eligibility.Reason reason = ((Eligibility.NotEligible) eligibility).reason();
            context.disableDefaultConstraintViolation();
            hibernate.addMessageParameter("upperAge", describe(policy.upperAge()))
                    .buildConstraintViolationWithTemplate("{imh.eligibility." + reason.name().toLowerCase(Locale.ROOT)
                            + "}")
                    .addPropertyNode("referral").addPropertyNode("date").addConstraintViolation();
            return false;
        }

        private static String describe(Period age) {
            if (age.getMonths() == 0 && age.getDays() == 0) {
                return age.getYears() + (age.getYears() == 1 ? " year" : " years");
            }
            return age.toTotalMonths() + " months" + (age.getDays() == 0 ? "" : " " + age.getDays() + " days");
        }
    }
}
