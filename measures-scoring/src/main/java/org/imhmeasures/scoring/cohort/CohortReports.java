/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.cohort;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.imhmeasures.core.LibraryVersion;
import org.imhmeasures.core.internal.Json;
import org.imhmeasures.scoring.change.ChangeParameters;
import org.imhmeasures.scoring.change.ReliableChangeDirection;
import org.imhmeasures.scoring.internal.Vocabulary;

/**
 * Renders a {@link CohortReport} as JSON text (for files and portals) or as plain-text tables (for people).
 * The report itself, with its {@link CohortOutcome}s, {@link PairedSummary} and {@link CategoryCounts},
 * is the structured form: immutable records a program reads directly; this class only writes them.
 * Stateless and thread-safe.
 *
 * <p>JSON: an object with {@code instrument}, {@code definitionVersion}, {@code libraryVersion},
 * {@code parameters} (method short name such as {@code jt} or {@code nhs}, source, direction, the
 * parameters used, the functional cut-off and the sources of each), {@code overall} and {@code groups}
 * (per dimension, an array of outcomes in report order). Numbers are rounded to four decimals, except
 * p-values; an absent statistic is left out rather than written as {@code null}. Reliable-change and
 * category keys are the words of the change CSV ({@code improved}, {@code reliable_recovery} …). Every
 * share names its {@code denominator}: {@code pairs assessed} for reliable change and the categories,
 * {@code cases at baseline} for {@code recovery} (crossing the cut-off into the functional range) and
 * {@code reliableRecovery} (recovery with reliable improvement), the NHS Talking Therapies denominator
 * (NHS Digital, Psychological Therapies: reports on the use of IAPT services, June 2020 final,
 * "Outcomes"); {@code clinicallySignificantAmongDysfunctionalAtStart} is the older name of
 * {@code recovery}, kept for callers.
 *
 * @since 0.1.0
 */
public final class CohortReports {

    private static final ObjectMapper JSON = Json.reports();

    private CohortReports() {
    }

    /** Denominator of reliable change and the categories. */
    static final String PAIRS = "pairs assessed";

    /** Denominator of recovery and reliable recovery (NHS Talking Therapies). */
    static final String CASES = "cases at baseline";

    /** The report as a JSON tree (kept inside: callers get the text, or the report's own records). */
    private static ObjectNode tree(CohortReport report, Suppression suppression) {
        ObjectNode root = JSON.createObjectNode();
        ChangeParameters p = report.parameters();
        root.put("instrument", p.instrumentId());
        root.put("definitionVersion", p.definitionVersion());
        root.put("libraryVersion", LibraryVersion.current());
        ObjectNode params = root.putObject("parameters");
        params.put("method", Vocabulary.rciMethod(p.method()));
        params.put("source", p.source().name().toLowerCase(Locale.ROOT));
        params.put("direction", p.direction().name().toLowerCase(Locale.ROOT));
        put(params, "threshold", p.threshold());
        put(params, "sd", p.sd());
        put(params, "reliability", p.reliability());
        put(params, "reliabilityPost", p.reliabilityPost());
        put(params, "meanPre", p.meanPre());
        put(params, "meanPost", p.meanPost());
        put(params, "sdPost", p.sdPost());
        put(params, "correlation", p.correlation());
        put(params, "criticalValue", p.criticalValue());
        p.cutoff().ifPresent(c -> {
            ObjectNode cut = params.putObject("functionalCutoff");
            cut.put("criterion", c.criterion().name().toLowerCase(Locale.ROOT));
            cut.put("value", round(c.value()));
        });
        // present only for the methods that have them, so the other methods' reports are unchanged
        p.minimalImportantDifference().ifPresent(m -> {
            params.put("midImprovement", round(m.improvement()));
            params.put("midDeterioration", round(m.deterioration()));
        });
        p.percentageChange().ifPresent(m -> {
            params.put("pctImprovement", round(m.improvement()));
            params.put("pctDeterioration", round(m.deterioration()));
        });
        p.trueScore().ifPresent(t -> {
            ObjectNode ts = params.putObject("trueScore");
            ts.put("sem", round(t.sem()));
            ts.put("reliabilityPost", round(t.reliabilityPost()));
            ts.put("reliabilityOfDifference", round(t.reliabilityOfDifference()));
        });
        p.sources().forEach(params.putArray("sources")::add);
        if (!p.suppliedByCaller().isEmpty()) {
            p.suppliedByCaller().forEach(params.putArray("suppliedByCaller")::add);
        }
        if (suppression.threshold() > 0) {
            root.put("suppressedBelow", suppression.threshold());
        }
        outcome(root.putObject("overall"), report.overall(), suppression);
        ObjectNode groups = root.putObject("groups");
        report.byDimension().forEach((dimension, outcomes) -> {
            var array = groups.putArray(dimension);
            outcomes.forEach(o -> outcome(array.addObject(), o, suppression));
        });
        return root;
    }

    /**
     * The report as indented JSON text (two-space indent, {@code " : "} between name and value, no
     * trailing line break); see the class javadoc for its fields.
     *
     * @param report the report
     * @return JSON
     */
    public static String toJson(CohortReport report) {
        return toJson(report, Suppression.none());
    }

    /**
     * The report as JSON, with small numbers suppressed for publication: a hidden count is the string
     * {@code "<N"}, its percent and interval are left out, and a group with fewer than N pairs has
     * {@code "suppressed": true} instead of its statistics; the root gains {@code suppressedBelow}.
     *
     * @param report the report
     * @param suppression the policy; {@link Suppression#none()} gives {@link #toJson(CohortReport)}
     * @return JSON
     * @since 0.1.0
     */
    public static String toJson(CohortReport report, Suppression suppression) {
        try {
            return JSON.writeValueAsString(tree(report, suppression));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report must serialise: " + e.getOriginalMessage(), e);
        }
    }

    private static void outcome(ObjectNode node, CohortOutcome o, Suppression suppression) {
        node.put("group", o.group());
        PairedSummary s = o.summary();
        count(node, "nRead", s.nRead(), suppression);
        count(node, "nPaired", s.nPaired(), suppression);
        if (suppression.hides(s.nPaired())) {
            node.put("suppressed", true);
            return;
        }
        put(node, "completeness", s.completeness());
        put(node, "meanPre", s.meanPre());
        put(node, "meanPost", s.meanPost());
        put(node, "meanChange", s.meanChange());
        put(node, "sdChange", s.sdChange());
        interval(node, "meanChangeCi95", s.meanChangeCi95());
        s.pairedT().ifPresent(t -> {
            ObjectNode tn = node.putObject("pairedT");
            tn.put("t", round(t.statistic()));
            tn.put("df", round(t.degreesOfFreedom().orElse(Double.NaN)));
            tn.put("p", t.pValue());
        });
        s.wilcoxon().ifPresent(w -> {
            ObjectNode wn = node.putObject("wilcoxonSignedRank");
            wn.put("w", round(w.statistic()));
            wn.put("p", w.pValue());
        });
        put(node, "cohensDz", s.cohensDz());
        interval(node, "cohensDzCi95", s.cohensDzCi95());
        put(node, "hedgesG", s.hedgesG());
        interval(node, "hedgesGCi95", s.hedgesGCi95());
        CategoryCounts c = o.counts();
        count(node, "assessed", c.assessed(), suppression);
        count(node, "notAssessable", c.notAssessable(), suppression);
        ObjectNode reliable = node.putObject("reliableChange");
        c.reliableChange().forEach((k, v) -> proportion(reliable.putObject(Vocabulary.reliableChange(k)), v, PAIRS,
                suppression));
        ObjectNode categories = node.putObject("categories");
        c.categories().forEach((k, v) -> proportion(categories.putObject(Vocabulary.category(k)), v, PAIRS,
                suppression));
        proportion(node.putObject("clinicallySignificantAmongDysfunctionalAtStart"), c.crossedIntoFunctional(), CASES,
                suppression);
        proportion(node.putObject("recovery"), c.crossedIntoFunctional(), CASES, suppression);
        proportion(node.putObject("reliableRecovery"), c.reliableRecovery(), CASES, suppression);
    }

    private static void count(ObjectNode node, String name, long count, Suppression suppression) {
        if (suppression.hides(count)) {
            node.put(name, suppression.show(count));
        } else {
            node.put(name, count);
        }
    }

    private static void proportion(ObjectNode node, Proportion p, String denominator, Suppression suppression) {
        count(node, "count", p.count(), suppression);
        count(node, "of", p.total(), suppression);
        node.put("denominator", denominator);
        if (suppression.hides(p.count()) || suppression.hides(p.total())) {
            return;
        }
        p.percent().ifPresent(v -> node.put("percent", round(v)));
        p.wilson95().ifPresent(i -> {
            node.put("wilson95Lower", round(i.lower()));
            node.put("wilson95Upper", round(i.upper()));
        });
    }

    private static void interval(ObjectNode node, String name, Optional<Interval> interval) {
        interval.ifPresent(i -> node.putArray(name).add(round(i.lower())).add(round(i.upper())));
    }

    private static void put(ObjectNode node, String name, OptionalDouble value) {
        if (value.isPresent()) {
            node.put(name, round(value.getAsDouble()));
        }
    }

    private static double round(double value) {
        return Double.isFinite(value) ? Math.round(value * 10_000d) / 10_000d : value;
    }

    /**
     * The report as plain-text tables: one row per group with n, completeness, mean change (95% CI),
     * d_z, p-values and the reliable-change split.
     *
     * @param report the report
     * @return text, lines separated by {@code \n}
     */
    public static String toText(CohortReport report) {
        return toText(report, Suppression.none());
    }

    /**
     * The report as plain-text tables with small numbers suppressed ({@code <N}) for publication.
     *
     * @param report the report
     * @param suppression the policy; {@link Suppression#none()} gives {@link #toText(CohortReport)}
     * @return text, lines separated by {@code \n}
     * @since 0.1.0
     */
    public static String toText(CohortReport report, Suppression suppression) {
        StringBuilder text = new StringBuilder();
        ChangeParameters p = report.parameters();
        text.append(p.instrumentId()).append(" (definition ").append(p.definitionVersion()).append("), method ")
                .append(Vocabulary.rciMethod(p.method())).append(", ").append(p.source().name().toLowerCase(Locale.ROOT))
                .append(" parameters\n");
        String[] header = {"group", "read", "paired", "mean pre", "mean post", "change (95% CI)", "d_z", "t p",
            "Wilcoxon p", "improved", "no change", "deteriorated", "into functional", "reliable recovery"};
        List<String[]> rows = new ArrayList<>();
        rows.add(row(report.overall(), suppression));
        report.byDimension().forEach((dimension, outcomes) -> outcomes.forEach(o -> {
            String[] r = row(o, suppression);
            r[0] = dimension + ": " + o.group();
            rows.add(r);
        }));
        int[] widths = new int[header.length];
        for (int c = 0; c < header.length; c++) {
            widths[c] = header[c].length();
            for (String[] r : rows) {
                widths[c] = Math.max(widths[c], r[c].length());
            }
        }
        line(text, header, widths);
        String[] rule = new String[header.length];
        for (int c = 0; c < header.length; c++) {
            rule[c] = "-".repeat(widths[c]);
        }
        line(text, rule, widths);
        rows.forEach(r -> line(text, r, widths));
        text.append("Shares: improved, no change and deteriorated of the pairs assessed; into functional (recovery) and "
                + "reliable recovery of the cases at baseline (NHS Talking Therapies).");
        if (suppression.threshold() > 0) {
            text.append(" Counts below ").append(suppression.threshold()).append(" are shown as <")
                    .append(suppression.threshold()).append('.');
        }
        text.append('\n');
        return text.toString();
    }

    private static String[] row(CohortOutcome o, Suppression suppression) {
        PairedSummary s = o.summary();
        Map<ReliableChangeDirection, Proportion> rc = o.counts().reliableChange();
        if (suppression.hides(s.nPaired())) {
            String[] hidden = new String[14];
            Arrays.fill(hidden, "-");
            hidden[0] = o.group();
            hidden[1] = suppression.show(s.nRead());
            hidden[2] = suppression.show(s.nPaired());
            return hidden;
        }
        return new String[] {o.group(), suppression.show(s.nRead()), s.nPaired() + pct(s.completeness()),
            fmt(s.meanPre()), fmt(s.meanPost()),
            fmt(s.meanChange()) + s.meanChangeCi95().map(i -> " (" + f(i.lower()) + ", " + f(i.upper()) + ")").orElse(""),
            fmt(s.cohensDz()), s.pairedT().map(t -> p(t.pValue())).orElse("-"),
            s.wilcoxon().map(w -> p(w.pValue())).orElse("-"),
            share(rc.get(ReliableChangeDirection.IMPROVED), suppression),
            share(rc.get(ReliableChangeDirection.NONE), suppression),
            share(rc.get(ReliableChangeDirection.DETERIORATED), suppression),
            share(o.counts().crossedIntoFunctional(), suppression), share(o.counts().reliableRecovery(), suppression)};
    }

    private static String share(Proportion p, Suppression suppression) {
        if (p != null && (suppression.hides(p.count()) || suppression.hides(p.total()))) {
            return suppression.show(p.count());
        }
        return p == null || p.percent().isEmpty() ? "-" : p.count() + " (" + Math.round(p.percent().get()) + "%)";
    }

    private static String pct(OptionalDouble value) {
        return value.isPresent() ? " (" + Math.round(100 * value.getAsDouble()) + "%)" : "";
    }

    private static String fmt(OptionalDouble value) {
        return value.isPresent() ? f(value.getAsDouble()) : "-";
    }

    private static String f(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String p(double value) {
        return value < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static void line(StringBuilder text, String[] cells, int[] widths) {
        for (int c = 0; c < cells.length; c++) {
            text.append(c == 0 ? "" : "  ");
            text.append(c == 0 ? cells[c] + " ".repeat(widths[c] - cells[c].length())
                    : " ".repeat(widths[c] - cells[c].length()) + cells[c]);
        }
        text.append('\n');
    }
}
