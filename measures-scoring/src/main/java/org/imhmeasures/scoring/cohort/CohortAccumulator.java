/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.cohort;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.imhmeasures.core.instrument.Direction;
import org.imhmeasures.core.internal.Check;
import org.imhmeasures.scoring.change.ChangeModel;
import org.imhmeasures.scoring.change.ChangeResult;
import org.imhmeasures.scoring.change.RciMethod;

/**
 * Collects a cohort's records one at a time, assessing each pair with a {@link ChangeModel}, and builds a
 * {@link CohortReport} overall and per group. Not thread-safe: use one per analysis.
 *
 * <p>Memory grows with the number of pairs (the Wilcoxon test needs every change), at 24 bytes a pair.
 *
 * @since 0.1.0
 */
public final class CohortAccumulator {

    /** Between the labels of a crossed group, e.g. {@code North / 0-12 months}. */
    public static final String CROSSED_LABEL_SEPARATOR = " / ";

    private final ChangeModel model;
    private final WilcoxonZeros zeros;
    private final List<String> dimensions;
    private final Group overall = new Group();
    private final Map<String, Map<String, Group>> groups = new LinkedHashMap<>();
    private final Map<String, List<String>> order = new LinkedHashMap<>();

    private CohortAccumulator(ChangeModel model, List<String> dimensions, WilcoxonZeros zeros) {
        this.model = Check.notNull(model, "model");
        this.zeros = Check.notNull(zeros, "zeros");
        this.dimensions = List.copyOf(Check.notNull(dimensions, "dimensions"));
        this.dimensions.forEach(d -> groups.put(d, new LinkedHashMap<>()));
    }

    /**
     * Fixes, on this accumulator, the order in which a dimension's groups are reported (e.g. age bands from
     * youngest); labels not listed follow in their natural order ({@link #naturalOrder()}). Calling it again for the same dimension
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
     * @param dimensions grouping dimensions, e.g. {@code team}, {@code age_band}, or crossed ones such as
     *     {@code team*age_band} (one group per combination, labelled {@code North / 0-12 months}); may be empty
     * @return the accumulator, dropping zero changes in the Wilcoxon test ({@link WilcoxonZeros#DROP})
     */
    public static CohortAccumulator of(ChangeModel model, List<String> dimensions) {
        return new CohortAccumulator(model, dimensions, WilcoxonZeros.DROP);
    }

    /**
     * Creates an accumulator with the given treatment of zero changes in the Wilcoxon test.
     *
     * @param model the change model
     * @param dimensions grouping dimensions, as for {@link #of(ChangeModel, List)}
     * @param zeros what the Wilcoxon test does with zero changes
     * @return the accumulator
     * @since 0.1.0
     */
    public static CohortAccumulator of(ChangeModel model, List<String> dimensions, WilcoxonZeros zeros) {
        return new CohortAccumulator(model, dimensions, zeros);
    }

    /**
     * The columns a dimension reads: itself, or for a crossed dimension such as {@code team*age_band} its
     * parts.
     *
     * @param dimension a dimension
     * @return its columns
     */
    public static List<String> columns(String dimension) {
        return List.of(dimension.split("\\*", -1));
    }

    /**
     * The default report order of a dimension's labels: {@code antenatal} first, then labels that begin
     * with a number by that number (age bands: {@code 0-12 months}, {@code 12-24 months} … {@code 36 months
     * and over}), then the others alphabetically ignoring case, {@code unknown} last; crossed labels compare
     * part by part.
     *
     * @return the comparator
     */
    public static Comparator<String> naturalOrder() {
        return CohortAccumulator::compareNatural;
    }

    private static int compareNatural(String a, String b) {
        String[] as = a.split(" / ", -1);
        String[] bs = b.split(" / ", -1);
        for (int i = 0; i < Math.min(as.length, bs.length); i++) {
            int c = comparePart(as[i], bs[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(as.length, bs.length);
    }

    private static int comparePart(String a, String b) {
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        if (ra == 1) {
            int c = Double.compare(leadingNumber(a), leadingNumber(b));
            if (c != 0) {
                return c;
            }
        }
        int c = a.compareToIgnoreCase(b);
        return c != 0 ? c : a.compareTo(b);
    }

    private static int rank(String label) {
        if (label.equalsIgnoreCase("antenatal")) {
            return 0;
        }
        if (label.equalsIgnoreCase("unknown")) {
            return 3;
        }
        return !label.isEmpty() && Character.isDigit(label.charAt(0)) && label.charAt(0) < 128 ? 1 : 2;
    }

    private static double leadingNumber(String label) {
        int end = 0;
        while (end < label.length() && label.charAt(end) >= '0' && label.charAt(end) <= '9') {
            end++;
        }
        return Double.parseDouble(label.substring(0, Math.min(end, 9)));
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
            StringBuilder label = new StringBuilder();
            for (String column : columns(dimension)) {
                String part = groupLabels.getOrDefault(column, "");
                label.append(label.length() == 0 ? "" : CROSSED_LABEL_SEPARATOR).append(part.isBlank() ? "unknown" : part);
            }
            groups.get(dimension).computeIfAbsent(label.toString(), k -> new Group()).add(pre, post, result);
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
            byLabel.keySet().stream().filter(l -> !labels.contains(l)).sorted(naturalOrder()).forEach(labels::add);
            labels.forEach(label -> outcomes.add(byLabel.get(label).outcome(dimension, label, zeros)));
            byDimension.put(dimension, outcomes);
        });
        return new CohortReport(model.parameters(), overall.outcome("all", "all", zeros), byDimension);
    }

    /**
     * The group-level results of the records added so far: the change within the cohort and each group (paired
     * t interval, d_z), each group's post scores against its dimension's first group in the report's order
     * (Welch), verdicts against the model's minimal important difference for improvement when the method is
     * {@link RciMethod#ANCHOR_BASED}, and the model's Hageman–Arrindell
     * estimates. Formulas: {@link GroupChange}.
     *
     * @param confidenceLevel the level of every interval, e.g. 0.95
     * @return the results
     * @since 0.1.0
     */
    public GroupLevelReport groupLevel(double confidenceLevel) {
        Direction direction = model.parameters().direction();
        OptionalDouble mid = model.parameters().minimalImportantDifference()
                .map(m -> OptionalDouble.of(m.improvement())).orElse(OptionalDouble.empty());
        Map<String, List<GroupLevelReport.Group>> byDimension = new LinkedHashMap<>();
        CohortReport report = report();
        report.byDimension().forEach((dimension, outcomes) -> {
            List<GroupLevelReport.Group> entries = new ArrayList<>();
            Group reference = outcomes.isEmpty() ? null : groups.get(dimension).get(outcomes.get(0).group());
            for (CohortOutcome o : outcomes) {
                Group g = groups.get(dimension).get(o.group());
                boolean isReference = g == reference;
                entries.add(new GroupLevelReport.Group(o.group(), g.pairs.size(),
                        GroupChange.within(g.column(0), g.column(1), direction, mid, confidenceLevel),
                        isReference ? Optional.empty() : Optional.of(outcomes.get(0).group()),
                        isReference ? Optional.empty() : GroupChange.between(reference.column(1), g.column(1),
                                direction, mid, confidenceLevel)));
            }
            byDimension.put(dimension, entries);
        });
        return new GroupLevelReport(confidenceLevel, mid, GroupChange.within(overall.column(0), overall.column(1),
                direction, mid, confidenceLevel), byDimension, model.groupSignificance());
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

        /** The pre (0) or post (1) scores of the assessed pairs. */
        double[] column(int index) {
            double[] values = new double[pairs.size()];
            for (int i = 0; i < pairs.size(); i++) {
                values[i] = pairs.get(i)[index];
            }
            return values;
        }

        CohortOutcome outcome(String dimension, String label, WilcoxonZeros zeros) {
            double[] pre = new double[pairs.size()];
            double[] post = new double[pairs.size()];
            for (int i = 0; i < pairs.size(); i++) {
                pre[i] = pairs.get(i)[0];
                post[i] = pairs.get(i)[1];
            }
            return new CohortOutcome(dimension, label, CohortStatistics.summarise(read, pre, post, zeros),
                    CohortStatistics.count(results));
        }
    }
}
