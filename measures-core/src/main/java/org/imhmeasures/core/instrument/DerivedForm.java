/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.imhmeasures.core.internal.Check;

/**
 * Says that an instrument is asked as part of a longer one, item for item: the PHQ-2 is PHQ-9 items 1 and 2,
 * the GAD-2 is GAD-7 items 1 and 2, with the same options and scores. An administration of the longer form
 * therefore yields one of the shorter (see {@code Administration#derive} in measures-scoring).
 *
 * <p>Equality is by parent id, item map (in order) and source.
 *
 * @param parentId the id of the longer instrument, e.g. {@code PHQ-9}
 * @param items this instrument's item id → the parent's item id, one entry per item of this instrument, in form
 *     order
 * @param source where the correspondence is published
 * @since 0.2.0
 */
public record DerivedForm(String parentId, Map<String, String> items, Source source) {

    /**
     * Validates and copies.
     *
     * @param parentId the id of the longer instrument, e.g. {@code PHQ-9}
     * @param items this instrument's item id → the parent's item id, one entry per item of this instrument,
     *     in form order
     * @param source where the correspondence is published
     */
    public DerivedForm {
        parentId = Check.notBlank(parentId, "derived-from instrument id");
        Check.notNull(items, "derived-from items");
        Check.argument(!items.isEmpty(), "derived-from items must not be empty: none");
        Map<String, String> copy = new LinkedHashMap<>();
        items.forEach((own, parent) -> copy.put(Check.notBlank(own, "derived item id"),
                Check.notBlank(parent, "parent item id")));
        Check.argument(copy.values().stream().distinct().count() == copy.size(),
                "derived-from items must name each parent item once: %s", copy.values());
        items = Collections.unmodifiableMap(copy);
        Check.notNull(source, "derived-from source");
    }
}
