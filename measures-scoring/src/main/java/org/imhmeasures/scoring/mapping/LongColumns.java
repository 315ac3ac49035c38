/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.mapping;

import org.imhmeasures.core.internal.Check;

/**
 * The columns of a long export ({@link Layout#LONG}): one answer per row.
 *
 * @param instrument the column naming the instrument (names mapped by the mapping's {@code instrumentNames})
 * @param item the column naming the item (names mapped by each instrument's {@code items})
 * @param answer the column holding the answer (a code, score or label, as the instrument's {@code answers} says)
 * @since 0.1.0
 */
public record LongColumns(String instrument, String item, String answer) {

    /**
     * Validates.
     *
     * @param instrument the column naming the instrument
     * @param item the column naming the item
     * @param answer the column holding the answer
     */
    public LongColumns {
        Check.argument(!Check.notNull(instrument, "instrument column").isBlank(), "instrument column must not be blank: blank");
        Check.argument(!Check.notNull(item, "item column").isBlank(), "item column must not be blank: blank");
        Check.argument(!Check.notNull(answer, "answer column").isBlank(), "answer column must not be blank: blank");
    }
}
