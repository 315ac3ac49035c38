/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstrumentDefinitionsTest {

    private static DefinitionException failing(Consumer<ObjectNode> edit) {
        return assertThrows(DefinitionException.class, () -> DefinitionFixtures.readEdited("phq9.json", edit));
    }

    private static void assertLocated(DefinitionException e, String field, String messagePart) {
        assertEquals("edited-phq9.json", e.file());
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().startsWith("edited-phq9.json: " + field), e.getMessage());
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    }

    @Test
    void read_unchangedBuiltIn_roundTripsToEqualInstrument() {
        Instrument edited = DefinitionFixtures.readEdited("phq9.json", tree -> { });
        assertEquals(Catalogue.builtIn().get("PHQ-9"), edited);
    }

    @Test
    void read_unknownField_namesField() {
        DefinitionException e = failing(tree -> tree.put("cutof", 10));
        assertLocated(e, "cutof", "unknown");
    }

    @Test
    void read_missingRequiredField_namesField() {
        DefinitionException e = failing(tree -> tree.remove("direction"));
        assertLocated(e, "direction", "must be present");
    }

    @Test
    void read_wrongTypeDeepInside_namesPath() {
        DefinitionException e = failing(tree -> ((ObjectNode) tree.get("items").get(8).get("critical"))
                .put("minScore", "one"));
        assertLocated(e, "items[8].critical.minScore", "must be a whole number: \"one\"");
    }

    @Test
    void read_optionScoreNotANumber_namesPath() {
        DefinitionException e = failing(tree -> ((ObjectNode) tree.get("responseScales").get("frequency")
                .get("options").get(2)).put("score", 2.5));
        assertLocated(e, "responseScales.frequency.options[2].score", "whole number");
    }

    @Test
    void read_bandOutsideRange_namesBandsAndRule() {
        DefinitionException e = failing(tree -> ((ObjectNode) tree.get("bands").get("bands").get(4)).put("to", 30));
        assertEquals("", e.field(), "an instrument-level rule is located at the document root");
        assertTrue(e.getMessage().contains("band severe of total of PHQ-9 must lie within 0..27: 20..30"),
                e.getMessage());
    }

    @Test
    void read_overlappingBands_fails() {
        DefinitionException e = failing(tree -> ((ObjectNode) tree.get("bands").get("bands").get(1)).put("from", 4));
        assertLocated(e, "bands", "must start above the end of band minimal: 4 <= 4");
    }

    @Test
    void read_rangeDisagreeingWithItems_fails() {
        DefinitionException e = failing(tree -> ((ObjectNode) tree.get("totalRange")).put("max", 28));
        assertTrue(e.getMessage().contains("total range of PHQ-9 must be 0..27: 0..28"), e.getMessage());
    }

    @Test
    void read_itemIdNotMatchingKeyAndPosition_fails() {
        DefinitionException e = failing(tree -> ((ObjectNode) tree.get("items").get(2)).put("id", "phq9_4"));
        assertTrue(e.getMessage().contains("item id at position 3 must be phq9_3: phq9_4"), e.getMessage());
    }

    @Test
    void read_unknownScaleName_namesItemField() {
        DefinitionException e = failing(tree -> ((ObjectNode) tree.get("items").get(0)).put("scale", "freq"));
        assertLocated(e, "items[0].scale", "must name an entry of responseScales [frequency]: \"freq\"");
    }

    @Test
    void read_duplicateOptionCode_namesScale() {
        DefinitionException e = failing(tree -> ((ObjectNode) tree.get("responseScales").get("frequency")
                .get("options").get(1)).put("code", "0"));
        assertLocated(e, "responseScales.frequency", "option codes must be unique: 0");
    }

    @Test
    void read_cutoffWithoutSource_namesField() {
        DefinitionException e = failing(tree -> ((ObjectNode) tree.get("caseness")).remove("source"));
        assertLocated(e, "caseness.source", "must be present");
    }

    @Test
    void read_unknownEnumValue_listsAllowed() {
        DefinitionException e = failing(tree -> tree.put("direction", "up"));
        assertLocated(e, "direction", "[higher_is_better, higher_is_worse]: \"up\"");
    }

    @Test
    void read_wrongFormatTag_fails() {
        DefinitionException e = failing(tree -> tree.put("format", "imh-measures/instrument@2"));
        assertLocated(e, "format", "must be imh-measures/instrument@1");
    }

    @Test
    void read_itemsNotAnArray_fails() {
        DefinitionException e = failing(tree -> tree.put("items", "all of them"));
        assertLocated(e, "items", "must be an array");
    }

    @Test
    void read_itemElementNotObject_namesIndex() {
        DefinitionException e = failing(tree -> ((ArrayNode) tree.get("items")).set(3, tree.textNode("x")));
        assertLocated(e, "items[3]", "element must be an object");
    }

    @Test
    void read_malformedJson_namesLine() {
        DefinitionException e = assertThrows(DefinitionException.class,
                () -> DefinitionFixtures.read("{\n  \"id\": \"X\",\n  oops\n}", "broken.json"));
        assertEquals("broken.json", e.file());
        assertTrue(e.field().startsWith("line 3"), e.field());
        assertTrue(e.getMessage().contains("must be well-formed JSON"), e.getMessage());
    }

    @Test
    void read_duplicateKey_fails() {
        DefinitionException e = assertThrows(DefinitionException.class,
                () -> DefinitionFixtures.read("{\"id\": \"A\", \"id\": \"B\"}", "dup.json"));
        assertTrue(e.getMessage().contains("well-formed JSON"), e.getMessage());
    }

    @Test
    void read_emptyDocument_fails() {
        DefinitionException e = assertThrows(DefinitionException.class, () -> DefinitionFixtures.read("", "empty.json"));
        assertTrue(e.getMessage().startsWith("empty.json: "), e.getMessage());
    }

    @Test
    void read_deeplyNestedDocument_failsCleanly() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        DefinitionException e = assertThrows(DefinitionException.class, () -> DefinitionFixtures.read(deep, "deep.json"));
        assertTrue(e.getMessage().contains("well-formed JSON"), e.getMessage());
    }

    @Test
    void read_hugeNumber_failsCleanly() {
        DefinitionException e = failing(tree -> ((ObjectNode) tree.get("caseness")).put("threshold",
                new java.math.BigDecimal("1e400")));
        assertTrue(e.getMessage().contains("caseness.threshold"), e.getMessage());
    }

    @Test
    void read_userInstrumentFromFile_loadsAndJoinsCatalogue(@TempDir Path dir) throws Exception {
        ObjectNode tree = DefinitionFixtures.builtInTree("phq9.json");
        tree.put("id", "PHQ-9-LOCAL");
        ArrayNode items = (ArrayNode) tree.get("items");
        for (int i = 0; i < items.size(); i++) {
            ((ObjectNode) items.get(i)).put("id", "phq9local_" + (i + 1));
        }
        ((ObjectNode) tree.get("codes")).remove("loincItems");
        Path file = dir.resolve("local.json");
        Files.writeString(file, tree.toString());
        Instrument local = InstrumentDefinitions.read(file);
        Catalogue catalogue = Catalogue.builtIn().with(local);
        assertEquals("phq9local_9", catalogue.get("PHQ-9-LOCAL").items().get(8).id());
        assertEquals(Catalogue.builtIn().instruments().size() + 1, catalogue.instruments().size());
    }

    @Test
    void read_missingFile_failsWithFileName(@TempDir Path dir) {
        DefinitionException e = assertThrows(DefinitionException.class,
                () -> InstrumentDefinitions.read(dir.resolve("absent.json")));
        assertEquals("absent.json", e.file());
    }
}
