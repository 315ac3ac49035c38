/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.example.clinic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import org.imhmeasures.fhir.ScoreMapping;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.Scorer;
import org.junit.jupiter.api.Test;

class ClinicTest {

    @Test
    void runsAsANamedModule_withTheLibraryNamedAndHapiOnTheClassPath() {
        assertEquals("org.example.clinic", Clinic.class.getModule().getName());
        assertEquals("org.imhmeasures.scoring", Scorer.class.getModule().getName());
        assertEquals("org.imhmeasures.fhir", ScoreMapping.class.getModule().getName());
        assertFalse(FhirContext.class.getModule().isNamed(), "HAPI must stay on the class path");
    }

    @Test
    void scoresAPhq9() {
        Scored scored = (Scored) Clinic.score();
        assertEquals(13, scored.total().orElseThrow().intValueExact());
        assertEquals("moderate", scored.band().orElseThrow().label());
        assertEquals(1, scored.criticalAlerts().size());
    }

    @Test
    void mapsThePhq9ToAnObservation() {
        String json = Clinic.observationJson();
        assertTrue(json.contains("\"resourceType\":\"Observation\""), json);
        assertTrue(json.contains("44261-6"), json);
        assertTrue(json.contains("\"valueInteger\":13"), json);
    }
}
