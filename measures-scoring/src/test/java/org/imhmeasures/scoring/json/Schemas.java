/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.json;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The published JSON Schemas of {@code docs/json/}, as a validator (networknt, draft 2020-12) reads them. */
final class Schemas {

    /** The folder of the schemas, from the module's directory (where the build runs its tests). */
    static final Path DIR = Path.of("..", "docs", "json");

    static final Schema RESULT = load("result.schema.json");
    static final Schema ADMINISTRATION = load("administration.schema.json");

    private Schemas() {
    }

    static String text(String name) {
        try {
            return Files.readString(DIR.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema load(String name) {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(text(name),
                InputFormat.JSON);
    }

    static void assertValid(Schema schema, JsonNode instance) {
        List<Error> errors = schema.validate(instance);
        assertTrue(errors.isEmpty(), () -> "must match the schema: " + errors + "\n" + instance.toPrettyString());
    }

    static boolean valid(Schema schema, JsonNode instance) {
        return schema.validate(instance).isEmpty();
    }
}
