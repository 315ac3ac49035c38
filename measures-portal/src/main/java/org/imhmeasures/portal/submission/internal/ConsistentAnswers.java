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
import java.util.Optional;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;
import org.imhmeasures.scoring.NotScorable;
import org.imhmeasures.scoring.Problem;
import org.imhmeasures.scoring.ScoreResult;

/**
 * The administration's instrument is in the validator's catalogue and every answer is for one of its
 * items, once, with a code the item allows. Keys are compared after trimming, so {@code "phq9_9"} and
 * {@code "phq9_9 "} are one item answered twice ({@code answers.duplicate_item} at each of their
 * positions); a blank key is {@code answers.unknown_item}. Items left unanswered are not a violation: an
 * administration with too many missing items is accepted and reported as not scorable. Unknown and
 * repeated keys are located by position ({@code answers.<key#2>}) and never echoed.
 */
@Documented
@Constraint(validatedBy = ConsistentAnswers.Validator.class)
@Target({TYPE})
@Retention(RUNTIME)
public @interface ConsistentAnswers {

    /**
     * The message template, a key of {@code ValidationMessages}.
     *
     * @return the template
     */
    String message() default "{imh.answers.instrument_unknown}";

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
    final class Validator implements ConstraintValidator<ConsistentAnswers, AdministrationDto> {

        @Override
        public boolean isValid(AdministrationDto value, ConstraintValidatorContext context) {
            if (value == null || value.instrument() == null || value.answers() == null) {
                return true;
            }
            // scored once per validation: the accepted result reuses this score
            Optional<ScoreResult> scored = SubmissionContext.of(context).score(value);
            context.disableDefaultConstraintViolation();
            if (scored.isEmpty()) {
                context.buildConstraintViolationWithTemplate("{imh.answers.instrument_unknown}")
                        .addPropertyNode("instrument").addConstraintViolation();
                return false;
            }
            ScoreResult result = scored.get();
            if (!(result instanceof NotScorable)) {
                return true;
            }
            boolean valid = true;
            for (Problem problem : ((NotScorable) result).problems()) {
                if (problem instanceof Problem.UnknownItem unknown) {
                    // positions count the answers as given, as <key#n> does
                    valid = false;
                    context.buildConstraintViolationWithTemplate("{imh.answers.unknown_item}")
                            .addPropertyNode("answers").addPropertyNode("<key#" + unknown.position() + ">")
                            .addConstraintViolation();
                } else if (problem instanceof Problem.DuplicateItem duplicate) {
                    valid = false;
                    for (int position : duplicate.positions()) {
                        context.buildConstraintViolationWithTemplate("{imh.answers.duplicate_item}")
                                .addPropertyNode("answers").addPropertyNode("<key#" + position + ">")
                                .addConstraintViolation();
                    }
                } else if (problem instanceof Problem.CodeNotAllowed) {
                    Problem.CodeNotAllowed notAllowed = (Problem.CodeNotAllowed) problem;
                    valid = false;
                    context.unwrap(HibernateConstraintValidatorContext.class)
                            .addMessageParameter("allowed", notAllowed.allowed())
                            .buildConstraintViolationWithTemplate("{imh.answers.code_not_allowed}")
                            .addPropertyNode("answers").addPropertyNode(notAllowed.item()).addConstraintViolation();
                }
            }
            return valid;
        }
    }
}
