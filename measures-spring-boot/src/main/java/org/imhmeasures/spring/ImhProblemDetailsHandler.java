/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.spring;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers {@link NotScorableException} and {@link SubmissionRejectedException} with their
 * {@link ImhProblemDetails} ({@code application/problem+json}, 422). Registered by the auto-configuration in
 * a servlet web application unless {@code imh-measures.problem-details.enabled=false}.
 *
 * @since 0.1.0
 */
@RestControllerAdvice
public class ImhProblemDetailsHandler {

    /** Created by the auto-configuration. */
    public ImhProblemDetailsHandler() {
    }

    /**
     * The answer to a result that cannot be scored.
     *
     * @param e the exception
     * @return 422 with the problem detail
     */
    @ExceptionHandler(NotScorableException.class)
    public ResponseEntity<ProblemDetail> notScorable(NotScorableException e) {
        return respond(ImhProblemDetails.notScorable(e.result()));
    }

    /**
     * The answer to a rejected submission.
     *
     * @param e the exception
     * @return 422 with the problem detail
     */
    @ExceptionHandler(SubmissionRejectedException.class)
    public ResponseEntity<ProblemDetail> rejected(SubmissionRejectedException e) {
        return respond(ImhProblemDetails.rejected(e.result()));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
