/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.json;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.imhmeasures.core.instrument.DefinitionException;
import org.imhmeasures.core.instrument.LicenseeNorms;
import org.junit.jupiter.api.Test;

/** {@code docs/norms.schema.json} accepts what {@link LicenseeNorms} reads and refuses what it refuses. */
class NormsSchemaTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Schema schema() throws Exception {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(
                Files.readString(Path.of("..", "docs", "norms.schema.json")), InputFormat.JSON);
    }

    @Test
    void syntheticTestNorms_matchTheSchema_andRead() throws Exception {
        try (InputStream in = NormsSchemaTest.class.getResourceAsStream("/org/imhmeasures/scoring/synthetic-norms.json")) {
            byte[] bytes = in.readAllBytes();
            Schemas.assertValid(schema(), MAPPER.readTree(bytes));
            LicenseeNorms.read(new ByteArrayInputStream(bytes), "synthetic-norms.json");
        }
    }

    @Test
    void documentsTheReaderRefuses_theSchemaRefusesToo() throws Exception {
        String[] bad = {
            "{\"format\":\"imh-measures/norms@1\",\"source\":\"x\",\"instruments\":{}}",
            "{\"format\":\"imh-measures/norms@1\",\"source\":\"x\",\"instruments\":{\"ASQ:SE-2:2m\":{}}}",
            "{\"format\":\"imh-measures/norms@2\",\"source\":\"x\",\"instruments\":{\"A\":{\"bands\":{\"source\":\"s\","
                    + "\"bands\":[{\"label\":\"z\",\"from\":1,\"to\":2}]}}}}",
            "{\"format\":\"imh-measures/norms@1\",\"source\":\"x\",\"extra\":1,\"instruments\":{\"A\":{\"bands\":{"
                    + "\"source\":\"s\",\"bands\":[{\"label\":\"z\",\"from\":1,\"to\":2}]}}}}",
        };
        Schema schema = schema();
        for (String document : bad) {
            JsonNode node = MAPPER.readTree(document);
            assertFalse(Schemas.valid(schema, node), document);
            assertThrows(DefinitionException.class, () -> LicenseeNorms.read(
                    new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)), "n.json"), document);
        }
    }
}
