/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.cohort;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.imhmeasures.core.internal.Check;
import org.imhmeasures.scoring.change.GroupSignificance;

/**
 * Group-level results of a cohort ({@link CohortAccumulator#groupLevel}): the change within the whole cohort
 * and within each group, and each group's post scores against the dimension's reference group (the first in
 * the groups' order), as {@link GroupChange} computes them; for Hageman–Arrindell also the model's
 * {@link GroupSignificance}.
 *
 * @param confidenceLevel the level of every interval, in (0, 1)
 * @param mid the minimal important difference for improvement the verdicts use, if any
 * @param overall the change within the whole cohort; empty with fewer than 2 pairs
 * @param byDimension per dimension, its groups in order
 * @param hagemanArrindell the Hageman–Arrindell group-level estimates, for that method
 * @since 0.1.0
 */
public record GroupLevelReport(double confidenceLevel, OptionalDouble mid, Optional<GroupChange.Within> overall,
        Map<String, List<Group>> byDimension, Optional<GroupSignificance> hagemanArrindell) {

    /**
     * Validates and copies.
     *
     * @param confidenceLevel the level, in (0, 1)
     * @param mid the MID, or empty
     * @param overall the whole cohort's change, or empty
     * @param byDimension groups per dimension
     * @param hagemanArrindell the estimates, or empty
     */
    public GroupLevelReport {
        Check.argument(confidenceLevel > 0 && confidenceLevel < 1, "confidence level must lie in (0, 1): %s",
                confidenceLevel);
        Check.notNull(mid, "mid");
        Check.notNull(overall, "overall");
        Check.notNull(hagemanArrindell, "Hageman-Arrindell estimates");
        Map<String, List<Group>> copy = new LinkedHashMap<>();
        Check.notNull(byDimension, "by dimension").forEach((k, v) -> copy.put(k, List.copyOf(v)));
        byDimension = Collections.unmodifiableMap(copy);
    }

    /**
     * One group's results.
     *
     * @param group the group's label
     * @param nPaired the group's assessed pairs
     * @param within the change within the group; empty with fewer than 2 pairs
     * @param reference the reference group's label this group is compared with; empty for the reference itself
     * @param versusReference this group's post scores minus the reference group's; empty for the reference
     *     itself and when either group has fewer than 2 pairs or neither varies
     */
    public record Group(String group, long nPaired, Optional<GroupChange.Within> within, Optional<String> reference,
            Optional<GroupChange.Between> versusReference) {

        /**
         * Validates.
         *
         * @param group the label, not blank
         * @param nPaired the pairs, at least 0
         * @param within the change within, or empty
         * @param reference the reference label, or empty
         * @param versusReference the comparison, or empty
         */
        public Group {
            Check.notBlank(group, "group");
            Check.argument(nPaired >= 0, "pairs must be at least 0: %d", nPaired);
            Check.notNull(within, "within");
            Check.notNull(reference, "reference");
            Check.notNull(versusReference, "versus reference");
        }
    }
}
