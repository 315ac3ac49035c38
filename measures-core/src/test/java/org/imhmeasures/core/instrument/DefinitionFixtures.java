/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** Builds definition documents for tests by editing a copy of a shipped definition. */
final class DefinitionFixtures {

    private DefinitionFixtures() {
    }

    /** A mutable copy of a built-in definition's JSON tree. */
    static ObjectNode builtInTree(String file) {
        try (InputStream in = Catalogue.class.getResourceAsStream("catalogue/" + file)) {
            return (ObjectNode) InstrumentDefinitions.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The answers-only test fixture (a made-up three-item feedback form), in this package's test resources. */
    static final String ANSWERS_ONLY_FIXTURE = "test-feedback.json";

    /** A mutable copy of a test resource definition's JSON tree. */
    static ObjectNode fixtureTree(String file) {
        try (InputStream in = DefinitionFixtures.class.getResourceAsStream(file)) {
            return (ObjectNode) InstrumentDefinitions.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the answers-only fixture after applying {@code edit} to its tree. */
    static Instrument readAnswersOnly(Consumer<ObjectNode> edit) {
        ObjectNode tree = fixtureTree(ANSWERS_ONLY_FIXTURE);
        edit.accept(tree);
        return read(tree, "edited-" + ANSWERS_ONLY_FIXTURE);
    }

    /** Reads {@code file}'s definition after applying {@code edit} to its tree. */
    static Instrument readEdited(String file, Consumer<ObjectNode> edit) {
        ObjectNode tree = builtInTree(file);
        edit.accept(tree);
        return read(tree, "edited-" + file);
    }

    static Instrument read(JsonNode tree, String name) {
        return read(tree.toString(), name);
    }

    static Instrument read(String json, String name) {
        return InstrumentDefinitions.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), name);
    }
}
