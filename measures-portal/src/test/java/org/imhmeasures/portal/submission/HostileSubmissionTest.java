/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.portal.submission;

import static org.imhmeasures.portal.submission.SubmissionFixtures.at;
import static org.imhmeasures.portal.submission.SubmissionFixtures.edited;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed and hostile documents: always a rejection in the same format, never an exception. */
class HostileSubmissionTest {

    private static final SubmissionValidator VALIDATOR = SubmissionValidator.create();

    /** Identifiers planted in documents; none may appear in any message, path or toString. */
    private static final List<String> IDENTIFIERS = List.of("9434765919", "943 476 5919", "Jane", "Smith",
            "2025-03-15", "15/03/2025");

    @AfterAll
    static void close() {
        VALIDATOR.close();
    }

    private static List<Violation> rejected(String json) {
        return rejected(json.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Violation> rejected(byte[] json) {
        SubmissionResult result = VALIDATOR.validate(json);
        SubmissionResult.Rejected rejected = assertInstanceOf(SubmissionResult.Rejected.class, result);
        for (Violation v : rejected.violations()) {
            assertTrue(v.message().matches("[^A-Z]*? must .+: .+"), "message style: " + v.message());
            assertTrue(v.code().matches("[a-z_.]+"), "code: " + v.code());
            for (String id : IDENTIFIERS) {
                assertFalse(v.message().contains(id), "identifier in message: " + v);
                assertFalse(v.path().contains(id), "identifier in path: " + v);
                assertFalse(v.toString().contains(id), "identifier in toString: " + v);
            }
        }
        assertFalse(rejected.toString().contains("Jane"));
        return rejected.violations();
    }

    private static Set<String> codes(List<Violation> violations) {
        return violations.stream().map(Violation::code).collect(Collectors.toSet());
    }

    /** Each document with the one document-level code it must get: empty, not JSON, or JSON but no object. */
    static Stream<Arguments> malformedOrNonObject() {
        return Stream.of(Arguments.of("", "json.empty"), Arguments.of("   ", "json.empty"),
                Arguments.of("{", "json.malformed"), Arguments.of("[1,2", "json.malformed"),
                Arguments.of("{\"format\": }", "json.malformed"), Arguments.of("nul", "json.malformed"),
                Arguments.of("{\"a\":1}{\"b\":2}", "json.malformed"), Arguments.of("{'format':'x'}", "json.malformed"),
                Arguments.of("{\"format\":\"x\",\"format\":\"y\"}", "json.malformed"),
                Arguments.of("\"Jane Smith 9434765919\"", "type.object"), Arguments.of("[\"Jane\"]", "type.object"),
                Arguments.of("42", "type.object"), Arguments.of("true", "type.object"),
                Arguments.of("null", "type.object"));
    }

    @ParameterizedTest
    @MethodSource("malformedOrNonObject")
    void malformedOrNonObject_isOneDocumentLevelViolation(String json, String code) {
        List<Violation> violations = rejected(json);
        assertEquals(List.of(" " + code), violations.stream().map(v -> v.path() + " " + v.code()).toList());
    }

    @Test
    void malformed_messageNeverEchoesTheBadToken() {
        List<Violation> violations = rejected("{\"team\": Jane9434765919}");
        assertEquals("json.malformed", violations.get(0).code());
        assertTrue(violations.get(0).message().contains("line 1"), violations.get(0).message());
    }

    @Test
    void deepNesting_isALimitViolation() {
        String deep = "{\"team\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertEquals(Set.of("json.limits"), codes(rejected(deep)));
    }

    @Test
    void hugeNumber_isALimitViolation() {
        assertEquals(Set.of("json.limits"), codes(rejected(edited(doc -> at(doc, "referral").put("parentAge",
                new java.math.BigInteger("9".repeat(400)))))));
    }

    @Test
    void numberBeyondInt_isATypeViolationAtItsPath() {
        List<Violation> violations = rejected(edited(doc -> at(doc, "referral").put("parentAge", 99_999_999_999L)));
        assertEquals("referral.parentAge type.integer", violations.get(0).path() + " " + violations.get(0).code());
        assertEquals(1, violations.size(), violations.toString());
    }

    @Test
    void hugeString_isALimitViolation() {
        assertEquals(Set.of("json.limits"), codes(rejected(edited(doc -> doc.put("team", "x".repeat(20_000))))));
    }

    @Test
    void oversizedDocument_isRejectedBeforeParsing() {
        byte[] big = new byte[SubmissionValidator.MAX_BYTES + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        assertEquals(Set.of("json.too_large"), codes(rejected(big)));
    }

    @Test
    void wrongTypesAndUnknownFields_areAllReportedTogether_withoutDuplicates() {
        List<Violation> violations = rejected(edited(doc -> {
            doc.put("team", 12);
            at(doc, "infant").put("dateOfBirth", "15/03/2025");
            at(doc, "referral").put("parentAge", "nineteen");
            at(doc, "referral").put("riskFactors", "poverty");
            at(doc, "referral").put("Jane Smith", "9434765919");
            ((ObjectNode) doc.get("administrations").get(0)).put("answers", 5);
            doc.put("caregivers", "Jane");
            doc.putObject("extra").put("nhsNumber", "9434765919");
        }));
        assertEquals(List.of("<key#7> field.unknown", "administrations[0].answers type.object",
                "caregivers type.array", "infant.dateOfBirth type.date", "referral.<key#9> field.unknown",
                "referral.parentAge type.integer", "referral.riskFactors type.array", "team type.string"),
                violations.stream().map(v -> v.path() + " " + v.code()).toList());
    }

    @Test
    void arrayElementsOfWrongType_areLocatedByIndex() {
        List<Violation> violations = rejected(edited(doc -> {
            ((com.fasterxml.jackson.databind.node.ArrayNode) at(doc, "referral").get("reasons")).add(21);
            ((com.fasterxml.jackson.databind.node.ArrayNode) doc.get("administrations")).add("Jane");
        }));
        assertEquals(List.of("administrations[2] type.object", "referral.reasons[2] type.string"), violations.stream()
                .map(v -> v.path() + " " + v.code()).toList());
    }

    /** A strict JSON reader of the test's own: one value, no duplicate keys, nothing after it. */
    private static final ObjectMapper STRICT_JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    /** The document as a tree, or empty when it is not one well-formed JSON value. */
    private static Optional<JsonNode> parse(String text) {
        try {
            JsonNode node = STRICT_JSON.readTree(text);
            return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /**
     * Random edits of the valid document (deleted characters, inserted or substituted junk), checked against what
     * the test can tell on its own: a document that is not well-formed JSON is rejected with exactly one
     * document-level {@code json.malformed} (or {@code json.limits}, when an edit also made a number literal
     * longer than {@value SubmissionValidator#MAX_NUMBER_LENGTH} characters); a well-formed one never gets those
     * codes; one that still reads as the valid document is accepted. Nearly every edit breaks the document, so at
     * least 90% of them must be rejected (and at least 40% must be malformed JSON): a validator that accepts
     * everything fails here.
     */
    @Test
    void randomMutations_areRejectedExactlyWhenTheTestCanTell() {
        long seed = Long.getLong("imh.seed", System.nanoTime());
        Random random = new Random(seed);
        JsonNode validTree = SubmissionFixtures.valid();
        String valid = SubmissionFixtures.text(validTree);
        String[] junk = {"null", "1e999", "-1", "\"\"", "[]", "{}", "\"Jane\"", "true", "9999999999999999999", "{\"a\":",
            "\u0000", "\"\\ud800\""};
        int documents = 300;
        int rejected = 0;
        int malformed = 0;
        for (int n = 0; n < documents; n++) {
            StringBuilder doc = new StringBuilder(valid);
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(doc.length());
                switch (random.nextInt(3)) {
                    case 0:
                        doc.deleteCharAt(at);
                        break;
                    case 1:
                        doc.insert(at, junk[random.nextInt(junk.length)]);
                        break;
                    default:
                        int colon = doc.indexOf(":", at);
                        if (colon > 0) {
                            int end = colon + 1;
                            while (end < doc.length() && ",}]".indexOf(doc.charAt(end)) < 0) {
                                end++;
                            }
                            doc.replace(colon + 1, end, junk[random.nextInt(junk.length)]);
                        }
                }
            }
            String text = doc.toString();
            String where = "seed " + seed + " (rerun with -Dimh.seed=" + seed + "), document " + n;
            try {
                SubmissionResult result = VALIDATOR.validate(text);
                Optional<JsonNode> tree = parse(text);
                if (result instanceof SubmissionResult.Rejected r) {
                    rejected++;
                    for (Violation v : r.violations()) {
                        assertTrue(v.message().contains(" must "), where + ": " + v);
                        assertFalse(v.message().contains("9434765919") || v.message().contains("Jane"), where + ": "
                                + v);
                    }
                }
                List<String> violations = result instanceof SubmissionResult.Rejected r ? r.violations().stream()
                        .map(v -> v.path() + " " + v.code()).toList() : List.of();
                if (tree.isEmpty()) {
                    malformed++;
                    assertTrue(violations.equals(List.of(" json.malformed")) || violations.equals(List.of(
                            " json.limits")) && LONG_NUMBER.matcher(text).find(), where + ": " + violations);
                } else {
                    assertFalse(violations.contains(" json.malformed") || violations.contains(" json.empty"),
                            where + ": " + violations);
                    assertTrue(!violations.contains(" json.limits") || LONG_NUMBER.matcher(text).find(),
                            where + ": " + violations);
                    if (tree.get().equals(validTree)) {
                        assertInstanceOf(SubmissionResult.Accepted.class, result, where);
                    }
                }
            } catch (RuntimeException e) {
                fail(where + ": " + e, e);
            }
        }
        // over 150 seeds: at least 157 malformed and 289 rejected of 300; the bounds leave a wide margin
        assertTrue(malformed >= documents * 4 / 10, "seed " + seed + ": only " + malformed + " malformed documents");
        assertTrue(rejected >= documents * 9 / 10, "seed " + seed + ": only " + rejected + " of " + documents
                + " edited documents rejected");
    }

    /** A number literal longer than the validator accepts. */
    private static final Pattern LONG_NUMBER = Pattern.compile("[-+.eE0-9]{" + (SubmissionValidator.MAX_NUMBER_LENGTH
            + 1) + ",}");
}
