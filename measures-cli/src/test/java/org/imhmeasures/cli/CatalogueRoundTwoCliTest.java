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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13 §2 through the CLI: PHQ-2, ASQ:SE-2 with and without a licensee norms file, LOAF, and their JSON. */
class CatalogueRoundTwoCliTest {

    private static String asqHeader() {
        return "record_id," + IntStream.rangeClosed(1, 16).mapToObj(i -> "asqse22m_" + i)
                .collect(Collectors.joining(","));
    }

    private static String asqRow(String id, String code) {
        return id + "," + IntStream.rangeClosed(1, 16).mapToObj(i -> code).collect(Collectors.joining(","));
    }

    @Test
    void score_phq2Csv(@TempDir Path dir) throws Exception {
        Path in = Files.writeString(dir.resolve("in.csv"), "record_id,phq2_1,phq2_2\na,1,1\nb,2,1\n");
        Path out = dir.resolve("out.csv");
        CliRun r = CliRun.of("score", "--instrument", "PHQ-2", "--input", in.toString(), "--output", out.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(List.of("a,PHQ-2,1.0.0,2,2,,false,0,false,,", "b,PHQ-2,1.0.0,3,3,,true,0,false,,"),
                Files.readAllLines(out).subList(1, 3));
    }

    @Test
    void score_asqse2WithoutNorms_saysNoCutoffWasSupplied(@TempDir Path dir) throws Exception {
        Path in = Files.writeString(dir.resolve("in.csv"), asqHeader() + "\n" + asqRow("a", "V") + "\n");
        Path out = dir.resolve("out.csv");
        CliRun r = CliRun.of("score", "--instrument", "ASQ:SE-2:2m", "--input", in.toString(), "--output",
                out.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("a,ASQ:SE-2:2m,1.0.0,80,80,(no cut-off supplied),,0,false,,", Files.readAllLines(out).get(1));
    }

    @Test
    void score_asqse2WithLicenseeNorms_judgesTheSuppliedCutoff(@TempDir Path dir) throws Exception {
        // synthetic test numbers, not the published cut-off
        Path norms = Files.writeString(dir.resolve("norms.json"), "{\"format\":\"imh-measures/norms@1\",\"source\":"
                + "\"synthetic test numbers\",\"instruments\":{\"ASQ:SE-2:2m\":{\"caseness\":{\"threshold\":100,"
                + "\"comparison\":\"at_least\",\"meaning\":\"synthetic\",\"source\":\"synthetic\"}}}}");
        Path in = Files.writeString(dir.resolve("in.csv"), asqHeader() + "\n" + asqRow("a", "V") + "\n"
                + asqRow("b", "X") + "\n");
        Path out = dir.resolve("out.csv");
        CliRun r = CliRun.of("score", "--instrument", "ASQ:SE-2:2m", "--norms", norms.toString(), "--input",
                in.toString(), "--output", out.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(List.of("a,ASQ:SE-2:2m,1.0.0,80,80,,false,0,false,,", "b,ASQ:SE-2:2m,1.0.0,160,160,,true,0,false,,"),
                Files.readAllLines(out).subList(1, 3));
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"format\":\"imh-measures/norms@1\",\"source\":\"x\","
                + "\"instruments\":{\"PHQ-9\":{\"caseness\":{\"threshold\":1,\"comparison\":\"at_least\","
                + "\"meaning\":\"m\",\"source\":\"s\"}}}}");
        CliRun refused = CliRun.of("score", "--instrument", "PHQ-9", "--norms", bad.toString(), "--input",
                in.toString(), "--output", dir.resolve("o2.csv").toString());
        assertEquals(1, refused.status());
        assertTrue(refused.err().contains("--norms bad.json"), refused.err());
        assertFalse(Files.exists(dir.resolve("o2.csv")));
    }

    @Test
    void score_loafReportsBothRatings(@TempDir Path dir) throws Exception {
        Path in = Files.writeString(dir.resolve("in.csv"), "record_id,loaf_1,loaf_2\na,1,3\n");
        Path out = dir.resolve("out.csv");
        CliRun r = CliRun.of("score", "--instrument", "LOAF", "--input", in.toString(), "--output", out.toString());
        assertEquals(0, r.status(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertTrue(lines.get(0).endsWith("subscale:caregiving_relationship,subscale:caregiving_environment"), lines.get(0));
        assertTrue(lines.get(1).startsWith("a,LOAF,1.0.0,,,,,0,false,,") && lines.get(1).endsWith(",1,3"), lines.get(1));
    }

    @Test
    void instrumentsJson_showsTheNewInstrumentsWithTheirOmissionsAndLinks() throws Exception {
        CliRun r = CliRun.of("instruments", "--json");
        assertEquals(0, r.status());
        JsonNode all = new ObjectMapper().readTree(r.out());
        JsonNode asq = null;
        JsonNode phq2 = null;
        JsonNode loaf = null;
        for (JsonNode node : all) {
            switch (node.get("id").asText()) {
                case "ASQ:SE-2:2m" -> asq = node;
                case "PHQ-2" -> phq2 = node;
                case "LOAF" -> loaf = node;
                default -> { }
            }
        }
        assertEquals("ASQ:SE-2", asq.get("ageInterval").get("family").asText());
        assertEquals(2, asq.get("ageInterval").get("months").asInt());
        assertFalse(asq.get("licenseeCutoff").get("supplied").asBoolean());
        assertEquals("unadjusted", asq.get("missingItems").get("rule").asText());
        assertTrue(asq.get("cutoff").isNull());
        assertTrue(asq.get("omissions").findValuesAsText("field").containsAll(List.of("caseness", "age window",
                "other intervals")));
        assertFalse(asq.get("items").get(0).has("wording"));
        assertEquals("PHQ-9", phq2.get("derivedFrom").get("instrument").asText());
        assertEquals("phq9_2", phq2.get("derivedFrom").get("items").get("phq2_2").asText());
        assertEquals(2, loaf.get("subscales").size());
        assertTrue(loaf.get("omissions").findValuesAsText("field").contains("level labels"));
        assertFalse(all.get(0).has("derivedFrom"), "PHQ-9 itself carries no link");
    }
}
