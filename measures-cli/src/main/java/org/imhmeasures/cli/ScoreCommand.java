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
import java.util.ArrayList;
import java.util.List;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.scoring.AmbiguousScoreException;
import org.imhmeasures.scoring.AnswersOnlyException;
import org.imhmeasures.scoring.AnswerKind;
import org.imhmeasures.scoring.mapping.AnswerForm;
import org.imhmeasures.scoring.mapping.Mapping;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
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

    @Spec
    private CommandSpec spec;

    @Option(names = "--instrument", paramLabel = "ID", completionCandidates = Converters.InstrumentIds.class,
            description = "catalogue instrument id, e.g. PHQ-9 (see: imh-measures instruments); with --output")
    private String instrumentId;

    @Option(names = "--instruments", paramLabel = "ID[,ID...]|all", split = ",",
            description = "with --map: several instruments of one export (all: every mapped one); with --output-dir")
    private List<String> instrumentIds;

    @Option(names = "--input", required = true, paramLabel = "IN",
            description = "the dataset: CSV (wide or long) or JSON Lines; an export described by --map")
    private Path input;

    @Option(names = "--output", paramLabel = "OUT.csv", description = "scores, one row per scored row")
    private Path output;

    @Option(names = "--output-dir", paramLabel = "DIR",
            description = "with --instruments: DIR/<key>.csv and DIR/<key>-rejects.csv per instrument (key: phq9, core10)")
    private Path outputDir;

    @Option(names = "--map", paramLabel = "MAPPING.json",
            description = "an imh-measures/mapping@1 file: columns, answers, encoding and delimiter of an export "
                    + "(see: imh-measures inspect, docs/mapping.md)")
    private Path mapFile;

    @Option(names = "--answers", paramLabel = "codes|scores|labels", converter = Answers.class,
            description = "without --map: how answers are stored (default: codes)")
    private AnswerForm answers;

    @Option(names = "--delimiter", paramLabel = "CHAR", converter = Delimiter.class,
            description = "without --map: CSV cell delimiter , ; | or tab (default: ,)")
    private Character delimiter;

    @Option(names = "--encoding", paramLabel = "UTF-8|windows-1252", converter = Encoding.class,
            description = "without --map: the file's encoding (default: UTF-8)")
    private Charset encoding;

    @Option(names = "--rejects", paramLabel = "REJ.csv", description = "rejected rows with line, reason and message")
    private Path rejects;

    @Option(names = "--missing", paramLabel = "strict|prorate", converter = Converters.Missing.class,
            description = "missing-item policy instead of the instrument's own rule")
    private MissingItemPolicy missing;

    @Option(names = "--format", paramLabel = "wide|long|jsonl", converter = Converters.Format.class,
            description = "input format (default: wide)")
    private DatasetFormat datasetFormat;

    @Mixin
    private CatalogueOptions catalogueOptions;

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

    /** {@code --answers codes|scores|labels}. */
    static final class Answers implements ITypeConverter<AnswerForm> {
        @Override
        public AnswerForm convert(String name) {
            for (AnswerForm form : AnswerForm.values()) {
                if (form.jsonName().equals(name)) {
                    return form;
                }
            }
            throw new TypeConversionException("--answers must be one of [codes, scores, labels]: " + name);
        }
    }

    /** {@code --delimiter , ; | tab}. */
    static final class Delimiter implements ITypeConverter<Character> {
        @Override
        public Character convert(String name) {
            return Mapping.delimiter(name).orElseThrow(() -> new TypeConversionException(
                    "--delimiter must be one of [, ; | tab]: " + name));
        }
    }

    /** {@code --encoding UTF-8|windows-1252}. */
    static final class Encoding implements ITypeConverter<Charset> {
        @Override
        public Charset convert(String name) {
            if (name.equalsIgnoreCase("UTF-8") || name.equalsIgnoreCase("utf8")) {
                return StandardCharsets.UTF_8;
            }
            if (name.equalsIgnoreCase("windows-1252") || name.equalsIgnoreCase("cp1252")) {
                return Mapping.WINDOWS_1252;
            }
            throw new TypeConversionException("--encoding must be one of [UTF-8, windows-1252]: " + name);
        }
    }

    @Override
    public Integer call() throws CommandFailure, UsageException, OutputFiles.SameFileException {
        return run(main.out, main.err);
    }

    private int run(PrintStream out, PrintStream err) throws CommandFailure, UsageException, OutputFiles.SameFileException {
        MappedRun.checkInstrumentOptions(spec, instrumentId, instrumentIds, output, outputDir, mapFile, rejects);
        if (mapFile != null && (answers != null || delimiter != null || encoding != null || datasetFormat != null)) {
            throw CatalogueOptions.usage(spec, "--answers, --delimiter, --encoding and --format must not be given with "
                    + "--map: the mapping says");
        }
        Catalogue catalogue = catalogueOptions.catalogue();
        ScoringOptions options = ScoringOptions.defaults();
        if (missing != null) {
            options = options.with(missing);
        }
        if (mapFile != null) {
            return new MappedRun(main, spec, catalogue, options, csv.cells(), quiet, rejectLimit)
                    .run(mapFile, input, instrumentId, instrumentIds, output, rejects, outputDir,
                            catalogueOptions.files());
        }
        Instrument instrument = CatalogueOptions.instrument(spec, catalogue, "--instrument", instrumentId);
        DatasetFormat format = datasetFormat == null ? DatasetFormat.WIDE_CSV : datasetFormat;
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : encoding;
        char cellDelimiter = delimiter == null ? ',' : delimiter;
        if (answers == AnswerForm.LABELS) {
            if (format != DatasetFormat.WIDE_CSV) {
                throw CatalogueOptions.usage(spec, "--answers labels must be used with wide input or --map: "
                        + (format == DatasetFormat.LONG_CSV ? "long" : "jsonl"));
            }
            return new MappedRun(main, spec, catalogue, options, csv.cells(), quiet, rejectLimit)
                    .run(Mapping.standardColumns(List.of(instrument), AnswerForm.LABELS, charset, cellDelimiter),
                            input, instrument, output, Optional.ofNullable(rejects), catalogueOptions.files());
        }
        if (answers == AnswerForm.SCORES) {
            try {
                options = options.with(AnswerKind.SCORES);
                Scorer.of(instrument, options);
            } catch (AnswersOnlyException e) {
                throw new UsageException("--answers scores must not be used with " + instrument.id()
                        + ": it records answers only and has no item scores (give codes or labels)");
            } catch (AmbiguousScoreException e) {
                throw new CommandFailure("--answers scores must be readable for " + instrument.id() + ": "
                        + e.getMessage(), e);
            }
        }
        Optional<Path> rejects = Optional.ofNullable(this.rejects);
        // live progress on a terminal; elsewhere a line every million rows, so long runs show they are alive
        Progress progress = Progress.of(err, quiet, input);
        CsvCells cells = csv.cells();
        DatasetScoring scoring = DatasetScoring.of(Scorer.of(instrument, options))
                .withProgress(progress, progress.every()).withThreads(Threads.choose(threads, input));
        if (cellDelimiter != ',') {
            scoring = scoring.withDelimiter(cellDelimiter);
        }
        DatasetScoring run = scoring;
        List<OutputFiles.Named> inputs = new ArrayList<>(List.of(OutputFiles.Named.of("--input", input)));
        catalogueOptions.files().forEach(f -> inputs.add(OutputFiles.Named.of("--definition", f)));
        DatasetSummary summary;
        // outputs go to temporary files, moved into place only when the whole input was scored
        try (OutputFiles files = RunFiles.open(inputs, RunFiles.outputs(
                        OutputFiles.Named.of("--output", output), RunFiles.optional("--rejects", rejects)));
                Reader in = DatasetInput.of(progress.counting(Files.newInputStream(input)), charset)) {
            boolean wide = format == DatasetFormat.WIDE_CSV;
            RowHandler warning = new RowHandler() {
                @Override
                public void header(List<String> header) {
                    List<String> absent = wide ? run.absentItemColumns(header) : List.of();
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
            summary = run.forEach(format, in, rejects.isPresent()
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
