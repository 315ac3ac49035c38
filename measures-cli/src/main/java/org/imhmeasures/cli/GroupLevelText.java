/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.imhmeasures.scoring.cohort.GroupChange;
import org.imhmeasures.scoring.cohort.GroupLevelReport;
import org.imhmeasures.scoring.cohort.Interval;
import org.imhmeasures.scoring.cohort.Suppression;

/**
 * The {@code --group-level} output of {@code change}: a {@code groupLevel} object appended to the summary JSON
 * and a plain-text table. A group with fewer pairs than {@code --suppress} shows its count as {@code <N} and
 * no statistics, and a comparison with such a group is left out.
 */
final class GroupLevelText {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GroupLevelText() {
    }

    /** The summary JSON with a {@code groupLevel} object as its last field. */
    static String withGroupLevel(String summaryJson, GroupLevelReport report, Suppression suppression) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(summaryJson);
            root.set("groupLevel", tree(report, suppression));
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("summary must serialise: " + e.getOriginalMessage(), e);
        }
    }

    static ObjectNode tree(GroupLevelReport report, Suppression suppression) {
        ObjectNode node = JSON.createObjectNode();
        node.put("confidenceLevel", report.confidenceLevel());
        report.mid().ifPresent(m -> node.put("midImprovement", m));
        node.put("reference", "first group of each dimension in the report's order");
        report.overall().ifPresent(w -> within(node.putObject("overall"), w, suppression));
        ObjectNode groups = node.putObject("groups");
        report.byDimension().forEach((dimension, entries) -> {
            var array = groups.putArray(dimension);
            for (GroupLevelReport.Group g : entries) {
                ObjectNode e = array.addObject();
                e.put("group", g.group());
                if (suppression.hides(g.nPaired())) {
                    e.put("nPaired", suppression.show(g.nPaired()));
                    e.put("suppressed", true);
                    continue;
                }
                e.put("nPaired", g.nPaired());
                g.within().ifPresent(w -> within(e.putObject("within"), w, suppression));
                if (g.versusReference().isPresent() && !hiddenReference(entries, g, suppression)) {
                    between(e.putObject("versusReference"), g.reference().orElseThrow(), g.versusReference().get());
                }
            }
        });
        report.hagemanArrindell().ifPresent(h -> {
            ObjectNode ha = node.putObject("hagemanArrindell");
            ha.put("changed", round(h.changed()));
            ha.put("functional", round(h.functional()));
            ha.put("source", "Hageman & Arrindell 1999: expected shares with true change in the better direction "
                    + "and with a true post score in the functional range");
        });
        return node;
    }

    private static boolean hiddenReference(List<GroupLevelReport.Group> entries, GroupLevelReport.Group g,
            Suppression suppression) {
        return entries.stream().filter(x -> x.group().equals(g.reference().orElse(""))).findFirst()
                .map(r -> suppression.hides(r.nPaired())).orElse(false);
    }

    private static void within(ObjectNode node, GroupChange.Within w, Suppression suppression) {
        if (suppression.hides(w.n())) {
            node.put("n", suppression.show(w.n()));
            node.put("suppressed", true);
            return;
        }
        node.put("n", w.n());
        node.put("meanChange", round(w.meanChange()));
        interval(node, "meanChangeCi", w.ci());
        w.cohensDz().ifPresent(d -> node.put("cohensDz", round(d)));
        w.verdict().ifPresent(v -> node.put("verdict", v.name().toLowerCase(Locale.ROOT)));
    }

    private static void between(ObjectNode node, String reference, GroupChange.Between b) {
        node.put("reference", reference);
        node.put("nReference", b.nReference());
        node.put("nComparison", b.nComparison());
        node.put("postDifference", round(b.difference()));
        interval(node, "postDifferenceCi", b.ci());
        node.put("welchDf", round(b.degreesOfFreedom()));
        node.put("welchP", b.pValue());
        b.cohensD().ifPresent(d -> node.put("cohensD", round(d)));
        b.verdict().ifPresent(v -> node.put("verdict", v.name().toLowerCase(Locale.ROOT)));
    }

    private static void interval(ObjectNode node, String name, Interval ci) {
        node.putArray(name).add(round(ci.lower())).add(round(ci.upper()));
    }

    /** The group-level table, lines separated by {@code \n}. */
    static String toText(GroupLevelReport report, Suppression suppression) {
        StringBuilder text = new StringBuilder();
        text.append("Group level (").append(Math.round(report.confidenceLevel() * 100)).append("% CI")
                .append(report.mid().isPresent() ? ", MID " + f(report.mid().getAsDouble()) : "").append(")\n");
        report.overall().ifPresent(w -> text.append("  all: ").append(withinText(w, suppression)).append('\n'));
        for (Map.Entry<String, List<GroupLevelReport.Group>> dimension : report.byDimension().entrySet()) {
            for (GroupLevelReport.Group g : dimension.getValue()) {
                text.append("  ").append(dimension.getKey()).append(' ').append(g.group()).append(": ");
                if (suppression.hides(g.nPaired())) {
                    text.append("n ").append(suppression.show(g.nPaired())).append(" (suppressed)\n");
                    continue;
                }
                text.append(g.within().map(w -> withinText(w, suppression)).orElse("n " + g.nPaired()
                        + ", too few pairs"));
                Optional<GroupChange.Between> b = g.versusReference();
                if (b.isPresent() && !hiddenReference(dimension.getValue(), g, suppression)) {
                    text.append("; post vs ").append(g.reference().orElseThrow()).append(' ')
                            .append(f(b.get().difference())).append(' ').append(ci(b.get().ci())).append(", Welch p ")
                            .append(String.format(Locale.ROOT, "%.4f", b.get().pValue()))
                            .append(b.get().cohensD().isPresent() ? ", d " + f(b.get().cohensD().getAsDouble()) : "")
                            .append(b.get().verdict().map(v -> ", " + words(v)).orElse(""));
                }
                text.append('\n');
            }
        }
        report.hagemanArrindell().ifPresent(h -> text.append("  Hageman-Arrindell: changed ")
                .append(String.format(Locale.ROOT, "%.2f%%", h.changed() * 100)).append(", functional ")
                .append(String.format(Locale.ROOT, "%.2f%%", h.functional() * 100)).append('\n'));
        return text.toString();
    }

    private static String withinText(GroupChange.Within w, Suppression suppression) {
        if (suppression.hides(w.n())) {
            return "n " + suppression.show(w.n()) + " (suppressed)";
        }
        return "n " + w.n() + ", mean change " + f(w.meanChange()) + " " + ci(w.ci())
                + (w.cohensDz().isPresent() ? ", d_z " + f(w.cohensDz().getAsDouble()) : "")
                + w.verdict().map(v -> ", " + words(v)).orElse("");
    }

    private static String words(GroupChange.MidVerdict verdict) {
        return verdict.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String ci(Interval ci) {
        return "[" + f(ci.lower()) + ", " + f(ci.upper()) + "]";
    }

    private static String f(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static double round(double value) {
        return Double.isFinite(value) ? Math.round(value * 10_000d) / 10_000d : value;
    }
}
