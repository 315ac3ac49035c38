/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.portal.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link TeamName}: display names with spaces, bounded, no control characters, never echoed. */
class TeamNameTest {

    @Test
    void of_spacesAndPunctuationAndAnyScript_areAccepted_whitespaceNormalised() {
        assertEquals("North IMH Team", TeamName.of("  North \u00a0 IMH   Team ").value());
        assertEquals("Équipe Sud – Périnatalité", TeamName.of("Équipe Sud – Périnatalité").value());
        assertEquals("Team 2 (0-2s)", TeamName.of("Team 2 (0-2s)").value());
        assertEquals(TeamName.of("North  Team"), TeamName.of("North Team"));
        assertEquals(TeamName.MAX_LENGTH, TeamName.of("x".repeat(TeamName.MAX_LENGTH)).value().length());
    }

    @Test
    void of_brokenRules_areRefused_withoutTheValue() {
        String planted = "Quartermaine";
        for (String bad : new String[] {"", "   ", planted + "\u0000", planted + "\tTeam", planted + "\nTeam", planted + "\u200b", planted + "\u202e",
            planted + "x".repeat(TeamName.MAX_LENGTH), "2024-01-01", "9434765919", planted + " 943-476-5919",
            planted + " 943/476/5919"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TeamName.of(bad), bad);
            assertFalse(e.getMessage().contains(planted) || e.getMessage().contains("5919"), e.getMessage());
            assertTrue(e.getMessage().startsWith("team name must "), e.getMessage());
            assertFalse(TeamName.isValid(bad), bad);
        }
        assertFalse(TeamName.isValid(null));
    }

    @Test
    void toString_showsTheLengthOnly() {
        TeamName name = TeamName.of("Quartermaine Team");
        assertEquals("TeamName[17 characters]", name.toString());
    }
}
