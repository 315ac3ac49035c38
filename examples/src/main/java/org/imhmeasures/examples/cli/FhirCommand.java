package org.imhmeasures.examples.cli;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.fhir.FhirUris;
import org.imhmeasures.fhir.ResponseMapping;
import org.imhmeasures.fhir.ScoreMapping;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.dataset.DatasetException;
import org.imhmeasures.scoring.dataset.DatasetFormat;
import org.imhmeasures.scoring.dataset.DatasetInput;
import org.imhmeasures.scoring.dataset.DatasetScoring;
import org.imhmeasures.scoring.dataset.DatasetSummary;

/**
 * {@code fhir --instrument ID --input IN.csv --output OUT.ndjson [--rejects REJ.csv]}: scores each row of a
 * wide CSV and writes, per scored row, its QuestionnaireResponse and score Observation as NDJSON (one
 * compact resource per line, QR first).
 *
 * <p>Input rules are those of {@code score} ({@link DatasetScoring}, wide format): a header with
 * {@code record_id} and item-id columns, other columns ignored, an empty cell a missing answer, default
 * (strict) missing-item policy of the instrument. Rows that cannot be scored go to {@code --rejects} as
 * {@code line,record_id,reason,message} with the same reasons ({@code malformed_row},
 * {@code missing_record_id} and the scorer's problem codes). Ids are {@code qr-<line>} and
 * {@code obs-<line>} (the row's first physical line); the pseudonymous {@code record_id} is kept as the
 * QuestionnaireResponse's identifier in system {@value #RECORD_ID_SYSTEM}. The run ends with
 * {@code rows read N = mapped M + rejected R}, which always adds up.
 */
final class FhirCommand {

    /** Identifier system for the dataset's pseudonymous record id. */
    static final String RECORD_ID_SYSTEM = FhirUris.BASE + "/NamingSystem/record-id";

    private static final String RECORD_ID = "record_id";

    private FhirCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, CommandFailure {
        Args parsed = Args.parse(args, Set.of("--instrument", "--input", "--output", "--rejects"), Set.of());
        Instrument instrument = ScoreCommand.instrument(parsed.required("--instrument"));
        Path input = Path.of(parsed.required("--input"));
        Path output = Path.of(parsed.required("--output"));
        Optional<Path> rejects = parsed.value("--rejects").map(Path::of);
        ScoreCommand.checkFiles(input, output, rejects);
        Counts counts;
        try (Reader in = DatasetInput.open(input);
                BufferedWriter outFile = Files.newBufferedWriter(output, StandardCharsets.UTF_8);
                Writer rejFile = rejects.isPresent() ? Files.newBufferedWriter(rejects.get(), StandardCharsets.UTF_8)
                        : null) {
            counts = convert(instrument, in, outFile, Optional.ofNullable(rejFile), err);
        } catch (StreamReadException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new CommandFailure("--input " + input.getFileName() + " line " + line
                    + ": input must be well-formed CSV: " + e.getOriginalMessage().replaceAll("\"[^\"]*\"", "\"...\""),
                    e);
        } catch (IOException e) {
            throw new CommandFailure("files must be readable and writable: " + e.getClass().getSimpleName() + " "
                    + Optional.ofNullable(e.getMessage()).orElse(""), e);
        }
        out.println(instrument.id() + " " + instrument.definitionVersion() + ": rows read " + counts.read
                + " = mapped " + counts.mapped + " + rejected " + counts.rejected
                + (rejects.isEmpty() && counts.rejected > 0 ? " (rejects not kept: give --rejects)" : ""));
        return 0;
    }

    /** Rows read, mapped and rejected; read = mapped + rejected. */
    static final class Counts {
        long read;
        long mapped;
        long rejected;
    }

    private static Counts convert(Instrument instrument, java.io.Reader in, Writer out, Optional<Writer> rejects,
            PrintStream err) throws IOException, CommandFailure {
        CsvMapper mapper = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
        IParser json = FhirContext.forR4Cached().newJsonParser().setPrettyPrint(false);
        DatasetScoring scoring = DatasetScoring.of(Scorer.of(instrument));
        Counts counts = new Counts();
        try (CsvGenerator rej = rejects.isPresent() ? mapper.getFactory().createGenerator(rejects.get()) : null) {
            if (rej != null) {
                rej.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                rej.setSchema(CsvSchema.emptySchema());
                row(rej, DatasetScoring.REJECT_COLUMNS.toArray(String[]::new));
            }
            // the same reading rules, accounting and rejection reasons as the score command
            DatasetSummary summary = scoring.forEach(DatasetFormat.WIDE_CSV, in, header -> {
                List<String> absent = scoring.absentItemColumns(header);
                if (!absent.isEmpty()) {
                    err.println("imh-measures: warning: input has no column for " + String.join(", ", absent)
                            + ": those items are missing in every row");
                }
            }, new DatasetScoring.RowHandler() {
                @Override
                public void scored(long line, String recordId, String timepoint, Scored scored,
                        java.util.function.Supplier<Administration> answers) throws IOException {
                    // the scorer accepted every code, so the mapping cannot refuse one; blanks stay missing
                    QuestionnaireResponse response = ResponseMapping.toResponse(instrument, answers.get());
                    response.setId("qr-" + line);
                    response.setIdentifier(new Identifier().setSystem(RECORD_ID_SYSTEM).setValue(recordId));
                    Observation observation = ScoreMapping.toObservation(instrument, scored, response);
                    observation.setId("obs-" + line);
                    out.write(json.encodeResourceToString(response));
                    out.write('\n');
                    out.write(json.encodeResourceToString(observation));
                    out.write('\n');
                }

                @Override
                public void rejected(long line, String recordId, String reason, String message) throws IOException {
                    if (rej != null) {
                        row(rej, Long.toString(line), recordId, reason, message);
                    }
                }
            });
            counts.read = summary.rowsRead();
            counts.mapped = summary.rowsScored();
            counts.rejected = summary.rowsRejected();
            if (rej != null) {
                rej.flush();
            }
            out.flush();
        } catch (DatasetException e) {
            throw new CommandFailure("--input " + e.getMessage(), e);
        }
        return counts;
    }

    private static void row(CsvGenerator generator, String... cells) throws IOException {
        generator.writeStartArray();
        for (String cell : cells) {
            generator.writeString(cell);
        }
        generator.writeEndArray();
    }
}
