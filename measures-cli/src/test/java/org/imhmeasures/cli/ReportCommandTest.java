/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code report} command (issue 12 §6): its numbers are those of {@code change --from-scores --summary},
 * checked by hand on a small dataset; every value from the data is escaped; the file is self-contained; PNGs
 * and the HTML appear only when the run completed.
 */
class ReportCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Seven PHQ-9 records, hand-checkable (fixed threshold 6 points, caseness at 10 or more, from the PHQ-9
     * definition): r1 20→10 reliable improvement, r2 15→14 none, r3 12→20 reliable deterioration, r4 22→4
     * reliable recovery, r5 10→10 none, r6 baseline only, r7 post only. Mean change (−10 −1 +8 −18 +0)/5 =
     * −4.20; reliably improved 2 of 5, deteriorated 1 of 5; cases at baseline 5 (pre ≥ 10), recovered 1 (r4).
     */
    static Path goldenScores(Path dir, String team) throws Exception {
        Path scores = Files.createDirectories(dir.resolve("scores"));
        StringBuilder csv = new StringBuilder("record_id,instrument,definition_version,raw_total,total,timepoint,date,"
                + "team,age_band\n");
        String[][] pairs = {{"r1", "20", "10", "North"}, {"r2", "15", "14", "North"}, {"r3", "12", "20", team},
            {"r4", "22", "4", team}, {"r5", "10", "10", "North"}};
        for (String[] p : pairs) {
            csv.append(p[0]).append(",PHQ-9,1.0.0,").append(p[1]).append(',').append(p[1]).append(",baseline,2024-01-10,")
                    .append(quote(p[3])).append(",0-12 months\n");
            csv.append(p[0]).append(",PHQ-9,1.0.0,").append(p[2]).append(',').append(p[2]).append(",discharge,2024-06-10,")
                    .append(quote(p[3])).append(",0-12 months\n");
        }
        csv.append("r6,PHQ-9,1.0.0,18,18,baseline,2024-01-10,North,12-24 months\n");
        csv.append("r7,PHQ-9,1.0.0,9,9,discharge,2024-06-10,North,12-24 months\n");
        Files.writeString(scores.resolve("phq9.csv"), csv);
        Files.writeString(scores.resolve("phq9-rejects.csv"), "line,record_id,reason,message,critical_items,"
                + "critical_unanswered\n4,r8,too_many_missing,\"missing items must number at most 0: 1 (phq9_2)\",,\n");
        return scores;
    }

    private static String quote(String cell) {
        return "\"" + cell.replace("\"", "\"\"") + "\"";
    }

    /** The summary JSON embedded in the report for one measure, unescaped. */
    static JsonNode embeddedSummary(String html, String anchor) throws Exception {
        Matcher m = Pattern.compile("<pre id=\"" + anchor + "-summary-json\">(.*?)</pre>", Pattern.DOTALL).matcher(html);
        assertTrue(m.find(), "the summary JSON of " + anchor);
        String text = m.group(1).replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&#10;", "\n").replace("&#61;", "=").replace("&amp;", "&");
        return JSON.readTree(text);
    }

    @Test
    void report_numbersEqualChangeSummary_andTheHandCheckedGoldens(@TempDir Path dir) throws Exception {
        Path scores = goldenScores(dir, "South");
        CliRun change = CliRun.of("change", "--instrument", "PHQ-9", "--from-scores", scores.toString(), "--pre",
                "baseline", "--post", "discharge", "--group-by", "team,age_band", "--output",
                dir.resolve("change.csv").toString(), "--summary", dir.resolve("summary.json").toString());
        assertEquals(0, change.status(), change.err());
        Path html = dir.resolve("report.html");
        CliRun report = CliRun.of("report", "--scores", scores.toString(), "--pre", "baseline", "--post", "discharge",
                "--output", html.toString());
        assertEquals(0, report.status(), report.err());
        assertTrue(report.out().startsWith("Report: "), report.out());
        String page = Files.readString(html);

        JsonNode summary = JSON.readTree(Files.readString(dir.resolve("summary.json")));
        assertEquals(summary, embeddedSummary(page, "m-phq9"), "the report's numbers are change --summary's");

        // goldens by hand (see goldenScores); the JSON and the tables
        JsonNode overall = summary.get("overall");
        assertEquals(5, overall.get("nPaired").asInt());
        assertEquals(-4.2, overall.get("meanChange").asDouble(), 1e-9);
        assertEquals(2, overall.get("reliableChange").get("improved").get("count").asInt());
        assertEquals(1, overall.get("reliableChange").get("deteriorated").get("count").asInt());
        assertEquals(5, overall.get("recovery").get("of").asInt());
        assertEquals(1, overall.get("reliableRecovery").get("count").asInt());
        assertEquals(7, summary.get("records").get("records").asInt());
        assertEquals(1, summary.get("records").get("baselineOnly").asInt());
        assertEquals(1, summary.get("records").get("postOnly").asInt());
        String cohort = section(page, "m-phq9-cohort");
        assertTrue(cohort.contains("<td>-4.20</td>"), cohort);
        assertTrue(cohort.contains("<td>2 of 5 (40.0%)</td>"), cohort);
        assertTrue(cohort.contains("<td>1 of 5 (20.0%)</td><td>1 of 5 (20.0%)</td>"), "recovery and reliable recovery "
                + "of the 5 cases at baseline: " + cohort);
        String quality = section(page, "m-phq9-quality");
        for (String row : List.of("Rows read (scored + rejected)</th><td>13<", "Scored</th><td>12<",
                "Rejected by scoring</th><td>1<", "Records</th><td>7<", "Paired</th><td>5<", "Baseline only</th><td>1<",
                "Post only</th><td>1<")) {
            assertTrue(quality.contains(row), row + " in " + quality);
        }
        assertTrue(page.contains("id=\"m-phq9-by-team\""), "by team");
        assertTrue(page.contains("id=\"m-phq9-by-age-band\""), "by age band");
        String categories = section(page, "m-phq9-categories-table");
        assertTrue(categories.contains("Reliable recovery</th><td>1</td><td>5</td><td class=\"text\">cases at "
                + "baseline</td><td>20.0%</td>"), categories);
        assertTrue(page.contains("id=\"provenance\"") && page.contains("definition 1.0.0: parameters"), "provenance");
    }

    @Test
    void report_escapesEveryValue_andNeedsNothingFromTheNetwork(@TempDir Path dir) throws Exception {
        String planted = "<script>alert(\"x\")</script> & <img src=x onerror=1>";
        Path scores = goldenScores(dir, planted);
        Path html = dir.resolve("report.html");
        CliRun r = CliRun.of("report", "--scores", scores.toString(), "--output", html.toString(), "--title",
                "<b>Q3</b> report", "--post", "discharge");
        assertEquals(0, r.status(), r.err());
        String page = Files.readString(html);
        assertFalse(page.contains("<script"), "no script element, planted or not");
        assertFalse(page.contains("<img src=x"), "the planted markup is text");
        assertFalse(page.contains("<b>Q3"), "the title is text");
        assertTrue(page.contains("&lt;script&gt;alert("), "the planted team name shown as text");
        assertTrue(page.contains("<title>&lt;b&gt;Q3&lt;/b&gt; report</title>"), "the title, escaped");
        assertTrue(page.contains("content=\"default-src 'none'; style-src 'unsafe-inline'\""),
                "a policy that forbids every fetch");
        for (String fetch : List.of("<link", "src=\"http", "href=\"http", "url(http", "@import", "<iframe", "<object")) {
            assertFalse(page.contains(fetch), "no external resource: " + fetch);
        }
        assertTrue(page.contains("@media print"), "print CSS");
        assertEquals(4, count(page, "<figure "), "plot, categories, by team, by age band");
        assertEquals(count(page, "<figure "), count(page, "<figcaption "), "every chart has a caption");
        assertEquals(count(page, "<figure "), count(page, "<svg "), "every chart an inline SVG");
        assertFalse(page.contains("data:image") || page.contains("<img"), "no image besides the SVGs");
        assertFalse(page.contains("<?xml") || page.contains("<!DOCTYPE svg"), "no XML prolog inside the HTML");
        String byTeam = svg(page, "m-phq9-by-team-chart");
        assertTrue(byTeam.contains("&lt;script&gt;alert("), "the planted team name is escaped text in its chart");
        assertFalse(byTeam.contains("<script") || byTeam.contains("<img"), "no markup from the data in the SVG");
        for (String id : List.of("m-phq9-jt", "m-phq9-categories", "m-phq9-by-team-chart",
                "m-phq9-by-age-band-chart")) {
            String chart = svg(page, id);
            assertTrue(chart.contains(" role=\"img\"") && chart.contains(" aria-labelledby=\"" + id + "-caption\"")
                    && chart.contains(" viewBox=\"0 0 720 "), id + ": " + chart.substring(0, 300));
            assertTrue(page.contains("<figcaption id=\"" + id + "-caption\">"), id + " labelled by its caption");
            String table = Pattern.compile(" aria-describedby=\"([^\"]+)\"").matcher(chart).results().findFirst()
                    .orElseThrow().group(1);
            assertTrue(page.contains("<table id=\"" + table + "\"") || page.contains(" id=\"" + table + "\">"),
                    id + " described by its table " + table);
        }
        assertFalse(r.err().contains("r1") || r.out().contains("r1"), "no record id on the streams");
    }

    @Test
    void formatPng_writesEveryChartBesideTheHtml(@TempDir Path dir) throws Exception {
        Path scores = goldenScores(dir, "South");
        Path out = Files.createDirectories(dir.resolve("out"));
        CliRun r = CliRun.of("report", "--scores", scores.toString(), "--post", "discharge", "--output",
                out.resolve("q3.html").toString(), "--format", "png");
        assertEquals(0, r.status(), r.err());
        for (String name : List.of("q3-phq9-jacobson-truax.png", "q3-phq9-categories.png", "q3-phq9-by-team.png",
                "q3-phq9-by-age-band.png")) {
            byte[] png = Files.readAllBytes(out.resolve(name));
            assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', name);
            assertTrue(Files.readString(out.resolve("q3.html")).contains("(PNG: " + name + ")"), name + " named");
        }
        try (var files = Files.list(out)) {
            assertEquals(5, files.count(), "the HTML, four PNGs and no temporary file");
        }
    }

    @Test
    void outputThatIsAnInput_isRefused_andAFailedRunLeavesNoOutput(@TempDir Path dir) throws Exception {
        Path scores = goldenScores(dir, "South");
        String before = Files.readString(scores.resolve("phq9.csv"));
        CliRun same = CliRun.of("report", "--scores", scores.toString(), "--output", scores.resolve("phq9.csv")
                .toString());
        assertEquals(2, same.status(), same.err());
        assertEquals(before, Files.readString(scores.resolve("phq9.csv")), "the input is untouched");

        Files.writeString(scores.resolve("gad7.csv"), "record_id,timepoint\nr1,baseline\n"); // no total column
        Path html = dir.resolve("report.html");
        CliRun broken = CliRun.of("report", "--scores", scores.toString(), "--output", html.toString(), "--format",
                "png");
        assertEquals(1, broken.status(), broken.out());
        assertTrue(broken.err().startsWith("imh-measures: --scores gad7.csv: "), broken.err());
        try (var files = Files.list(dir)) {
            assertEquals(List.of("scores"), files.map(f -> f.getFileName().toString()).toList(), "nothing written");
        }

        CliRun empty = CliRun.of("report", "--scores", Files.createDirectories(dir.resolve("none")).toString(),
                "--output", html.toString());
        assertEquals(1, empty.status());
        assertTrue(empty.err().contains("--scores must hold a score file named by an instrument key"), empty.err());
    }

    @Test
    void suppression_hidesSmallCountsAndPoints(@TempDir Path dir) throws Exception {
        Path scores = goldenScores(dir, "South");
        Path html = dir.resolve("report.html");
        CliRun r = CliRun.of("report", "--scores", scores.toString(), "--post", "discharge", "--suppress", "10",
                "--output", html.toString());
        assertEquals(0, r.status(), r.err());
        String page = Files.readString(html);
        assertTrue(page.contains("Points are not drawn: fewer than 10 pairs."), "no points of a small cohort");
        assertTrue(section(page, "m-phq9-cohort").contains("suppressed: too few pairs to publish"));
        assertFalse(section(page, "m-phq9-cohort").contains("-4.20"), "no statistic of a suppressed group");
        assertTrue(page.contains("&lt;10"), "counts shown as <10");
    }

    @Test
    void charts_areTheSameBytesEveryRun_andNoTwoElementsShareAnId(@TempDir Path dir) throws Exception {
        Path scores = goldenScores(dir, "South");
        Path first = dir.resolve("first.html");
        Path second = dir.resolve("second.html");
        for (Path html : List.of(first, second)) {
            CliRun r = CliRun.of("report", "--scores", scores.toString(), "--post", "discharge", "--output",
                    html.toString());
            assertEquals(0, r.status(), r.err());
        }
        String page = Files.readString(first);
        assertEquals(page, Files.readString(second), "the same data, the same bytes");
        Matcher ids = Pattern.compile(" id=\"([^\"]+)\"").matcher(page);
        Set<String> seen = new HashSet<>();
        while (ids.find()) {
            assertTrue(seen.add(ids.group(1)), "id used twice: " + ids.group(1));
        }
        Matcher refs = Pattern.compile("url\\(#([^)]+)\\)").matcher(page);
        int refCount = 0;
        while (refs.find()) {
            refCount++;
            assertTrue(seen.contains(refs.group(1)), "a reference to a missing id: " + refs.group(1));
        }
        assertTrue(refCount > 0, "Batik clips the plot area: its clip paths are referenced by id");
    }

    /** The inline {@code <svg>} element of the figure with this id. */
    static String svg(String page, String figureId) {
        int figure = page.indexOf("<figure id=\"" + figureId + "\"");
        assertTrue(figure >= 0, figureId);
        int start = page.indexOf("<svg ", figure);
        int end = page.indexOf("</svg>", start);
        assertTrue(start > figure && end > start && end < page.indexOf("</figure>", figure), figureId + " has an SVG");
        return page.substring(start, end + "</svg>".length());
    }

    static String section(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertTrue(start >= 0, id);
        int end = page.indexOf("</table>", start);
        return page.substring(start, end < 0 ? page.length() : end);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
