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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12 §3: every clinical parameter on the CLI, recorded as given; full-precision RCI; HLL warning. */
class ChangeParametersCliTest {

    private static final String PAIRS = "record_id,pre,post\na,20,12\nb,15,13\nc,12,18\nd,10,9\ne,25,5\n";

    private static JsonNode summary(Path dir, String... extra) throws Exception {
        Path in = Files.writeString(dir.resolve("in.csv"), PAIRS);
        Path out = dir.resolve("out.csv");
        Path json = dir.resolve("s.json");
        Files.deleteIfExists(out);
        Files.deleteIfExists(json);
        List<String> args = new java.util.ArrayList<>(List.of("change", "--instrument", "PHQ-9", "--input",
                in.toString(), "--output", out.toString(), "--summary", json.toString()));
        args.addAll(List.of(extra));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, r.status(), r.err());
        return new ObjectMapper().readTree(json.toFile());
    }

    @Test
    void threshold_suppliedAndRecorded(@TempDir Path dir) throws Exception {
        JsonNode p = summary(dir, "--threshold", "3", "--cutoff", "12").get("parameters");
        assertEquals(3.0, p.get("threshold").asDouble());
        assertEquals("[\"threshold\",\"cutoff\"]", p.get("suppliedByCaller").toString());
        assertEquals("supplied", p.get("functionalCutoff").get("criterion").asText());
        assertTrue(p.get("sources").toString().contains("threshold 3: supplied by the caller"));
        // a: 20 -> 12 improves reliably but ends exactly on the cut-off 12, which stays dysfunctional
        List<String> rows = Files.readAllLines(dir.resolve("out.csv"));
        assertEquals("a,20,12,-8,,improved,false,reliable_improvement", rows.get(1));
        // e: 25 -> 5 crosses it; b: 15 -> 13 is 2 points, under the threshold 3
        assertEquals("e,25,5,-20,,improved,true,reliable_recovery", rows.get(5));
        assertTrue(rows.get(2).startsWith("b,15,13,-2,,none,"), rows.get(2));
    }

    @Test
    void defaults_recordNothingSupplied(@TempDir Path dir) throws Exception {
        JsonNode p = summary(dir).get("parameters");
        assertEquals(null, p.get("suppliedByCaller"));
        assertEquals(6.0, p.get("threshold").asDouble());
    }

    @Test
    void jtWithEveryNormSupplied_criterionAndFullPrecisionRci(@TempDir Path dir) throws Exception {
        JsonNode p = summary(dir, "--method", "jt", "--reliability", "0.84", "--clinical-mean", "16", "--clinical-sd",
                "5", "--functional-mean", "4", "--functional-sd", "3", "--criterion", "a", "--alpha", "0.1")
                .get("parameters");
        assertEquals("[\"alpha\",\"reliability\",\"clinicalNorm\",\"functionalNorm\"]",
                p.get("suppliedByCaller").toString());
        assertEquals("jt_a", p.get("functionalCutoff").get("criterion").asText());
        assertEquals(6.0, p.get("functionalCutoff").get("value").asDouble(), 1e-9); // 16 - 2 * 5
        assertEquals(5.0, p.get("sd").asDouble());
        // RCI = -8 / (5 * sqrt(2 * 0.16)) = -2.82842712474619; written in full precision
        String row = Files.readAllLines(dir.resolve("out.csv")).get(1);
        assertEquals("-2.82842712474619", row.split(",")[4].substring(0, 17), row);
        assertTrue(row.split(",")[4].length() > 8, row);
    }

    @Test
    void hll_warnsOnce_othersDoNot(@TempDir Path dir) throws Exception {
        Path in = Files.writeString(dir.resolve("in.csv"), PAIRS);
        CliRun hll = CliRun.of("change", "--instrument", "PHQ-9", "--input", in.toString(), "--output",
                dir.resolve("h.csv").toString(), "--method", "hll", "--params", "sample", "--reliability", "0.84");
        assertEquals(0, hll.status(), hll.err());
        assertEquals(1, hll.err().split("warning: hll", -1).length - 1, hll.err());
        CliRun jt = CliRun.of("change", "--instrument", "PHQ-9", "--input", in.toString(), "--output",
                dir.resolve("j.csv").toString(), "--method", "jt", "--params", "sample", "--reliability", "0.84");
        assertFalse(jt.err().contains("warning"), jt.err());
    }

    @Test
    void unusableParameters_exitTwo(@TempDir Path dir) throws Exception {
        Path in = Files.writeString(dir.resolve("in.csv"), PAIRS);
        String out = dir.resolve("x.csv").toString();
        for (List<String> bad : List.of(List.of("--functional-mean", "4"), List.of("--clinical-sd", "5"),
                List.of("--threshold", "0"), List.of("--alpha", "0.7"), List.of("--criterion", "d"),
                List.of("--cutoff", "1e3"), List.of("--method", "jt", "--threshold", "4"))) {
            List<String> args = new java.util.ArrayList<>(List.of("change", "--instrument", "PHQ-9", "--input",
                    in.toString(), "--output", out));
            args.addAll(bad);
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertEquals(2, r.status(), bad + ": " + r.err());
            assertFalse(Files.exists(Path.of(out)));
        }
    }
}
