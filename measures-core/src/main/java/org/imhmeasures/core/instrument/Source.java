/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

import org.imhmeasures.core.internal.Check;

/**
 * Where a clinical number or rule comes from: a citation a reviewer can follow (paper with DOI,
 * manual section, or public code at a commit).
 *
 * <p>Every cut-off, band, reverse-keyed item, reliable-change value, conversion table and
 * missing-item rule in a definition carries one. Equality is by citation text.
 *
 * @param citation human-readable citation, never blank
 * @since 0.1.0
 */
public record Source(String citation) {

    /**
     * Validates and trims the citation.
     *
     * @param citation human-readable citation, never blank
     */
    public Source {
        citation = Check.notBlank(citation, "source citation");
    }

    /**
     * Creates a source.
     *
     * @param citation human-readable citation
     * @return the source
     */
    public static Source of(String citation) {
        return new Source(citation);
    }
}
