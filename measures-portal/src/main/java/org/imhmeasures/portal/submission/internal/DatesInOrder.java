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
import java.time.LocalDate;
import java.util.List;

/**
 * Dates are in order: referral on or before the episode start, the start on or before every
 * administration, every administration on or before the episode end (and, without an episode, on or
 * after the referral). Each out-of-order date is a violation at that date.
 */
@Documented
@Constraint(validatedBy = DatesInOrder.Validator.class)
@Target({TYPE})
@Retention(RUNTIME)
public @interface DatesInOrder {

    /**
     * The message template, a key of {@code ValidationMessages}.
     *
     * @return the template
     */
    String message() default "{imh.dates.order}";

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
    final class Validator implements ConstraintValidator<DatesInOrder, SubmissionDto> {

        @Override
        public boolean isValid(SubmissionDto value, ConstraintValidatorContext context) {
            if (value == null || value.referral() == null || value.referral().date() == null) {
                return true;
            }
            LocalDate referral = value.referral().date();
            EpisodeDto episode = value.episode();
            LocalDate start = episode == null ? null : episode.start();
            LocalDate end = episode == null ? null : episode.end();
            boolean valid = true;
            context.disableDefaultConstraintViolation();
            if (start != null && start.isBefore(referral)) {
                valid = false;
                add(context, "{imh.dates.start_before_referral}").addPropertyNode("episode").addPropertyNode("start")
                        .addConstraintViolation();
            }
            if (start != null && end != null && end.isBefore(start)) {
                valid = false;
                add(context, "{imh.dates.end_before_start}").addPropertyNode("episode").addPropertyNode("end")
                        .addConstraintViolation();
            }
            List<AdministrationDto> administrations = value.administrations() == null ? List.of()
                    : value.administrations();
            for (int i = 0; i < administrations.size(); i++) {
                AdministrationDto a = administrations.get(i);
                if (a == null || a.date() == null) {
                    continue;
                }
                String problem = null;
                if (episode == null && a.date().isBefore(referral)) {
                    problem = "{imh.dates.administration_before_referral}";
                } else if (start != null && a.date().isBefore(start)) {
                    problem = "{imh.dates.administration_before_start}";
                } else if (end != null && a.date().isAfter(end)) {
                    problem = "{imh.dates.administration_after_end}";
                }
                if (problem != null) {
                    valid = false;
                    add(context, problem).addPropertyNode("administrations").addPropertyNode("date").inIterable()
                            .atIndex(i).addConstraintViolation();
                }
            }
            return valid;
        }

        private static ConstraintValidatorContext.ConstraintViolationBuilder add(ConstraintValidatorContext context,
                String template) {
            return context.buildConstraintViolationWithTemplate(template);
        }
    }
}
