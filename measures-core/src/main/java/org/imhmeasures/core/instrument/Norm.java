/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

import java.math.BigDecimal;
import java.util.OptionalInt;
import org.imhmeasures.core.internal.Check;

/**
 * A published reference sample: mean and standard deviation of the total in a named population.
 * Used for Jacobson–Truax clinical significance.
 *
 * @param population e.g. {@code general population} or {@code primary-care counselling clients}
 * @param role whether the sample is functional (non-clinical) or dysfunctional (clinical)
 * @param n sample size, where published
 * @param mean mean total
 * @param sd standard deviation of the total
 * @param source where the values come from
 * @since 0.1.0
 */
public record Norm(String population, Role role, OptionalInt n, BigDecimal mean, BigDecimal sd, Source source) {

    /** Whether a reference sample is clinical or not. */
    public enum Role {
        /** A non-clinical (functional) sample. */
        FUNCTIONAL,
        /** A clinical (dysfunctional) sample. */
        DYSFUNCTIONAL
    }

    /**
     * Validates.
     *
     * @param population e.g. {@code general population} or {@code primary-care counselling clients}
     * @param role whether the sample is functional (non-clinical) or dysfunctional (clinical)
     * @param n sample size, where published
     * @param mean mean total
     * @param sd standard deviation of the total
     * @param source where the values come from
     */
    public Norm {
        population = Check.notBlank(population, "norm population");
        Check.notNull(role, "norm role");
        Check.notNull(n, "norm n");
        Check.argument(n.isEmpty() || n.getAsInt() > 1, "norm n must be above 1: %s", n);
        mean = Decimals.normalise(mean, "norm mean");
        sd = Decimals.normalise(sd, "norm sd");
        Check.argument(sd.signum() > 0, "norm sd must be positive: %s", Decimals.show(sd));
        Check.notNull(source, "norm source");
    }
}
