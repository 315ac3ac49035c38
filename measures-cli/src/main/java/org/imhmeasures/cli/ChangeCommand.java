/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.cli.files.OutputFiles;
import org.imhmeasures.scoring.change.ChangeModel;
import org.imhmeasures.scoring.change.ChangeOptions;
import org.imhmeasures.scoring.change.ChangeResult;
import org.imhmeasures.scoring.change.ParameterSource;
import org.imhmeasures.scoring.cohort.CohortReports;
import org.imhmeasures.scoring.cohort.Suppression;
import org.imhmeasures.scoring.cohort.WilcoxonZeros;
import org.imhmeasures.scoring.dataset.ChangeCsv;
import org.imhmeasures.scoring.dataset.DatasetException;
import org.imhmeasures.scoring.dataset.DatasetInput;
import org.imhmeasures.scoring.dataset.ScorePairing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code change --instrument ID (--input IN.csv | --from-scores SCORES) --output OUT.csv [--summary SUMMARY.json]
 * [--method jt|gln|en|ha|nk|hll|nhs|anchor|percentage] [--params published|sample] [every clinical parameter:
 * {@link ChangeParameterOptions}] [--group-level] [--rejects REJ.csv]
 * [--group-by COLUMN[,COLUMN]] [--raw-csv] [--max-rejects N|P%]}: groups the cohort summary by input columns
 * such as {@code team} or {@code age_band} (the output rows are unchanged). With {@code --from-scores} the pairs
 * are built from a {@code score} output ({@link ScorePairing}: {@code --pre}, {@code --post}, {@code --date-column})
 * and the summary JSON gains a {@code records} object with the pairing's accounting. With {@code --group-level}
 * the summary JSON gains a {@code groupLevel} object and the printed text a group-level table
 * ({@link GroupLevelText}); without it every output is as before.
 */
@Command(name = "change", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, sortSynopsis = false, separator = " ",
        description = "Reliable and clinically significant change of record_id,pre,post pairs, or of pairs "
                + "built from score output.",
        footerHeading = "%nExample:%n",
        footer = {"  imh-measures change --instrument PHQ-9 --input pairs.csv --output change.csv \\",
            "      --method nhs --summary summary.json",
            "  imh-measures change --instrument PHQ-9 --from-scores scores/ --pre baseline --post last \\",
            "      --group-by team,age_band --output change.csv --summary summary.json",
            "  imh-measures change --instrument PHQ-9 --input pairs.csv --output change.csv \\",
            "      --method anchor --mid-improvement 5 --mid-deterioration 3 --group-by team --group-level", "",
            "From scores, records = paired + baseline only + post only + rejected (duplicate_timepoint, "
                + "missing_date); each count is named in the summary's records object."},
        exitCodeListHeading = Main.EXIT_HEADING, exitCodeList = {Main.EXIT_0, Main.EXIT_1, Main.EXIT_2, Main.EXIT_3})
final class ChangeCommand implements Callable<Integer> {

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Option(names = "--instrument", required = true, paramLabel = "ID",
            completionCandidates = Converters.InstrumentIds.class,
            description = "catalogue instrument id, e.g. PHQ-9 (see: imh-measures instruments)")
    private String instrumentId;

    /** The instrument {@link #instrumentId} names, resolved against the run's catalogue. */
    private Instrument instrument;

    @Option(names = "--input", paramLabel = "IN.csv",
            description = "UTF-8 CSV with record_id, pre and post columns (or give --from-scores)")
    private Path input;

    @Option(names = "--from-scores", paramLabel = "SCORES",
            description = "score output (CSV with record_id, timepoint, total; optional date and group columns), "
                    + "or a directory from score --output-dir holding <instrument>.csv; pairs per record id")
    private Path fromScores;

    @Mixin
    private PairingOptions pairing;

    @Option(names = "--output", required = true, paramLabel = "OUT.csv", description = "change, one row per pair")
    private Path output;

    @Option(names = "--summary", paramLabel = "SUMMARY.json", description = "cohort summary as JSON")
    private Path summaryFile;

    @Mixin
    private ChangeParameterOptions parameters;

    @Option(names = "--rejects", paramLabel = "REJ.csv", description = "rejected rows with line, reason and message")
    private Path rejectsFile;

    @Option(names = "--group-by", paramLabel = "COLUMN[,COLUMN]", converter = Converters.GroupBy.class,
            description = "group the summary by up to 5 input columns, e.g. team,age_band, or crossed, "
                    + "team*age_band (rows are unchanged; groups in natural order: age bands from antenatal, then "
                    + "alphabetically)")
    private Converters.Columns groupBy;

    @Option(names = "--suppress", paramLabel = "N", converter = Converters.Suppress.class,
            description = "for publication: counts below N, and shares from them, shown as <N in the summary "
                    + "and the printed table (groups with fewer than N pairs lose their statistics)")
    private Integer suppress;

    @Option(names = "--wilcoxon-zeros", paramLabel = "drop|pratt", converter = Converters.Zeros.class,
            description = "Wilcoxon signed-rank test: drop zero changes before ranking (default, as R and SciPy) "
                    + "or rank them and drop their ranks (Pratt 1959)")
    private WilcoxonZeros zeros;

    @Option(names = "--group-level",
            description = "add group-level results to the summary and the printed text: mean change within the "
                    + "cohort and each group with its 95%% CI and d_z, each group's post scores against the first "
                    + "group of its dimension (Welch), verdicts against --mid-improvement with --method anchor, "
                    + "and the Hageman-Arrindell changed and functional shares with --method ha")
    private boolean groupLevel;

    @Mixin
    private CatalogueOptions catalogueOptions;

    @Mixin
    private CsvOptions csv;

    @Mixin
    private RejectLimit rejectLimit;

    private ChangeCommand() {
    }

    @Override
    public Integer call() throws UsageException, CommandFailure, OutputFiles.SameFileException {
        return run(main.out, main.err);
    }

    private int run(PrintStream out, PrintStream err) throws UsageException, CommandFailure,
            OutputFiles.SameFileException {
        instrument = CatalogueOptions.instrument(spec, catalogueOptions.catalogue(), "--instrument", instrumentId);
        Optional<Path> summary = Optional.ofNullable(summaryFile);
        Optional<Path> rejects = Optional.ofNullable(rejectsFile);
        ChangeOptions options = parameters.options();
        if (!instrument.scored()) {
            // whatever the parameters: nothing to compare (the model's own typed refusal, one line)
            throw new UsageException(ChangeModel.published(instrument, options).unusable().orElseThrow().message());
        }
        parameters.warn(err);
        if (options.parameters() == ParameterSource.PUBLISHED) {
            Optional<ChangeResult.NotAssessable> unusable = ChangeModel.published(instrument, options).unusable();
            if (unusable.isPresent()) {
                throw new UsageException(unusable.get().message() + hint(unusable.get().reason()));
            }
        }
        if ((input == null) == (fromScores == null)) {
            throw new UsageException("--input or --from-scores must be given, not both: "
                    + (input == null ? "neither given" : "both given"));
        }
        List<String> groups = groupBy == null ? List.of() : groupBy.names();
        ChangeCsv job = ChangeCsv.of(instrument, options, groups).withCsvCells(csv.cells())
                .with(zeros == null ? WilcoxonZeros.DROP : zeros);
        Suppression suppression = suppress == null ? Suppression.none() : Suppression.below(suppress);
        if (fromScores != null) {
            return runFromScores(job, groups, suppression, summary, rejects, out, err);
        }
        ChangeCsv.Run run;
        // outputs go to temporary files, moved into place (summary and rejects first, output last) only when
        // the run completed
        try (OutputFiles files = RunFiles.open(catalogueOptions.inputs(OutputFiles.Named.of("--input", input)),
                RunFiles.outputs(
                OutputFiles.Named.of("--output", output), RunFiles.optional("--rejects", rejects),
                RunFiles.optional("--summary", summary)))) {
            Writer outFile = files.writer(output);
            run = rejects.isPresent() ? job.run(() -> DatasetInput.open(input), outFile, files.writer(rejects.get()))
                    : job.run(() -> DatasetInput.open(input), outFile);
            if (summary.isPresent()) {
                Writer json = files.writer(summary.get());
                String cohortJson = CohortReports.toJson(run.cohort(), suppression);
                json.write((groupLevel ? GroupLevelText.withGroupLevel(cohortJson, run.groupLevel(), suppression)
                        : cohortJson) + System.lineSeparator());
            }
            files.commit();
        } catch (DatasetException e) {
            if (e.line() == 0 && !e.getMessage().contains("CSV")) {
                // the change model cannot assess anything with these arguments (e.g. no reliability)
                throw new CommandFailure(e.getMessage(), e);
            }
            throw new CommandFailure("--input " + input.getFileName() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw RunFiles.failure("--input", input, e);
        }
        out.print(CohortReports.toText(run.cohort(), suppression));
        if (groupLevel) {
            out.print(GroupLevelText.toText(run.groupLevel(), suppression));
        }
        out.println(instrument.id() + " " + instrument.definitionVersion() + ": rows read " + run.summary().rowsRead()
                + " = assessed " + run.summary().rowsScored() + " + rejected " + run.summary().rowsRejected()
                + (rejects.isEmpty() && run.summary().rowsRejected() > 0 ? " (rejects not kept: give --rejects)" : ""));
        return MaxRejects.status(rejectLimit.value(), run.summary().rowsRejected(), run.summary().rowsRead(), err);
    }

    private int runFromScores(ChangeCsv job, List<String> groups, Suppression suppression, Optional<Path> summary,
            Optional<Path> rejects, PrintStream out, PrintStream err) throws UsageException, CommandFailure,
            OutputFiles.SameFileException {
        ScorePairing pairs = pairing.pairing(instrument, FromScores.groupColumns(groups));
        Path scores = PairingOptions.scoreFile("--from-scores", fromScores, instrument);
        ScorePairing.Result paired;
        ChangeCsv.Run run;
        try (OutputFiles files = RunFiles.open(catalogueOptions.inputs(OutputFiles.Named.of("--from-scores", scores)),
                RunFiles.outputs(OutputFiles.Named.of("--output", output), RunFiles.optional("--rejects", rejects),
                        RunFiles.optional("--summary", summary)))) {
            FromScores.Outcome outcome = FromScores.run(job, pairs, DatasetInput.open(scores), files.writer(output),
                    rejects.isPresent() ? Optional.of(files.writer(rejects.get())) : Optional.empty());
            paired = outcome.paired();
            run = outcome.run();
            if (summary.isPresent()) {
                String summaryJson = outcome.summaryJson(suppression);
                files.writer(summary.get()).write((groupLevel ? GroupLevelText.withGroupLevel(summaryJson,
                        run.groupLevel(), suppression) : summaryJson) + System.lineSeparator());
            }
            files.commit();
        } catch (DatasetException e) {
            if (e.line() == 0 && !e.getMessage().contains("CSV")) {
                throw new CommandFailure(e.getMessage(), e);
            }
            throw new CommandFailure("--from-scores " + scores.getFileName() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw RunFiles.failure("--from-scores", scores, e);
        }
        out.print(CohortReports.toText(run.cohort(), suppression));
        if (groupLevel) {
            out.print(GroupLevelText.toText(run.groupLevel(), suppression));
        }
        ScorePairing.Counts counts = paired.counts();
        long rejected = counts.rejected() + run.summary().rowsRejected();
        out.println(instrument.id() + " " + instrument.definitionVersion() + ": " + counts.accountingLine()
                + "; pairs " + counts.paired() + " = assessed " + run.summary().rowsScored() + " + rejected "
                + run.summary().rowsRejected() + " (rows read " + counts.rowsRead() + ", ignored "
                + counts.rowsIgnored() + ")"
                + (rejects.isEmpty() && rejected > 0 ? " (rejects not kept: give --rejects)" : ""));
        return MaxRejects.status(rejectLimit.value(), rejected, counts.records(), err);
    }

    private static String hint(ChangeResult.Reason reason) {
        switch (reason) {
            case NO_PUBLISHED_PARAMETERS:
                return " (try --method nhs, or --params sample with --reliability, or give --clinical-mean and "
                        + "--clinical-sd)";
            case NEEDS_SAMPLE_STATISTICS:
                return " (use --params sample)";
            case NO_RELIABILITY:
                return " (give --reliability)";
            case NO_MINIMAL_IMPORTANT_DIFFERENCE:
                return " (give --mid-improvement and --mid-deterioration)";
            case NO_PERCENTAGE_THRESHOLDS:
                return " (give --pct-improvement and --pct-deterioration)";
            case UNSUPPORTED_COMBINATION:
                return " (use --criterion a or c with --method ha)";
            default:
                return "";
        }
    }
}
