/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

import java.util.Optional;
import org.imhmeasures.core.internal.Check;

/**
 * One item of an instrument.
 *
 * @param id stable id {@code <key>_<n>}, e.g. {@code phq9_9}
 * @param position 1-based position on the form
 * @param wording the item text, present only where the licence allows it or a licensee supplied it
 * @param scale how the item is answered
 * @param critical the safety rule, where the item is a critical item
 * @since 0.1.0
 */
public record Item(String id, int position, Optional<String> wording, ResponseScale scale,
        Optional<CriticalItemRule> critical) {

    /**
     * Validates.
     *
     * @param id stable id {@code <key>_<n>}, e.g. {@code phq9_9}
     * @param position 1-based position on the form
     * @param wording the item text, present only where the licence allows it or a licensee supplied it
     * @param scale how the item is answered
     * @param critical the safety rule, where the item is a critical item
     */
    public Item {
        id = Check.notBlank(id, "item id");
        Check.argument(id.matches("[a-z0-9]+_[0-9]+"), "item id must look like key_n: %s", id);
        Check.argument(position >= 1, "item position must be at least 1: %d", position);
        Check.notNull(wording, "item wording");
        wording = wording.map(String::strip).filter(text -> !text.isEmpty());
        Check.notNull(scale, "item scale");
        Check.notNull(critical, "item critical rule");
    }

    /**
     * The item's scale where it carries scores: every item of a scored instrument; none of an answers-only
     * one ({@link ResponseScale.Unscored}).
     *
     * @return the scored scale, or empty for an unscored one
     * @since 0.2.0
     */
    public Optional<ResponseScale.ScoredScale> scoredScale() {
        return scale instanceof ResponseScale.ScoredScale scored ? Optional.of(scored) : Optional.empty();
    }

    /**
     * Returns a copy with the given wording (used when a licensee supplies text).
     *
     * @param text the item text
     * @param scale the scale, possibly with option labels added
     * @return a new item
     */
    public Item withWording(Optional<String> text, ResponseScale scale) {
        return new Item(id, position, text, scale, critical);
    }
}
