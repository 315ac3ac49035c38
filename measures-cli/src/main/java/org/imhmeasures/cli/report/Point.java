/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli.report;

/**
 * One assessed pair as the change output wrote it.
 *
 * @param pre the pre total
 * @param post the post total
 * @param category the category word of the change output, e.g. {@code reliable_improvement}
 */
public record Point(double pre, double post, String category) {

    /**
     * Validates.
     *
     * @param pre the pre total
     * @param post the post total
     * @param category the category word of the change output
     */
    public Point {
        if (!Double.isFinite(pre) || !Double.isFinite(post) || category.isBlank()) {
            throw new IllegalArgumentException("point must have finite totals and a category: not one");
        }
    }

    @Override
    public String toString() {
        return "Point[redacted]";
    }
}
