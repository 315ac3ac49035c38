/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End-to-end tests of {@code fhir-score} through {@link Main#run}, on measures-fhir's QR fixtures
 * ({@code y_*} must score, {@code n_*} must fail) and on hostile JSON: every failure is exit 1 with exactly one
 * line on standard error, never a stack trace.
 */
class FhirScoreCommandTest {

    static final Path FIXTURES = Path.of("..", "measures-fhir", "src", "test", "resources", "fixtures", "qr");

    private static Stream<Path> fixtures(String prefix) throws IOException {
        return Files.list(FIXTURES).filter(p -> p.getFileName().toString().startsWith(prefix)).sorted();
    }

    static Stream<Path> yes() throws IOException {
        return fixtures("y_");
    }

    static Stream<Path> no() throws IOException {
        return fixtures("n_");
    }

    private static CliRun score(Path file) {
        return CliRun.of("fhir-score", "--input", file.toString());
    }

    private static void assertOneLineFailure(CliRun r, String... fragments) {
        assertEquals(1, r.status(), r.out() + r.err());
        // issue 16: the OperationOutcome (or a Bundle with it and the alert Observation) instead of an Observation
        assertTrue(r.out().contains("\"resourceType\": \"OperationOutcome\""), r.out());
        assertFalse(r.out().contains("\"resourceType\": \"Observation\"") && !r.out().contains("\"Bundle\""),
                r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("imh-measures: --input "), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        for (String fragment : fragments) {
            assertTrue(r.err().contains(fragment), "expected '" + fragment + "' in " + r.err());
        }
    }

    @Test
    void fhirScore_completePhq9_printsObservationWithTotal() {
        CliRun r = score(FIXTURES.resolve("y_phq9_complete.json"));
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err());
        Observation obs = FhirContext.forR4Cached().newJsonParser().parseResource(Observation.class, r.out());
        assertTrue(obs.hasValueIntegerType(), r.out());
        // issue 16: a response without id is referenced by a content-based urn:uuid, not QuestionnaireResponse/inbound
        assertTrue(obs.getDerivedFromFirstRep().getReference().startsWith("urn:uuid:"), r.out());
        assertEquals("Patient/example", obs.getSubject().getReference());
    }

    @ParameterizedTest
    @MethodSource("yes")
    void fhirScore_yFixture_scoresOrSaysWhyNot(Path file) {
        CliRun r = score(file);
        if (r.status() == 0) {
            assertTrue(r.out().contains("\"resourceType\": \"Observation\""), r.out());
        } else {
            // a y_ fixture always maps; an in-progress one may still lack too many answers to score
            assertOneLineFailure(r, "response must be scorable");
        }
    }

    @ParameterizedTest
    @MethodSource("no")
    void fhirScore_nFixture_failsWithOneLocatedLine(Path file) {
        assertOneLineFailure(score(file), "QuestionnaireResponse");
    }

    @Test
    void fhirScore_wrongJsonType_failsWithHapiLocation(@TempDir Path dir) throws Exception {
        Path f = write(dir, "{\"resourceType\":\"QuestionnaireResponse\",\"status\":5,\"item\":[]}");
        assertOneLineFailure(score(f), "must be a FHIR R4 QuestionnaireResponse");
    }

    @Test
    void fhirScore_itemNotAnArray_fails(@TempDir Path dir) throws Exception {
        Path f = write(dir, "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"item\":\"x\"}");
        assertOneLineFailure(score(f));
    }

    @Test
    void fhirScore_notAQuestionnaireResponse_fails(@TempDir Path dir) throws Exception {
        Path f = write(dir, "{\"resourceType\":\"Patient\",\"id\":\"p\"}");
        assertOneLineFailure(score(f), "QuestionnaireResponse");
    }

    @Test
    void fhirScore_deepNesting_failsWithLineAndColumn(@TempDir Path dir) throws Exception {
        String deep = "{\"resourceType\":\"QuestionnaireResponse\",\"item\":" + "[{\"item\":".repeat(200) + "[]"
                + "}]".repeat(200) + "}";
        assertOneLineFailure(score(write(dir, deep)), "line 1 column", "nesting");
    }

    @Test
    void fhirScore_hugeString_failsWithinLimits(@TempDir Path dir) throws Exception {
        String big = "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"" + "a".repeat(50_000) + "\"}";
        CliRun r = score(write(dir, big));
        assertOneLineFailure(r, "line 1 column", "length");
        assertTrue(r.err().length() < 400, "message is clipped: " + r.err().length());
    }

    @Test
    void fhirScore_fileOverOneMebibyte_failsBeforeParsing(@TempDir Path dir) throws Exception {
        String padding = " ".repeat(FhirScoreCommand.MAX_BYTES);
        assertOneLineFailure(score(write(dir, "{\"resourceType\":\"QuestionnaireResponse\"}" + padding)),
                "at most 1048576 bytes");
    }

    @Test
    void fhirScore_malformedOrEmptyOrTrailing_fails(@TempDir Path dir) throws Exception {
        assertOneLineFailure(score(write(dir, "{\"resourceType\": ")), "line 1 column");
        assertOneLineFailure(score(write(dir, "")), "must be a JSON object: empty");
        assertOneLineFailure(score(write(dir, "[1,2]")), "must be a JSON object");
        assertOneLineFailure(score(write(dir, "{\"resourceType\":\"QuestionnaireResponse\"} {}")), "one JSON object");
        // our words, not Jackson's: its message quotes the key, which may be patient data (issue 8)
        assertOneLineFailure(score(write(dir, "{\"a\":1,\"a\":2}")), "duplicate key");
    }

    @Test
    void fhirScore_controlCharactersInMessage_areEscaped(@TempDir Path dir) throws Exception {
        Path f = write(dir, "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"done\\u0007\\nnow\"}");
        CliRun r = score(f);
        assertOneLineFailure(r);
        assertFalse(r.err().contains("\u0007"), r.err());
    }

    @Test
    void fhirScore_randomMutations_alwaysScoreOrFailWithOneLine(@TempDir Path dir) throws Exception {
        long seed = Long.getLong("imh.seed", System.nanoTime());
        System.out.println("FhirScoreCommandTest seed " + seed + " (rerun with -Dimh.seed=" + seed + ")");
        Random random = new Random(seed);
        String base = Files.readString(FIXTURES.resolve("y_phq9_complete.json"));
        String[] replacements = {"", "{", "}", "[", "]", "\"", ",", ":", "1", "true", "null", "\"x\"", "{}", "[]"};
        for (int i = 0; i < 60; i++) {
            StringBuilder text = new StringBuilder(base);
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(text.length());
                int len = Math.min(text.length() - at, random.nextInt(4));
                text.replace(at, at + len, replacements[random.nextInt(replacements.length)]);
            }
            CliRun r = score(write(dir, text.toString()));
            if (r.status() == 0) {
                assertTrue(r.out().contains("Observation"), "seed " + seed + " case " + i);
            } else {
                assertEquals(1, r.status(), "seed " + seed + " case " + i + ": " + r.err());
                assertEquals(1, r.err().lines().count(), "seed " + seed + " case " + i + ": " + r.err());
                assertTrue(r.err().startsWith("imh-measures: --input "), "seed " + seed + ": " + r.err());
            }
        }
    }

    @Test
    void fhirScore_missingInput_isUsageError() {
        assertEquals(2, CliRun.of("fhir-score").status());
        assertEquals(2, CliRun.of("fhir-score", "--input", "a", "--other", "b").status());
    }

    private static Path write(Path dir, String text) throws IOException {
        Path f = Files.createTempFile(dir, "qr", ".json");
        Files.writeString(f, text);
        return f;
    }
}
