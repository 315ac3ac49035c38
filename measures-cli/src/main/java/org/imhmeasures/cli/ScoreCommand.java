/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import org.imhmeasures.scoring.dataset.ScoresCsv;
import org.imhmeasures.scoring.dataset.RowHandler;
import org.imhmeasures.scoring.dataset.Row;
import org.imhmeasures.scoring.dataset.Rejection;
import org.imhmeasures.scoring.dataset.RejectsCsv;
import org.imhmeasures.scoring.dataset.CsvCells;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.Administration;
import java.util.function.Supplier;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.imhmeasures.cli.files.OutputFiles;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.scoring.MissingItemPolicy;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.ScoringOptions;
import org.imhmeasures.scoring.dataset.DatasetException;
import org.imhmeasures.scoring.dataset.DatasetFormat;
import org.imhmeasures.scoring.dataset.DatasetInput;
import org.imhmeasures.scoring.dataset.DatasetScoring;
import org.imhmeasures.scoring.dataset.DatasetSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code score --instrument ID --input IN --output OUT.csv [--rejects REJ.csv] [--missing strict|prorate]
 * [--format wide|long|jsonl] [--raw-csv] [--quiet] [--max-rejects N|P%] [--threads N]}. Outputs appear only when the run
 * completed ({@link OutputFiles}).
 */
@Command(name = "score", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, sortSynopsis = false, separator = " ",
        description = "Score a dataset (default wide CSV: record_id + item columns).",
        footerHeading = "%nExample:%n",
        footer = {"  imh-measures score --instrument PHQ-9 --input phq9.csv \\", "      --output scores.csv --rejects rejects.csv --max-rejects 1%%"},
        exitCodeListHeading = Main.EXIT_HEADING, exitCodeList = {Main.EXIT_0, Main.EXIT_1, Main.EXIT_2, Main.EXIT_3})
final class ScoreCommand implements Callable<Integer> {

    @ParentCommand
    private Main main;

    @Option(names = "--instrument", required = true, paramLabel = "ID", converter = Converters.InstrumentById.class,
            completionCandidates = Converters.InstrumentIds.class,
            description = "catalogue instrument id, e.g. PHQ-9 (see: imh-measures instruments)")
    private Instrument instrument;

    @Option(names = "--input", required = true, paramLabel = "IN",
            description = "the dataset: UTF-8 CSV (wide or long) or JSON Lines")
    private Path input;

    @Option(names = "--output", required = true, paramLabel = "OUT.csv", description = "scores, one row per scored row")
    private Path output;

    @Option(names = "--rejects", paramLabel = "REJ.csv", description = "rejected rows with line, reason and message")
    private Path rejects;

    @Option(names = "--missing", paramLabel = "strict|prorate", converter = Converters.Missing.class,
            description = "missing-item policy instead of the instrument's own rule")
    private MissingItemPolicy missing;

    @Option(names = "--format", paramLabel = "wide|long|jsonl", converter = Converters.Format.class,
            description = "input format (default: wide)")
    private DatasetFormat datasetFormat;

    @Mixin
    private CsvOptions csv;

    @Option(names = {"-q", "--quiet"}, description = "no progress on standard error (the accounting line stays)")
    private boolean quiet;

    @Mixin
    private RejectLimit rejectLimit;

    @Option(names = "--threads", paramLabel = "N", converter = Threads.Converter.class,
            description = "threads to read, score and write on, same output (default: up to 4 for inputs of 8 MiB "
                    + "or more, else 1)")
    private Integer threads;

    private ScoreCommand() {
    }

    @Override
    public Integer call() throws CommandFailure, OutputFiles.SameFileException {
        return run(main.out, main.err);
    }

    private int run(PrintStream out, PrintStream err) throws CommandFailure, OutputFiles.SameFileException {
        Optional<Path> rejects = Optional.ofNullable(this.rejects);
        ScoringOptions options = ScoringOptions.defaults();
        if (missing != null) {
            options = options.with(missing);
        }
        DatasetFormat format = datasetFormat == null ? DatasetFormat.WIDE_CSV : datasetFormat;
        // live progress on a terminal; elsewhere a line every million rows, so long runs show they are alive
        Progress progress = Progress.of(err, quiet, input);
        CsvCells cells = csv.cells();
        DatasetScoring scoring = DatasetScoring.of(Scorer.of(instrument, options))
                .withProgress(progress, progress.every()).withThreads(Threads.choose(threads, input));
        DatasetSummary summary;
        // outputs go to temporary files, moved into place only when the whole input was scored
        try (OutputFiles files = RunFiles.open(List.of(OutputFiles.Named.of("--input", input)), RunFiles.outputs(
                        OutputFiles.Named.of("--output", output), RunFiles.optional("--rejects", rejects)));
                Reader in = DatasetInput.of(progress.counting(Files.newInputStream(input)))) {
            boolean wide = format == DatasetFormat.WIDE_CSV;
            RowHandler warning = new RowHandler() {
                @Override
                public void header(List<String> header) {
                    List<String> absent = wide ? scoring.absentItemColumns(header) : List.of();
                    if (!absent.isEmpty()) {
                        err.println("imh-measures: warning: input has no column for " + String.join(", ", absent)
                                + ": those items are missing in every row");
                    }
                }

                @Override
                public void scored(Row row, Scored scored, Supplier<Administration> answers) {
                    // the CSV handlers write the rows
                }

                @Override
                public void rejected(Row row, Rejection rejection) {
                    // the CSV handlers write the rows
                }
            };
            ScoresCsv scores = ScoresCsv.of(files.writer(output), instrument, format, cells);
            summary = scoring.forEach(format, in, rejects.isPresent()
                    ? RowHandler.all(warning, scores, RejectsCsv.of(files.writer(rejects.get()), cells))
                    : RowHandler.all(warning, scores));
            files.commit();
        } catch (DatasetException e) {
            throw new CommandFailure("--input " + input.getFileName() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw RunFiles.failure("--input", input, e);
        } finally {
            progress.finish();
        }
        out.println(instrument.id() + " " + instrument.definitionVersion() + ": " + summary.accountingLine()
                + (rejects.isEmpty() && summary.rowsRejected() > 0 ? " (rejects not kept: give --rejects)" : ""));
        if (summary.rowsWithCriticalAlerts() > 0) {
            out.println("critical-item alerts in " + summary.rowsWithCriticalAlerts()
                    + " rows: see critical_items in the output and the rejects' messages");
        }
        if (summary.rowsWithCriticalUnanswered() > 0) {
            out.println("critical items unanswered in " + summary.rowsWithCriticalUnanswered()
                    + " rows (alert status unknown): see critical_unanswered in the output and the rejects");
        }
        return MaxRejects.status(rejectLimit.value(), summary.rowsRejected(), summary.rowsRead(), err);
    }
}
