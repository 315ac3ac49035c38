/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;
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
import java.util.concurrent.Callable;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code fhir-score --input QR.json}: maps an inbound QuestionnaireResponse (FHIR R4 JSON) to an
 * administration of a catalogue instrument, scores it and prints the score Observation (pretty JSON).
 *
 * <p>Untrusted input is checked in two stages, each failing with one located line and exit status 1:
 * <ol>
 * <li>JSON limits, with Jackson before HAPI sees the bytes: file at most {@value #MAX_BYTES} bytes, nesting at
 * most {@value #MAX_DEPTH} levels, strings at most {@value #MAX_STRING} characters, numbers at most
 * {@value #MAX_NUMBER} characters with an exponent of at most {@value #MAX_EXPONENT} in magnitude (so
 * {@code 1e1000000000} never reaches HAPI, which would expand it), no duplicate keys, one top-level object
 * ({@code line L column C: ...}).</li>
 * <li>FHIR structure, with HAPI's JSON parser and a strict error handler of our own (wrong JSON types,
 * unknown elements, invalid primitives, another resource type all fail), then
 * {@link ResponseMapping#toAdministration} ({@link FhirMappingException} with the element path).</li>
 * </ol>
 * Messages never repeat what the file holds: not Jackson's or HAPI's text (which quote tokens, element
 * names and values such as {@code "1987-03-14T25:00"}), but our own, located by line and column or by the
 * FHIR element, naming only element names from the FHIR definitions, JSON types and HAPI message codes.
 * A response that maps but cannot be scored (too many missing items) also exits 1, naming the problem. An
 * inbound response without an id is given the id {@value #DEFAULT_ID}, so that the Observation's
 * {@code derivedFrom} resolves within the caller's own bundle; the host replaces it with its own.
 */
@Command(name = "fhir-score", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, sortSynopsis = false, separator = " ",
        description = "Score an inbound FHIR R4 QuestionnaireResponse and print its score Observation.",
        footerHeading = "%nExample:%n", footer = "  imh-measures fhir-score --input response.json",
        exitCodeListHeading = Main.EXIT_HEADING, exitCodeList = {Main.EXIT_0, Main.EXIT_1, Main.EXIT_2})
final class FhirScoreCommand implements Callable<Integer> {

    static final int MAX_BYTES = 1 << 20;
    static final int MAX_DEPTH = 32;
    static final int MAX_STRING = 10_000;
    static final int MAX_NUMBER = 32;
    static final int MAX_EXPONENT = 30;
    static final String DEFAULT_ID = "inbound";
    private static final int MAX_MESSAGE = 200;

    private static final JsonFactory LIMITED = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING).maxNumberLength(MAX_NUMBER).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    @ParentCommand
    private Main main;

    @Option(names = "--input", required = true, paramLabel = "QR.json",
            description = "a FHIR R4 QuestionnaireResponse as JSON, at most 1 MiB")
    private Path input;

    private FhirScoreCommand() {
    }

    @Override
    public Integer call() throws CommandFailure {
        return run(main.out);
    }

    private int run(PrintStream out) throws CommandFailure {
        String where = "--input " + input.getFileName() + ": ";
        if (!Files.isReadable(input) || Files.isDirectory(input)) {
            throw new CommandFailure("--input must be a readable file: " + input, null);
        }
        byte[] bytes = read(input, where);
        checkJson(bytes, where);
        QuestionnaireResponse response;
        try {
            IParser parser = FhirContext.forR4Cached().newJsonParser().setParserErrorHandler(new Refusing());
            response = parser.parseResource(QuestionnaireResponse.class, new String(bytes, StandardCharsets.UTF_8));
        } catch (DataFormatException e) {
            throw new CommandFailure(where + "input must be a FHIR R4 QuestionnaireResponse: " + refusal(e), null);
        } catch (RuntimeException e) {
            // HAPI's parser reports some shapes with other runtime exceptions (e.g. ClassCastException,
            // NumberFormatException quoting the value): the type only, never the message
            throw new CommandFailure(where + "input must be a FHIR R4 QuestionnaireResponse: not readable as one ("
                    + e.getClass().getSimpleName() + ")", null);
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
                    checkNumber(parser, where);
                }
            }
            if (parser.nextToken() != null) {
                throw new CommandFailure(where + "line " + parser.currentTokenLocation().getLineNr()
                        + ": input must hold one JSON object: more content after it", null);
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
            throw new CommandFailure(where + "line " + at.getLineNr() + " column " + at.getColumnNr()
                    + ": input must be well-formed JSON within limits: " + jsonProblem(e), null);
        } catch (IOException e) {
            throw new CommandFailure(where + "input must be readable JSON: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * A number token: its text is at most {@value #MAX_NUMBER} characters (Jackson's limit), and its exponent,
     * if any, at most {@value #MAX_EXPONENT} in magnitude, checked on the text without converting it.
     */
    private static void checkNumber(JsonParser parser, String where) throws IOException, CommandFailure {
        String text = parser.getText();
        int e = Math.max(text.indexOf('e'), text.indexOf('E'));
        if (e < 0) {
            return;
        }
        String exponent = text.substring(e + 1).replaceFirst("^[+-]", "").replaceFirst("^0+(?=.)", "");
        if (exponent.length() > 2 || Integer.parseInt(exponent) > MAX_EXPONENT) {
            JsonLocation at = parser.currentTokenLocation();
            throw new CommandFailure(where + "line " + at.getLineNr() + " column " + at.getColumnNr()
                    + ": numbers must have an exponent of at most " + MAX_EXPONENT + ": larger", null);
        }
    }

    /**
     * Jackson's problem in our words. Its own messages quote the offending token or key, which may be
     * patient data; a limit breach names only the limit and is kept.
     */
    static String jsonProblem(JsonProcessingException e) {
        String original = String.valueOf(e.getOriginalMessage());
        if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
            return clean(original.replaceAll("[\"'][^\"']*[\"']", "..."));
        }
        if (original.startsWith("Duplicate field")) {
            return "keys must not repeat: duplicate key";
        }
        if (original.contains("end-of-input")) {
            return "document must be complete: ends early";
        }
        return "document must be JSON: unexpected content";
    }

    /** Why HAPI refused the resource, without anything the resource holds. */
    private static String refusal(DataFormatException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Refused refused) {
                return refused.getMessage();
            }
        }
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("HAPI-\\d{1,5}").matcher(String.valueOf(
                e.getMessage()));
        return "not one (" + (code.find() ? code.group() : "HAPI parser") + ")";
    }

    /** A refusal from {@link Refusing}, whose message is ours and holds no value from the resource. */
    private static final class Refused extends DataFormatException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /**
     * Strict like HAPI's {@link StrictErrorHandler}, but with messages of our own: located by the FHIR parent
     * element and the element name from the FHIR definitions, never the unknown name or the invalid value.
     */
    private static final class Refusing implements IParserErrorHandler {

        private static String at(IParserErrorHandler.IParseLocation location) {
            String parent = location == null ? null : location.getParentElementName();
            return parent != null && parent.matches("[A-Za-z][A-Za-z0-9]{0,60}") ? parent : "the resource";
        }

        private static String element(String name) {
            return name != null && name.matches("[a-z][A-Za-z0-9]{0,60}(\\[x\\])?") ? name : "an element";
        }

        @Override
        public void containedResourceWithNoId(IParserErrorHandler.IParseLocation location) {
            throw new Refused("contained resource in " + at(location) + " must have an id: none");
        }

        @Override
        public void incorrectJsonType(IParserErrorHandler.IParseLocation location, String elementName,
                BaseJsonLikeValue.ValueType expected, BaseJsonLikeValue.ScalarType expectedScalar,
                BaseJsonLikeValue.ValueType found, BaseJsonLikeValue.ScalarType foundScalar) {
            throw new Refused(element(elementName) + " in " + at(location) + " must be a JSON " + kind(expected,
                    expectedScalar) + ": " + kind(found, foundScalar) + " given");
        }

        private static String kind(BaseJsonLikeValue.ValueType type, BaseJsonLikeValue.ScalarType scalar) {
            String name = (scalar != null && type == BaseJsonLikeValue.ValueType.SCALAR ? scalar.name() : type == null
                    ? "value" : type.name()).toLowerCase(Locale.ROOT);
            return name;
        }

        @Override
        public void invalidValue(IParserErrorHandler.IParseLocation location, String value, String error) {
            throw new Refused("a value in " + at(location) + " must be a valid FHIR primitive: invalid value");
        }

        @Override
        public void missingRequiredElement(IParserErrorHandler.IParseLocation location, String elementName) {
            throw new Refused(element(elementName) + " in " + at(location) + " must be present: missing");
        }

        @Override
        public void unexpectedRepeatingElement(IParserErrorHandler.IParseLocation location, String elementName) {
            throw new Refused(element(elementName) + " in " + at(location) + " must occur once: repeated");
        }

        @Override
        public void unknownAttribute(IParserErrorHandler.IParseLocation location, String attributeName) {
            throw new Refused("attributes in " + at(location) + " must be FHIR elements: unknown attribute");
        }

        @Override
        public void unknownElement(IParserErrorHandler.IParseLocation location, String elementName) {
            throw new Refused("elements in " + at(location) + " must be FHIR R4 elements: unknown element");
        }

        @Override
        public void unknownReference(IParserErrorHandler.IParseLocation location, String reference) {
            throw new Refused("references in " + at(location) + " must resolve: unknown reference");
        }

        @Override
        public void invalidInternalReference(IParserErrorHandler.IParseLocation location, String reference) {
            throw new Refused("references in " + at(location) + " must resolve: unknown internal reference");
        }

        @Override
        public void extensionContainsValueAndNestedExtensions(IParserErrorHandler.IParseLocation location) {
            throw new Refused("extension in " + at(location) + " must have a value or extensions: both");
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
