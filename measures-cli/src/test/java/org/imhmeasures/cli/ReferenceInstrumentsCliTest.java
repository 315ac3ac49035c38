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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Instruments listed for reference only (issue 13): shown with their omissions, refused with the reason. */
class ReferenceInstrumentsCliTest {

    @Test
    void instrumentsJson_listsReferencesAsNotScorableWithTheirOmissions() throws Exception {
        CliRun r = CliRun.of("instruments", "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode all = new ObjectMapper().readTree(r.out());
        JsonNode mors = null;
        for (JsonNode entry : all) {
            assertTrue(entry.has("scorable"), entry.get("id").asText());
            if (entry.get("id").asText().equals("MORS-SF")) {
                mors = entry;
            } else if (entry.get("id").asText().equals("PHQ-9")) {
                assertTrue(entry.get("scorable").asBoolean());
            }
        }
        assertTrue(mors != null, "MORS-SF listed");
        assertFalse(mors.get("scorable").asBoolean());
        assertEquals(14, mors.get("items").get("count").asInt());
        assertEquals("[1,3,4,6,8,11]", mors.get("groups").get(0).get("items").toString());
        assertTrue(mors.get("notScorableBecause").asText().contains("unconfirmed"));
        assertTrue(mors.get("omissions").size() >= 3);
        assertFalse(mors.has("range"), "no scoring fields on a reference");
        assertFalse(mors.get("licence").get("wordingShipped").asBoolean());
    }

    @Test
    void instrumentsTable_endsWithTheReferences() {
        CliRun r = CliRun.of("instruments");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("Listed for reference only"), r.out());
        assertTrue(r.out().contains("MORS-SF  1.0.0"), r.out());
    }

    @Test
    void scoreOfAReference_isAOneLineUsageErrorThatSaysWhy(@TempDir Path dir) throws Exception {
        Path in = Files.writeString(dir.resolve("in.csv"), "record_id,mors_1\na,1\n");
        Path out = dir.resolve("out.csv");
        CliRun r = CliRun.of("score", "--instrument", "MORS-SF", "--input", in.toString(), "--output", out.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--instrument MORS-SF is listed for reference only and cannot be scored"), r.err());
        assertTrue(r.err().contains("unconfirmed"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void mappingFileNamingAReference_isALocatedError(@TempDir Path dir) throws Exception {
        Path map = Files.writeString(dir.resolve("map.json"), "{\"format\":\"imh-measures/mapping@1\",\"recordId\":"
                + "\"id\",\"instruments\":{\"MORS-SF\":{\"items\":{}}}}");
        Path in = Files.writeString(dir.resolve("in.csv"), "id,x\na,1\n");
        CliRun r = CliRun.of("score", "--map", map.toString(), "--input", in.toString(), "--instruments", "all",
                "--output-dir", dir.resolve("out").toString());
        assertTrue(r.status() != 0, r.err());
        assertTrue(r.err().contains("map.json"), r.err());
        assertTrue(r.err().contains("listed for reference only"), r.err());
    }
}
