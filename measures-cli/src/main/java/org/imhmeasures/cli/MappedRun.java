/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.imhmeasures.cli.files.OutputFiles;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.scoring.AmbiguousScoreException;
import org.imhmeasures.scoring.ScoringOptions;
import org.imhmeasures.scoring.dataset.CsvCells;
import org.imhmeasures.scoring.dataset.DatasetException;
import org.imhmeasures.scoring.dataset.RejectsCsv;
import org.imhmeasures.scoring.dataset.RowHandler;
import org.imhmeasures.scoring.dataset.ScoresCsv;
import org.imhmeasures.scoring.mapping.MappedScoring;
import org.imhmeasures.scoring.mapping.MappedSummary;
import org.imhmeasures.scoring.mapping.Mapping;
import org.imhmeasures.scoring.mapping.MappingException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The {@code score} command with a mapping ({@code --map}, or the standard columns for {@code --answers
 * labels}): one instrument to {@code --output}, or several to {@code --output-dir} as {@code <key>.csv} and
 * {@code <key>-rejects.csv}. Every output appears only when the whole export was read.
 */
final class MappedRun {

    private final Main main;
    private final CommandSpec spec;
    private final Catalogue catalogue;
    private final ScoringOptions options;
    private final CsvCells cells;
    private final boolean quiet;
    private final RejectLimit rejectLimit;

    MappedRun(Main main, CommandSpec spec, Catalogue catalogue, ScoringOptions options, CsvCells cells, boolean quiet,
            RejectLimit rejectLimit) {
        this.main = main;
        this.spec = spec;
        this.catalogue = catalogue;
        this.options = options;
        this.cells = cells;
        this.quiet = quiet;
        this.rejectLimit = rejectLimit;
    }

    /**
     * The output files of a mapped run, per instrument id in selection order: {@code DIR/<key><extension>} and
     * {@code DIR/<key>-rejects.csv} with {@code --output-dir} (created here), else {@code --output} and the
     * optional {@code --rejects} for the one instrument.
     */
    record Outputs(Map<String, OutputFiles.Named> results, Map<String, Optional<OutputFiles.Named>> rejects) {

        static Outputs of(List<Instrument> instruments, Path outputDir, String extension,
                Path output, Path rejects) throws CommandFailure {
            Map<String, OutputFiles.Named> results = new LinkedHashMap<>();
            Map<String, Optional<OutputFiles.Named>> rejectFiles = new LinkedHashMap<>();
            if (outputDir != null) {
                try {
                    Files.createDirectories(outputDir);
                } catch (IOException e) {
                    throw new CommandFailure("--output-dir must be a directory that can be created: "
                            + RunFiles.name(outputDir), e);
                }
                for (Instrument instrument : instruments) {
                    results.put(instrument.id(), OutputFiles.Named.of("--output-dir",
                            outputDir.resolve(instrument.key() + extension)));
                    rejectFiles.put(instrument.id(), Optional.of(OutputFiles.Named.of("--output-dir",
                            outputDir.resolve(instrument.key() + "-rejects.csv"))));
                }
            } else {
                results.put(instruments.get(0).id(), OutputFiles.Named.of("--output", output));
                rejectFiles.put(instruments.get(0).id(), Optional.ofNullable(rejects)
                        .map(r -> OutputFiles.Named.of("--rejects", r)));
            }
            return new Outputs(results, rejectFiles);
        }
    }

    /**
     * The rules that {@code score} and {@code fhir} share for choosing instruments and outputs: exactly one of
     * {@code --instrument} (with {@code --output}, without {@code --output-dir}) and {@code --instruments} (with
     * {@code --map} and {@code --output-dir}, without {@code --output} and {@code --rejects}).
     */
    static void checkInstrumentOptions(CommandSpec spec, String instrumentId, List<String> instrumentIds,
            Path output, Path outputDir, Path mapFile, Path rejects) {
        if (instrumentId == null && instrumentIds == null) {
            throw CatalogueOptions.usage(spec, "--instrument must be given: missing");
        }
        if (instrumentId != null && instrumentIds != null) {
            throw CatalogueOptions.usage(spec, "--instrument must not be given with --instruments: both given");
        }
        if (instrumentId != null && output == null) {
            throw CatalogueOptions.usage(spec, "--output must be given: missing");
        }
        if (instrumentId != null && outputDir != null) {
            throw CatalogueOptions.usage(spec, "--output-dir must be used with --instruments: --instrument given");
        }
        if (instrumentIds != null && (mapFile == null || outputDir == null || output != null || rejects != null)) {
            throw CatalogueOptions.usage(spec, "--instruments must be used with --map and --output-dir, without "
                    + "--output and --rejects: " + (mapFile == null ? "no --map" : outputDir == null
                            ? "no --output-dir" : "--output or --rejects given"));
        }
    }

    /** The mapping's scoring of {@code instruments}, its refusals as one-line command failures. */
    static MappedScoring scoring(Mapping mapping, List<Instrument> instruments, ScoringOptions options)
            throws CommandFailure {
        try {
            return MappedScoring.of(mapping, instruments, options);
        } catch (AmbiguousScoreException e) {
            throw new CommandFailure("--map: answers scores must be readable: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure("--map must be usable: " + e.getMessage(), e);
        }
    }

    /** {@code --map} with {@code --instrument ID --output} or {@code --instruments LIST|all --output-dir}. */
    int run(Path mapFile, Path input, String instrumentId, List<String> instrumentIds, Path output, Path rejects,
            Path outputDir, List<Path> catalogueFiles) throws CommandFailure, OutputFiles.SameFileException {
        Mapping mapping = read(mapFile, catalogue);
        List<Instrument> instruments = select(spec, catalogue, mapping, instrumentId, instrumentIds);
        Outputs named = Outputs.of(instruments, outputDir, ".csv", output, rejects);
        Map<String, OutputFiles.Named> scores = named.results();
        Map<String, Optional<OutputFiles.Named>> rejectFiles = named.rejects();
        List<OutputFiles.Named> inputs = new ArrayList<>(List.of(OutputFiles.Named.of("--input", input),
                OutputFiles.Named.of("--map", mapFile)));
        catalogueFiles.forEach(f -> inputs.add(OutputFiles.Named.of("--definition", f)));
        return score(mapping, instruments, input, inputs, scores, rejectFiles);
    }

    /** The standard columns of a plain wide CSV, with {@code --answers labels}. */
    int run(Mapping mapping, Path input, Instrument instrument, Path output, Optional<Path> rejects,
            List<Path> catalogueFiles) throws CommandFailure, OutputFiles.SameFileException {
        List<OutputFiles.Named> inputs = new ArrayList<>(List.of(OutputFiles.Named.of("--input", input)));
        catalogueFiles.forEach(f -> inputs.add(OutputFiles.Named.of("--definition", f)));
        return score(mapping, List.of(instrument), input, inputs, Map.of(instrument.id(),
                OutputFiles.Named.of("--output", output)), Map.of(instrument.id(),
                rejects.map(r -> OutputFiles.Named.of("--rejects", r))));
    }

    /**
     * The instruments {@code --instrument ID} or {@code --instruments LIST|all} name, each mapped; a usage error
     * (exit 2) otherwise.
     */
    static List<Instrument> select(CommandSpec spec, Catalogue catalogue, Mapping mapping, String instrumentId,
            List<String> instrumentIds) {
        List<Instrument> instruments = new ArrayList<>();
        if (instrumentId != null) {
            instruments.add(mapped(spec, catalogue, mapping, "--instrument", instrumentId));
        } else if (instrumentIds.size() == 1 && instrumentIds.get(0).equals("all")) {
            mapping.instruments().keySet().forEach(id -> instruments.add(catalogue.get(id)));
        } else {
            for (String id : instrumentIds) {
                Instrument instrument = mapped(spec, catalogue, mapping, "--instruments", id.strip());
                if (instruments.contains(instrument)) {
                    throw CatalogueOptions.usage(spec, "--instruments must name each instrument once: " + id.strip()
                            + " repeated");
                }
                instruments.add(instrument);
            }
        }
        return instruments;
    }

    /** The mapping file {@code --map} names, read against the run's catalogue; a located failure otherwise. */
    static Mapping read(Path mapFile, Catalogue catalogue) throws CommandFailure {
        if (!Files.isReadable(mapFile) || Files.isDirectory(mapFile)) {
            throw new CommandFailure("--map must be a readable file: " + RunFiles.name(mapFile), null);
        }
        try {
            return Mapping.read(mapFile, catalogue);
        } catch (MappingException e) {
            throw new CommandFailure("--map " + e.getMessage(), e);
        }
    }

    private static Instrument mapped(CommandSpec spec, Catalogue catalogue, Mapping mapping, String option,
            String id) {
        Instrument instrument = CatalogueOptions.instrument(spec, catalogue, option, id);
        if (!mapping.instruments().containsKey(instrument.id())) {
            throw CatalogueOptions.usage(spec, option + " must be one of the mapped instruments "
                    + List.copyOf(mapping.instruments().keySet()) + ": " + id);
        }
        return instrument;
    }

    private int score(Mapping mapping, List<Instrument> instruments, Path input, List<OutputFiles.Named> inputs,
            Map<String, OutputFiles.Named> scores, Map<String, Optional<OutputFiles.Named>> rejects)
            throws CommandFailure, OutputFiles.SameFileException {
        PrintStream out = main.out;
        PrintStream err = main.err;
        MappedScoring scoring = scoring(mapping, instruments, options);
        List<OutputFiles.Named> outputs = new ArrayList<>();
        for (Instrument instrument : instruments) {
            outputs.add(scores.get(instrument.id()));
            rejects.get(instrument.id()).ifPresent(outputs::add);
        }
        Progress progress = Progress.of(err, quiet, input);
        Map<String, MappedSummary> summaries;
        try (OutputFiles files = RunFiles.open(inputs, outputs);
                InputStream bytes = progress.counting(Files.newInputStream(input));
                Reader in = scoring.open(bytes)) {
            Map<String, RowHandler> handlers = new LinkedHashMap<>();
            for (Instrument instrument : instruments) {
                ScoresCsv csv = ScoresCsv.of(files.writer(scores.get(instrument.id()).path()), instrument,
                        scoring.outputFormat(), cells, scoring.outputColumns(instrument.id()));
                Optional<OutputFiles.Named> rejectFile = rejects.get(instrument.id());
                handlers.put(instrument.id(), rejectFile.isPresent()
                        ? RowHandler.all(csv, RejectsCsv.of(files.writer(rejectFile.get().path()), cells)) : csv);
            }
            summaries = scoring.run(in, handlers);
            files.commit();
        } catch (DatasetException e) {
            throw new CommandFailure("--input " + input.getFileName() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw RunFiles.failure("--input", input, e);
        } finally {
            progress.finish();
        }
        long rejected = 0;
        long read = 0;
        for (Instrument instrument : instruments) {
            MappedSummary summary = summaries.get(instrument.id());
            rejected += summary.rowsRejected();
            read += summary.rowsRead();
            out.println(instrument.id() + " " + instrument.definitionVersion() + ": " + summary.accountingLine()
                    + (rejects.get(instrument.id()).isEmpty() && summary.rowsRejected() > 0
                            ? " (rejects not kept: give --rejects)" : ""));
            if (summary.rowsWithCriticalAlerts() > 0) {
                out.println("  critical-item alerts in " + summary.rowsWithCriticalAlerts()
                        + " rows: see critical_items in the output and the rejects");
            }
            if (summary.rowsWithCriticalUnanswered() > 0) {
                out.println("  critical items unanswered in " + summary.rowsWithCriticalUnanswered()
                        + " rows (alert status unknown): see critical_unanswered in the output and the rejects");
            }
            if (summary.totalsDiffering() > 0) {
                out.println("  system total differs from ours in " + summary.totalsDiffering() + " rows: see "
                        + Mapping.SYSTEM_TOTAL_DIFFERS + "; check the mapping's answers (codes, scores or labels)");
            }
        }
        return MaxRejects.status(rejectLimit.value(), rejected, read, err);
    }
}
