/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.spring;

import org.imhmeasures.portal.submission.SubmissionResult;

/**
 * Thrown by a controller for a rejected portal submission; the auto-configured handler answers it with
 * {@link ImhProblemDetails#rejected(SubmissionResult.Rejected)} (HTTP 422). The message gives the number of
 * violations and their codes only.
 *
 * @since 0.1.0
 */
public final class SubmissionRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The result; results are immutable, but not serializable. */
    private final transient SubmissionResult.Rejected result;

    /**
     * Creates the exception.
     *
     * @param result the rejection
     */
    public SubmissionRejectedException(SubmissionResult.Rejected result) {
        super("submission must be valid: " + result.violations().size() + " violations " + result.violations()
                .stream().map(v -> v.code()).distinct().toList(), null, false, false);
        this.result = result;
    }

    /**
     * The rejection.
     *
     * @return the rejection with every violation
     */
    public SubmissionResult.Rejected result() {
        return result;
    }
}
