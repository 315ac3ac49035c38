/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.io.Reader;
import java.io.StringReader;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.imhmeasures.cli.demo.Demo;
import org.imhmeasures.cli.files.OutputFiles;
import org.imhmeasures.cli.report.HtmlReport;
import org.imhmeasures.cli.report.MeasureData;
import org.imhmeasures.cli.report.ReportData;
import org.imhmeasures.core.care.EligibilityPolicy;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.portal.profile.ReferralProfile;
import org.imhmeasures.scoring.change.ChangeOptions;
import org.imhmeasures.scoring.cohort.Suppression;
import org.imhmeasures.scoring.cohort.WilcoxonZeros;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code demo [--families N] [--seed S] [--out DIR]}: the main job. Its outputs appear only when the whole
 * run completed ({@link OutputFiles}).
 */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, sortSynopsis = false, separator = " ",
        description = "The main job: score and report a synthetic service (every value invented).",
        footerHeading = "%nExample:%n", footer = "  imh-measures demo --families 60 --out demo-out",
        exitCodeListHeading = Main.EXIT_HEADING, exitCodeList = {Main.EXIT_0, Main.EXIT_1, Main.EXIT_2})
final class DemoCommand implements Callable<Integer> {

    static final int DEFAULT_FAMILIES = 400;
    static final long DEFAULT_SEED = 2026;

    @ParentCommand
    private Main main;

    @Option(names = "--families", paramLabel = "N", converter = Converters.Families.class,
            description = "families to generate, 1 to 10000000 (default: " + DEFAULT_FAMILIES + ")")
    private Integer familiesOption;

    @Option(names = "--seed", paramLabel = "S", converter = Converters.Seed.class,
            description = "random seed; the same seed gives the same service (default: " + DEFAULT_SEED + ")")
    private Long seedOption;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: demo-out)")
    private Path outOption;

    private DemoCommand() {
    }

    /**
     * The demo's HTML report: the {@code report} command's code over the demo's scores (baseline to discharge,
     * published parameters, by team and age band) and submissions.
     */
    static String report(Map<Instrument, String> scores, Path referrals) throws IOException {
        List<MeasureData> measures = new ArrayList<>();
        ReportRun.Pairing pairing = new ReportRun.Pairing("baseline", "discharge", "date");
        for (Map.Entry<Instrument, String> e : scores.entrySet()) {
            Callable<Reader> file = () -> new StringReader(e.getValue());
            MeasureData.ScoreFile counts = new MeasureData.ScoreFile(ReportRun.records(file), 0, false);
            measures.add(ReportRun.measure(e.getKey(), ChangeOptions.defaults(), WilcoxonZeros.DROP, pairing,
                    Optional.empty(), file, counts, Suppression.none()));
        }
        ProfileCommand.Loaded loaded;
        try {
            loaded = ProfileCommand.load(referrals, ReferralProfile.DEFAULT_TOP_N,
                    EligibilityPolicy.defaults().withUpperAge(Period.ofYears(3)));
        } catch (CommandFailure e) {
            throw new IOException(e.getMessage(), e);
        }
        List<ReportData.Setting> settings = List.of(new ReportData.Setting("--pre", "baseline", "demo"),
                new ReportData.Setting("--post", "discharge", "demo"),
                new ReportData.Setting("--group-by", "team,age_band", "demo"));
        ReportData data = new ReportData("imh-measures demo: synthetic parent-infant relationship service (every "
                + "value invented)", measures, Optional.of(new ReportData.Profile(loaded.profile(), loaded.lines(),
                        loaded.rejections().size())), settings, Suppression.none());
        return HtmlReport.render(data, Optional.empty()).html();
    }

    @Override
    public Integer call() throws CommandFailure {
        return run(main.out);
    }

    private int run(PrintStream out) throws CommandFailure {
        int families = familiesOption == null ? DEFAULT_FAMILIES : familiesOption;
        long seed = seedOption == null ? DEFAULT_SEED : seedOption;
        Path folder = outOption == null ? Path.of("demo-out") : outOption;
        try {
            Demo.Result result = Demo.run(seed, families, folder, Optional.of(DemoCommand::report));
            out.print(result.report());
            out.println("Outputs: " + folder.toAbsolutePath().normalize() + " (report.txt, report.html, summary.json, "
                    + "scores/, change/)");
            out.println("Report: " + folder.resolve("report.html").toAbsolutePath().normalize());
        } catch (OutputFiles.OutputException e) {
            throw new CommandFailure(e.getMessage(), e);
        } catch (IOException e) {
            throw new CommandFailure("--out must be a writable folder: " + folder, e);
        }
        return 0;
    }
}
