/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.imhmeasures.core.risk.RiskTaxonomy;
import org.junit.jupiter.api.Test;

/**
 * The definition reader and the data-file reader share the project's one JSON configuration: both refuse
 * duplicate keys and content after the document (the data-file reader did not refuse trailing content before).
 */
class DefinitionJsonConfigTest {

    private static String phq9() {
        return DefinitionFixtures.builtInTree("phq9.json").toString();
    }

    @Test
    void read_trailingContentAfterDefinition_fails() {
        DefinitionException e = assertThrows(DefinitionException.class,
                () -> DefinitionFixtures.read(phq9() + " {}", "trailing.json"));
        assertTrue(e.getMessage().contains("well-formed JSON"), e.getMessage());
    }

    @Test
    void read_duplicateKey_fails() {
        String json = phq9().replaceFirst("\\{", "{\"id\":\"PHQ-9\",");
        DefinitionException e = assertThrows(DefinitionException.class,
                () -> DefinitionFixtures.read(json, "duplicate.json"));
        assertTrue(e.getMessage().contains("well-formed JSON"), e.getMessage());
    }

    @Test
    void riskTaxonomy_trailingContent_fails() throws Exception {
        String taxonomy;
        try (var in = RiskTaxonomy.class.getResourceAsStream("risk-taxonomy.json")) {
            taxonomy = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThrows(DefinitionException.class, () -> RiskTaxonomy.read(new ByteArrayInputStream((taxonomy + "[]")
                .getBytes(StandardCharsets.UTF_8)), "trailing.json"));
    }
}
