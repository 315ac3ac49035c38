/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.spring;

import org.imhmeasures.scoring.NotScorable;

/**
 * Thrown by a controller for an administration that cannot be scored; the auto-configured handler answers
 * it with {@link ImhProblemDetails#notScorable(NotScorable)} (HTTP 422). The message names the instrument and
 * the problem codes only.
 *
 * @since 0.1.0
 */
public final class NotScorableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The result; results are immutable, but not serializable. */
    private final transient NotScorable result;

    /**
     * Creates the exception.
     *
     * @param result the result that cannot be scored
     */
    public NotScorableException(NotScorable result) {
        super("administration of " + result.provenance().instrumentId() + " must be scorable: " + result.problems()
                .stream().map(p -> p.code()).distinct().toList(), null, false, false);
        this.result = result;
    }

    /**
     * The result.
     *
     * @return the result that cannot be scored
     */
    public NotScorable result() {
        return result;
    }
}
