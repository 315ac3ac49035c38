/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.portal.constraints.internal;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.portal.constraints.KnownInstrument;

/**
 * Validator of {@link KnownInstrument}: the host's {@link Catalogue} payload, or the built-in catalogue,
 * has an instrument of that id. Not API.
 */
public final class KnownInstrumentValidator implements ConstraintValidator<KnownInstrument, CharSequence> {

    /** Created by the validation provider. */
    public KnownInstrumentValidator() {
    }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        Catalogue catalogue = Payloads.of(context, Catalogue.class).orElseGet(Catalogue::builtIn);
        return catalogue.find(value.toString()).isPresent();
    }
}
