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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12 §4 on the command line: anchor, percentage, group level, and Hageman-Arrindell refusals. */
class ChangeParityCliTest {

    private static final String PAIRS = "record_id,pre,post,team\na,20,12,North\nb,15,13,North\nc,12,18,South\n"
            + "d,10,9,South\ne,25,5,North\nf,0,4,South\ng,18,10,South\n";

    private static CliRun change(Path dir, String... extra) throws Exception {
        Path in = Files.writeString(dir.resolve("in.csv"), PAIRS);
        for (String name : List.of("out.csv", "s.json", "rej.csv")) {
            Files.deleteIfExists(dir.resolve(name));
        }
        List<String> args = new ArrayList<>(List.of("change", "--instrument", "PHQ-9", "--input", in.toString(),
                "--output", dir.resolve("out.csv").toString(), "--summary", dir.resolve("s.json").toString(),
                "--rejects", dir.resolve("rej.csv").toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static JsonNode json(Path dir) throws Exception {
        return new ObjectMapper().readTree(dir.resolve("s.json").toFile());
    }

    @Test
    void anchor_separateMids_recordedAsSupplied(@TempDir Path dir) throws Exception {
        CliRun r = change(dir, "--method", "anchor", "--mid-improvement", "5", "--mid-deterioration", "3");
        assertEquals(0, r.status(), r.err());
        JsonNode p = json(dir).get("parameters");
        assertEquals("anchor", p.get("method").asText());
        assertEquals("[\"midImprovement\",\"midDeterioration\"]", p.get("suppliedByCaller").toString());
        List<String> rows = Files.readAllLines(dir.resolve("out.csv"));
        assertEquals("record_id,pre,post,change,rci,reliable_change,clinically_significant,category", rows.get(0));
        // a: 20 -> 12 is 8 down but still a case (PHQ-9 >= 10): improved; e: 25 -> 5 recovered; c: 12 -> 18 up 6
        assertEquals("a,20,12,-8,,improved,false,improved", rows.get(1));
        assertEquals("b,15,13,-2,,none,false,unchanged", rows.get(2));
        assertEquals("c,12,18,6,,deteriorated,false,deteriorated", rows.get(3));
        assertEquals("e,25,5,-20,,improved,true,recovered", rows.get(5));
    }

    @Test
    void anchor_withoutMids_exitTwoNeverADefault(@TempDir Path dir) throws Exception {
        for (List<String> bad : List.of(List.of("--method", "anchor"),
                List.of("--method", "anchor", "--mid-improvement", "5"),
                List.of("--mid-improvement", "5", "--mid-deterioration", "3"),
                List.of("--method", "percentage", "--pct-improvement", "0.5"),
                List.of("--pct-improvement", "0.5", "--pct-deterioration", "0.5"),
                List.of("--method", "anchor", "--mid-improvement", "-1", "--mid-deterioration", "3"))) {
            CliRun r = change(dir, bad.toArray(String[]::new));
            assertEquals(2, r.status(), bad + ": " + r.err());
            assertFalse(Files.exists(dir.resolve("out.csv")), bad.toString());
        }
        CliRun none = change(dir, "--method", "anchor");
        assertTrue(none.err().contains("--mid-improvement and --mid-deterioration must both be given with --method "
                + "anchor"), none.err());
    }

    @Test
    void percentage_zeroBaselineIsARejectedRow(@TempDir Path dir) throws Exception {
        CliRun r = change(dir, "--method", "percentage", "--pct-improvement", "0.5", "--pct-deterioration", "0.25");
        assertEquals(0, r.status(), r.err());
        List<String> rows = Files.readAllLines(dir.resolve("out.csv"));
        assertEquals("a,20,12,-8,,none,false,unchanged", rows.get(1), "40% down, under 50%");
        assertEquals("c,12,18,6,,deteriorated,false,deteriorated", rows.get(3), "50% up");
        assertEquals("e,25,5,-20,,improved,true,recovered", rows.get(5));
        String rejects = Files.readString(dir.resolve("rej.csv"));
        assertTrue(rejects.contains(",f,baseline_not_positive,"), rejects);
        assertTrue(r.out().contains("rows read 7 = assessed 6 + rejected 1"), r.out());
    }

    @Test
    void groupLevel_withinAndBetween_inJsonAndText(@TempDir Path dir) throws Exception {
        CliRun r = change(dir, "--method", "anchor", "--mid-improvement", "5", "--mid-deterioration", "3",
                "--group-by", "team", "--group-level");
        assertEquals(0, r.status(), r.err());
        JsonNode g = json(dir).get("groupLevel");
        assertEquals(0.95, g.get("confidenceLevel").asDouble());
        assertEquals(5.0, g.get("midImprovement").asDouble());
        JsonNode north = g.get("groups").get("team").get(0);
        assertEquals("North", north.get("group").asText());
        // North: 20->12, 15->13, 25->5: changes -8, -2, -20, mean -10
        assertEquals(-10.0, north.get("within").get("meanChange").asDouble(), 1e-9);
        assertEquals(null, north.get("versusReference"), "North is the reference");
        JsonNode south = g.get("groups").get("team").get(1);
        // South assessed: 12->18, 10->9, 0->4, 18->10 (anchor assesses a 0 baseline)
        assertEquals("North", south.get("versusReference").get("reference").asText());
        // post: South 18, 9, 4, 10 (M 10.25) minus North 12, 13, 5 (M 10)
        assertEquals(0.25, south.get("versusReference").get("postDifference").asDouble(), 1e-9);
        assertTrue(r.out().contains("Group level (95% CI, MID 5.00)"), r.out());
        assertTrue(r.out().contains("team South: n 4"), r.out());
    }

    @Test
    void groupLevel_fromScores_followsTheRecordsObject(@TempDir Path dir) throws Exception {
        Path scores = Files.writeString(dir.resolve("scores.csv"), ChangeFromScoresCliTest.SCORES);
        Path json = dir.resolve("s.json");
        CliRun r = CliRun.of("change", "--instrument", "PHQ-9", "--from-scores", scores.toString(), "--pre",
                "baseline", "--post", "discharge", "--group-by", "team", "--output", dir.resolve("o.csv").toString(),
                "--summary", json.toString(), "--group-level");
        assertEquals(0, r.status(), r.err());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        List<String> fields = new ArrayList<>();
        root.fieldNames().forEachRemaining(fields::add);
        assertEquals("groupLevel", fields.get(fields.size() - 1), fields.toString());
        assertTrue(fields.contains("records"), fields.toString());
        // paired: f1 18 -> 6 and f5 14 -> 12: mean change -7
        assertEquals(-7.0, root.get("groupLevel").get("overall").get("meanChange").asDouble(), 1e-9);
        assertTrue(r.out().contains("Group level (95% CI)"), r.out());
    }

    @Test
    void groupLevel_suppressedGroupsShowNoStatistics(@TempDir Path dir) throws Exception {
        CliRun r = change(dir, "--method", "anchor", "--mid-improvement", "5", "--mid-deterioration", "3",
                "--group-by", "team", "--group-level", "--suppress", "4");
        assertEquals(0, r.status(), r.err());
        JsonNode north = json(dir).get("groupLevel").get("groups").get("team").get(0);
        assertEquals("<4", north.get("nPaired").asText());
        assertEquals(null, north.get("within"));
        assertEquals(null, json(dir).get("groupLevel").get("groups").get("team").get(1).get("versusReference"),
                "a comparison with a suppressed reference is left out");
    }

    @Test
    void hagemanArrindell_withCriterionBOrCaseness_exitTwo(@TempDir Path dir) throws Exception {
        for (List<String> bad : List.of(List.of("--criterion", "b"), List.of("--criterion", "caseness"),
                List.of("--cutoff", "10"))) {
            List<String> args = new ArrayList<>(List.of("--method", "ha", "--params", "sample", "--reliability",
                    "0.84"));
            args.addAll(bad);
            CliRun r = change(dir, args.toArray(String[]::new));
            assertEquals(2, r.status(), bad + ": " + r.err());
            assertTrue(r.err().contains("true-score cut-off"), r.err());
        }
    }

    @Test
    void hagemanArrindell_groupLevelShares(@TempDir Path dir) throws Exception {
        CliRun r = change(dir, "--method", "ha", "--params", "sample", "--reliability", "0.84", "--criterion", "a",
                "--group-level");
        assertEquals(0, r.status(), r.err());
        JsonNode ha = json(dir).get("groupLevel").get("hagemanArrindell");
        assertTrue(ha.get("changed").asDouble() > 0 && ha.get("changed").asDouble() < 1, ha.toString());
        assertTrue(r.out().contains("Hageman-Arrindell: changed "), r.out());
        assertTrue(json(dir).get("parameters").get("sources").toString().contains("true-score criterion a"));
    }
}
