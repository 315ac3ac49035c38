/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.SparkSession;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.scoring.change.ChangeOptions;
import org.imhmeasures.scoring.change.ParameterSource;
import org.imhmeasures.scoring.cohort.CohortReports;
import org.imhmeasures.scoring.dataset.ChangeCsv;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkChangeTest {

    private static final List<String> GROUPS = List.of("team", "age_band", "team*age_band");

    private static SparkSession spark;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        spark = LocalSpark.session();
    }

    /** PHQ-9 pairs by team and age band, with empty, non-numeric, out-of-range and repeated rows. */
    private static Path pairs(long seed, int rows) throws IOException {
        Random random = new Random(seed);
        Path file = dir.resolve("pairs-" + seed + ".csv");
        String[] ages = {"0-1", "1-2", "2-3"};
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("record_id,team,age_band,pre,post\n");
            for (int r = 0; r < rows; r++) {
                int roll = random.nextInt(1000);
                String id = roll < 5 ? "R" + Math.max(0, r - 1) : "R" + r;
                String pre = Integer.toString(random.nextInt(28));
                String post = roll < 10 ? "" : roll < 15 ? "n/a" : roll < 18 ? "40"
                        : Integer.toString(Math.max(0, Math.min(27, Integer.parseInt(pre) - 6 + random.nextInt(10))));
                out.write(id + ",\"team, " + random.nextInt(4) + "\"," + ages[random.nextInt(3)] + "," + pre + ","
                        + post + "\n");
            }
        }
        return file;
    }

    private static void assertSameAsCli(ChangeOptions options) throws IOException {
        long seed = Long.getLong("imh.seed", System.nanoTime());
        System.out.println("SparkChangeTest seed " + seed + " (rerun with -Dimh.seed=" + seed + ")");
        Path input = pairs(seed, 5_000);
        StringWriter cliOut = new StringWriter();
        ChangeCsv.Run cli = ChangeCsv.of(Catalogue.builtIn().get("PHQ-9"), options, GROUPS)
                .run(() -> Files.newBufferedReader(input), cliOut);

        StringWriter sparkOut = new StringWriter();
        ChangeCsv.Run run = SparkChange.of("PHQ-9", options, GROUPS)
                .run(LocalSpark.csv(spark, input.toString()), sparkOut);

        assertEquals(cli.summary(), run.summary(), "seed " + seed);
        assertTrue(run.summary().rowsRejected() > 0, "seed " + seed);
        assertEquals(CohortReports.toJson(cli.cohort()), CohortReports.toJson(run.cohort()), "seed " + seed);
        assertEquals(cliOut.toString(), sparkOut.toString(), "seed " + seed);
    }

    @Test
    void run_publishedParameters_equalsTheCliByTeamAndAgeBand() throws IOException {
        assertSameAsCli(ChangeOptions.defaults());
    }

    @Test
    void run_sampleParameters_equalsTheCli() throws IOException {
        assertSameAsCli(ChangeOptions.defaults().with(ParameterSource.SAMPLE));
    }

    @Test
    void run_withoutAGroupColumn_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> SparkChange.of("PHQ-9", ChangeOptions.defaults(),
                List.of("team")).run(spark.sql("SELECT 'a' AS record_id, 1 AS pre, 2 AS post")));
    }
}
