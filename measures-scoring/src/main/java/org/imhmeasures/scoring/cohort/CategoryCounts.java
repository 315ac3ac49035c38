/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.cohort;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.imhmeasures.core.internal.Check;
import org.imhmeasures.scoring.change.Category;
import org.imhmeasures.scoring.change.ReliableChangeDirection;

/**
 * Counts of individual change results in a cohort, each with its Wilson 95% interval.
 *
 * @param assessed pairs with an assessment (the denominator of the proportions)
 * @param notAssessable pairs that could not be assessed
 * @param categories proportion per category (only categories that occur)
 * @param reliableChange proportion per reliable-change verdict (all three)
 * @param crossedIntoFunctional crossed the cut-off into the functional range (reliably or not), among those
 *        who started dysfunctional; this is the cut-off half of clinically significant change only (NHS
 *        "recovery" when the cut-off is caseness)
 * @param reliableRecovery crossed into the functional range with reliable improvement, among those who
 *        started dysfunctional (NHS Talking Therapies "reliable recovery", with its denominator)
 * @since 0.1.0
 */
public record CategoryCounts(long assessed, long notAssessable, Map<Category, Proportion> categories,
        Map<ReliableChangeDirection, Proportion> reliableChange, Proportion crossedIntoFunctional,
        Proportion reliableRecovery) {

    /**
     * Validates and copies.
     *
     * @param assessed pairs with an assessment (the denominator of the proportions)
     * @param notAssessable pairs that could not be assessed
     * @param categories proportion per category (only categories that occur)
     * @param reliableChange proportion per reliable-change verdict (all three)
     * @param crossedIntoFunctional crossed the cut-off into the functional range (reliably or not), among those
     *     who started dysfunctional; this is the cut-off half of clinically significant change only (NHS
     *     "recovery" when the cut-off is caseness)
     * @param reliableRecovery crossed into the functional range with reliable improvement, among those who
     *     started dysfunctional (NHS Talking Therapies "reliable recovery" and its denominator)
     */
    public CategoryCounts {
        categories = Collections.unmodifiableMap(copy(Check.notNull(categories, "categories"), Category.class));
        reliableChange = Collections.unmodifiableMap(copy(Check.notNull(reliableChange, "reliable change"),
                ReliableChangeDirection.class));
        Check.notNull(crossedIntoFunctional, "crossed into functional");
        Check.notNull(reliableRecovery, "reliable recovery");
    }

    private static <K extends Enum<K>> Map<K, Proportion> copy(Map<K, Proportion> map, Class<K> type) {
        Map<K, Proportion> copy = new EnumMap<>(type);
        copy.putAll(map);
        return copy;
    }
}
