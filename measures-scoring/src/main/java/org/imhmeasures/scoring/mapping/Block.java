/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.mapping;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.imhmeasures.core.internal.Check;

/**
 * One administration of one instrument per row of a wide export (or, for a long export, how the answers of
 * one instrument are named and stored). An instrument mapped as a list of blocks yields one administration
 * per block from each row: an episode row holding baseline and discharge EPDS columns is two blocks.
 *
 * @param instrumentId the catalogue instrument id, e.g. {@code EPDS}
 * @param timepoint the timepoint every administration of this block has (e.g. {@code baseline}); empty to
 *        take it from the mapping's timepoint column
 * @param date the column holding this block's date; empty for the mapping's date column
 * @param answers how the answers are stored
 * @param items item id to column (wide) or to the item's name in the item column (long), in form order;
 *        unmodifiable
 * @param labels option text to option code, for every item of the block ({@link AnswerForm#LABELS});
 *        unmodifiable
 * @param missing cell values that mean "not answered" besides an empty cell, e.g. {@code Not answered}
 *        (matched as labels are); unmodifiable
 * @param total the column holding the record system's own total, compared with ours; empty when none
 * @since 0.1.0
 */
public record Block(String instrumentId, Optional<String> timepoint, Optional<String> date, AnswerForm answers,
        Map<String, String> items, Map<String, String> labels, List<String> missing, Optional<String> total) {

    /**
     * Validates and copies.
     *
     * @param instrumentId the catalogue instrument id
     * @param timepoint the block's own timepoint, or empty
     * @param date the block's own date column, or empty
     * @param answers how the answers are stored
     * @param items item id to column or item name
     * @param labels option text to option code
     * @param missing values that mean "not answered"
     * @param total the system's total column, or empty
     */
    public Block {
        Check.notNull(instrumentId, "instrument id");
        Check.notNull(timepoint, "timepoint");
        Check.notNull(date, "date");
        Check.notNull(answers, "answers");
        Check.argument(!Check.notNull(items, "items").isEmpty(), "items must name at least one item: none");
        items = Collections.unmodifiableMap(new LinkedHashMap<>(items));
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(Check.notNull(labels, "labels")));
        missing = List.copyOf(Check.notNull(missing, "missing"));
        Check.notNull(total, "total");
    }
}
