/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** No redaction rule lets an NHS number, a date of birth or a capitalised name pass as a code or name. */
class RedactionTest {

    private static final List<String> IDENTIFIERS = List.of("9434765919", "943 476 5919", "943-476-5919",
            "943.476.5919", "943_476_5919", "1987-03-14", "14/03/1987", "14.03.1987", "14-03-87", "19870314",
            "Quartermaine", "Jane Smith", "JaneSmith", "14.03", "1987", "٣٠", "２０");

    private static final List<UnaryOperator<String>> RULES = List.of(Redaction::answer, Redaction::itemId,
            Redaction::instrumentId, Redaction::name);

    @Test
    void everyRule_identifierShapes_areDescribedByLengthOnly() {
        for (UnaryOperator<String> rule : RULES) {
            for (String identifier : IDENTIFIERS) {
                String shown = rule.apply(identifier);
                assertTrue(shown.startsWith("<value of "), identifier + " passed as " + shown);
            }
        }
    }

    @Test
    void codesIdsAndNames_areEchoed() {
        assertEquals("7", Redaction.answer(" 7 "));
        assertEquals("101", Redaction.answer("101"));
        assertEquals("phq9_10", Redaction.itemId("phq9_10"));
        assertEquals("CORE-10", Redaction.instrumentId("CORE-10"));
        assertEquals("record_id", Redaction.name("record_id"));
        assertEquals("nhs", Redaction.name("nhs"));
        assertEquals("subscale:anxiety", Redaction.name("subscale:anxiety"));
    }
}
