/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.Scorer;
import org.junit.jupiter.api.Test;

/** The example in docs/fhir.md, kept compiling and passing here. */
class DocsExampleTest {

    @Test
    void docsExample_runs() {
        Administration administration = Administration.of("PHQ-9", Map.of("phq9_1", "2", "phq9_2", "2",
                "phq9_3", "1", "phq9_4", "3", "phq9_5", "0", "phq9_6", "1", "phq9_7", "2", "phq9_8", "0", "phq9_9", "0"));
        String json = "";
        // --- docs/fhir.md example begins
        Instrument phq9 = Catalogue.builtIn().get("PHQ-9");
        Questionnaire form = QuestionnaireMapping.toQuestionnaire(phq9);          // publish once
        QuestionnaireResponse response = ResponseMapping.toResponse(phq9, administration,
                Optional.of(new Reference("Patient/123")));                     // host's own patient id
        response.setId("qr-1");
        // inbound: any QR from a form renderer; problems throw a typed FhirMappingException with the path
        Administration inbound = ResponseMapping.toAdministration(Catalogue.builtIn(), response);
        if (Scorer.of(phq9).score(inbound) instanceof Scored scored) {
            Observation observation = ScoreMapping.toObservation(phq9, scored, response);
            json = FhirContext.forR4Cached().newJsonParser().encodeResourceToString(observation);
        }
        // --- docs/fhir.md example ends
        assertEquals("https://imh-measures.org/fhir/Questionnaire/phq9", form.getUrl());
        assertEquals(administration, inbound);
        assertTrue(json.contains("\"valueInteger\":11"), json);
    }

    /** README.md and docs/fhir.md show exactly the region above, so the documented example compiles. */
    @Test
    void docsExample_isCopiedVerbatimIntoReadmeAndDocs() throws java.io.IOException {
        java.nio.file.Path root = java.nio.file.Path.of("").toAbsolutePath().getParent();
        java.util.List<String> source = java.nio.file.Files.readAllLines(root.resolve(
                "measures-fhir/src/test/java/org/imhmeasures/fhir/DocsExampleTest.java"));
        int start = source.indexOf("        // --- docs/fhir.md example begins");
        int end = source.indexOf("        // --- docs/fhir.md example ends");
        assertTrue(start > 0 && end > start, "region markers");
        String region = String.join("\n", source.subList(start + 1, end).stream()
                .map(line -> line.length() >= 8 ? line.substring(8) : line.strip()).toList());
        for (String doc : java.util.List.of("README.md", "docs/fhir.md")) {
            assertTrue(java.nio.file.Files.readString(root.resolve(doc)).contains("```java\n" + region + "\n```"),
                    doc + " must contain the example region verbatim");
        }
    }
}
