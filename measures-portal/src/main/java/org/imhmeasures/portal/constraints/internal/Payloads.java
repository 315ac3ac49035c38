/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.portal.constraints.internal;

import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.ValidationException;
import java.util.Optional;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/** Reads the host's constraint validator payload of a given type, if the provider is Hibernate Validator. */
final class Payloads {

    private Payloads() {
    }

    static <T> Optional<T> of(ConstraintValidatorContext context, Class<T> type) {
        try {
            return Optional.ofNullable(context.unwrap(HibernateConstraintValidatorContext.class)
                    .getConstraintValidatorPayload(type));
        } catch (ValidationException notHibernate) {
            return Optional.empty();
        }
    }

    static void addParameter(ConstraintValidatorContext context, String name, String value) {
        try {
            context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter(name, value);
        } catch (ValidationException notHibernate) {
            // another provider: the template keeps its {name} placeholder
        }
    }
}
