/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;
import org.imhmeasures.core.LibraryVersion;
import org.imhmeasures.core.instrument.Direction;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.portal.profile.ProfileFigures;
import org.imhmeasures.portal.profile.Tally;
import org.imhmeasures.scoring.change.Category;
import org.imhmeasures.scoring.change.ChangeModel;
import org.imhmeasures.scoring.change.ChangeParameters;
import org.imhmeasures.scoring.change.ParameterSource;
import org.imhmeasures.scoring.change.RciMethod;
import org.imhmeasures.scoring.change.ReliableChangeDirection;
import org.imhmeasures.scoring.cohort.CategoryCounts;
import org.imhmeasures.scoring.cohort.CohortOutcome;
import org.imhmeasures.scoring.cohort.PairedSummary;
import org.imhmeasures.scoring.cohort.Proportion;
import org.imhmeasures.scoring.cohort.Suppression;
import org.imhmeasures.scoring.dataset.ScorePairing;

/**
 * Renders a {@link ReportData} as one self-contained HTML document: no script, no external resource (a
 * Content-Security-Policy of {@code default-src 'none'} says so to the browser), charts as inline
 * {@code <svg>} elements drawn by JFreeChart through Apache Batik's SVG generator, each labelled by its caption
 * and described by its data table, print-friendly CSS. The markup is the Mustache template {@code report.mustache} beside this class; every value from the data is
 * HTML-escaped by it. The output is deterministic: the same data gives the same bytes. Stateless and
 * thread-safe.
 */
public final class HtmlReport {

    private static final Mustache TEMPLATE = new DefaultMustacheFactory("org/imhmeasures/cli/report/")
            .compile("report.mustache");

    /** The chart libraries drawn with, for the provenance footer. */
    static final String CHARTS = "JFreeChart 1.5.6 as SVG by Apache Batik 1.19";

    private HtmlReport() {
    }

    /**
     * A rendered report.
     *
     * @param html the document
     * @param pngs the charts as PNG, when asked for, in document order
     */
    public record Rendered(String html, List<Png> pngs) {

        /**
         * Copies.
         *
         * @param html the document
         * @param pngs the charts as PNG
         */
        public Rendered {
            pngs = List.copyOf(pngs);
        }
    }

    /**
     * One chart as PNG.
     *
     * @param name the file name's tail, {@code <key>-<chart>.png}, e.g. {@code phq9-jacobson-truax.png}
     * @param bytes the image
     */
    public record Png(String name, byte[] bytes) {

        @Override
        public String toString() {
            return "Png[" + name + ", " + bytes.length + " bytes]";
        }
    }

    /**
     * Renders the report.
     *
     * @param data what to show
     * @param pngPrefix when present, each chart is also drawn as PNG and the figure names its file,
     *     {@code <prefix><key>-<chart>.png}
     * @return the document and any PNGs
     */
    public static Rendered render(ReportData data, Optional<String> pngPrefix) {
        List<Png> pngs = new ArrayList<>();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("title", data.title());
        page.put("libraryVersion", LibraryVersion.current());
        page.put("charts", CHARTS);
        Suppression suppression = data.suppression();
        page.put("suppression", suppression.threshold() > 0 ? "Counts below " + suppression.threshold()
                + " (and shares from them) are shown as <" + suppression.threshold() + "; groups with fewer than "
                + suppression.threshold() + " pairs lose their statistics and plotted points." : null);
        List<Map<String, Object>> toc = new ArrayList<>();
        List<Map<String, Object>> sections = new ArrayList<>();
        List<Map<String, Object>> provenance = new ArrayList<>();
        for (MeasureData measure : data.measures()) {
            Map<String, Object> section = measure instanceof MeasureData.Assessed a
                    ? assessed(a, suppression, pngPrefix, pngs)
                    : notAssessed((MeasureData.NotAssessed) measure, suppression);
            sections.add(section);
            toc.add(Map.of("anchor", section.get("anchor"), "label", measure.instrument().id()));
            provenance.add(provenance(measure));
        }
        data.profile().ifPresent(p -> toc.add(Map.of("anchor", "referral-profile", "label", "Referral profile")));
        toc.add(Map.of("anchor", "provenance", "label", "Provenance"));
        page.put("toc", toc);
        page.put("measures", sections);
        page.put("profile", data.profile().map(p -> profile(p, suppression)).orElse(null));
        page.put("provenance", provenance);
        page.put("settings", data.settings());
        StringWriter out = new StringWriter();
        try {
            TEMPLATE.execute(out, page).flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Rendered(out.toString(), pngs);
    }

    // ---- one measure

    private static Map<String, Object> notAssessed(MeasureData.NotAssessed m, Suppression suppression) {
        Map<String, Object> s = heading(m.instrument());
        s.put("notAssessable", m.reason());
        s.put("quality", quality(m.scoreFile(), Optional.empty(), Optional.empty(), suppression));
        return s;
    }

    private static Map<String, Object> heading(Instrument instrument) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("anchor", "m-" + Formats.anchor(instrument.key()));
        s.put("id", instrument.id());
        s.put("name", instrument.name());
        s.put("definitionVersion", instrument.definitionVersion());
        return s;
    }

    private static Map<String, Object> assessed(MeasureData.Assessed m, Suppression suppression,
            Optional<String> pngPrefix, List<Png> pngs) {
        Instrument instrument = m.instrument();
        Map<String, Object> s = heading(instrument);
        String anchor = (String) s.get("anchor");
        ChangeParameters p = m.cohort().parameters();
        boolean nhs = p.method() == RciMethod.FIXED_THRESHOLD;
        CohortOutcome overall = m.cohort().overall();
        s.put("method", methodText(p));
        s.put("quality", quality(m.scoreFile(), Optional.of(m.counts()), Optional.of(m.pairs().rowsRejected()),
                suppression));

        // the Jacobson–Truax plot
        Map<String, String> categories = new LinkedHashMap<>();
        for (Category c : Category.values()) {
            if (isNhs(c) == nhs) {
                categories.put(c.name().toLowerCase(Locale.ROOT), Formats.label(c.name().toLowerCase(Locale.ROOT)));
            }
        }
        double[] range = range(instrument, m.points());
        boolean hidePoints = suppression.hides(overall.summary().nPaired());
        String jtId = anchor + "-jt";
        Charts.Drawn jt = Charts.jacobsonTruax(jtId, anchor + "-categories-table", instrument.id() + ": before and after", instrument.id(),
                hidePoints ? List.of() : m.points(), categories, m.model(), range[0], range[1], pngPrefix.isPresent());
        s.put("jt", figure(jtId, jt, jtCaption(m, p, suppression, hidePoints), anchor + "-categories-table",
                pngPrefix, instrument.key() + "-jacobson-truax.png", pngs));

        // category bars with denominators
        CategoryCounts counts = overall.counts();
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Charts.Bar> bars = new ArrayList<>();
        counts.categories().forEach((category, share) -> {
            String word = category.name().toLowerCase(Locale.ROOT);
            addShare(rows, bars, Formats.label(word), share, "pairs assessed", Charts.style(word).colour(),
                    suppression);
        });
        addShare(rows, bars, "Recovery", counts.crossedIntoFunctional(), "cases at baseline", Charts.BLUE,
                suppression);
        addShare(rows, bars, "Reliable recovery", counts.reliableRecovery(), "cases at baseline", Charts.GREEN,
                suppression);
        String barsId = anchor + "-categories";
        Charts.Drawn drawn = Charts.bars(barsId, barsId + "-table", instrument.id() + ": categories", bars, pngPrefix.isPresent());
        Map<String, Object> categoriesFigure = figure(barsId, drawn, "Share of each category among the pairs assessed, and recovery "
                + "and reliable recovery among the cases at baseline (NHS Talking Therapies denominator); each "
                + "label names its denominator. The table below gives the counts and Wilson 95% intervals.",
                barsId + "-table", pngPrefix, instrument.key() + "-categories.png", pngs);
        categoriesFigure.put("rows", rows);
        s.put("categories", categoriesFigure);
        s.put("assessed", true);

        // the cohort table, then by each dimension
        s.put("overall", List.of(cohortRow(overall, suppression)));
        List<Map<String, Object>> dimensions = new ArrayList<>();
        m.cohort().byDimension().forEach((dimension, outcomes) -> {
            Map<String, Object> d = new LinkedHashMap<>();
            String dimId = anchor + "-by-" + Formats.anchor(dimension);
            d.put("anchor", dimId);
            d.put("tableId", dimId + "-table");
            d.put("heading", "By " + dimension.replace('_', ' ').replace("*", " × "));
            List<String> groups = new ArrayList<>();
            List<double[]> shares = new ArrayList<>();
            for (CohortOutcome o : outcomes) {
                Map<ReliableChangeDirection, Proportion> rc = o.counts().reliableChange();
                if (suppression.hides(o.summary().nPaired()) || o.counts().assessed() == 0) {
                    continue;
                }
                groups.add(o.group());
                shares.add(new double[] {pct(rc.get(ReliableChangeDirection.IMPROVED), suppression),
                    pct(rc.get(ReliableChangeDirection.NONE), suppression),
                    pct(rc.get(ReliableChangeDirection.DETERIORATED), suppression)});
            }
            // the heading has the dimension's anchor; the figure its own id (one id, one element)
            String chartId = dimId + "-chart";
            Charts.Drawn chart = Charts.stacked(chartId, dimId + "-table", instrument.id() + ": reliable change by "
                    + dimension.replace('_', ' '), groups, shares, pngPrefix.isPresent());
            d.put("figure", figure(chartId, chart, "Reliable change by " + dimension.replace('_', ' ')
                    + " (share of the pairs assessed in each group"
                    + (groups.size() < outcomes.size() ? "; groups without assessed pairs"
                            + (suppression.threshold() > 0 ? " or with fewer than " + suppression.threshold()
                                    + " pairs" : "") + " are not drawn" : "")
                    + "). The table below gives every group's statistics.", dimId + "-table", pngPrefix,
                    instrument.key() + "-by-" + Formats.anchor(dimension) + ".png", pngs));
            List<Map<String, Object>> groupRows = new ArrayList<>();
            outcomes.forEach(o -> groupRows.add(cohortRow(o, suppression)));
            d.put("rows", groupRows);
            dimensions.add(d);
        });
        s.put("dimensions", dimensions);
        s.put("summaryJson", m.summaryJson());
        return s;
    }

    private static boolean isNhs(Category c) {
        switch (c) {
            case RELIABLE_RECOVERY:
            case RELIABLE_IMPROVEMENT:
            case RECOVERY_WITHOUT_RELIABLE_IMPROVEMENT:
            case NO_RELIABLE_CHANGE:
            case RELIABLE_DETERIORATION:
                return true;
            default:
                return false;
        }
    }

    private static double pct(@Nullable Proportion p, Suppression suppression) {
        return p == null || Formats.hidden(p, suppression) ? 0 : p.percent().orElse(0d);
    }

    private static void addShare(List<Map<String, Object>> rows, List<Charts.Bar> bars, String label, Proportion share,
            String denominator, java.awt.Color colour, Suppression suppression) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("label", label);
        row.put("count", suppression.show(share.count()));
        row.put("of", suppression.show(share.total()));
        row.put("denominator", denominator);
        row.put("percent", Formats.percent(share, suppression));
        row.put("wilson", Formats.wilson(share, suppression));
        rows.add(row);
        if (!Formats.hidden(share, suppression) && share.percent().isPresent()) {
            bars.add(new Charts.Bar(label + " (of " + share.total() + " " + denominator + ")", share.percent().get(),
                    colour));
        }
    }

    private static double[] range(Instrument instrument, List<Point> points) {
        Optional<org.imhmeasures.core.instrument.ScoreRange> r = ChangeModel.changeRange(instrument);
        if (r.isPresent()) {
            return new double[] {r.get().min().doubleValue(), r.get().max().doubleValue()};
        }
        double min = points.stream().mapToDouble(pt -> Math.min(pt.pre(), pt.post())).min().orElse(0);
        double max = points.stream().mapToDouble(pt -> Math.max(pt.pre(), pt.post())).max().orElse(1);
        return new double[] {min, max > min ? max : min + 1};
    }

    private static String methodText(ChangeParameters p) {
        String source = p.source() == ParameterSource.PUBLISHED ? "published parameters" : "the sample's statistics";
        if (p.method() == RciMethod.FIXED_THRESHOLD) {
            return "Reliable change: the published fixed threshold of " + p.threshold().stream().mapToObj(
                    Formats::number).findFirst().orElse(Formats.NONE) + " points (NHS Talking Therapies), "
                    + source + ".";
        }
        return "Reliable change: " + p.method().name().toLowerCase(Locale.ROOT).replace('_', '-')
                + " index, critical value " + Formats.f2(p.criticalValue()) + ", " + source + ".";
    }

    private static String jtCaption(MeasureData.Assessed m, ChangeParameters p, Suppression suppression,
            boolean hidden) {
        String better = m.instrument().direction() == Direction.HIGHER_IS_BETTER ? "above" : "below";
        StringBuilder text = new StringBuilder();
        text.append("Each point is one pair: the score before (across) and after (up). Points ").append(better)
                .append(" the diagonal improved; the shaded band is where the change model finds no reliable "
                        + "change");
        p.cutoff().ifPresent(c -> text.append("; the dashed lines are the functional cut-off at ")
                .append(Formats.number(c.value())).append(" (").append(c.criterion().name().toLowerCase(Locale.ROOT)
                        .replace('_', ' ')).append(")"));
        text.append(". ");
        if (hidden) {
            text.append("Points are not drawn: fewer than ").append(suppression.threshold()).append(" pairs.");
        } else {
            text.append(m.points().size()).append(" pairs assessed, by category: ");
            List<String> parts = new ArrayList<>();
            m.cohort().overall().counts().categories().forEach((c, share) -> parts.add(Formats.label(
                    c.name().toLowerCase(Locale.ROOT)).toLowerCase(Locale.ROOT) + " " + suppression.show(share.count())));
            text.append(String.join(", ", parts)).append(". Pairs with the same scores overlap; the category table "
                    + "gives the counts.");
        }
        return text.toString();
    }

    private static Map<String, Object> figure(String id, Charts.Drawn drawn, String caption, String tableId,
            Optional<String> pngPrefix, String pngName, List<Png> pngs) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("id", id);
        f.put("svg", drawn.svg());
        f.put("width", drawn.width());
        f.put("height", drawn.height());
        f.put("caption", caption);
        f.put("tableId", tableId);
        if (pngPrefix.isPresent()) {
            String name = pngPrefix.get() + pngName;
            pngs.add(new Png(name, drawn.png().orElseThrow()));
            f.put("png", name);
        }
        return f;
    }

    private static Map<String, Object> cohortRow(CohortOutcome o, Suppression suppression) {
        PairedSummary s = o.summary();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("group", o.dimension().equals("all") ? "All" : o.group());
        row.put("read", suppression.show(s.nRead()));
        row.put("paired", suppression.show(s.nPaired()));
        if (suppression.hides(s.nPaired())) {
            row.put("suppressed", true);
            return row;
        }
        row.put("meanPre", Formats.f2(s.meanPre()));
        row.put("meanPost", Formats.f2(s.meanPost()));
        row.put("meanChange", Formats.f2(s.meanChange()));
        row.put("changeCi", Formats.interval(s.meanChangeCi95()));
        row.put("sdChange", Formats.f2(s.sdChange()));
        row.put("dz", Formats.f2(s.cohensDz()));
        row.put("dzCi", Formats.interval(s.cohensDzCi95()));
        row.put("g", Formats.f2(s.hedgesG()));
        row.put("t", s.pairedT().map(t -> "t = " + Formats.f2(t.statistic()) + ", df " + Formats.number(
                t.degreesOfFreedom().orElse(Double.NaN)) + ", p " + Formats.p(t.pValue())).orElse(Formats.NONE));
        row.put("wilcoxon", s.wilcoxon().map(w -> "W = " + Formats.number(w.statistic()) + ", p "
                + Formats.p(w.pValue())).orElse(Formats.NONE));
        Map<ReliableChangeDirection, Proportion> rc = o.counts().reliableChange();
        row.put("improved", share(rc.get(ReliableChangeDirection.IMPROVED), suppression));
        row.put("none", share(rc.get(ReliableChangeDirection.NONE), suppression));
        row.put("deteriorated", share(rc.get(ReliableChangeDirection.DETERIORATED), suppression));
        row.put("recovery", Formats.share(o.counts().crossedIntoFunctional(), suppression));
        row.put("reliableRecovery", Formats.share(o.counts().reliableRecovery(), suppression));
        return row;
    }

    private static String share(@Nullable Proportion p, Suppression suppression) {
        return p == null ? Formats.NONE : Formats.share(p, suppression);
    }

    private static List<Map<String, Object>> quality(MeasureData.ScoreFile file, Optional<ScorePairing.Counts> counts,
            Optional<Long> pairsRejected, Suppression suppression) {
        List<Map<String, Object>> rows = new ArrayList<>();
        long read = file.scored() + file.rejected();
        rows.add(qualityRow("Rows read (scored + rejected)", suppression.show(read), "in the score output"));
        rows.add(qualityRow("Scored", suppression.show(file.scored()), "rows of the score file"));
        rows.add(qualityRow("Rejected by scoring", suppression.show(file.rejected()), file.rejectsFound()
                ? "rows of the rejects file" : "no rejects file found"));
        counts.ifPresent(c -> {
            rows.add(qualityRow("Records", suppression.show(c.records()), "distinct record ids with a "
                    + "usable timepoint (" + c.rowsIgnored() + " rows of other timepoints or without a total ignored)"));
            rows.add(qualityRow("Paired", suppression.show(c.paired()), "a pre and a post score"));
            rows.add(qualityRow("Baseline only", suppression.show(c.baselineOnly()), "no post score yet"));
            rows.add(qualityRow("Post only", suppression.show(c.postOnly()), "no pre score"));
            rows.add(qualityRow("Rejected by pairing", suppression.show(c.rejected()), "e.g. duplicate timepoint, "
                    + "missing date"));
        });
        pairsRejected.ifPresent(n -> rows.add(qualityRow("Pairs not assessable", suppression.show(n),
                "e.g. a total out of range")));
        return rows;
    }

    private static Map<String, Object> qualityRow(String label, String value, String note) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("label", label);
        row.put("value", value);
        row.put("note", note);
        return row;
    }

    // ---- the referral profile

    private static Map<String, Object> profile(ReportData.Profile profile, Suppression suppression) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("submissions", profile.submissions());
        p.put("rejected", profile.rejected());
        p.put("accepted", profile.profile().pooled().referrals());
        List<Map<String, Object>> parts = new ArrayList<>();
        parts.add(figures("All teams", "profile-all", profile.profile().pooled(), profile.profile().topN(),
                suppression));
        profile.profile().byTeam().forEach((team, f) -> parts.add(figures("Team " + team, "profile-team-"
                + Formats.anchor(team), f, profile.profile().topN(), suppression)));
        p.put("parts", parts);
        return p;
    }

    private static Map<String, Object> figures(String heading, String id, ProfileFigures f, int topN,
            Suppression suppression) {
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("heading", heading);
        part.put("id", id);
        part.put("referrals", suppression.show(f.referrals()));
        part.put("youngParents", share(f.youngParents().count(), f.youngParents().denominator(), suppression));
        part.put("singleParents", share(f.singleParents().count(), f.singleParents().denominator(), suppression));
        List<Map<String, Object>> tables = new ArrayList<>();
        tables.add(tallies("Ethnic category", f.ethnicCategories(), true, suppression));
        tables.add(tallies("Top " + topN + " risk factors", f.topRiskFactors(), false, suppression));
        tables.add(tallies("Source of referral", f.referralSources(), true, suppression));
        tables.add(tallies("Infant age at referral", f.ageBands(), false, suppression));
        part.put("tables", tables);
        return part;
    }

    private static String share(int count, int of, Suppression suppression) {
        return Formats.share(Proportion.of(count, of), suppression);
    }

    private static Map<String, Object> tallies(String caption, List<Tally> tallies, boolean withCode,
            Suppression suppression) {
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("caption", caption);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Tally t : tallies) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("label", withCode ? t.code() + " " + t.label() : t.label());
            row.put("count", suppression.show(t.count()));
            row.put("percent", suppression.hides(t.count()) ? Formats.NONE
                    : t.percent().map(v -> v.toPlainString() + "%").orElse(Formats.NONE));
            rows.add(row);
        }
        table.put("rows", rows);
        table.put("empty", rows.isEmpty());
        return table;
    }

    // ---- provenance

    private static Map<String, Object> provenance(MeasureData measure) {
        Instrument instrument = measure.instrument();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", instrument.id());
        p.put("definitionVersion", instrument.definitionVersion());
        if (measure instanceof MeasureData.Assessed a) {
            ChangeParameters c = a.cohort().parameters();
            List<String> given = c.suppliedByCaller();
            String from = c.source() == ParameterSource.PUBLISHED ? "definition" : "sample";
            List<Map<String, Object>> rows = new ArrayList<>();
            rows.add(param("method", c.method().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    "options"));
            rows.add(param("parameters", c.source().name().toLowerCase(Locale.ROOT), "options"));
            param(rows, "threshold", c.threshold(), given.contains("threshold") ? "given" : from);
            param(rows, "SD", c.sd(), given.contains("clinicalNorm") ? "given" : from);
            param(rows, "reliability", c.reliability(), given.contains("reliability") ? "given" : from);
            param(rows, "reliability (post)", c.reliabilityPost(), given.contains("reliabilityPost") ? "given" : from);
            param(rows, "mean pre", c.meanPre(), from);
            param(rows, "mean post", c.meanPost(), from);
            param(rows, "SD post", c.sdPost(), from);
            param(rows, "pre–post correlation", c.correlation(), from);
            param(rows, "critical value", c.criticalValue(), given.contains("alpha") ? "given (alpha)" : "default "
                    + "alpha 0.05");
            c.cutoff().ifPresent(cut -> rows.add(param("functional cut-off", Formats.number(cut.value()) + " ("
                    + cut.criterion().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")",
                    given.contains("cutoff") || given.contains("functionalNorm") ? "given" : from)));
            p.put("parameters", rows);
            p.put("sources", c.sources());
            p.put("hasSources", !c.sources().isEmpty());
        }
        return p;
    }

    private static void param(List<Map<String, Object>> rows, String name, OptionalDouble value, String source) {
        if (value.isPresent()) {
            rows.add(param(name, Formats.number(Math.round(value.getAsDouble() * 1e6) / 1e6), source));
        }
    }

    private static Map<String, Object> param(String name, String value, String source) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", name);
        row.put("value", value);
        row.put("source", source);
        return row;
    }
}
