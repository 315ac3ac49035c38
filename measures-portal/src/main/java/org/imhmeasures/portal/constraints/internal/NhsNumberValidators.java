/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.portal.constraints.internal;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.imhmeasures.core.care.NhsNumber;
import org.imhmeasures.portal.constraints.ValidNhsNumber;

/** Validators of {@link ValidNhsNumber}, one per supported type. Not API. */
public final class NhsNumberValidators {

    private NhsNumberValidators() {
    }

    /** Text: checked with {@link NhsNumber#isValid(String)}. */
    public static final class ForCharSequence implements ConstraintValidator<ValidNhsNumber, CharSequence> {

        /** Created by the validation provider. */
        public ForCharSequence() {
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || NhsNumber.isValid(value.toString());
        }
    }

    /** A parsed {@link NhsNumber}: valid by construction. */
    public static final class ForNhsNumber implements ConstraintValidator<ValidNhsNumber, NhsNumber> {

        /** Created by the validation provider. */
        public ForNhsNumber() {
        }

        @Override
        public boolean isValid(NhsNumber value, ConstraintValidatorContext context) {
            return true;
        }
    }
}
