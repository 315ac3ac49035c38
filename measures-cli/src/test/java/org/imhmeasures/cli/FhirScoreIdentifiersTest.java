/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fhir-score} never writes to standard error anything the QuestionnaireResponse holds: not a found
 * code, not a linkId or an unknown element name holding a name, not HAPI's quoted invalid value; and a
 * number bomb is refused at once, before HAPI would expand it.
 */
class FhirScoreIdentifiersTest {

    private static final Path COMPLETE = FhirScoreCommandTest.FIXTURES.resolve("y_phq9_complete.json");
    private static final List<String> PLANTED = List.of("9434765919", "Jane Smith", "Quartermaine", "1987-03-14");

    private static final java.util.concurrent.atomic.AtomicInteger FILES = new java.util.concurrent.atomic.AtomicInteger();

    private static CliRun score(Path dir, String json) throws IOException {
        // not createTempFile: its random digits are in the message and may hold "5919" or "1987" (a flaky failure)
        Path f = dir.resolve("qr-" + FILES.incrementAndGet() + ".json");
        Files.writeString(f, json);
        return CliRun.of("fhir-score", "--input", f.toString());
    }

    private static void assertFailsWithoutIdentifiers(CliRun r, String fragment) {
        assertEquals(1, r.status(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains(fragment), "expected '" + fragment + "' in " + r.err());
        for (String planted : PLANTED) {
            assertFalse(r.err().contains(planted), planted + " leaked: " + r.err());
            assertFalse(r.out().contains(planted), planted + " leaked into the OperationOutcome: " + r.out());
        }
        assertFalse(r.err().contains("5919"), r.err());
        assertFalse(r.err().contains("1987"), r.err());
    }

    private static String complete() throws IOException {
        return Files.readString(COMPLETE);
    }

    @Test
    void fhirScore_unknownElementNamedLikeAPerson_isNotEchoed(@TempDir Path dir) throws Exception {
        String json = complete().replaceFirst("\"status\"", "\"Quartermaine\": \"x\", \"status\"");
        assertFailsWithoutIdentifiers(score(dir, json), "unknown element");
    }

    @Test
    void fhirScore_invalidDateTime_isLocatedWithoutTheValue(@TempDir Path dir) throws Exception {
        String json = complete().replaceFirst("\"authored\": *\"[^\"]*\"", "\"authored\": \"1987-03-14T25:00\"");
        assertTrue(json.contains("1987-03-14T25:00"), "fixture edit must apply");
        assertFailsWithoutIdentifiers(score(dir, json), "must be a valid FHIR primitive");
    }

    @Test
    void fhirScore_linkIdOrCodeHoldingIdentifiers_isNotEchoed(@TempDir Path dir) throws Exception {
        assertFailsWithoutIdentifiers(score(dir, complete().replaceFirst("\"linkId\": *\"phq9_3\"",
                "\"linkId\": \"Jane Smith\"")), "QuestionnaireResponse.item[");
        assertFailsWithoutIdentifiers(score(dir, complete().replaceFirst("\"code\": *\"1\"",
                "\"code\": \"9434765919\"")), "<value of 10 characters>");
    }

    @Test
    void fhirScore_wrongResourceTypeNamedLikeAPerson_isNotEchoed(@TempDir Path dir) throws Exception {
        assertFailsWithoutIdentifiers(score(dir, "{\"resourceType\":\"Quartermaine\",\"id\":\"p\"}"),
                "QuestionnaireResponse");
    }

    @Test
    void fhirScore_malformedJsonQuotingAName_isNotEchoed(@TempDir Path dir) throws Exception {
        assertFailsWithoutIdentifiers(score(dir, "{\"resourceType\": Quartermaine}"), "line 1 column");
        assertFailsWithoutIdentifiers(score(dir, "{\"Jane Smith\":1,\"Jane Smith\":2}"), "duplicate key");
    }

    @Test
    void fhirScore_numberBomb_isRefusedAtOnce(@TempDir Path dir) throws Exception {
        for (String bomb : List.of("1e1000000000", "1E+999999999", "-1e-999999999", "1.5e31")) {
            String json = complete().replaceFirst("\"valueCoding\": *\\{[^}]*\\}", "\"valueInteger\": " + bomb);
            assertTrue(json.contains(bomb), "fixture edit must apply");
            CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> score(dir, json));
            assertFailsWithoutIdentifiers(r, "exponent of at most 30");
        }
        String tooLong = complete().replaceFirst("\"valueCoding\": *\\{[^}]*\\}", "\"valueInteger\": "
                + "9".repeat(40));
        assertFailsWithoutIdentifiers(assertTimeoutPreemptively(Duration.ofSeconds(5), () -> score(dir, tooLong)),
                "line ");
    }

    @Test
    void fhirScore_integerTooLargeForHapi_isLocatedWithoutTheValue(@TempDir Path dir) throws Exception {
        String json = complete().replaceFirst("\"valueCoding\": *\\{[^}]*\\}", "\"valueInteger\": 9434765919");
        assertFailsWithoutIdentifiers(score(dir, json), "QuestionnaireResponse");
    }
}
