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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.imhmeasures.scoring.mapping.Inspection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code inspect}: what of a timepoint column may reach the proposed mapping. */
class InspectCommandTest {

    private static final String FREE_TEXT = "Mum said she has been crying every night since the move";

    @Test
    void timepointColumnHoldingFreeText_copiesOnlyFewShortValues_andSaysSo(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("Client ID,Timepoint,PHQ9 Q1,PHQ9 Q2\n");
        for (int i = 1; i <= 30; i++) {
            csv.append("c").append(i).append(",Session ").append(i).append(",1,2\n");
        }
        csv.append("c31,").append(FREE_TEXT).append(",0,0\n");
        Path export = dir.resolve("export.csv");
        Files.writeString(export, csv, StandardCharsets.UTF_8);
        Path proposed = dir.resolve("proposed.json");

        CliRun run = CliRun.of("inspect", "--input", export.toString(), "--output", proposed.toString());

        assertEquals(0, run.status(), run.err());
        String mapping = Files.readString(proposed);
        assertFalse(mapping.contains(FREE_TEXT), mapping);
        assertFalse((run.out() + run.err()).contains(FREE_TEXT), run.out());
        JsonNode timepoints = new ObjectMapper().readTree(mapping).get("timepoints");
        assertEquals(Inspection.MAX_TIMEPOINT_VALUES, timepoints.size(), mapping);
        assertTrue(timepoints.has("Session 1"), mapping);
        assertTrue(run.out().contains("\"Timepoint\": timepoint, 31 distinct values, 20 copied into the proposed "
                + "mapping (at most 20, each at most 40 characters"), run.out());
    }

    @Test
    void timepointColumnWithFewShortValues_copiesThemAll(@TempDir Path dir) throws Exception {
        Path export = dir.resolve("export.csv");
        Files.writeString(export, "Client ID,Timepoint,PHQ9 Q1\nc1,Initial Assessment,1\nc2,Discharge,2\n",
                StandardCharsets.UTF_8);
        Path proposed = dir.resolve("proposed.json");

        CliRun run = CliRun.of("inspect", "--input", export.toString(), "--output", proposed.toString());

        assertEquals(0, run.status(), run.err());
        JsonNode timepoints = new ObjectMapper().readTree(Files.readString(proposed)).get("timepoints");
        assertEquals("initial_assessment", timepoints.get("Initial Assessment").asText());
        assertEquals("discharge", timepoints.get("Discharge").asText());
        assertTrue(run.out().contains("timepoint, 2 distinct values, 2 copied into the proposed mapping\n")
                || run.out().contains("timepoint, 2 distinct values, 2 copied into the proposed mapping"
                        + System.lineSeparator()), run.out());
    }
}
