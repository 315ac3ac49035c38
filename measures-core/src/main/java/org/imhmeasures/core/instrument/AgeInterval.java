/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

import org.imhmeasures.core.internal.Check;

/**
 * The age interval of one questionnaire in an age-interval family (ASQ:SE-2: one questionnaire for each of
 * the 2, 6, 12, 18, 24, 30, 36, 48 and 60 month intervals, each with its own items and cut-off). The
 * instruments of a family share {@code family}; {@code Catalogue#intervals(String)} lists them by age.
 *
 * <p>Which interval a child is given is the caller's choice: the publisher's age window of each interval
 * is in the licensed materials and is not confirmed here, so the library does not pick an interval from a
 * date of birth (see the family's omissions).
 *
 * @param family the family id, e.g. {@code ASQ:SE-2}
 * @param months the interval in months, e.g. {@code 24}
 * @param source where the interval is published
 * @since 0.2.0
 */
public record AgeInterval(String family, int months, Source source) {

    /**
     * Validates.
     *
     * @param family the family id, e.g. {@code ASQ:SE-2}
     * @param months the interval in months, 1 to 240
     * @param source where the interval is published
     */
    public AgeInterval {
        family = Check.notBlank(family, "age-interval family");
        Check.argument(months >= 1 && months <= 240, "age interval months must be within 1..240: %d", months);
        Check.notNull(source, "age-interval source");
    }
}
