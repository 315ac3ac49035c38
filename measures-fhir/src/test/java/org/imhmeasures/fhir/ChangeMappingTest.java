/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationComponentComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.change.ChangeModel;
import org.imhmeasures.scoring.change.ChangeOptions;
import org.imhmeasures.scoring.change.ChangeResult;
import org.junit.jupiter.api.Test;

class ChangeMappingTest {

    static final Instrument PHQ9 = Catalogue.builtIn().get("PHQ-9");

    static Observation score(String id, String code) {
        Map<String, String> codes = new java.util.LinkedHashMap<>();
        PHQ9.items().forEach(item -> codes.put(item.id(), code));
        Administration administration = Administration.of("PHQ-9", codes);
        QuestionnaireResponse response = ResponseMapping.toResponse(PHQ9, administration,
                Optional.of(new Reference("Patient/p1")));
        response.setId("qr-" + id);
        Observation observation = ScoreMapping.toObservation(PHQ9, (Scored) Scorer.of(PHQ9).score(administration),
                response);
        observation.setId(id);
        return observation;
    }

    /** PHQ-9 from 18 (all items 2) to 0 (all items 0), published parameters. */
    static Observation improvement() {
        ChangeModel model = ChangeModel.published(PHQ9, ChangeOptions.defaults());
        ChangeResult.Assessed change = (ChangeResult.Assessed) model.assess(18, 0);
        return ChangeMapping.toObservation(PHQ9, model.parameters(), change, score("pre", "2"), score("post", "0"));
    }

    private static Map<String, ObservationComponentComponent> components(Observation observation) {
        return observation.getComponent().stream().collect(Collectors.toMap(
                c -> c.getCode().getCodingFirstRep().getCode(), c -> c));
    }

    @Test
    void toObservation_phq9Improvement_carriesChangeParametersAndCategory() {
        Observation observation = improvement();
        assertEquals("phq9-change", observation.getCode().getCodingFirstRep().getCode());
        assertEquals(FhirUris.SCORE_CODES, observation.getCode().getCodingFirstRep().getSystem());
        assertEquals(-18.0, observation.getValueQuantity().getValue().doubleValue(), 1e-9);
        assertEquals(List.of("Observation/pre", "Observation/post"),
                observation.getDerivedFrom().stream().map(Reference::getReference).collect(Collectors.toList()));
        assertEquals("Patient/p1", observation.getSubject().getReference());
        Map<String, ObservationComponentComponent> components = components(observation);
        assertEquals(18.0, components.get("change-pre").getValueQuantity().getValue().doubleValue(), 1e-9);
        assertEquals(0.0, components.get("change-post").getValueQuantity().getValue().doubleValue(), 1e-9);
        assertEquals("reliable-change-improved", components.get("change-reliable-change").getValueCodeableConcept()
                .getCodingFirstRep().getCode());
        assertTrue(components.get("change-category").getValueCodeableConcept().getCodingFirstRep().getCode()
                .startsWith("category-"));
        assertTrue(observation.getMethod().getText().startsWith("reliable change: "));
    }

    @Test
    void toObservation_everyCodeUsed_isInOurCodeSystem() {
        java.util.Set<String> defined = ScoreMapping.codeSystem(Catalogue.builtIn()).getConcept().stream()
                .map(c -> c.getCode()).collect(Collectors.toSet());
        Observation observation = improvement();
        assertTrue(defined.contains(observation.getCode().getCodingFirstRep().getCode()));
        for (ObservationComponentComponent component : observation.getComponent()) {
            assertTrue(defined.contains(component.getCode().getCodingFirstRep().getCode()));
            if (component.hasValueCodeableConcept()) {
                assertTrue(defined.contains(component.getValueCodeableConcept().getCodingFirstRep().getCode()));
            }
        }
    }

    @Test
    void toObservation_scoreWithoutId_isRejected() {
        ChangeModel model = ChangeModel.published(PHQ9, ChangeOptions.defaults());
        ChangeResult.Assessed change = (ChangeResult.Assessed) model.assess(18, 0);
        Observation pre = score("pre", "2");
        pre.setId((String) null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChangeMapping.toObservation(PHQ9, model.parameters(), change, pre, score("post", "0")));
        assertEquals("pre observation must have an id: none", e.getMessage());
    }
}
