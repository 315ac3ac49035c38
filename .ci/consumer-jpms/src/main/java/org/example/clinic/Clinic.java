/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.example.clinic;

import ca.uhn.fhir.context.FhirContext;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.fhir.ResponseMapping;
import org.imhmeasures.fhir.ScoreMapping;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.ScoreResult;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.Scorer;

/** A named module's use of the library: score a PHQ-9, then map it to a FHIR R4 Observation. */
public final class Clinic {

    private Clinic() {
    }

    /**
     * Scores a sample PHQ-9.
     *
     * @return the result
     */
    public static ScoreResult score() {
        Instrument phq9 = Catalogue.builtIn().get("PHQ-9");
        return Scorer.of(phq9).score(sample());
    }

    /**
     * Scores a sample PHQ-9 and writes its Observation as FHIR JSON.
     *
     * @return the Observation's JSON
     */
    public static String observationJson() {
        Instrument phq9 = Catalogue.builtIn().get("PHQ-9");
        QuestionnaireResponse response = ResponseMapping.toResponse(phq9, sample(),
                Optional.of(new Reference("Patient/123")));
        response.setId("qr-1");
        Scored scored = (Scored) Scorer.of(phq9).score(ResponseMapping.toAdministration(Catalogue.builtIn(),
                response));
        Observation observation = ScoreMapping.toObservation(phq9, scored, response);
        return FhirContext.forR4Cached().newJsonParser().encodeResourceToString(observation);
    }

    /**
     * Prints the total and the Observation.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.out.println(((Scored) score()).total().orElseThrow() + " " + observationJson());
    }

    private static Administration sample() {
        return Administration.of("PHQ-9", Map.of(
                "phq9_1", "2", "phq9_2", "2", "phq9_3", "1", "phq9_4", "3", "phq9_5", "1",
                "phq9_6", "2", "phq9_7", "1", "phq9_8", "0", "phq9_9", "1"));
    }
}
