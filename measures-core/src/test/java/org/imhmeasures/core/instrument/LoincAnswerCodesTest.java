/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** LOINC answer codes ({@code loincAnswer}) on options and unscored LOINC panel items. */
class LoincAnswerCodesTest {

    private static final List<String> FREQUENCY_LA = List.of("LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9");

    private static List<String> loincAnswers(Instrument instrument, String itemId) {
        ResponseScale.Options options = (ResponseScale.Options) instrument.item(itemId).orElseThrow().scale();
        return options.options().stream().map(o -> o.loincAnswer().orElse("none")).toList();
    }

    @Test
    void builtIn_phq9AndGad7_carryTheLoincFrequencyAnswersInCodeOrder() {
        Catalogue catalogue = Catalogue.builtIn();
        for (Item item : catalogue.get("PHQ-9").items()) {
            assertEquals(FREQUENCY_LA, loincAnswers(catalogue.get("PHQ-9"), item.id()), item.id());
        }
        for (Item item : catalogue.get("GAD-7").items()) {
            assertEquals(FREQUENCY_LA, loincAnswers(catalogue.get("GAD-7"), item.id()), item.id());
        }
        assertEquals(List.of("69722-7"), catalogue.get("PHQ-9").codes().loincUnscoredItems());
        assertEquals(List.of(), catalogue.get("GAD-7").codes().loincUnscoredItems());
    }

    @Test
    void builtIn_instrumentsWithoutASource_haveNoLoincAnswers() {
        for (Instrument instrument : Catalogue.builtIn().instruments()) {
            if (List.of("PHQ-9", "GAD-7", "PHQ-2", "GAD-2").contains(instrument.id())) {
                continue;
            }
            for (Item item : instrument.items()) {
                if (item.scale() instanceof ResponseScale.Options options) {
                    assertTrue(options.options().stream().allMatch(o -> o.loincAnswer().isEmpty()),
                            instrument.id() + " " + item.id());
                }
            }
        }
    }

    @Test
    void read_malformedLoincAnswer_isLocated() {
        DefinitionException e = assertThrows(DefinitionException.class, () -> DefinitionFixtures.readEdited(
                "phq9.json", tree -> ((ObjectNode) tree.get("responseScales").get("frequency").get("options").get(1))
                        .put("loincAnswer", "6569-3")));
        assertTrue(e.getMessage().startsWith("edited-phq9.json: responseScales.frequency.options[1]"), e.getMessage());
        assertTrue(e.getMessage().contains("loinc answer code must look like LAnnnn-n: 6569-3"), e.getMessage());
    }

    @Test
    void read_repeatedLoincAnswerOnOneScale_isRefused() {
        DefinitionException e = assertThrows(DefinitionException.class, () -> DefinitionFixtures.readEdited(
                "phq9.json", tree -> ((ObjectNode) tree.get("responseScales").get("frequency").get("options").get(1))
                        .put("loincAnswer", "LA6568-5")));
        assertTrue(e.getMessage().contains("option loinc answer codes must be unique: LA6568-5"), e.getMessage());
    }

    @Test
    void read_unscoredItemThatIsScored_isRefused() {
        DefinitionException e = assertThrows(DefinitionException.class, () -> DefinitionFixtures.readEdited(
                "phq9.json", tree -> ((ObjectNode) tree.get("codes")).putArray("loincUnscoredItems").add("44260-8")));
        assertTrue(e.getMessage().contains("loinc unscored items must not be scored items"), e.getMessage());
    }

    @Test
    void option_copies_keepTheLoincAnswer() {
        AnswerOption option = AnswerOption.of("0", 0).withLoincAnswer("LA6568-5").withLabel("Not at all");
        assertEquals(Optional.of("LA6568-5"), option.loincAnswer());
        assertEquals(Optional.of("Not at all"), option.label());
        assertEquals(Optional.empty(), new AnswerOption("0", 0, Optional.empty()).loincAnswer());
    }
}
