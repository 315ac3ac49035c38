/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.service;

/**
 * Whether parent-infant relationship work is a team's primary function.
 *
 * @since 0.1.0
 */
public enum ServiceFunction {
    /** Parent-infant relationship work is the team's primary function. */
    PRIMARY,
    /** Parent-infant relationship work is a secondary function of another service. */
    SECONDARY
}
