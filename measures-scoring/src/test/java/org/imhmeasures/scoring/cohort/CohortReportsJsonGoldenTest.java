/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.imhmeasures.core.LibraryVersion;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.scoring.change.ChangeOptions;
import org.imhmeasures.scoring.change.ParameterSource;
import org.imhmeasures.scoring.change.RciMethod;
import org.imhmeasures.scoring.dataset.ChangeCsv;
import org.junit.jupiter.api.Test;

/**
 * {@link CohortReports#toJson} writes, byte for byte, the JSON the CLI's {@code change --summary} wrote when
 * the report was a Jackson tree; see {@code report-json/README.md} for where the expected files came from.
 */
class CohortReportsJsonGoldenTest {

    private static final String DIR = "/org/imhmeasures/scoring/cohort/report-json/";
    private static final Instrument PHQ9 = Catalogue.builtIn().get("PHQ-9");

    @Test
    void publishedThreshold_byTeamAndAgeBand_matchesTheRecordedJson() throws IOException {
        assertJson("nhs-by-team-and-age.json", ChangeOptions.defaults(), List.of("team", "age_band"));
    }

    @Test
    void sampleParameters_gln_matchesTheRecordedJson() throws IOException {
        assertJson("gln-sample.json", ChangeOptions.defaults().with(RciMethod.GULLIKSEN_LORD_NOVICK)
                .with(ParameterSource.SAMPLE).withReliability(0.84), List.of());
    }

    @Test
    void sampleParameters_hll_matchesTheRecordedJson() throws IOException {
        assertJson("hll-sample.json", ChangeOptions.defaults().with(RciMethod.HSU_LINN_LORD)
                .with(ParameterSource.SAMPLE).withReliability(0.84), List.of());
    }

    private static void assertJson(String expected, ChangeOptions options, List<String> groups) throws IOException {
        String pairs = resource("phq9-pairs.csv");
        ChangeCsv.Run run = ChangeCsv.of(PHQ9, options, groups).run(() -> new StringReader(pairs), new StringWriter());
        if (Boolean.getBoolean("imh.golden.write")) {
            java.nio.file.Files.writeString(java.nio.file.Path.of("src/test/resources" + DIR + expected),
                    CohortReports.toJson(run.cohort()).replace("\"libraryVersion\" : \"" + LibraryVersion.current() + "\"",
                            "\"libraryVersion\" : \"0.1.0-SNAPSHOT\"") + "\n");
        }
        String recorded = resource(expected);
        String version = "\"libraryVersion\" : \"0.1.0-SNAPSHOT\"";
        assertTrue(recorded.contains(version), "recorded file names the version it was written by");
        // the CLI adds the line break after the JSON text
        assertEquals(recorded.replace(version, "\"libraryVersion\" : \"" + LibraryVersion.current() + "\""),
                CohortReports.toJson(run.cohort()) + "\n", expected);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = CohortReportsJsonGoldenTest.class.getResourceAsStream(DIR + name)) {
            assertTrue(in != null, "test resource must exist: " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
