/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

import org.imhmeasures.core.internal.Check;

/**
 * A value deliberately left out of a definition because no source confirms it, e.g.
 * {@code reliableChange: no published reliable-change value}. The library never guesses.
 *
 * @param field the definition field that is left out
 * @param note why
 * @since 0.1.0
 */
public record Omission(String field, String note) {

    /**
     * Validates.
     *
     * @param field the definition field that is left out
     * @param note why
     */
    public Omission {
        field = Check.notBlank(field, "omission field");
        note = Check.notBlank(note, "omission note");
    }
}
