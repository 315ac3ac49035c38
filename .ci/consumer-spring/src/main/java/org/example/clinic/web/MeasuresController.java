/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.example.clinic.web;

import ca.uhn.fhir.context.FhirContext;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.fhir.FhirScoring;
import org.imhmeasures.scoring.NotScorable;
import org.imhmeasures.scoring.ScoreResult;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.ScoringOptions;
import org.imhmeasures.scoring.json.AdministrationJsonException;
import org.imhmeasures.scoring.json.AdministrationRequest;
import org.imhmeasures.spring.NotScorableException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Scores what the record system stores, and turns a form renderer's QuestionnaireResponse into an Observation. */
@RestController
public class MeasuresController {

    private static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

    private final Catalogue catalogue;
    private final FhirScoring fhir;

    /**
     * Creates the controller.
     *
     * @param catalogue the instruments, from the auto-configuration
     */
    public MeasuresController(Catalogue catalogue) {
        this.catalogue = catalogue;
        this.fhir = FhirScoring.of(catalogue);
    }

    /**
     * Scores one administration document ({@code imh-measures} administration JSON): the record system says
     * whether its answers are option codes or stored item scores ({@code answerKind}).
     *
     * @param body the document
     * @return the {@code Scored} result as JSON (the library's {@code imh-measures/result@1} form)
     * @throws AdministrationJsonException when the document is not one (400 would be the host's choice)
     */
    @PostMapping(path = "/scores", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ScoreResult score(@RequestBody String body) throws AdministrationJsonException {
        AdministrationRequest request = AdministrationRequest.parse(body);
        Instrument instrument = catalogue.find(request.administration().instrumentId())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such instrument"));
        // built per request to honour its answer kind; a host scoring one kind would keep one Scorer
        Scorer scorer = Scorer.of(instrument, request.options(ScoringOptions.defaults()));
        ScoreResult result = scorer.score(request.administration());
        if (result instanceof NotScorable notScorable) {
            throw new NotScorableException(notScorable); // 422 problem detail, alerts kept
        }
        return result;
    }

    /**
     * Scores a QuestionnaireResponse (ours, or LOINC's own form) in one call.
     *
     * @param response the QuestionnaireResponse JSON
     * @return 201 with the Observation, or 422 with an OperationOutcome
     */
    @PostMapping(path = "/fhir/observations", consumes = {"application/fhir+json", "application/json"})
    public ResponseEntity<String> observe(@RequestBody byte[] response) {
        FhirScoring.Outcome outcome = fhir.score(response);
        FhirContext context = FhirContext.forR4Cached();
        if (outcome instanceof FhirScoring.Observed observed) {
            return ResponseEntity.status(HttpStatus.CREATED).contentType(FHIR_JSON)
                    .body(context.newJsonParser().encodeResourceToString(observed.observation()));
        }
        FhirScoring.Refused refused = (FhirScoring.Refused) outcome;
        return ResponseEntity.unprocessableEntity().contentType(FHIR_JSON)
                .body(context.newJsonParser().encodeResourceToString(refused.operationOutcome()));
    }
}
