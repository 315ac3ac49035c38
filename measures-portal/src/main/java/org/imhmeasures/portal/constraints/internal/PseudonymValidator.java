/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.portal.constraints.internal;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.imhmeasures.core.care.PseudonymousId;
import org.imhmeasures.portal.constraints.ValidPseudonym;

/** Validator of {@link ValidPseudonym}: {@link PseudonymousId#of(String)} accepts the value. Not API. */
public final class PseudonymValidator implements ConstraintValidator<ValidPseudonym, CharSequence> {

    /** Created by the validation provider. */
    public PseudonymValidator() {
    }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        try {
            PseudonymousId.of(value.toString());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
