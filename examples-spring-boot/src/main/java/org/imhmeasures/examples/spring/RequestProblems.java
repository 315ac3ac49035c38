/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.examples.spring;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A request body that fails its constraints ({@code @KnownInstrument}, {@code @NotNull}) is answered 422 with
 * a problem detail listing each field and the constraint's message (the library's message for its own
 * constraints; never the value).
 */
@RestControllerAdvice
public class RequestProblems {

    /** Created by Spring. */
    public RequestProblems() {
    }

    /**
     * The answer to an invalid request body.
     *
     * @param e the binding failure
     * @return 422 with {@code violations} ({@code path}, {@code message})
     */
    @ExceptionHandler(MethodArgumentNotValidException.class)
    public ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "request must satisfy its constraints: " + e.getBindingResult().getFieldErrorCount() + " violations");
        problem.setType(URI.create("urn:imh-measures:example:invalid-request"));
        List<Map<String, String>> violations = e.getBindingResult().getFieldErrors().stream().map(f -> Map.of(
                "path", f.getField(), "message", String.valueOf(f.getDefaultMessage()))).toList();
        problem.setProperty("violations", violations);
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
