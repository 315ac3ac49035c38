/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.portal.constraints.internal;

import jakarta.validation.ConstraintDeclarationException;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.imhmeasures.core.risk.RiskTaxonomy;
import org.imhmeasures.portal.constraints.KnownCode;
import org.imhmeasures.portal.submission.internal.CodeList;

/**
 * Validator of {@link KnownCode}: the value is in the named {@link CodeList}, read against the host's
 * {@link RiskTaxonomy} payload or the built-in taxonomy. Not API.
 */
public final class KnownCodeValidator implements ConstraintValidator<KnownCode, CharSequence> {

    private CodeList list;

    /** Created by the validation provider. */
    public KnownCodeValidator() {
    }

    @Override
    public void initialize(KnownCode annotation) {
        // the list name is the developer's annotation attribute, never submitted data: safe to name
        list = CodeList.byName(annotation.value()).orElseThrow(() -> new ConstraintDeclarationException(
                "@KnownCode list must be one of " + CodeList.names() + ": " + annotation.value()));
    }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        RiskTaxonomy taxonomy = Payloads.of(context, RiskTaxonomy.class).orElseGet(RiskTaxonomy::builtIn);
        if (list.contains(value.toString(), taxonomy)) {
            return true;
        }
        Payloads.addParameter(context, "list", list.description(taxonomy));
        return false;
    }
}
