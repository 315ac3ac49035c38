/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.examples.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.examples.files.OutputFiles;
import org.imhmeasures.scoring.change.ChangeModel;
import org.imhmeasures.scoring.change.ChangeOptions;
import org.imhmeasures.scoring.change.ChangeResult;
import org.imhmeasures.scoring.change.ParameterSource;
import org.imhmeasures.scoring.change.RciMethod;
import org.imhmeasures.scoring.cohort.CohortReports;
import org.imhmeasures.scoring.dataset.ChangeCsv;
import org.imhmeasures.scoring.dataset.DatasetException;
import org.imhmeasures.scoring.dataset.DatasetInput;

/**
 * {@code change --instrument ID --input IN.csv --output OUT.csv [--summary SUMMARY.json]
 * [--method jt|gln|en|ha|nk|hll|nhs] [--params published|sample] [--reliability R] [--rejects REJ.csv]
 * [--group-by COLUMN[,COLUMN]] [--raw-csv]}: groups the cohort summary by input columns such as {@code team} or
 * {@code age_band} (the output rows are unchanged).
 */
final class ChangeCommand {

    private ChangeCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, CommandFailure,
            OutputFiles.SameFileException {
        Args parsed = Args.parse(args, Set.of("--instrument", "--input", "--output", "--summary", "--method", "--params",
                "--reliability", "--rejects", "--group-by"), Set.of(RunFiles.RAW_CSV));
        Instrument instrument = ScoreCommand.instrument(parsed.required("--instrument"));
        Path input = Path.of(parsed.required("--input"));
        Path output = Path.of(parsed.required("--output"));
        Optional<Path> summary = parsed.value("--summary").map(Path::of);
        Optional<Path> rejects = parsed.value("--rejects").map(Path::of);
        ChangeOptions options = ChangeOptions.defaults();
        if (parsed.value("--method").isPresent()) {
            String name = parsed.value("--method").get();
            options = options.with(switch (name.toLowerCase(Locale.ROOT)) {
                case "jt" -> RciMethod.JACOBSON_TRUAX;
                case "gln" -> RciMethod.GULLIKSEN_LORD_NOVICK;
                case "en" -> RciMethod.EDWARDS_NUNNALLY;
                case "ha" -> RciMethod.HAGEMAN_ARRINDELL;
                case "nk" -> RciMethod.NUNNALLY_KOTSCH;
                case "hll" -> RciMethod.HSU_LINN_LORD;
                case "nhs" -> RciMethod.FIXED_THRESHOLD;
                default -> throw new UsageException("--method must be one of [jt, gln, en, ha, nk, hll, nhs]: " + name);
            });
        }
        if (parsed.value("--params").isPresent()) {
            String name = parsed.value("--params").get();
            switch (name) {
                case "published":
                    options = options.with(ParameterSource.PUBLISHED);
                    break;
                case "sample":
                    options = options.with(ParameterSource.SAMPLE);
                    break;
                default:
                    throw new UsageException("--params must be one of [published, sample]: " + name);
            }
        }
        if (parsed.value("--reliability").isPresent()) {
            String text = parsed.value("--reliability").get();
            double reliability;
            // plain ASCII decimals only, as for totals: no exponent, sign, hex or non-ASCII digits
            if (!text.matches("[0-9]{1,2}(\\.[0-9]{1,28})?")) {
                throw new UsageException("--reliability must be a number between 0 and 1: " + text);
            }
            reliability = Double.parseDouble(text);
            if (!(reliability > 0 && reliability < 1)) {
                throw new UsageException("--reliability must be a number between 0 and 1: " + text);
            }
            options = options.withReliability(reliability);
        }
        if (options.parameters() == ParameterSource.PUBLISHED) {
            Optional<ChangeResult.NotAssessable> unusable = ChangeModel.published(instrument, options).unusable();
            if (unusable.isPresent()) {
                throw new UsageException(unusable.get().message() + hint(unusable.get().reason()));
            }
        }
        List<String> groups = List.of();
        if (parsed.value("--group-by").isPresent()) {
            groups = List.of(parsed.value("--group-by").get().split(",", -1)).stream().map(String::strip).toList();
            if (groups.stream().anyMatch(g -> !g.matches("[A-Za-z0-9_:.\\-]{1,40}")) || groups.size() > 5
                    || groups.stream().distinct().count() != groups.size()) {
                throw new UsageException("--group-by must be up to 5 distinct column names separated by commas: "
                        + parsed.value("--group-by").get());
            }
        }
        ChangeCsv job = ChangeCsv.of(instrument, options, groups).withCsvCells(RunFiles.cells(parsed));
        ChangeCsv.Run run;
        // outputs go to temporary files, moved into place (summary and rejects first, output last) only when
        // the run completed
        try (OutputFiles files = RunFiles.open(List.of(OutputFiles.Named.of("--input", input)), RunFiles.outputs(
                OutputFiles.Named.of("--output", output), RunFiles.optional("--rejects", rejects),
                RunFiles.optional("--summary", summary)))) {
            Writer outFile = files.writer(output);
            run = rejects.isPresent() ? job.run(() -> DatasetInput.open(input), outFile, files.writer(rejects.get()))
                    : job.run(() -> DatasetInput.open(input), outFile);
            if (summary.isPresent()) {
                Writer json = files.writer(summary.get());
                json.write(CohortReports.toJson(run.cohort()) + System.lineSeparator());
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
        out.print(CohortReports.toText(run.cohort()));
        out.println(instrument.id() + " " + instrument.definitionVersion() + ": rows read " + run.summary().rowsRead()
                + " = assessed " + run.summary().rowsScored() + " + rejected " + run.summary().rowsRejected()
                + (rejects.isEmpty() && run.summary().rowsRejected() > 0 ? " (rejects not kept: give --rejects)" : ""));
        return 0;
    }

    private static String hint(ChangeResult.Reason reason) {
        switch (reason) {
            case NO_PUBLISHED_PARAMETERS:
                return " (try --method nhs, or --params sample with --reliability)";
            case NEEDS_SAMPLE_STATISTICS:
                return " (use --params sample)";
            case NO_RELIABILITY:
                return " (give --reliability)";
            default:
                return "";
        }
    }
}
