/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.submission;

import static org.imhmeasures.scoring.submission.SubmissionFixtures.at;
import static org.imhmeasures.scoring.submission.SubmissionFixtures.edited;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
        assertFalse(rejected.violations().isEmpty());
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

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{", "[1,2", "{\"format\": }", "nul", "{\"a\":1}{\"b\":2}", "{'format':'x'}",
        "{\"format\":\"x\",\"format\":\"y\"}", "\"Jane Smith 9434765919\"", "[\"Jane\"]", "42", "true", "null"})
    void malformedOrNonObject_isOneDocumentLevelViolation(String json) {
        List<Violation> violations = rejected(json);
        assertEquals(1, violations.size(), violations.toString());
        assertEquals("", violations.get(0).path());
        assertTrue(Set.of("json.malformed", "json.empty", "type.object").contains(violations.get(0).code()),
                violations.toString());
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

    @Test
    void randomMutations_alwaysGiveAResultNeverAnException() {
        long seed = Long.getLong("imh.seed", System.nanoTime());
        Random random = new Random(seed);
        String valid = SubmissionFixtures.text(SubmissionFixtures.valid());
        String[] junk = {"null", "1e999", "-1", "\"\"", "[]", "{}", "\"Jane\"", "true", "9999999999999999999", "{\"a\":",
            "\u0000", "\"\\ud800\""};
        for (int n = 0; n < 300; n++) {
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
            try {
                SubmissionResult result = VALIDATOR.validate(doc.toString());
                if (result instanceof SubmissionResult.Rejected) {
                    for (Violation v : ((SubmissionResult.Rejected) result).violations()) {
                        assertTrue(v.message().contains(" must "), "seed " + seed + ": " + v);
                        assertFalse(v.message().contains("9434765919") || v.message().contains("Jane"), "seed " + seed
                                + ": " + v);
                    }
                }
            } catch (RuntimeException e) {
                fail("seed " + seed + " (rerun with -Dimh.seed=" + seed + "), document " + n + ": " + e, e);
            }
        }
    }
}
