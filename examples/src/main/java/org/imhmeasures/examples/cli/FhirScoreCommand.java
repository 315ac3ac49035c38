package org.imhmeasures.examples.cli;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.fhir.FhirMappingException;
import org.imhmeasures.fhir.ResponseMapping;
import org.imhmeasures.fhir.ScoreMapping;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.NotScorable;
import org.imhmeasures.scoring.ScoreResult;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.Scorer;

/**
 * {@code fhir-score --input QR.json}: maps an inbound QuestionnaireResponse (FHIR R4 JSON) to an
 * administration of a catalogue instrument, scores it and prints the score Observation (pretty JSON).
 *
 * <p>Untrusted input is checked in two stages, each failing with one located line and exit status 1:
 * <ol>
 * <li>JSON limits, with Jackson before HAPI sees the bytes: file at most {@value #MAX_BYTES} bytes, nesting at
 * most {@value #MAX_DEPTH} levels, strings at most {@value #MAX_STRING} characters, numbers at most
 * {@value #MAX_NUMBER} digits, no duplicate keys, one top-level object ({@code line L column C: ...}).</li>
 * <li>FHIR structure, with HAPI's JSON parser and a {@link StrictErrorHandler} (wrong JSON types, unknown
 * elements, invalid primitives, another resource type are {@link DataFormatException}s), then
 * {@link ResponseMapping#toAdministration} ({@link FhirMappingException} with the element path).</li>
 * </ol>
 * A response that maps but cannot be scored (too many missing items) also exits 1, naming the problem. An
 * inbound response without an id is given the id {@value #DEFAULT_ID}, so that the Observation's
 * {@code derivedFrom} resolves within the caller's own bundle; the host replaces it with its own.
 */
final class FhirScoreCommand {

    static final int MAX_BYTES = 1 << 20;
    static final int MAX_DEPTH = 32;
    static final int MAX_STRING = 10_000;
    static final int MAX_NUMBER = 32;
    static final String DEFAULT_ID = "inbound";
    private static final int MAX_MESSAGE = 200;

    private static final JsonFactory LIMITED = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING).maxNumberLength(MAX_NUMBER).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private FhirScoreCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, CommandFailure {
        Args parsed = Args.parse(args, Set.of("--input"), Set.of());
        Path input = Path.of(parsed.required("--input"));
        String where = "--input " + input.getFileName() + ": ";
        if (!Files.isReadable(input) || Files.isDirectory(input)) {
            throw new CommandFailure("--input must be a readable file: " + input, null);
        }
        byte[] bytes = read(input, where);
        checkJson(bytes, where);
        QuestionnaireResponse response;
        try {
            IParser parser = FhirContext.forR4Cached().newJsonParser().setParserErrorHandler(new StrictErrorHandler());
            response = parser.parseResource(QuestionnaireResponse.class, new String(bytes, StandardCharsets.UTF_8));
        } catch (DataFormatException e) {
            throw new CommandFailure(where + "input must be a FHIR R4 QuestionnaireResponse: " + clean(e.getMessage()),
                    e);
        } catch (RuntimeException e) {
            // HAPI's parser reports some shapes with other runtime exceptions (e.g. ClassCastException)
            throw new CommandFailure(where + "input must be a FHIR R4 QuestionnaireResponse: "
                    + e.getClass().getSimpleName() + " " + clean(String.valueOf(e.getMessage())), e);
        }
        Catalogue catalogue = Catalogue.builtIn();
        Administration administration;
        try {
            administration = ResponseMapping.toAdministration(catalogue, response);
        } catch (FhirMappingException e) {
            throw new CommandFailure(where + e.getMessage(), e);
        }
        Instrument instrument = catalogue.get(administration.instrumentId());
        ScoreResult result = Scorer.of(instrument).score(administration);
        if (result instanceof NotScorable notScorable) {
            String alerts = (notScorable.criticalAlerts().isEmpty() ? "" : "; critical item at alert level: "
                    + String.join(";", notScorable.criticalAlerts().stream().map(a -> a.itemId()).toList()))
                    + (notScorable.criticalUnanswered().isEmpty() ? "" : "; critical item unanswered: "
                    + String.join(";", notScorable.criticalUnanswered().stream().map(u -> u.itemId()).toList()));
            throw new CommandFailure(where + "response must be scorable: " + notScorable.firstProblem().message()
                    + alerts, null);
        }
        if (!response.getIdElement().hasIdPart()) {
            response.setId(DEFAULT_ID);
        }
        Observation observation = ScoreMapping.toObservation(instrument, (Scored) result, response);
        out.println(FhirContext.forR4Cached().newJsonParser().setPrettyPrint(true).encodeResourceToString(observation));
        return 0;
    }

    private static byte[] read(Path input, String where) throws CommandFailure {
        try (InputStream in = Files.newInputStream(input)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new CommandFailure(where + "input must be at most " + MAX_BYTES + " bytes: larger", null);
            }
            return bytes;
        } catch (IOException e) {
            throw new CommandFailure(where + "input must be readable: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Well-formed, limited JSON with one object at the top; failures name line and column. */
    private static void checkJson(byte[] bytes, String where) throws CommandFailure {
        JsonParser parser;
        try {
            parser = LIMITED.createParser(bytes);
        } catch (IOException e) {
            throw new CommandFailure(where + "input must be readable JSON: " + e.getClass().getSimpleName(), e);
        }
        try (parser) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new CommandFailure(where + "line 1: input must be a JSON object: "
                        + (parser.currentToken() == null ? "empty" : parser.currentToken().asString()), null);
            }
            int depth = 1;
            while (depth > 0) {
                JsonToken token = parser.nextToken();
                if (token == null) {
                    break;
                } else if (token.isStructStart()) {
                    depth++;
                } else if (token.isStructEnd()) {
                    depth--;
                } else if (token == JsonToken.VALUE_STRING) {
                    parser.getText(); // materialises the string, so the length limit applies
                } else if (token.isNumeric()) {
                    parser.getNumberValue();
                }
            }
            if (parser.nextToken() != null) {
                throw new CommandFailure(where + "line " + parser.currentTokenLocation().getLineNr()
                        + ": input must hold one JSON object: more content after it", null);
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
            throw new CommandFailure(where + "line " + at.getLineNr() + " column " + at.getColumnNr()
                    + ": input must be well-formed JSON within limits: " + clean(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new CommandFailure(where + "input must be readable JSON: " + e.getClass().getSimpleName(), e);
        }
    }

    /** One line, control characters escaped, clipped to {@value #MAX_MESSAGE} characters. */
    static String clean(String message) {
        // long quoted values (possibly patient text, over 60 characters) are cut to their first 40
        String oneLine = message == null ? "no detail" : message.replaceAll("\\s+", " ").strip()
                .replaceAll("\"([^\"]{40})[^\"]{20,}\"", "\"$1...\"");
        StringBuilder b = new StringBuilder();
        oneLine.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                b.append(String.format(Locale.ROOT, "\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        String text = b.toString();
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "...";
    }
}
