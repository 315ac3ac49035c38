/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Number bombs and size bombs in definitions fail fast with a located {@link DefinitionException} (or an
 * {@link IllegalArgumentException} from the value types), in well under a second, never expanding a huge
 * exponent and never allocating per rating value.
 */
class DefinitionLimitsTest {

    private static final Duration FAST = Duration.ofSeconds(2);

    private static DefinitionException readText(String json) {
        return assertTimeoutPreemptively(FAST, () -> assertThrows(DefinitionException.class,
                () -> DefinitionFixtures.read(json, "bomb.json")));
    }

    private static String phq9() {
        return DefinitionFixtures.builtInTree("phq9.json").toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e-999999999", "1e999999999", "-1e999999999", "0.1234567", "1e-7", "0e-999999999",
        "123456789012", "1e10"})
    void read_hugeExponentOrTooPreciseCutoff_failsFastAndLocated(String number) {
        String json = phq9().replace("\"threshold\":10", "\"threshold\":" + number);
        assertTrue(json.contains(number), "fixture edit must apply");
        DefinitionException e = readText(json);
        assertEquals("caseness.threshold", e.field(), e.getMessage());
        assertTrue(e.getMessage().length() < 300, e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e-999999999", "1e999999999", "4.0000001"})
    void read_hugeExponentInBand_failsFastAndLocated(String number) {
        String json = phq9().replaceFirst("\"from\":5", "\"from\":" + number);
        assertTrue(json.contains(number), "fixture edit must apply");
        DefinitionException e = readText(json);
        assertTrue(e.field().startsWith("bands.bands["), e.getMessage());
        assertTrue(e.getMessage().length() < 300, e.getMessage());
    }

    @Test
    void read_sixDecimalPlacesAndExponentsWithinBounds_areAccepted() {
        Instrument i = DefinitionFixtures.readEdited("phq9.json", tree -> ((ObjectNode) tree.get("caseness"))
                .put("threshold", new BigDecimal("1.000000")));
        assertEquals(0, BigDecimal.ONE.compareTo(i.caseness().orElseThrow().threshold()));
    }

    @Test
    void read_ratingOfAMillionValues_isRefusedBeforeAnyTableIsBuilt() {
        DefinitionException e = assertTimeoutPreemptively(FAST, () -> assertThrows(DefinitionException.class,
                () -> DefinitionFixtures.readEdited("pirgas.json", tree -> {
                    ((ObjectNode) tree.get("responseScales").get("global_rating").get("rating")).put("max",
                            999_999_999);
                    ((ObjectNode) tree.get("totalRange")).put("max", 999_999_999);
                })));
        assertTrue(e.getMessage().contains("rating of item pirgas_1 must span at most 1001 values: 1..999999999"),
                e.getMessage());
    }

    @Test
    void read_scoreBeyondLimit_isRefused() {
        DefinitionException e = failingPhq9(tree -> ((ObjectNode) tree.get("responseScales").get("frequency")
                .get("options").get(3)).put("score", 1_000_000));
        assertTrue(e.getMessage().contains("scores of item phq9_1 must lie within -1000..1000: 0..1000000"),
                e.getMessage());
    }

    @Test
    void read_numericCodeBeyondLimit_isRefused() {
        DefinitionException e = failingPhq9(tree -> ((ObjectNode) tree.get("responseScales").get("frequency")
                .get("options").get(3)).put("code", "999999"));
        assertTrue(e.getMessage().contains("numeric option codes of item phq9_1 must lie within -1000..1000: 999999"),
                e.getMessage());
    }

    @Test
    void read_tooManyItems_isRefused() {
        DefinitionException e = failingPhq9(tree -> {
            ArrayNode items = (ArrayNode) tree.get("items");
            ObjectNode template = (ObjectNode) items.get(0);
            items.removeAll();
            for (int i = 1; i <= Instrument.MAX_ITEMS + 1; i++) {
                items.add(template.deepCopy().put("id", "phq9_" + i).put("position", i));
            }
        });
        assertTrue(e.getMessage().contains("items of PHQ-9 must number at most 500: 501"), e.getMessage());
    }

    @Test
    void valueTypes_hugeExponent_failFastWithoutPrintingTheValue() {
        for (String text : List.of("1e-999999999", "1e999999999")) {
            BigDecimal bomb = new BigDecimal(text);
            IllegalArgumentException e = assertTimeoutPreemptively(FAST, () -> assertThrows(
                    IllegalArgumentException.class, () -> new Band("mild", bomb, BigDecimal.TEN)));
            assertEquals("band from must be below 1e12 with at most 12 decimal places: out of bounds", e.getMessage());
            assertTimeoutPreemptively(FAST, () -> assertThrows(IllegalArgumentException.class,
                    () -> ScoreRange.of(BigDecimal.ZERO, bomb)));
            assertTimeoutPreemptively(FAST, () -> assertThrows(IllegalArgumentException.class,
                    () -> new Cutoff(bomb, Cutoff.Comparison.AT_LEAST, "case", Source.of("test"))));
            assertTimeoutPreemptively(FAST, () -> assertThrows(IllegalArgumentException.class,
                    () -> new Norm("sample", Norm.Role.FUNCTIONAL, java.util.OptionalInt.empty(), BigDecimal.ONE,
                            bomb, Source.of("test"))));
        }
    }

    @Test
    void show_neverExpandsAHugeNumber() {
        String shown = assertTimeoutPreemptively(FAST, () -> Decimals.show(new BigDecimal("1e-999999999")));
        assertTrue(shown.length() < 60, shown);
        assertFalse(shown.contains("0000000000"), shown);
        assertEquals("2.5", Decimals.show(new BigDecimal("2.5")));
    }

    private static DefinitionException failingPhq9(java.util.function.Consumer<ObjectNode> edit) {
        return assertTimeoutPreemptively(FAST, () -> assertThrows(DefinitionException.class,
                () -> DefinitionFixtures.readEdited("phq9.json", edit)));
    }

    @Test
    void limits_holdForTheWholeCatalogue() {
        for (Instrument instrument : Catalogue.builtIn().instruments()) {
            assertTrue(instrument.items().size() <= Instrument.MAX_ITEMS, instrument.id());
            assertTrue(instrument.subscales().size() <= Instrument.MAX_SUBSCALES, instrument.id());
        }
    }

    /**
     * Found by DefinitionFuzzTest: a long string quoted in a problem (an item id of 20,001 characters, an
     * enum value, an unknown field name in the path) went into the message whole. Path and problem are cut.
     */
    @Test
    void read_longStringsInValuesOrFieldNames_giveAShortMessage() {
        String longText = "x".repeat(20_000);
        DefinitionException id = failingPhq9(tree -> ((ObjectNode) tree.get("items").get(3)).put("id", longText));
        assertEquals("items[3]", id.field());
        assertTrue(id.getMessage().startsWith("edited-phq9.json: items[3]: item id must look like key_n: xxx"),
                id.getMessage());
        assertTrue(id.getMessage().length() < 600, id.getMessage().length() + " characters");
        assertTrue(id.getMessage().endsWith("... (20030 characters)"), id.getMessage());
        DefinitionException respondent = failingPhq9(tree -> tree.put("respondent", longText));
        assertTrue(respondent.getMessage().length() < 600, respondent.getMessage().length() + " characters");
        DefinitionException field = failingPhq9(tree -> ((ObjectNode) tree.get("scoring")).put(longText, 1));
        assertTrue(field.getMessage().length() < 800, field.getMessage().length() + " characters");
        assertTrue(field.field().length() < 250, field.field().length() + " characters");
        for (String shift : List.of("", "x")) {
            // a surrogate pair never cut in half, whichever character the cut falls on
            String emoji = shift + "\uD83D\uDE42".repeat(400);
            String message = failingPhq9(tree -> tree.put("respondent", emoji)).getMessage();
            assertTrue(message.length() < 800, message.length() + " characters");
            for (int i = 0; i < message.length(); i++) {
                char c = message.charAt(i);
                assertTrue(!Character.isHighSurrogate(c) || i + 1 < message.length()
                        && Character.isLowSurrogate(message.charAt(i + 1)), "lone high surrogate at " + i);
                assertTrue(!Character.isLowSurrogate(c) || i > 0 && Character.isHighSurrogate(message.charAt(i - 1)),
                        "lone low surrogate at " + i);
            }
        }
    }

    /**
     * Found by DefinitionFuzzTest: a decimal whose exponent does not fit in an int made Jackson throw a bare
     * {@code NumberFormatException} (quoting the number) out of {@code InstrumentDefinitions.read}.
     */
    @ParameterizedTest
    @ValueSource(strings = {"1e99999999921", "-1e-99999999921", "1E+2147483648"})
    void read_exponentBeyondAnInt_isLocatedDefinitionException(String number) {
        String json = phq9().replace("\"threshold\":10", "\"threshold\":" + number);
        assertTrue(json.contains(number), "fixture edit must apply");
        DefinitionException e = readText(json);
        assertTrue(e.field().matches("line 1, column \\d+"), e.getMessage());
        assertEquals("bomb.json: " + e.field() + ": numbers must have an exponent that fits in 32 bits: larger",
                e.getMessage());
        assertFalse(e.getMessage().contains(number.substring(3)), e.getMessage());
    }
}
