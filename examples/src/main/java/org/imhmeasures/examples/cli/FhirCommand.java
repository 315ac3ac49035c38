package org.imhmeasures.examples.cli;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.imhmeasures.scoring.NotScorable;
import org.imhmeasures.scoring.Problem;
import org.imhmeasures.scoring.ScoreResult;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.dataset.DatasetScoring;

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
        try (BufferedReader in = Files.newBufferedReader(input, StandardCharsets.UTF_8);
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
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxStringLength(100_000)
                .build());
        Scorer scorer = Scorer.of(instrument);
        IParser json = FhirContext.forR4Cached().newJsonParser().setPrettyPrint(false);
        Counts counts = new Counts();
        try (CsvParser parser = mapper.getFactory().createParser(in);
                CsvGenerator rej = rejects.isPresent() ? mapper.getFactory().createGenerator(
                        rejects.get()) : null) {
            parser.setSchema(CsvSchema.emptySchema());
            parser.enable(CsvParser.Feature.WRAP_AS_ARRAY);
            if (rej != null) {
                rej.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                rej.setSchema(CsvSchema.emptySchema());
                row(rej, DatasetScoring.REJECT_COLUMNS.toArray(String[]::new));
            }
            Rows rows = new Rows(parser);
            List<String> header = rows.next();
            if (header == null) {
                throw new CommandFailure("--input line 1: input must have a header row: empty file", null);
            }
            header = List.copyOf(header);
            int recordIdColumn = header.indexOf(RECORD_ID);
            if (recordIdColumn < 0) {
                throw new CommandFailure("--input line 1: header must have a record_id column: absent", null);
            }
            List<String> absent = new ArrayList<>();
            boolean anyItem = false;
            for (var item : instrument.items()) {
                boolean present = header.contains(item.id());
                anyItem |= present;
                if (!present) {
                    absent.add(item.id());
                }
            }
            if (!anyItem) {
                throw new CommandFailure("--input line 1: header must have at least one item column of "
                        + instrument.id() + " (" + instrument.items().get(0).id() + " ...): none", null);
            }
            if (!absent.isEmpty()) {
                err.println("imh-measures: warning: input has no column for " + String.join(", ", absent)
                        + ": those items are missing in every row");
            }
            List<String> cells;
            while ((cells = rows.next()) != null) {
                long line = rows.lastLine;
                counts.read++;
                String recordId = recordIdColumn < cells.size() ? cells.get(recordIdColumn).strip() : "";
                Optional<String[]> rejection;
                if (cells.size() != header.size()) {
                    rejection = Optional.of(new String[] {"malformed_row", "row must have " + header.size()
                            + " cells: " + cells.size()});
                } else if (recordId.isEmpty()) {
                    rejection = Optional.of(new String[] {"missing_record_id", "record_id must not be empty: empty"});
                } else {
                    rejection = map(instrument, scorer, json, header, cells, line, recordId, out);
                }
                if (rejection.isPresent()) {
                    counts.rejected++;
                    if (rej != null) {
                        row(rej, Long.toString(line), recordId, rejection.get()[0], rejection.get()[1]);
                    }
                } else {
                    counts.mapped++;
                }
            }
            if (rej != null) {
                rej.flush();
            }
            out.flush();
        }
        return counts;
    }

    /** Scores and writes one row; returns the rejection (reason, message) when it cannot be scored. */
    private static Optional<String[]> map(Instrument instrument, Scorer scorer, IParser json, List<String> header,
            List<String> cells, long line, String recordId, Writer out) throws IOException {
        Map<String, String> codes = new LinkedHashMap<>();
        for (var item : instrument.items()) {
            int column = header.indexOf(item.id());
            codes.put(item.id(), column >= 0 ? cells.get(column) : null);
        }
        Administration administration = Administration.of(instrument.id(), codes);
        ScoreResult result = scorer.score(administration);
        if (result instanceof NotScorable notScorable) {
            StringBuilder message = new StringBuilder();
            for (Problem problem : notScorable.problems()) {
                message.append(message.length() > 0 ? "; " : "").append(problem.message());
            }
            if (!notScorable.criticalAlerts().isEmpty()) {
                message.append("; critical item at alert level: ").append(String.join(";",
                        notScorable.criticalAlerts().stream().map(a -> a.itemId()).toList()));
            }
            return Optional.of(new String[] {notScorable.firstProblem().code(), message.toString()});
        }
        Scored scored = (Scored) result;
        // the scorer accepted every code, so the mapping cannot refuse one; blanks are left out as missing
        QuestionnaireResponse response = ResponseMapping.toResponse(instrument, administration);
        response.setId("qr-" + line);
        response.setIdentifier(new Identifier().setSystem(RECORD_ID_SYSTEM).setValue(recordId));
        Observation observation = ScoreMapping.toObservation(instrument, scored, response);
        observation.setId("obs-" + line);
        out.write(json.encodeResourceToString(response));
        out.write('\n');
        out.write(json.encodeResourceToString(observation));
        out.write('\n');
        return Optional.empty();
    }

    /** Non-blank CSV rows as cell lists, each with its first physical line (a quoted cell may span lines). */
    private static final class Rows {
        private final CsvParser parser;
        private long lastLine;

        Rows(CsvParser parser) {
            this.parser = parser;
        }

        List<String> next() throws IOException {
            if (parser.currentToken() == null && parser.nextToken() != JsonToken.START_ARRAY) {
                return null;
            }
            while (true) {
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    return null;
                }
                List<String> cells = new ArrayList<>();
                long first = -1;
                JsonToken token;
                while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
                    if (first < 0) {
                        // the row's own first cell: START_ARRAY reports the previous row's position
                        first = parser.currentTokenLocation().getLineNr();
                    }
                    cells.add(parser.getText());
                }
                if (cells.size() == 1 && cells.get(0).isBlank()) {
                    continue;
                }
                lastLine = first;
                return cells;
            }
        }
    }

    private static void row(CsvGenerator generator, String... cells) throws IOException {
        generator.writeStartArray();
        for (String cell : cells) {
            generator.writeString(cell);
        }
        generator.writeEndArray();
    }
}
