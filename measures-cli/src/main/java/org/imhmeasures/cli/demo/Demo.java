/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli.demo;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.imhmeasures.cli.files.OutputFiles;
import org.imhmeasures.core.care.EligibilityPolicy;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.core.instrument.Item;
import org.imhmeasures.portal.profile.ReferralProfile;
import org.imhmeasures.portal.submission.Submission;
import org.imhmeasures.portal.submission.SubmissionResult;
import org.imhmeasures.portal.submission.SubmissionValidator;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.change.ChangeModel;
import org.imhmeasures.scoring.change.ChangeOptions;
import org.imhmeasures.scoring.change.ChangeResult;
import org.imhmeasures.scoring.change.MultiMeasureRule;
import org.imhmeasures.scoring.cohort.CohortReports;
import org.imhmeasures.scoring.dataset.ChangeCsv;
import org.imhmeasures.scoring.dataset.CsvCells;
import org.imhmeasures.scoring.dataset.DatasetException;
import org.imhmeasures.scoring.dataset.DatasetScoring;
import org.imhmeasures.scoring.dataset.DatasetSummary;

/**
 * The main job: generate a synthetic service, score every administration through the same CSV path
 * users take, compute individual and cohort change per instrument (NHS fixed thresholds, published
 * parameters) by team and infant age band, and write a readable report plus CSV and JSON outputs.
 *
 * <p>Output folder layout: {@code administrations/<key>.csv} (generated answers), {@code scores/<key>.csv}
 * and {@code scores/<key>-rejects.csv}, {@code change/<key>-pairs.csv}, {@code change/<key>.csv} and
 * {@code change/<key>-rejects.csv}, {@code referrals.jsonl}, {@code summary.json}, {@code report.txt}, and with a
 * report step {@code report.html}.
 *
 * <p>Every output is written to a temporary file and all of them are moved into place only when the
 * whole run completed ({@link OutputFiles}): a failed or interrupted run leaves the previous outputs (if
 * any) untouched and adds none. The run reads back its own intermediate files (scores, pairs) from the
 * temporary files. CSV text cells are neutralised against formula injection ({@link CsvCells}).
 */
public final class Demo {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final List<String> GROUPS = List.of("team", "age_band");
    /** The demo's own CSV files treat text cells as the library's CSV output does. */
    private static final CsvCells TEXT = CsvCells.NEUTRALISE_FORMULAS;

    private Demo() {
    }

    /** What a demo run produced. */
    public record Result(String report, ObjectNode summary, Map<String, DatasetSummary> scoring) {
    }

    /**
     * Runs the demo.
     *
     * @param seed random seed of the synthetic service
     * @param families number of families
     * @param out output folder (created)
     * @return the report and summary
     * @throws IOException when the output cannot be written
     */
    public static Result run(long seed, int families, Path out) throws IOException {
        return run(seed, families, out, Optional.empty());
    }

    /**
     * Makes the HTML report of a demo run (the {@code report} command's code, given by the caller so this
     * package does not depend on the commands).
     */
    @FunctionalInterface
    public interface ReportStep {

        /**
         * The report.
         *
         * @param scores per instrument reporting a total, its scores in the {@code score --output-dir} layout
         *     ({@code record_id,timepoint,total,team,age_band}, one row per family and timepoint)
         * @param referrals the run's portal submissions (JSON Lines)
         * @return the HTML document
         * @throws IOException when the report cannot be made
         */
        String html(Map<Instrument, String> scores, Path referrals) throws IOException;
    }

    /**
     * Runs the demo and, with a report step, also writes {@code report.html}.
     *
     * @param seed random seed of the synthetic service
     * @param families number of families
     * @param out output folder (created)
     * @param report makes {@code report.html} from the run's scores and submissions
     * @return the report and summary
     * @throws IOException when the output cannot be written
     */
    public static Result run(long seed, int families, Path out, Optional<ReportStep> report) throws IOException {
        Catalogue catalogue = Catalogue.builtIn();
        List<SyntheticService.Family> service = SyntheticService.generate(seed, families);
        for (String folder : List.of("administrations", "scores", "change")) {
            Files.createDirectories(out.resolve(folder));
        }
        // report.txt is declared first, so it is moved into place last: a new report means every other
        // output of the run is in place too
        try (OutputFiles files = OutputFiles.open(List.of(), List.of(OutputFiles.Named.of("--out",
                out.resolve("report.txt")), OutputFiles.Named.of("--out", out.resolve("summary.json"))))) {
            Result result = run(seed, families, out, catalogue, service, files, report);
            files.commit();
            return result;
        } catch (OutputFiles.SameFileException e) {
            throw new IllegalStateException("demo outputs must be distinct: " + e.getMessage(), e);
        }
    }

    /** Declares an output of the run and opens its writer. */
    private static Writer output(OutputFiles files, Path file) throws IOException {
        try {
            files.declare(OutputFiles.Named.of("--out", file));
        } catch (OutputFiles.SameFileException e) {
            throw new IllegalStateException("demo outputs must be distinct: " + e.getMessage(), e);
        }
        return files.writer(file);
    }

    private static Result run(long seed, int families, Path out, Catalogue catalogue,
            List<SyntheticService.Family> service, OutputFiles files, Optional<ReportStep> reportStep)
            throws IOException, OutputFiles.SameFileException {
        ObjectNode summary = JSON.createObjectNode();
        summary.put("seed", seed);
        summary.put("families", families);
        StringBuilder report = new StringBuilder();
        report.append("imh-measures demo: synthetic parent-infant relationship service (seed ").append(seed)
                .append(", ").append(families).append(" families; every value is invented)\n\n");
        overview(service, report, summary);

        Map<String, DatasetSummary> scoring = new LinkedHashMap<>();
        Map<String, Map<String, Map<String, Double>>> totals = new LinkedHashMap<>(); // instrument -> family -> tp
        report.append("Scoring (rows read = scored + rejected; critical = rows with a critical-item alert; "
                + "unanswered = rows with a critical item unanswered)\n");
        report.append(String.format(Locale.ROOT, "%-9s %6s %7s %9s %9s %10s%n", "measure", "read", "scored",
                "rejected", "critical", "unanswered"));
        ArrayNode scoringJson = summary.putArray("scoring");
        for (String id : SyntheticService.INSTRUMENTS) {
            Instrument instrument = catalogue.get(id);
            Path administrations = out.resolve("administrations").resolve(instrument.key() + ".csv");
            writeAdministrations(service, instrument, output(files, administrations));
            Path scores = out.resolve("scores").resolve(instrument.key() + ".csv");
            DatasetSummary s;
            try (Reader in = Files.newBufferedReader(files.temp(administrations), StandardCharsets.UTF_8);
                    Writer o = output(files, scores);
                    Writer r = output(files, out.resolve("scores").resolve(instrument.key() + "-rejects.csv"))) {
                s = DatasetScoring.of(Scorer.of(instrument)).score(in, o, r);
            }
            scoring.put(id, s);
            report.append(String.format(Locale.ROOT, "%-9s %6d %7d %9d %9d %10d%n", id, s.rowsRead(), s.rowsScored(),
                    s.rowsRejected(), s.rowsWithCriticalAlerts(), s.rowsWithCriticalUnanswered()));
            scoringJson.addObject().put("instrument", id).put("rowsRead", s.rowsRead()).put("rowsScored",
                    s.rowsScored()).put("rowsRejected", s.rowsRejected()).put("rowsWithCriticalAlerts",
                    s.rowsWithCriticalAlerts()).put("rowsWithCriticalUnanswered", s.rowsWithCriticalUnanswered());
            totals.put(id, readTotals(files.temp(scores), instrument));
        }
        report.append('\n');

        ObjectNode changeJson = summary.putObject("change");
        Map<String, Map<String, ChangeResult>> byFamily = new HashMap<>();
        for (String id : SyntheticService.INSTRUMENTS) {
            Instrument instrument = catalogue.get(id);
            Path pairs = out.resolve("change").resolve(instrument.key() + "-pairs.csv");
            writePairs(service, totals.get(id), output(files, pairs));
            report.append("Change from baseline to discharge: ").append(id)
                    .append(instrument.reportsTotal() ? "" : " (goal 1)").append('\n');
            try (Writer o = output(files, out.resolve("change").resolve(instrument.key() + ".csv"));
                    Writer r = output(files, out.resolve("change").resolve(instrument.key() + "-rejects.csv"))) {
                Path pairsWritten = files.temp(pairs);
                ChangeCsv.Run run = ChangeCsv.of(instrument, ChangeOptions.defaults(), GROUPS)
                        .withGroupOrder("team", SyntheticService.TEAMS)
                        .withGroupOrder("age_band", SyntheticService.AGE_BANDS)
                        .run(() -> Files.newBufferedReader(pairsWritten, StandardCharsets.UTF_8), o, r);
                report.append(CohortReports.toText(run.cohort()));
                // the report's own JSON text, nested as it is in the summary
                changeJson.set(id, JSON.readTree(CohortReports.toJson(run.cohort())));
            } catch (DatasetException e) {
                report.append("  not assessable: ").append(e.getMessage()).append('\n');
                changeJson.putObject(id).put("notAssessable", e.getMessage());
            }
            report.append('\n');
            ChangeModel model = ChangeModel.published(instrument, ChangeOptions.defaults());
            totals.get(id).forEach((family, byTimepoint) -> {
                Double pre = byTimepoint.get("baseline");
                Double post = byTimepoint.get("discharge");
                if (pre != null && post != null) {
                    byFamily.computeIfAbsent(family, k -> new HashMap<>()).put(id, model.assess(pre, post));
                }
            });
        }
        multiMeasure(service, byFamily, report, summary);
        referralProfile(service, output(files, out.resolve("referrals.jsonl")), report, summary);
        if (reportStep.isPresent()) {
            Map<Instrument, String> scores = new LinkedHashMap<>();
            for (String id : SyntheticService.INSTRUMENTS) {
                Instrument instrument = catalogue.get(id);
                if (instrument.reportsTotal()) {
                    scores.put(instrument, scoresByTimepoint(service, totals.get(id)));
                }
            }
            String html = reportStep.get().html(scores, files.temp(out.resolve("referrals.jsonl")));
            try (Writer w = output(files, out.resolve("report.html"))) {
                w.write(html);
            }
        }
        try (Writer w = files.writer(out.resolve("report.txt"))) {
            w.write(report.toString());
        }
        try (Writer w = files.writer(out.resolve("summary.json"))) {
            w.write(JSON.writeValueAsString(summary) + "\n");
        }
        return new Result(report.toString(), summary, scoring);
    }

    /** How many days after the first appointment each timepoint is measured. */
    private static final Map<String, Integer> TIMEPOINT_DAYS = Map.of("baseline", 0, "review", 84, "discharge", 182);

    /** The synthetic service accepts referrals until the third birthday (a service-set limit). */
    static final Period UPPER_AGE = Period.ofYears(3);

    /**
     * Writes every family as a portal submission ({@code referrals.jsonl}), validates them as a portal
     * backend would, and reports the pooled referral profile of the accepted ones.
     */
    private static void referralProfile(List<SyntheticService.Family> service, Writer jsonl, StringBuilder report,
            ObjectNode summary) throws IOException {
        List<Submission> accepted = new ArrayList<>();
        int rejected = 0;
        try (Writer writer = jsonl;
                SubmissionValidator validator =
                        SubmissionValidator.builder().policy(
                                EligibilityPolicy.defaults().withUpperAge(UPPER_AGE))
                                .build()) {
            for (SyntheticService.Family family : service) {
                String line = JSON.writer().without(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(submission(family));
                writer.write(line);
                writer.write('\n');
                var result = validator.validate(line);
                if (result instanceof SubmissionResult.Accepted a) {
                    accepted.add(a.submission());
                } else {
                    rejected++;
                }
            }
        }
        var profile = ReferralProfile.of(accepted,
                ReferralProfile.DEFAULT_TOP_N);
        report.append("\nPortal submissions (referrals.jsonl): ").append(accepted.size()).append(" accepted, ")
                .append(rejected).append(" rejected\n");
        report.append("Pooled referral profile\n").append(profile.toText());
        summary.put("submissionsAccepted", accepted.size());
        summary.put("submissionsRejected", rejected);
        summary.set("referralProfile", JSON.readTree(profile.toJson()));
    }

    private static ObjectNode submission(SyntheticService.Family family) {
        SyntheticService.ReferralFacts r = family.referral();
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "imh-measures/submission@1");
        root.put("team", "team-" + family.team().toLowerCase(Locale.ROOT));
        ObjectNode infant = root.putObject("infant");
        infant.put("id", "INF-" + family.id());
        infant.put(r.antenatal() ? "expectedDate" : "dateOfBirth", r.infantDate().toString());
        ArrayNode caregivers = root.putArray("caregivers");
        caregivers.addObject().put("id", "CG-" + family.id() + "-1").put("relationship", "birth_mother");
        if (!r.singleParent()) {
            caregivers.addObject().put("id", "CG-" + family.id() + "-2").put("relationship", "partner");
        }
        ObjectNode referral = root.putObject("referral");
        referral.put("id", "REF-" + family.id());
        referral.put("date", r.referralDate().toString());
        referral.put("source", r.source());
        r.riskFactorIds().forEach(referral.putArray("riskFactors")::add);
        referral.put("parentAge", r.parentAge());
        referral.put("household", r.singleParent() ? "single_parent" : "shared_care");
        referral.put("ethnicCategory", r.ethnicCategory());
        LocalDate last = r.episodeStart();
        ArrayNode administrations = root.putArray("administrations");
        for (Map.Entry<String, Map<String, Map<String, String>>> tp : family.answers().entrySet()) {
            LocalDate date = r.episodeStart().plusDays(TIMEPOINT_DAYS.get(tp.getKey()));
            last = date;
            tp.getValue().forEach((instrument, answers) -> {
                ObjectNode a = administrations.addObject();
                a.put("instrument", instrument);
                a.put("timepoint", tp.getKey());
                a.put("date", date.toString());
                a.put("respondent", instrument.equals("PIR-GAS") ? "practitioner" : "birth_mother");
                ObjectNode codes = a.putObject("answers");
                answers.forEach((item, code) -> {
                    if (code.isEmpty()) {
                        codes.putNull(item);
                    } else {
                        codes.put(item, code);
                    }
                });
            });
        }
        ObjectNode episode = root.putObject("episode");
        episode.put("id", "EP-" + family.id());
        episode.put("start", r.episodeStart().toString());
        boolean completed = family.answers().containsKey("discharge");
        episode.put("end", (completed ? last : last.plusDays(28)).toString());
        episode.put("dischargeReason", completed ? "work_completed" : "disengaged");
        return root;
    }

    private static void overview(List<SyntheticService.Family> service, StringBuilder report, ObjectNode summary) {
        Map<String, Integer> teams = new TreeMap<>();
        Map<String, Integer> ages = new LinkedHashMap<>();
        SyntheticService.AGE_BANDS.forEach(a -> ages.put(a, 0));
        Map<String, Integer> risks = new LinkedHashMap<>();
        int discharged = 0;
        for (SyntheticService.Family family : service) {
            teams.merge(family.team(), 1, Integer::sum);
            ages.merge(family.ageBand(), 1, Integer::sum);
            family.riskFactors().forEach(r -> risks.merge(r, 1, Integer::sum));
            discharged += family.answers().containsKey("discharge") ? 1 : 0;
        }
        int n = service.size();
        report.append("Referrals by team:      ").append(shares(teams, n)).append('\n');
        report.append("Infant age at referral: ").append(shares(ages, n)).append('\n');
        report.append("Discharge measures:     ").append(discharged).append(" of ").append(n).append(" families (")
                .append(pct(discharged, n)).append(")\n");
        report.append("Top risk factors:       ");
        List<Map.Entry<String, Integer>> top = new ArrayList<>(risks.entrySet());
        top.sort((a, b) -> b.getValue() - a.getValue());
        for (int i = 0; i < Math.min(5, top.size()); i++) {
            report.append(i == 0 ? "" : "; ").append(top.get(i).getKey()).append(' ').append(pct(top.get(i)
                    .getValue(), n));
        }
        report.append("\n\n");
        ObjectNode o = summary.putObject("referrals");
        teams.forEach((k, v) -> o.withObjectProperty("byTeam").put(k, v));
        ages.forEach((k, v) -> o.withObjectProperty("byAgeBand").put(k, v));
        risks.forEach((k, v) -> o.withObjectProperty("riskFactors").put(k, v));
        o.put("withDischargeMeasures", discharged);
    }

    private static String shares(Map<String, Integer> counts, int n) {
        StringBuilder text = new StringBuilder();
        counts.forEach((k, v) -> text.append(text.length() == 0 ? "" : ", ").append(k).append(' ').append(v)
                .append(" (").append(pct(v, n)).append(')'));
        return text.toString();
    }

    private static String pct(int count, int n) {
        return n == 0 ? "-" : Math.round(100.0 * count / n) + "%";
    }

    private static void writeAdministrations(List<SyntheticService.Family> service, Instrument instrument,
            Writer file) throws IOException {
        List<String> header = new ArrayList<>(List.of("record_id", "team", "age_band", "timepoint"));
        instrument.items().forEach(item -> header.add(item.id()));
        CsvMapper csv = new CsvMapper();
        try (Writer writer = file;
                var rows = csv.writer(CsvSchema.emptySchema()).writeValues(writer)) {
            rows.write(header);
            for (SyntheticService.Family family : service) {
                for (Map.Entry<String, Map<String, Map<String, String>>> tp : family.answers().entrySet()) {
                    Map<String, String> answers = tp.getValue().get(instrument.id());
                    if (answers == null) {
                        continue;
                    }
                    // text cells as the library writes them: neutralised against formula injection
                    List<String> row = new ArrayList<>(List.of(TEXT.text(family.id() + "/" + tp.getKey()),
                            TEXT.text(family.team()), TEXT.text(family.ageBand()), TEXT.text(tp.getKey())));
                    for (Item item : instrument.items()) {
                        row.add(answers.getOrDefault(item.id(), ""));
                    }
                    rows.write(row);
                }
            }
        }
    }

    /** family → timepoint → reported score (goal 1 for per-goal instruments). */
    private static Map<String, Map<String, Double>> readTotals(Path scores, Instrument instrument) throws IOException {
        Map<String, Map<String, Double>> totals = new LinkedHashMap<>();
        String column = instrument.reportsTotal() ? "total" : "subscale:" + instrument.subscales().get(0).id();
        CsvMapper csv = new CsvMapper();
        try (MappingIterator<Map<String, String>> rows = csv.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(scores.toFile())) {
            while (rows.hasNext()) {
                Map<String, String> row = rows.next();
                String value = row.get(column);
                if (value == null || value.isEmpty()) {
                    continue;
                }
                String[] id = row.get("record_id").split("/", 2);
                totals.computeIfAbsent(id[0], k -> new HashMap<>()).put(id[1], Double.valueOf(value));
            }
        }
        return totals;
    }

    private static void writePairs(List<SyntheticService.Family> service, Map<String, Map<String, Double>> totals,
            Writer file) throws IOException {
        CsvMapper csv = new CsvMapper();
        try (Writer writer = file;
                var rows = csv.writer(CsvSchema.emptySchema()).writeValues(writer)) {
            rows.write(List.of("record_id", "pre", "post", "team", "age_band"));
            for (SyntheticService.Family family : service) {
                Map<String, Double> byTimepoint = totals.get(family.id());
                if (byTimepoint == null || !byTimepoint.containsKey("baseline")) {
                    continue; // never measured on this instrument: not part of its cohort
                }
                rows.write(List.of(TEXT.text(family.id()), format(byTimepoint.get("baseline")),
                        byTimepoint.containsKey("discharge") ? format(byTimepoint.get("discharge")) : "",
                        TEXT.text(family.team()), TEXT.text(family.ageBand())));
            }
        }
    }

    /** Scores as {@code score --output-dir} writes them for a mapped export: one row per family and timepoint. */
    private static String scoresByTimepoint(List<SyntheticService.Family> service,
            Map<String, Map<String, Double>> totals) throws IOException {
        CsvMapper csv = new CsvMapper();
        StringWriter text = new StringWriter();
        try (var rows = csv.writer(CsvSchema.emptySchema()).writeValues(text)) {
            rows.write(List.of("record_id", "timepoint", "total", "team", "age_band"));
            for (SyntheticService.Family family : service) {
                Map<String, Double> byTimepoint = totals.getOrDefault(family.id(), Map.of());
                for (String timepoint : List.of("baseline", "review", "discharge")) {
                    if (byTimepoint.containsKey(timepoint)) {
                        rows.write(List.of(TEXT.text(family.id()), timepoint, format(byTimepoint.get(timepoint)),
                                TEXT.text(family.team()), TEXT.text(family.ageBand())));
                    }
                }
            }
        }
        return text.toString();
    }

    private static String format(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static void multiMeasure(List<SyntheticService.Family> service, Map<String, Map<String, ChangeResult>>
            byFamily, StringBuilder report, ObjectNode summary) {
        Map<MultiMeasureRule.Outcome, Integer> counts = new LinkedHashMap<>();
        for (MultiMeasureRule.Outcome outcome : MultiMeasureRule.Outcome.values()) {
            counts.put(outcome, 0);
        }
        for (SyntheticService.Family family : service) {
            Map<String, ChangeResult> changes = byFamily.getOrDefault(family.id(), Map.of());
            List<ChangeResult> caregiver = new ArrayList<>();
            for (String id : List.of("PHQ-9", "GAD-7")) {
                if (changes.containsKey(id)) {
                    caregiver.add(changes.get(id));
                }
            }
            counts.merge(MultiMeasureRule.apply(caregiver), 1, Integer::sum);
        }
        report.append("Referral-level outcome on PHQ-9 with GAD-7 (improved on one, deteriorated on none)\n");
        ObjectNode json = summary.putObject("multiMeasurePhq9Gad7");
        counts.forEach((outcome, count) -> {
            report.append(String.format(Locale.ROOT, "  %-22s %5d (%s)%n", outcome.name().toLowerCase(Locale.ROOT),
                    count, pct(count, service.size())));
            json.put(outcome.name().toLowerCase(Locale.ROOT), count);
        });
    }
}
