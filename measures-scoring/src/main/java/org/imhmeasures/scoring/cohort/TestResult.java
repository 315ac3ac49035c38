/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.cohort;

import java.util.OptionalDouble;
import org.imhmeasures.core.internal.Check;

/**
 * A significance test's statistic and two-sided p-value.
 *
 * @param statistic the test statistic (t, or Wilcoxon W)
 * @param degreesOfFreedom degrees of freedom, for t
 * @param pValue two-sided p-value
 * @since 0.1.0
 */
public record TestResult(double statistic, OptionalDouble degreesOfFreedom, double pValue) {

    /**
     * Validates.
     *
     * @param statistic the test statistic (t, or Wilcoxon W)
     * @param degreesOfFreedom degrees of freedom, for t
     * @param pValue two-sided p-value
     */
    public TestResult {
        Check.notNull(degreesOfFreedom, "degrees of freedom");
        Check.argument(pValue >= 0 && pValue <= 1, "p-value must lie within 0..1: %s", pValue);
    }
}
