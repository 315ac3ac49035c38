/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.examples.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.examples.files.OutputFiles;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.MissingItemPolicy;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.ScoringOptions;
import org.imhmeasures.scoring.dataset.CsvCells;
import org.imhmeasures.scoring.dataset.DatasetException;
import org.imhmeasures.scoring.dataset.DatasetFormat;
import org.imhmeasures.scoring.dataset.DatasetInput;
import org.imhmeasures.scoring.dataset.DatasetScoring;
import org.imhmeasures.scoring.dataset.DatasetSummary;
import org.imhmeasures.scoring.dataset.RejectsCsv;
import org.imhmeasures.scoring.dataset.Rejection;
import org.imhmeasures.scoring.dataset.Row;
import org.imhmeasures.scoring.dataset.RowHandler;
import org.imhmeasures.scoring.dataset.ScoresCsv;

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
            format = switch (name.toLowerCase(Locale.ROOT)) {
                case "wide" -> DatasetFormat.WIDE_CSV;
                case "long" -> DatasetFormat.LONG_CSV;
                case "jsonl" -> DatasetFormat.JSON_LINES;
                default -> throw new UsageException("--format must be one of [wide, long, jsonl]: " + name);
            };
        }
        // a progress line on standard error every million rows, so long runs show they are alive
        CsvCells cells = RunFiles.cells(parsed);
        DatasetScoring scoring = DatasetScoring.of(Scorer.of(instrument, options))
                .withProgress(read -> err.println("imh-measures: " + String.format(java.util.Locale.ROOT, "%,d", read)
                        + " rows read"), PROGRESS_EVERY);
        DatasetSummary summary;
        // outputs go to temporary files, moved into place only when the whole input was scored
        try (OutputFiles files = RunFiles.open(List.of(OutputFiles.Named.of("--input", input)), RunFiles.outputs(
                        OutputFiles.Named.of("--output", output), RunFiles.optional("--rejects", rejects)));
                Reader in = DatasetInput.open(input)) {
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
