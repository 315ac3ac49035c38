package org.imhmeasures.examples.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
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
 * [--format wide|long|jsonl]}.
 */
final class ScoreCommand {

    static final long PROGRESS_EVERY = 1_000_000;

    private ScoreCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, CommandFailure {
        Args parsed = Args.parse(args, Set.of("--instrument", "--input", "--output", "--rejects", "--missing",
                "--format"), Set.of());
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
        checkFiles(input, output, rejects);
        // a progress line on standard error every million rows, so long runs show they are alive
        DatasetScoring scoring = DatasetScoring.of(Scorer.of(instrument, options)).withProgress(
                read -> err.println("imh-measures: " + String.format(java.util.Locale.ROOT, "%,d", read)
                        + " rows read"), PROGRESS_EVERY);
        DatasetSummary summary;
        try (Reader in = DatasetInput.open(input);
                BufferedWriter outFile = Files.newBufferedWriter(output, StandardCharsets.UTF_8);
                Writer rejFile = rejects.isPresent() ? Files.newBufferedWriter(rejects.get(), StandardCharsets.UTF_8)
                        : null) {
            boolean wide = format == DatasetFormat.WIDE_CSV;
            summary = scoring.score(format, in, outFile, Optional.ofNullable(rejFile), header -> {
                List<String> absent = wide ? scoring.absentItemColumns(header) : List.of();
                if (!absent.isEmpty()) {
                    err.println("imh-measures: warning: input has no column for " + String.join(", ", absent)
                            + ": those items are missing in every row");
                }
            });
        } catch (DatasetException e) {
            throw new CommandFailure("--input " + input.getFileName() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new CommandFailure("files must be readable and writable: " + e.getClass().getSimpleName() + " "
                    + Optional.ofNullable(e.getMessage()).orElse(""), e);
        }
        out.println(instrument.id() + " " + instrument.definitionVersion() + ": " + summary.accountingLine()
                + (rejects.isEmpty() && summary.rowsRejected() > 0 ? " (rejects not kept: give --rejects)" : ""));
        if (summary.rowsWithCriticalAlerts() > 0) {
            out.println("critical-item alerts in " + summary.rowsWithCriticalAlerts()
                    + " rows: see critical_items in the output and the rejects' messages");
        }
        return 0;
    }

    static Instrument instrument(String id) throws UsageException {
        return Catalogue.builtIn().find(id).orElseThrow(() -> new UsageException("--instrument must be one of "
                + Catalogue.builtIn().instruments().stream().map(Instrument::id).toList() + ": " + id));
    }

    static void checkFiles(Path input, Path output, Optional<Path> rejects) throws UsageException, CommandFailure {
        if (rejects.isPresent() && rejects.get().toAbsolutePath().equals(output.toAbsolutePath())
                || input.toAbsolutePath().equals(output.toAbsolutePath())
                || rejects.isPresent() && rejects.get().toAbsolutePath().equals(input.toAbsolutePath())) {
            throw new UsageException("--input, --output and --rejects must be different files: " + output);
        }
        if (!Files.isReadable(input) || Files.isDirectory(input)) {
            throw new CommandFailure("--input must be a readable file: " + input, null);
        }
    }
}
