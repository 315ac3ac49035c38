/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring;

import java.math.BigDecimal;
import org.imhmeasures.core.internal.Check;

/**
 * Immutable scoring options. Each {@code with} returns a new instance.
 *
 * <p>Defaults: {@link MissingItemPolicy#INSTRUMENT_RULE}; when a caller opts in to
 * {@link MissingItemPolicy#PRORATE}, at most 10% of the items may be missing (at least one item) — the
 * CORE System Trust's 10% convention for CORE measures, applied generally only on request.
 *
 * @param missingItems the missing-item policy
 * @param maxMissingFraction the largest fraction of items that {@link MissingItemPolicy#PRORATE} may
 *        prorate, in (0, 1)
 * @since 0.1.0
 */
public record ScoringOptions(MissingItemPolicy missingItems, BigDecimal maxMissingFraction) {

    private static final ScoringOptions DEFAULTS = new ScoringOptions(MissingItemPolicy.INSTRUMENT_RULE,
            new BigDecimal("0.10"));

    /**
     * Validates.
     *
     * @param missingItems the missing-item policy
     * @param maxMissingFraction the largest fraction of items that {@link MissingItemPolicy#PRORATE} may
     *     prorate, in (0, 1)
     */
    public ScoringOptions {
        Check.notNull(missingItems, "missing-item policy");
        Check.notNull(maxMissingFraction, "max missing fraction");
        Check.argument(maxMissingFraction.signum() > 0 && maxMissingFraction.compareTo(BigDecimal.ONE) < 0,
                "max missing fraction must be between 0 and 1: %s", Check.show(maxMissingFraction));
    }

    /**
     * The default options.
     *
     * @return defaults
     */
    public static ScoringOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Returns options with the given missing-item policy.
     *
     * @param policy the policy
     * @return new options
     */
    public ScoringOptions with(MissingItemPolicy policy) {
        return new ScoringOptions(policy, maxMissingFraction);
    }

    /**
     * Returns options with the given prorating allowance for {@link MissingItemPolicy#PRORATE}.
     *
     * @param fraction largest fraction of items that may be missing, in (0, 1)
     * @return new options
     */
    public ScoringOptions withMaxMissingFraction(BigDecimal fraction) {
        return new ScoringOptions(missingItems, fraction);
    }
}
