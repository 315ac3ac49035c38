/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.portal.submission;

import org.imhmeasures.core.internal.Check;

/**
 * One reason a submission is rejected.
 *
 * <p>{@code path} is a JSON path without a leading {@code $} ({@code referral.date},
 * {@code administrations[1].answers.phq9_4}; empty for the whole document). Keys that are not part of
 * the format are never echoed but located by their position in the object, e.g.
 * {@code referral.<key#3>}. {@code code} is stable across releases and translations (the list is in
 * the package documentation). {@code message} follows {@code <what> must <rule>: <offending value>},
 * comes from the {@code ValidationMessages} bundle, and never contains a submitted value: no NHS
 * number, name or date can appear in it.
 *
 * @param path where, as a JSON path
 * @param code stable machine-readable reason, e.g. {@code nhs_number}
 * @param message readable reason without identifiers
 * @since 0.1.0
 */
public record Violation(String path, String code, String message) {

    /**
     * Validates.
     *
     * @param path where, as a JSON path
     * @param code stable machine-readable reason, e.g. {@code nhs_number}
     * @param message readable reason without identifiers
     */
    public Violation {
        Check.notNull(path, "path");
        code = Check.notBlank(code, "code");
        message = Check.notBlank(message, "message");
    }
}
