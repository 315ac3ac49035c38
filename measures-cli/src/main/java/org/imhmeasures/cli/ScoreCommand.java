/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import java.io.Reader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.cli.files.OutputFiles;
import org.imhmeasures.scoring.MissingItemPolicy;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.ScoringOptions;
import org.imhmeasures.scoring.dataset.DatasetException;
import org.imhmeasures.scoring.dataset.DatasetFormat;
import org.imhmeasures.scoring.dataset.DatasetInput;
import org.imhmeasures.scoring.dataset.DatasetSummary;
import org.imhmeasures.scoring.dataset.DatasetScoring;

/**
 * {@code score --instrument ID --input IN --output OUT.csv [--rejects REJ.csv] [--missing strict|prorate]
 * [--format wide|long|jsonl] [--raw-csv]}. Outputs appear only when the run completed ({@link OutputFiles}).
 */
final class ScoreCommand {

    static final long PROGRESS_EVERY = 1_000_000;

    private ScoreCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, CommandFailure,
            OutputFiles.SameFileException {
        Args parsed = Args.parse(args, Set.of("--instrument", "--input", "--output", "--rejects", "--missing",
                "--format"), Set.of(RunFiles.RAW_CSV));
        String id = parsed.required("--instrument");
        Path input = Path.of(parsed.required("--input"));
        Path output = Path.of(parsed.required("--output"));
        Optional<Path> rejects = parsed.value("--rejects").map(Path::of);
        Instrument instrument = instrument(id);
        ScoringOptions options = ScoringOptions.defaults();
        if (parsed.value("--missing").isPresent()) {
            String missing = parsed.value("--missing").get();
            switch (missing) {
                case "strict":
                    options = options.with(MissingItemPolicy.STRICT);
                    break;
                case "prorate":
                    options = options.with(MissingItemPolicy.PRORATE);
                    break;
                default:
                    throw new UsageException("--missing must be one of [strict, prorate]: " + missing);
            }
        }
        DatasetFormat format = DatasetFormat.WIDE_CSV;
        if (parsed.value("--format").isPresent()) {
            String name = parsed.value("--format").get();
            format = DatasetFormat.fromCliName(name).orElseThrow(() -> new UsageException(
                    "--format must be one of [wide, long, jsonl]: " + name));
        }
        // a progress line on standard error every million rows, so long runs show they are alive
        DatasetScoring scoring = DatasetScoring.of(Scorer.of(instrument, options)).withCsvCells(RunFiles.cells(parsed))
                .withProgress(read -> err.println("imh-measures: " + String.format(java.util.Locale.ROOT, "%,d", read)
                        + " rows read"), PROGRESS_EVERY);
        DatasetSummary summary;
        // outputs go to temporary files, moved into place only when the whole input was scored
        try (OutputFiles files = RunFiles.open(List.of(OutputFiles.Named.of("--input", input)), RunFiles.outputs(
                        OutputFiles.Named.of("--output", output), RunFiles.optional("--rejects", rejects)));
                Reader in = DatasetInput.open(input)) {
            Writer outFile = files.writer(output);
            Optional<Writer> rejFile = rejects.isPresent() ? Optional.of(files.writer(rejects.get())) : Optional.empty();
            boolean wide = format == DatasetFormat.WIDE_CSV;
            summary = scoring.score(format, in, outFile, rejFile, header -> {
                List<String> absent = wide ? scoring.absentItemColumns(header) : List.of();
                if (!absent.isEmpty()) {
                    err.println("imh-measures: warning: input has no column for " + String.join(", ", absent)
                            + ": those items are missing in every row");
                }
            });
            files.commit();
        } catch (DatasetException e) {
            throw new CommandFailure("--input " + input.getFileName() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw RunFiles.failure("--input", input, e);
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
        return 0;
    }

    static Instrument instrument(String id) throws UsageException {
        return Catalogue.builtIn().find(id).orElseThrow(() -> new UsageException("--instrument must be one of "
                + Catalogue.builtIn().instruments().stream().map(Instrument::id).toList() + ": " + id));
    }
}
