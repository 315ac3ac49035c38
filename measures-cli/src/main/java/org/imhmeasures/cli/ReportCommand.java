/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.imhmeasures.cli.files.OutputFiles;
import org.imhmeasures.cli.report.HtmlReport;
import org.imhmeasures.cli.report.MeasureData;
import org.imhmeasures.cli.report.ReportData;
import org.imhmeasures.core.care.EligibilityPolicy;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.portal.profile.ReferralProfile;
import org.imhmeasures.scoring.change.ChangeOptions;
import org.imhmeasures.scoring.cohort.Suppression;
import org.imhmeasures.scoring.cohort.WilcoxonZeros;
import org.imhmeasures.scoring.dataset.DatasetException;
import org.imhmeasures.scoring.dataset.DatasetInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code report --scores DIR [--submissions REFERRALS.jsonl] --output REPORT.html [--pre T] [--post T|last]
 * [--group-by COLUMNS] [--suppress N] [--title T] [--format html|png] [every clinical parameter of change]}:
 * one self-contained offline HTML file with, per measure found in DIR (the {@code score --output-dir} layout,
 * {@code <key>.csv} and {@code <key>-rejects.csv}), the Jacobson–Truax plot, category bars with denominators,
 * the cohort table and the same by team and age band; the referral profile of the submissions; data-quality
 * counts; provenance in a footer. The numbers are those of {@code change --from-scores … --summary} (the same
 * code: {@link FromScores}); the HTML comes from {@link HtmlReport}. With {@code --format png} each chart is
 * also written beside the HTML as {@code <report>-<key>-<chart>.png}. Every output appears only when the run
 * completed.
 */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, sortSynopsis = false, separator = " ",
        description = "One offline HTML report of score output: per measure the Jacobson-Truax plot, categories, "
                + "cohort statistics by team and age band; the referral profile; data quality and provenance.",
        footerHeading = "%nExample:%n",
        footer = {"  imh-measures report --scores scores --submissions referrals.jsonl --output report.html \\",
            "      --pre baseline --post last --suppress 5", "",
            "The scores directory is the output of: imh-measures score --map mapping.json --input export.csv "
                + "--instruments all --output-dir scores", "",
            "The numbers equal those of change --from-scores DIR --instrument ID --summary with the same options. "
                + "With --format png the charts are also written as REPORT-<key>-jacobson-truax.png, "
                + "REPORT-<key>-categories.png and REPORT-<key>-by-<group>.png beside the HTML."},
        exitCodeListHeading = Main.EXIT_HEADING, exitCodeList = {Main.EXIT_0, Main.EXIT_1, Main.EXIT_2})
final class ReportCommand implements Callable<Integer> {

    /** {@code --format}: the HTML alone, or with every chart as PNG as well. */
    enum Format { HTML, PNG }

    @ParentCommand
    private Main main;

    @Option(names = "--scores", required = true, paramLabel = "DIR",
            description = "directory from score --output-dir: <key>.csv (and <key>-rejects.csv) per measure")
    private Path scores;

    @Option(names = "--submissions", paramLabel = "REFERRALS.jsonl",
            description = "portal submissions, one JSON object per line, for the referral profile")
    private Path submissions;

    @Option(names = "--output", required = true, paramLabel = "REPORT.html", description = "the HTML report")
    private Path output;

    @Option(names = "--format", paramLabel = "html|png", converter = FormatConverter.class,
            description = "png: also write each chart as PNG beside the HTML (default: html)")
    private Format format;

    @Option(names = "--title", paramLabel = "TITLE", description = "the report's title (default: Outcome measures "
            + "report)")
    private String title;

    @Mixin
    private PairingOptions pairing;

    @Option(names = "--group-by", paramLabel = "COLUMN[,COLUMN]", converter = Converters.GroupBy.class,
            description = "group by these score columns, e.g. team,age_band or team*age_band (default: team and "
                    + "age_band where the score file has them)")
    private Converters.Columns groupBy;

    @Option(names = "--suppress", paramLabel = "N", converter = Converters.Suppress.class,
            description = "for publication: counts below N, and shares from them, shown as <N (groups with fewer "
                    + "than N pairs lose their statistics and plotted points)")
    private Integer suppress;

    @Option(names = "--wilcoxon-zeros", paramLabel = "drop|pratt", converter = Converters.Zeros.class,
            description = "Wilcoxon signed-rank test: drop zero changes (default, as R and SciPy) or Pratt")
    private WilcoxonZeros zeros;

    @Option(names = "--upper-age", paramLabel = "YEARS", converter = Converters.UpperAge.class,
            description = "with --submissions: referrals accepted up to this age, 2 to 18 years (default: the "
                    + "second birthday)")
    private Period upperAge;

    @Mixin
    private ChangeParameterOptions parameters;

    @Mixin
    private CatalogueOptions catalogueOptions;

    private ReportCommand() {
    }

    @Override
    public Integer call() throws UsageException, CommandFailure, OutputFiles.SameFileException {
        ChangeOptions options = parameters.options();
        parameters.warn(main.err);
        Catalogue catalogue = catalogueOptions.catalogue();
        List<Instrument> instruments = new ArrayList<>();
        pairing.pairing(catalogue.instruments().get(0), List.of()); // exit 2 for unusable timepoints
        Map<Instrument, Path> files = measures(catalogue, instruments);
        Suppression suppression = suppress == null ? Suppression.none() : Suppression.below(suppress);
        List<OutputFiles.Named> inputs = new ArrayList<>();
        files.values().forEach(f -> inputs.add(OutputFiles.Named.of("--scores", f)));
        Map<Instrument, Path> rejects = new LinkedHashMap<>();
        files.forEach((instrument, file) -> {
            Path r = rejectsFile(file);
            if (Files.isRegularFile(r)) {
                rejects.put(instrument, r);
                inputs.add(OutputFiles.Named.of("--scores", r));
            }
        });
        if (submissions != null) {
            inputs.add(OutputFiles.Named.of("--submissions", submissions));
        }
        catalogueOptions.files().forEach(f -> inputs.add(OutputFiles.Named.of("--definition", f)));
        ReportRun.Pairing pairs = new ReportRun.Pairing(pairing.pre, pairing.post, pairing.dateColumn);
        Optional<List<String>> groups = Optional.ofNullable(groupBy).map(Converters.Columns::names);
        String stem = stem(output);
        List<String> pngNames = new ArrayList<>();
        try (OutputFiles out = RunFiles.open(inputs, RunFiles.outputs(OutputFiles.Named.of("--output", output)))) {
            List<MeasureData> measures = new ArrayList<>();
            for (Map.Entry<Instrument, Path> e : files.entrySet()) {
                Path file = e.getValue();
                Optional<Path> rejectFile = Optional.ofNullable(rejects.get(e.getKey()));
                MeasureData.ScoreFile counts = new MeasureData.ScoreFile(ReportRun.records(() -> DatasetInput.open(file)),
                        rejectFile.isPresent() ? ReportRun.records(() -> DatasetInput.open(rejectFile.get())) : 0,
                        rejectFile.isPresent());
                try {
                    measures.add(ReportRun.measure(e.getKey(), options, zeros == null ? WilcoxonZeros.DROP : zeros,
                            pairs, groups, () -> DatasetInput.open(file), counts, suppression));
                } catch (DatasetException x) {
                    throw new CommandFailure("--scores " + file.getFileName() + ": " + x.getMessage(), x);
                }
            }
            Optional<ReportData.Profile> profile = Optional.empty();
            if (submissions != null) {
                EligibilityPolicy policy = upperAge == null ? EligibilityPolicy.defaults()
                        : EligibilityPolicy.defaults().withUpperAge(upperAge);
                ProfileCommand.Loaded loaded = ProfileCommand.load(submissions, ReferralProfile.DEFAULT_TOP_N, policy);
                loaded.rejections().forEach(r -> main.err.println("imh-measures: --submissions " + r));
                profile = Optional.of(new ReportData.Profile(loaded.profile(), loaded.lines(),
                        loaded.rejections().size()));
            }
            ReportData data = new ReportData(title == null ? "Outcome measures report" : title, measures, profile,
                    settings(groups), suppression);
            HtmlReport.Rendered rendered = HtmlReport.render(data, format == Format.PNG ? Optional.of(stem + "-")
                    : Optional.empty());
            for (HtmlReport.Png png : rendered.pngs()) {
                Path target = output.resolveSibling(png.name());
                out.declare(OutputFiles.Named.of("--format png", target));
                out.write(target, png.bytes());
                pngNames.add(png.name());
            }
            Writer html = out.writer(output);
            html.write(rendered.html());
            out.commit();
        } catch (OutputFiles.OutputException e) {
            throw new CommandFailure(e.getMessage(), e);
        } catch (IOException e) {
            throw RunFiles.failure("--scores", scores, e);
        }
        main.out.println("Report: " + output.toAbsolutePath().normalize() + " (" + files.size() + " measures"
                + (submissions == null ? "" : ", referral profile") + (pngNames.isEmpty() ? ""
                        : ", " + pngNames.size() + " PNG charts beside it") + ")");
        return 0;
    }

    /** The run's settings for the provenance footer. */
    private List<ReportData.Setting> settings(Optional<List<String>> groups) {
        List<ReportData.Setting> settings = new ArrayList<>();
        settings.add(new ReportData.Setting("--pre", pairing.pre, "baseline".equals(pairing.pre) ? "default" : "given"));
        settings.add(new ReportData.Setting("--post", pairing.post, "last".equals(pairing.post) ? "default" : "given"));
        settings.add(new ReportData.Setting("--group-by", groups.map(g -> String.join(",", g))
                .orElse("team,age_band where present"), groups.isPresent() ? "given" : "default"));
        settings.add(new ReportData.Setting("--suppress", suppress == null ? "none" : Integer.toString(suppress),
                suppress == null ? "default" : "given"));
        settings.add(new ReportData.Setting("--wilcoxon-zeros", zeros == null || zeros == WilcoxonZeros.DROP ? "drop"
                : "pratt", zeros == null ? "default" : "given"));
        return settings;
    }

    /** The score files of DIR named by an instrument key, in catalogue order; others are named on stderr. */
    private Map<Instrument, Path> measures(Catalogue catalogue, List<Instrument> instruments) throws CommandFailure,
            UsageException {
        if (!Files.isDirectory(scores)) {
            throw new CommandFailure("--scores must be a directory from score --output-dir: " + RunFiles.name(scores),
                    null);
        }
        Map<String, Path> byKey = new LinkedHashMap<>();
        try (DirectoryStream<Path> list = Files.newDirectoryStream(scores, "*.csv")) {
            for (Path file : list) {
                String name = file.getFileName().toString();
                if (!name.endsWith("-rejects.csv")) {
                    byKey.put(key(name.substring(0, name.length() - 4)), file);
                }
            }
        } catch (IOException e) {
            throw new CommandFailure("--scores must be a readable directory: " + RunFiles.name(scores), e);
        }
        Map<Instrument, Path> found = new LinkedHashMap<>();
        List<Instrument> answersOnly = new ArrayList<>();
        for (Instrument instrument : catalogue.instruments()) {
            Path file = byKey.remove(key(instrument.key()));
            if (file != null && !instrument.scored()) {
                // a feedback form's answers have no score to plot or compare: left out, said so
                answersOnly.add(instrument);
                main.err.println("imh-measures: warning: --scores " + file.getFileName() + ": " + instrument.id()
                        + " records answers only and has no score to compare: left out");
            } else if (file != null) {
                found.put(instrument, file);
                instruments.add(instrument);
            }
        }
        byKey.values().forEach(f -> main.err.println("imh-measures: warning: --scores " + f.getFileName()
                + " is named by no instrument key: left out"));
        if (found.isEmpty() && !answersOnly.isEmpty()) {
            throw new UsageException("--scores must hold a score file of a scored instrument: "
                    + answersOnly.stream().map(Instrument::id).collect(java.util.stream.Collectors.joining(", "))
                    + (answersOnly.size() == 1 ? " records" : " record") + " answers only and "
                    + (answersOnly.size() == 1 ? "has" : "have") + " no score to compare");
        }
        if (found.isEmpty()) {
            throw new CommandFailure("--scores must hold a score file named by an instrument key (such as phq9.csv): "
                    + "none in " + RunFiles.name(scores), null);
        }
        return found;
    }

    private static Path rejectsFile(Path scoreFile) {
        String name = scoreFile.getFileName().toString();
        return scoreFile.resolveSibling(name.substring(0, name.length() - 4) + "-rejects.csv");
    }

    private static String stem(Path output) {
        String name = RunFiles.name(output);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** {@code --format html|png}. */
    static final class FormatConverter implements ITypeConverter<Format> {
        @Override
        public Format convert(String text) {
            switch (text) {
                case "html":
                    return Format.HTML;
                case "png":
                    return Format.PNG;
                default:
                    throw new TypeConversionException("--format must be one of [html, png]: " + text);
            }
        }
    }
}
