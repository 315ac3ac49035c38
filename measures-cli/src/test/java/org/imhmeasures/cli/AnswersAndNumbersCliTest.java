/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end through {@link Main#run}: number bombs and non-ASCII digits in {@code change} are located
 * rejects answered at once; rejects and standard error never hold an identifier from the input; blank and
 * space-padded answer keys in {@code profile} and {@code score --format jsonl} are typed problems, never a
 * stack trace.
 */
class AnswersAndNumbersCliTest {

    private static final List<String> PLANTED = List.of("9434765919", "Jane Smith", "Quartermaine", "1987-03-14");

    private static void assertNoPlanted(String text) {
        for (String planted : PLANTED) {
            assertFalse(text.contains(planted), planted + " leaked: " + text);
        }
    }

    @Test
    void change_numberBombsAndIdentifiers_areLocatedRejectsWithoutValues(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, "record_id,pre,post\na,18,8\nb,1e-999999999,5\nc,1e-9999999,5\nd,9434765919,5\n"
                + "e,Jane Smith,5\nf,5,1987-03-14\ng,٣٠,5\nh,２０,5\ni,+20,5\nj,.5,5\nk,5.,5\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("out.csv");
        Path rejects = dir.resolve("rejects.csv");
        CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> CliRun.of("change", "--instrument",
                "PHQ-9", "--input", in.toString(), "--output", out.toString(), "--rejects", rejects.toString()));
        assertEquals(0, r.status(), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        List<String> rows = Files.readAllLines(rejects);
        assertEquals(11, rows.size(), rows.toString());
        assertEquals("3,b,score_not_a_number,pre and post must be numbers: pre is not", rows.get(1));
        assertEquals("5,d,score_out_of_range,score of PHQ-9 must lie within 0..27: pre is outside", rows.get(3));
        assertTrue(rows.subList(1, rows.size()).stream().allMatch(row -> row.contains(",score_")), rows.toString());
        // record ids are the user's and pass through; the values never do
        assertNoPlanted(String.join("\n", rows) + r.out() + r.err());
        assertTrue(Files.size(out) < 1000, "no expanded number was written");
    }

    @Test
    void scoreJsonl_blankAndSpacePaddedKeys_areTypedRejects(@TempDir Path dir) throws Exception {
        String items = "\"phq9_1\":\"1\",\"phq9_2\":\"1\",\"phq9_3\":\"1\",\"phq9_4\":\"1\",\"phq9_5\":\"1\","
                + "\"phq9_6\":\"1\",\"phq9_7\":\"1\",\"phq9_8\":\"1\"";
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, "{\"record_id\":\"a\",\"instrument\":\"PHQ-9\",\"answers\":{" + items
                + ",\"phq9_9\":\"3\",\"phq9_9 \":\"0\"}}\n{\"record_id\":\"b\",\"instrument\":\"PHQ-9\",\"answers\":{"
                + items + ",\"phq9_9\":\"0\",\"\":\"1\"}}\n{\"record_id\":\"c\",\"instrument\":\"PHQ-9\",\"answers\":{"
                + items + ",\"phq9_9\":\"0\",\"Quartermaine\":\"1\"}}\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("out.csv");
        Path rejects = dir.resolve("rejects.csv");
        CliRun r = CliRun.of("score", "--instrument", "PHQ-9", "--format", "jsonl", "--input", in.toString(),
                "--output", out.toString(), "--rejects", rejects.toString());
        assertEquals(0, r.status(), r.err());
        List<String> rows = Files.readAllLines(rejects);
        assertEquals(4, rows.size(), rows.toString());
        assertTrue(rows.get(1).startsWith("1,a,duplicate_item,"), rows.get(1));
        assertTrue(rows.get(1).contains("critical item at alert level: phq9_9"), rows.get(1));
        assertTrue(rows.get(2).startsWith("2,b,unknown_item,"), rows.get(2));
        assertTrue(rows.get(3).startsWith("3,c,unknown_item,"), rows.get(3));
        assertNoPlanted(String.join("\n", rows) + r.out() + r.err());
    }

    @Test
    void profile_blankOrRepeatedAnswerKey_isARejectedLineNotAStackTrace(@TempDir Path dir) throws Exception {
        ObjectNode doc;
        try (InputStream in = getClass().getResourceAsStream("/org/imhmeasures/cli/valid-submission.json")) {
            doc = (ObjectNode) new ObjectMapper().readTree(in);
        }
        ObjectNode blank = doc.deepCopy();
        ((ObjectNode) blank.get("administrations").get(0).get("answers")).put("", "1");
        ObjectNode padded = doc.deepCopy();
        ((ObjectNode) padded.get("administrations").get(0).get("answers")).put("phq9_9 ", "3");
        ObjectNode named = doc.deepCopy();
        ((ObjectNode) named.get("administrations").get(0).get("answers")).put("Jane Smith", "3");
        Path input = dir.resolve("referrals.jsonl");
        Files.writeString(input, blank + "\n" + padded + "\n" + named + "\n" + doc + "\n", StandardCharsets.UTF_8);
        CliRun r = CliRun.of("profile", "--input", input.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("line 1 must be a valid submission: answers.unknown_item at "
                + "administrations[0].answers.<key#9>"), r.err());
        assertTrue(r.err().contains("line 2 must be a valid submission: answers.duplicate_item at "
                + "administrations[0].answers.<key#8>, answers.duplicate_item at administrations[0].answers.<key#9>"),
                r.err());
        assertTrue(r.out().contains("1 of 4 submissions profiled, 3 rejected"), r.out());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        assertNoPlanted(r.err() + r.out());
    }

    @Test
    void numericOptions_plainAsciiOnly(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, "record_id,pre,post\na,18,8\n", StandardCharsets.UTF_8);
        for (String reliability : List.of("8e-1", "+0.8", ".8", "0x1p-1", "٠.٨", "NaN")) {
            CliRun r = CliRun.of("change", "--instrument", "PHQ-9", "--method", "jt", "--params", "sample",
                    "--reliability", reliability, "--input", in.toString(), "--output", dir.resolve("o.csv").toString());
            assertEquals(2, r.status(), reliability + ": " + r.err());
            assertTrue(r.err().startsWith("imh-measures: --reliability must be a number between 0 and 1"), r.err());
        }
        for (String top : List.of("+5", "٥", "5.0")) {
            assertEquals(2, CliRun.of("profile", "--input", in.toString(), "--top", top).status(), top);
        }
    }
}
