/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.competency;

import org.imhmeasures.core.instrument.Source;
import org.imhmeasures.core.internal.Check;

/**
 * A level of a competency framework (AIMH UK level 1 to 3), or an endorsement category (MI-AIMH).
 *
 * @param id stable id, e.g. {@code level_2} or {@code imhs}
 * @param label the published label
 * @param description what the level is for, paraphrased
 * @param source where it is published
 * @since 0.1.0
 */
public record FrameworkLevel(String id, String label, String description, Source source) {

    /**
     * Validates.
     *
     * @param id stable id, e.g. {@code level_2} or {@code imhs}
     * @param label the published label
     * @param description what the level is for, paraphrased
     * @param source where it is published
     */
    public FrameworkLevel {
        id = Check.notBlank(id, "level id");
        Check.argument(id.matches("[a-z][a-z0-9_]{0,31}"), "level id must be snake_case: %s", id);
        label = Check.notBlank(label, "level label");
        description = Check.notBlank(description, "level description");
        Check.notNull(source, "level source");
    }
}
