/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.scoring.dataset.DatasetSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTest {

    @Test
    void run_writesEveryOutputAndEveryRowIsAccountedFor(@TempDir Path dir) throws IOException {
        Demo.Result result = Demo.run(7, 120, dir);
        assertTrue(Files.exists(dir.resolve("report.txt")));
        assertTrue(Files.exists(dir.resolve("summary.json")));
        for (Map.Entry<String, DatasetSummary> e : result.scoring().entrySet()) {
            String key = Catalogue.builtIn().get(e.getKey()).key();
            long inputRows = Files.readAllLines(dir.resolve("administrations/" + key + ".csv")).size() - 1;
            long scored = Files.readAllLines(dir.resolve("scores/" + key + ".csv")).size() - 1;
            long rejected = Files.readAllLines(dir.resolve("scores/" + key + "-rejects.csv")).size() - 1;
            assertEquals(inputRows, e.getValue().rowsRead(), key);
            assertEquals(scored, e.getValue().rowsScored(), key);
            assertEquals(rejected, e.getValue().rowsRejected(), key);
        }
        assertTrue(result.report().contains("Change from baseline to discharge: PHQ-9"), result.report());
        assertTrue(result.report().contains("not assessable: fixed reliable-change threshold of PIR-GAS must be "
                + "published: none"), "PIR-GAS has no published reliable-change value: never guessed");
        assertTrue(result.report().contains("age_band: 0-12 months"));
        assertEquals(120, result.summary().get("families").asInt());
        // every family is also a valid portal submission, and the profile section is in the report
        assertEquals(120, Files.readAllLines(dir.resolve("referrals.jsonl")).size());
        assertEquals(120, result.summary().get("submissionsAccepted").asInt());
        assertEquals(0, result.summary().get("submissionsRejected").asInt());
        assertTrue(result.report().contains("Pooled referral profile"), result.report());
    }

    @Test
    void run_sameSeed_sameReport(@TempDir Path a, @TempDir Path b) throws IOException {
        assertEquals(Demo.run(11, 80, a).report(), Demo.run(11, 80, b).report());
    }

    @Test
    void bundledSample_matchesTheGenerator(@TempDir Path dir) throws IOException {
        Demo.run(2026, 60, dir);
        Path sample = Path.of("").toAbsolutePath().resolve("data/sample");
        List<String> files = List.of("epds.csv", "phq9.csv", "gad7.csv", "core10.csv", "kpcs.csv", "pirgas.csv",
                "gbo.csv");
        for (String file : files) {
            assertEquals(Files.readString(dir.resolve("administrations").resolve(file)), Files.readString(
                    sample.resolve(file)), file + " drifted from the generator: regenerate measures-cli/data/sample");
        }
        assertEquals(Files.readString(dir.resolve("referrals.jsonl")), Files.readString(sample.resolve(
                "referrals.jsonl")), "referrals.jsonl drifted from the generator: regenerate measures-cli/data/sample");
    }
}
