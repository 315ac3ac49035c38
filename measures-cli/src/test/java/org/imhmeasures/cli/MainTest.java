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
import org.imhmeasures.core.instrument.Catalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {


    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void instruments_tableListsEveryInstrumentWithWordingColumn() {
        CliRun r = run("instruments");
        assertEquals(0, r.status());
        Catalogue.builtIn().instruments().forEach(i -> assertTrue(r.out().contains(i.id()), i.id()));
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("PHQ-9") && l.endsWith("yes")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("EPDS") && l.endsWith("no")), r.out());
    }

    @Test
    void instruments_jsonCarriesTheContractFields() throws Exception {
        CliRun r = run("instruments", "--json");
        assertEquals(0, r.status());
        JsonNode all = new ObjectMapper().readTree(r.out());
        // every instrument, then the instruments listed for reference only ("scorable": false)
        assertEquals(Catalogue.builtIn().instruments().size() + Catalogue.builtIn().references().size(), all.size());
        for (int i = 0; i < all.size(); i++) {
            assertEquals(i < Catalogue.builtIn().instruments().size(), all.get(i).get("scorable").asBoolean(),
                    all.get(i).get("id").asText());
        }
        JsonNode phq9 = all.get(0);
        for (String field : List.of("id", "version", "name", "range", "direction", "cutoff", "bands", "reliableChange",
                "licence", "items")) {
            assertTrue(phq9.has(field), field);
        }
        assertEquals("PHQ-9", phq9.get("id").asText());
        assertEquals(10, phq9.get("cutoff").get("threshold").asInt());
        assertEquals("phq9_9", phq9.get("items").get(8).get("id").asText());
        assertEquals("3", phq9.get("items").get(8).get("options").get(3).get("code").asText());
        assertEquals(3, phq9.get("items").get(8).get("options").get(3).get("score").asInt());
        JsonNode epds = all.get(2);
        assertEquals(3, epds.get("items").get(2).get("options").get(0).get("score").asInt(), "EPDS item 3 reversed");
        assertFalse(epds.get("items").get(0).has("wording"));
    }

    @Test
    void score_endToEnd_writesOutputRejectsAndAccountingLine(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, "record_id,note,core10_1,core10_2,core10_3,core10_4,core10_5,core10_6,core10_7,core10_8,"
                + "core10_9,core10_10\n"
                + "a,x,1,3,3,1,1,0,1,1,1,\n"
                + "b,y,1,3,3,1,1,2,1,1,,\n"
                + "c,z,4,0,0,4,4,4,4,4,4,4\n");
        Path out = dir.resolve("out.csv");
        Path rej = dir.resolve("rej.csv");
        CliRun r = run("score", "--instrument", "CORE-10", "--input", in.toString(), "--output", out.toString(),
                "--rejects", rej.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("rows read 3 = scored 2 + rejected 1"), r.out());
        assertTrue(r.out().contains("critical-item alerts in 2 rows"), r.out());
        assertEquals(List.of(
                "record_id,instrument,definition_version,raw_total,total,band,caseness,items_missing,prorated,"
                        + "critical_items,critical_unanswered",
                "a,CORE-10,1.0.1,8,8.89,healthy/low level,false,1,true,,",
                "c,CORE-10,1.0.1,40,40,severe,true,0,false,core10_6,"), Files.readAllLines(out));
        assertEquals(List.of("line,record_id,reason,message,critical_items,critical_unanswered",
                "3,b,too_many_missing,missing items must number at most 1: 2 (core10_9;core10_10); critical item at "
                        + "alert level: core10_6,core10_6,"), Files.readAllLines(rej));
    }

    @Test
    void score_missingStrict_overridesInstrumentRule(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, "record_id,core10_1,core10_2,core10_3,core10_4,core10_5,core10_6,core10_7,core10_8,"
                + "core10_9,core10_10\na,1,3,3,1,1,0,1,1,1,\n");
        CliRun r = run("score", "--instrument", "CORE-10", "--input", in.toString(), "--output",
                dir.resolve("o.csv").toString(), "--missing", "strict");
        assertEquals(0, r.status());
        assertTrue(r.out().contains("rows read 1 = scored 0 + rejected 1 (rejects not kept: give --rejects)"), r.out());
    }

    @Test
    void usageErrors_exitTwoWithOneLine(@TempDir Path dir) {
        assertEquals(2, run().status());
        assertEquals(2, run("frobnicate").status());
        CliRun unknown = run("score", "--instrument", "PHQ9", "--input", "a", "--output", "b");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().startsWith("imh-measures: --instrument must be one of [PHQ-9"), unknown.err());
        assertEquals(2, run("score", "--instrument", "PHQ-9").status());
        assertEquals(2, run("score", "--instrument", "PHQ-9", "--input", "a", "--output", "b", "--missing", "lax")
                .status());
        assertEquals(2, run("instruments", "--xml").status());
    }

    @Test
    void unreadableOrUnusableFiles_exitOneWithOneLine(@TempDir Path dir) throws Exception {
        CliRun missing = run("score", "--instrument", "PHQ-9", "--input", dir.resolve("nope.csv").toString(),
                "--output", dir.resolve("o.csv").toString());
        assertEquals(1, missing.status());
        assertEquals(1, missing.err().lines().count(), missing.err());
        Path noId = dir.resolve("noid.csv");
        Files.writeString(noId, "id,phq9_1\n1,2\n");
        CliRun bad = run("score", "--instrument", "PHQ-9", "--input", noId.toString(), "--output",
                dir.resolve("o.csv").toString());
        assertEquals(1, bad.status());
        assertEquals("imh-measures: --input noid.csv: line 1: header must have a record_id column: absent",
                bad.err().strip());
    }

    @Test
    void change_endToEnd_exactHeaderSummaryAndAccounting(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("pairs.csv");
        Files.writeString(in, "record_id,pre,post,site\na,18,8,N\nb,12,,N\nc,10,17,S\n");
        Path out = dir.resolve("out.csv");
        Path summary = dir.resolve("summary.json");
        Path rej = dir.resolve("rej.csv");
        CliRun r = run("change", "--instrument", "PHQ-9", "--input", in.toString(), "--output", out.toString(),
                "--summary", summary.toString(), "--rejects", rej.toString(), "--method", "nhs", "--params", "published");
        assertEquals(0, r.status(), r.err());
        assertEquals(List.of("record_id,pre,post,change,rci,reliable_change,clinically_significant,category",
                "a,18,8,-10,,improved,true,reliable_recovery",
                "c,10,17,7,,deteriorated,false,reliable_deterioration"), Files.readAllLines(out));
        assertEquals(List.of("line,record_id,reason,message", "3,b,missing_score,post must be given: empty"),
                Files.readAllLines(rej));
        assertTrue(r.out().contains("rows read 3 = assessed 2 + rejected 1"), r.out());
        JsonNode json = new ObjectMapper().readTree(summary.toFile());
        assertEquals("nhs", json.get("parameters").get("method").asText());
        assertEquals(3, json.get("overall").get("nRead").asInt());
        assertEquals(2, json.get("overall").get("nPaired").asInt());
    }

    @Test
    void change_unusableMethodForInstrument_exitsTwoWithHint(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("pairs.csv");
        Files.writeString(in, "record_id,pre,post\na,18,8\n");
        CliRun r = run("change", "--instrument", "PHQ-9", "--input", in.toString(), "--output",
                dir.resolve("o.csv").toString(), "--method", "jt");
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("imh-measures: reliability of PHQ-9 must be published or supplied: none (give "
                + "--reliability)") || r.err().contains("(try --method nhs"), r.err());
        assertEquals(2, run("change", "--instrument", "PHQ-9", "--input", in.toString(), "--output",
                dir.resolve("o.csv").toString(), "--method", "xx").status());
        assertEquals(2, run("change", "--instrument", "PHQ-9", "--input", in.toString(), "--output",
                dir.resolve("o.csv").toString(), "--reliability", "1.5").status());
    }

    @Test
    void change_groupBy_addsGroupsToSummaryWithoutChangingRows(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("pairs.csv");
        Files.writeString(in, "record_id,pre,post,team,age_band\na,18,8,N,0-12 months\nb,12,9,S,antenatal\n"
                + "c,10,17,S,0-12 months\n");
        Path summary = dir.resolve("summary.json");
        CliRun r = run("change", "--instrument", "PHQ-9", "--input", in.toString(), "--output",
                dir.resolve("o.csv").toString(), "--summary", summary.toString(), "--group-by", "team,age_band");
        assertEquals(0, r.status(), r.err());
        JsonNode groups = new ObjectMapper().readTree(summary.toFile()).get("groups");
        assertEquals(2, groups.get("team").size());
        assertEquals("S", groups.get("team").get(1).get("group").asText());
        assertEquals(2, groups.get("team").get(1).get("nPaired").asInt());
        assertEquals(2, groups.get("age_band").size());
        assertEquals(3, Files.readAllLines(dir.resolve("o.csv")).size() - 1);
        assertEquals(1, run("change", "--instrument", "PHQ-9", "--input", in.toString(), "--output",
                dir.resolve("o.csv").toString(), "--group-by", "site").status(), "absent column: unusable file");
        assertEquals(2, run("change", "--instrument", "PHQ-9", "--input", in.toString(), "--output",
                dir.resolve("o.csv").toString(), "--group-by", "team,team").status());
    }
}
