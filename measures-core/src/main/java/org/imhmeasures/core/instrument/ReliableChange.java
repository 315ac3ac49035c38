/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

import java.math.BigDecimal;
import java.util.Optional;
import org.imhmeasures.core.internal.Check;

/**
 * Published reliable-change parameters for an instrument.
 *
 * @since 0.1.0
 */
public sealed interface ReliableChange permits ReliableChange.FixedThreshold, ReliableChange.FromReliability {

    /**
     * Where the value comes from.
     *
     * @return the source
     */
    Source source();

    /**
     * A fixed minimum change in score points treated as reliable (NHS: PHQ-9 6, GAD-7 4). A change counts
     * as reliable when {@code |change| >= threshold} — NHS code treats the threshold as inclusive.
     *
     * @param threshold the threshold as applied, in score points
     * @param unrounded the unrounded published value, where one is given (PHQ-9 5.99)
     * @param scheme who applies it, e.g. {@code NHS Talking Therapies} or {@code NHS MHSDS CYP outcomes}
     * @param source where the value comes from
     */
    record FixedThreshold(BigDecimal threshold, Optional<BigDecimal> unrounded, String scheme, Source source)
            implements ReliableChange {
        /**
         * Validates.
         *
         * @param threshold the threshold as applied, in score points
         * @param unrounded the unrounded published value, where one is given (PHQ-9 5.99)
         * @param scheme who applies it, e.g. {@code NHS Talking Therapies} or {@code NHS MHSDS CYP outcomes}
         * @param source where the value comes from
         */
        public FixedThreshold {
            threshold = Decimals.normalise(threshold, "reliable-change threshold");
            Check.argument(threshold.signum() > 0, "reliable-change threshold must be positive: %s",
                    Decimals.show(threshold));
            unrounded = Check.notNull(unrounded, "unrounded threshold").map(Decimals::normalise);
            scheme = Check.notBlank(scheme, "reliable-change scheme");
            Check.notNull(source, "reliable-change source");
        }
    }

    /**
     * Standard deviation and reliability from which a Jacobson–Truax threshold can be computed:
     * {@code 1.96 × SD × √2 × √(1 − r)}.
     *
     * @param sd the standard deviation of the reference sample
     * @param reliability the reliability coefficient, in (0, 1)
     * @param reliabilityKind e.g. {@code cronbach alpha} or {@code test-retest}
     * @param source where the values come from
     */
    record FromReliability(BigDecimal sd, BigDecimal reliability, String reliabilityKind, Source source)
            implements ReliableChange {
        /**
         * Validates.
         *
         * @param sd the standard deviation of the reference sample
         * @param reliability the reliability coefficient, in (0, 1)
         * @param reliabilityKind e.g. {@code cronbach alpha} or {@code test-retest}
         * @param source where the values come from
         */
        public FromReliability {
            sd = Decimals.normalise(sd, "sd");
            Check.argument(sd.signum() > 0, "sd must be positive: %s", Decimals.show(sd));
            reliability = Decimals.normalise(reliability, "reliability");
            Check.argument(reliability.signum() > 0 && reliability.compareTo(BigDecimal.ONE) < 0,
                    "reliability must be between 0 and 1: %s", Decimals.show(reliability));
            reliabilityKind = Check.notBlank(reliabilityKind, "reliability kind");
            Check.notNull(source, "reliable-change source");
        }
    }
}
