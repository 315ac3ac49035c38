/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

import java.util.Optional;

/**
 * One answer a scale lists by code: a scored {@link AnswerOption} or an unscored {@link AnswerCategory}.
 * For code that needs only what both have (the code, its label, its LOINC answer code): option labels,
 * FHIR codings, code listings. A score is only on {@link AnswerOption}.
 *
 * @since 0.2.0
 */
public sealed interface ListedAnswer permits AnswerOption, AnswerCategory {

    /**
     * The recorded answer code.
     *
     * @return the code, never blank
     */
    String code();

    /**
     * The option text, where it may ship or a licensee supplied it.
     *
     * @return the label, or empty
     */
    Optional<String> label();

    /**
     * The LOINC answer code ({@code LAnnnn-n}) of this answer, where the definition gives one.
     *
     * @return the LOINC answer code, or empty
     */
    Optional<String> loincAnswer();
}
