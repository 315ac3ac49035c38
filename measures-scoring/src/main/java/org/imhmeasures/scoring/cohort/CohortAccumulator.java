/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.cohort;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.imhmeasures.core.internal.Check;
import org.imhmeasures.scoring.change.ChangeModel;
import org.imhmeasures.scoring.change.ChangeResult;

/**
 * Collects a cohort's records one at a time, assessing each pair with a {@link ChangeModel}, and builds a
 * {@link CohortReport} overall and per group. Not thread-safe: use one per analysis.
 *
 * <p>Memory grows with the number of pairs (the Wilcoxon test needs every change), at 24 bytes a pair.
 *
 * @since 0.1.0
 */
public final class CohortAccumulator {

    private final ChangeModel model;
    private final List<String> dimensions;
    private final Group overall = new Group();
    private final Map<String, Map<String, Group>> groups = new LinkedHashMap<>();
    private final Map<String, List<String>> order = new LinkedHashMap<>();

    private CohortAccumulator(ChangeModel model, List<String> dimensions) {
        this.model = Check.notNull(model, "model");
        this.dimensions = List.copyOf(Check.notNull(dimensions, "dimensions"));
        this.dimensions.forEach(d -> groups.put(d, new LinkedHashMap<>()));
    }

    /**
     * Fixes, on this accumulator, the order in which a dimension's groups are reported (e.g. age bands from
     * youngest); labels not listed follow in first-seen order. Calling it again for the same dimension
     * replaces the order.
     *
     * @param dimension a dimension given at creation
     * @param labels labels in report order
     * @throws IllegalArgumentException when the dimension was not given at creation
     * @since 0.1.0
     */
    public void orderGroups(String dimension, List<String> labels) {
        Check.argument(groups.containsKey(dimension), "dimension must be one of %s: %s", dimensions, dimension);
        order.put(dimension, List.copyOf(labels));
    }

    /**
     * Creates an accumulator.
     *
     * @param model the change model (instrument, method, parameters)
     * @param dimensions grouping dimensions, e.g. {@code team}, {@code age_band}; may be empty
     * @return the accumulator
     */
    public static CohortAccumulator of(ChangeModel model, List<String> dimensions) {
        return new CohortAccumulator(model, dimensions);
    }

    /**
     * Adds one record. A record with a missing pre or post counts as read but not paired.
     *
     * @param groupLabels the record's label per dimension; a missing label groups as {@code unknown}
     * @param pre the pre total, if any
     * @param post the post total, if any
     * @return the change assessment, or empty when the record is not paired
     */
    public Optional<ChangeResult> add(Map<String, String> groupLabels, OptionalDouble pre,
            OptionalDouble post) {
        ChangeResult result = pre.isPresent() && post.isPresent()
                ? model.assess(pre.getAsDouble(), post.getAsDouble()) : null;
        overall.add(pre, post, result);
        for (String dimension : dimensions) {
            String label = groupLabels.getOrDefault(dimension, "");
            groups.get(dimension).computeIfAbsent(label.isBlank() ? "unknown" : label, k -> new Group())
                    .add(pre, post, result);
        }
        return Optional.ofNullable(result);
    }

    /**
     * Builds the report of everything added so far.
     *
     * @return the report
     */
    public CohortReport report() {
        Map<String, List<CohortOutcome>> byDimension = new LinkedHashMap<>();
        groups.forEach((dimension, byLabel) -> {
            List<CohortOutcome> outcomes = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            order.getOrDefault(dimension, List.of()).stream().filter(byLabel::containsKey).forEach(labels::add);
            byLabel.keySet().stream().filter(l -> !labels.contains(l)).forEach(labels::add);
            labels.forEach(label -> outcomes.add(byLabel.get(label).outcome(dimension, label)));
            byDimension.put(dimension, outcomes);
        });
        return new CohortReport(model.parameters(), overall.outcome("all", "all"), byDimension);
    }

    /** One group's pairs; only assessed or range-valid pairs enter the statistics. */
    private static final class Group {
        long read;
        final List<double[]> pairs = new ArrayList<>();
        final List<ChangeResult> results = new ArrayList<>();

        void add(OptionalDouble pre, OptionalDouble post, ChangeResult result) {
            read++;
            if (result != null) {
                results.add(result);
                if (result instanceof ChangeResult.Assessed) {
                    pairs.add(new double[] {pre.getAsDouble(), post.getAsDouble()});
                }
            }
        }

        CohortOutcome outcome(String dimension, String label) {
            double[] pre = new double[pairs.size()];
            double[] post = new double[pairs.size()];
            for (int i = 0; i < pairs.size(); i++) {
                pre[i] = pairs.get(i)[0];
                post[i] = pairs.get(i)[1];
            }
            return new CohortOutcome(dimension, label, CohortStatistics.summarise(read, pre, post),
                    CohortStatistics.count(results));
        }
    }
}
