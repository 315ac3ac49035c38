/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.examples.spring;

import jakarta.validation.Valid;
import java.util.List;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.portal.submission.SubmissionResult;
import org.imhmeasures.portal.submission.SubmissionValidator;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.NotScorable;
import org.imhmeasures.scoring.ScoreResult;
import org.imhmeasures.spring.NotScorableException;
import org.imhmeasures.spring.ScorerCache;
import org.imhmeasures.spring.SubmissionRejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The portal backend's endpoints; the beans come from the imh-measures auto-configuration. */
@RestController
public class PortalController {

    private final Catalogue catalogue;
    private final ScorerCache scorers;
    private final SubmissionValidator submissions;

    /**
     * Creates the controller.
     *
     * @param catalogue the application's instruments
     * @param scorers the shared scorers
     * @param submissions the submission validator
     */
    public PortalController(Catalogue catalogue, ScorerCache scorers, SubmissionValidator submissions) {
        this.catalogue = catalogue;
        this.scorers = scorers;
        this.submissions = submissions;
    }

    /**
     * One instrument of the catalogue, as listed by {@code GET /instruments}.
     *
     * @param id the instrument id
     * @param name the instrument's name
     * @param definitionVersion the version of its definition
     */
    public record InstrumentSummary(String id, String name, String definitionVersion) {
    }

    /**
     * The accepted submission's scores, one per administration in submission order.
     *
     * @param status always {@code accepted}
     * @param scores the results, in the library's JSON form
     */
    public record Accepted(String status, List<ScoreResult> scores) {
    }

    /**
     * The instruments a client may score or submit.
     *
     * @return every instrument of the catalogue
     */
    @GetMapping("/instruments")
    public List<InstrumentSummary> instruments() {
        return catalogue.instruments().stream().map(i -> new InstrumentSummary(i.id(), i.name(), i
                .definitionVersion())).toList();
    }

    /**
     * Scores one administration given as codes: 200 with the {@code Scored} result, or 422 with a problem
     * detail (and the critical-item alerts) when it cannot be scored.
     *
     * @param request the instrument and answers
     * @return the result
     */
    // copied to README "Use it from Spring Boot"
    @PostMapping("/score")
    public ScoreResult score(@Valid @RequestBody ScoreRequest request) {
        ScoreResult result = scorers.score(Administration.of(request.instrument(), request.answers())).orElseThrow();
        if (result instanceof NotScorable notScorable) {
            throw new NotScorableException(notScorable); // 422 application/problem+json
        }
        return result; // 200 {"format":"imh-measures/result@1","status":"scored",...}
    }

    /**
     * Validates and scores a portal submission: 201 with the scores, or 422 with every violation.
     *
     * @param body the submission document, UTF-8 JSON
     * @return the scores
     */
    @PostMapping(path = "/submissions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public Accepted submit(@RequestBody byte[] body) {
        SubmissionResult result = submissions.validate(body);
        if (result instanceof SubmissionResult.Rejected rejected) {
            throw new SubmissionRejectedException(rejected);
        }
        return new Accepted("accepted", ((SubmissionResult.Accepted) result).scores());
    }
}
