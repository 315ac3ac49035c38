/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.imhmeasures.core.instrument.Catalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code change --definition}: a user's own instrument for the run, and its file never overwritten. */
class ChangeDefinitionCliTest {

    private static Path ownPhq9(Path dir) throws Exception {
        String phq9 = new String(Catalogue.class.getResourceAsStream("catalogue/phq9.json").readAllBytes(),
                StandardCharsets.UTF_8);
        return Files.writeString(dir.resolve("own.json"), phq9.replace("\"id\": \"PHQ-9\"", "\"id\": \"MY-PHQ9\"")
                .replace("phq9_", "myphq9_"));
    }

    @Test
    void definition_addsAnInstrumentForTheRun_unknownWithout(@TempDir Path dir) throws Exception {
        Path own = ownPhq9(dir);
        Path in = Files.writeString(dir.resolve("pairs.csv"), "record_id,pre,post\na,18,8\n");
        Path out = dir.resolve("change.csv");
        CliRun r = CliRun.of("change", "--definition", own.toString(), "--instrument", "MY-PHQ9", "--input",
                in.toString(), "--output", out.toString());
        assertEquals(0, r.status(), r.err() + r.out());
        assertTrue(r.out().contains("MY-PHQ9 "), r.out());
        assertTrue(Files.readAllLines(out).get(1).startsWith("a,18,8,-10,"), Files.readString(out));

        CliRun unknown = CliRun.of("change", "--instrument", "MY-PHQ9", "--input", in.toString(), "--output",
                dir.resolve("other.csv").toString());
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().startsWith("imh-measures: --instrument must be one of [PHQ-9"), unknown.err());
    }

    @Test
    void outputOverTheDefinitionFile_isRefused(@TempDir Path dir) throws Exception {
        Path own = ownPhq9(dir);
        byte[] before = Files.readAllBytes(own);
        Path in = Files.writeString(dir.resolve("pairs.csv"), "record_id,pre,post\na,18,8\n");
        CliRun r = CliRun.of("change", "--definition", own.toString(), "--instrument", "MY-PHQ9", "--input",
                in.toString(), "--output", own.toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("--output must differ from --definition: own.json"), r.err());
        assertArrayEquals(before, Files.readAllBytes(own));
    }
}
