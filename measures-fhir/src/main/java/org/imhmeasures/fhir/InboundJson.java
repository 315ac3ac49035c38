/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.QuestionnaireResponse;

/**
 * Reads untrusted QuestionnaireResponse JSON: Jackson with limits first (HAPI's parser accepts a duplicate key
 * and expands huge exponents), then HAPI's parser with a strict error handler whose messages are ours. Every
 * refusal is an {@link Refusal} whose message names only limits, JSON types, FHIR element names and HAPI
 * message codes, never the content.
 */
final class InboundJson {

    /** A refusal of the input, with a message safe to show and the issue type it maps to. */
    static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        private final String issueType;

        Refusal(String message, String issueType) {
            super(message, null, false, false);
            this.issueType = issueType;
        }

        String issueType() {
            return issueType;
        }
    }

    private static final JsonFactory LIMITED = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(FhirScoring.MAX_DEPTH)
                    .maxStringLength(FhirScoring.MAX_STRING).maxNumberLength(FhirScoring.MAX_NUMBER).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private InboundJson() {
    }

    static QuestionnaireResponse parse(byte[] bytes) throws Refusal {
        if (bytes.length > FhirScoring.MAX_BYTES) {
            throw new Refusal("input must be at most " + FhirScoring.MAX_BYTES + " bytes: larger", "too-long");
        }
        checkJson(bytes);
        try {
            IParser parser = FhirContext.forR4Cached().newJsonParser().setParserErrorHandler(new Refusing());
            return parser.parseResource(QuestionnaireResponse.class, new String(bytes, StandardCharsets.UTF_8));
        } catch (DataFormatException e) {
            throw new Refusal("input must be a FHIR R4 QuestionnaireResponse: " + refusal(e), "structure");
        } catch (RuntimeException e) {
            // HAPI reports some shapes with other runtime exceptions (ClassCastException, NumberFormatException
            // quoting the value): the type only, never the message
            throw new Refusal("input must be a FHIR R4 QuestionnaireResponse: not readable as one ("
                    + e.getClass().getSimpleName() + ")", "structure");
        }
    }

    /** Well-formed, limited JSON with one object at the top; refusals name line and column. */
    private static void checkJson(byte[] bytes) throws Refusal {
        JsonParser parser;
        try {
            parser = LIMITED.createParser(bytes);
        } catch (IOException e) {
            throw new Refusal("input must be readable JSON: " + e.getClass().getSimpleName(), "structure");
        }
        try (parser) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new Refusal("line 1: input must be a JSON object: " + (parser.currentToken() == null ? "empty"
                        : parser.currentToken().asString()), "structure");
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
                    checkNumber(parser);
                }
            }
            if (parser.nextToken() != null) {
                throw new Refusal("line " + parser.currentTokenLocation().getLineNr()
                        + ": input must hold one JSON object: more content after it", "structure");
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
            throw new Refusal("line " + at.getLineNr() + " column " + at.getColumnNr()
                    + ": input must be well-formed JSON within limits: " + jsonProblem(e), "structure");
        } catch (IOException e) {
            throw new Refusal("input must be readable JSON: " + e.getClass().getSimpleName(), "structure");
        }
    }

    /** A number's exponent, if any, is at most {@link FhirScoring#MAX_EXPONENT}, checked on its text. */
    private static void checkNumber(JsonParser parser) throws IOException, Refusal {
        String text = parser.getText();
        int e = Math.max(text.indexOf('e'), text.indexOf('E'));
        if (e < 0) {
            return;
        }
        String exponent = text.substring(e + 1).replaceFirst("^[+-]", "").replaceFirst("^0+(?=.)", "");
        if (exponent.length() > 2 || Integer.parseInt(exponent) > FhirScoring.MAX_EXPONENT) {
            JsonLocation at = parser.currentTokenLocation();
            throw new Refusal("line " + at.getLineNr() + " column " + at.getColumnNr()
                    + ": numbers must have an exponent of at most " + FhirScoring.MAX_EXPONENT + ": larger",
                    "structure");
        }
    }

    /** Jackson's problem in our words: its own messages quote the token or key, which may be patient data. */
    private static String jsonProblem(JsonProcessingException e) {
        String original = String.valueOf(e.getOriginalMessage());
        if (e instanceof StreamConstraintsException) {
            return original.replaceAll("[\"'][^\"']*[\"']", "...").replaceAll("\\s+", " ").strip();
        }
        if (original.startsWith("Duplicate field")) {
            return "keys must not repeat: duplicate key";
        }
        if (original.contains("end-of-input")) {
            return "document must be complete: ends early";
        }
        return "document must be JSON: unexpected content";
    }

    private static final Pattern HAPI_CODE = Pattern.compile("HAPI-\\d{1,5}");

    /** Why HAPI refused the resource, without anything the resource holds. */
    private static String refusal(DataFormatException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Refused refused) {
                return refused.getMessage();
            }
        }
        Matcher code = HAPI_CODE.matcher(String.valueOf(e.getMessage()));
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
     * Strict like HAPI's {@code StrictErrorHandler}, with messages of our own: located by the FHIR parent
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

        private static String kind(BaseJsonLikeValue.ValueType type, BaseJsonLikeValue.ScalarType scalar) {
            return (scalar != null && type == BaseJsonLikeValue.ValueType.SCALAR ? scalar.name() : type == null
                    ? "value" : type.name()).toLowerCase(Locale.ROOT);
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
}
