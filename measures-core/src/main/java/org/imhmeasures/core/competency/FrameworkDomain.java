/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.competency;

import java.util.OptionalInt;
import org.imhmeasures.core.instrument.Source;
import org.imhmeasures.core.internal.Check;

/**
 * A domain (area) of a competency framework.
 *
 * @param id stable id: the domain number for the AIMH UK framework ({@code 1} to {@code 7}), a
 *        snake_case name otherwise
 * @param number the published number, where domains are numbered
 * @param label the label
 * @param source where it is published
 * @since 0.1.0
 */
public record FrameworkDomain(String id, OptionalInt number, String label, Source source) {

    /**
     * Validates.
     *
     * @param id stable id: the domain number for the AIMH UK framework ({@code 1} to {@code 7}), a
     *     snake_case name otherwise
     * @param number the published number, where domains are numbered
     * @param label the label
     * @param source where it is published
     */
    public FrameworkDomain {
        id = Check.notBlank(id, "domain id");
        Check.argument(id.matches("[a-z0-9][a-z0-9_]{0,47}"), "domain id must be a number or snake_case: %s", id);
        Check.notNull(number, "domain number");
        number.ifPresent(n -> Check.argument(n >= 1 && n <= 99, "domain number must be 1 to 99: %d", n));
        label = Check.notBlank(label, "domain label");
        Check.notNull(source, "domain source");
    }
}
