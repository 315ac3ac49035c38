/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileCommandTest {


    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static String submission() throws Exception {
        try (InputStream in = ProfileCommandTest.class.getResourceAsStream(
                "/org/imhmeasures/cli/valid-submission.json")) {
            return new ObjectMapper().readTree(in).toString();
        }
    }

    @Test
    void profile_jsonl_printsTablesWritesJsonAndReportsRejectedLinesWithoutContent(@TempDir Path dir)
            throws Exception {
        String one = submission();
        String two = one.replace("team-north", "team-south").replace("\"parentAge\":19", "\"parentAge\":31")
                .replace("\"A2\"", "\"A1\"");
        String bad = one.replace("943 476 5919", "943 476 5918");
        Path input = dir.resolve("referrals.jsonl");
        Files.writeString(input, one + "\n\n" + two + "\n" + bad + "\n{broken Jane\n", StandardCharsets.UTF_8);
        Path output = dir.resolve("profile.json");
        CliRun r = run("profile", "--input", input.toString(), "--output", output.toString(), "--top", "2");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("All teams (2 referrals)"), r.out());
        assertTrue(r.out().contains("Team team-south"), r.out());
        assertTrue(r.out().contains("1 of 2 (50.0%)"), r.out());
        assertTrue(r.out().contains("2 of 4 submissions profiled, 2 rejected"), r.out());
        assertTrue(r.err().contains("line 4 must be a valid submission: nhs_number at infant.nhsNumber"), r.err());
        assertTrue(r.err().contains("line 5 must be a valid submission: json.malformed"), r.err());
        assertFalse(r.err().contains("Jane") || r.err().contains("5918"), r.err());
        JsonNode json = new ObjectMapper().readTree(output.toFile());
        assertEquals(2, json.at("/pooled/referrals").asInt());
        assertEquals(50.0, json.at("/pooled/youngParents/percent").asDouble(), 1e-9);
        assertEquals(2, json.at("/pooled/topRiskFactors").size());
    }

    @Test
    void profile_badArguments_exit2_missingFile_exit1(@TempDir Path dir) {
        assertEquals(2, run("profile").status());
        assertEquals(2, run("profile", "--input", "x.jsonl", "--top", "0").status());
        CliRun missing = run("profile", "--input", dir.resolve("none.jsonl").toString());
        assertEquals(1, missing.status());
        assertTrue(missing.err().contains("--input must be a readable file"), missing.err());
    }
}
