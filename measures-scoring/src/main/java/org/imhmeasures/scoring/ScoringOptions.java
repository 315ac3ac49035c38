/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring;

import java.math.BigDecimal;
import java.util.Objects;
import org.imhmeasures.core.internal.Check;

/**
 * Immutable scoring options: start from {@link #defaults()} and change one setting at a time; each
 * {@code with} method returns a new instance and never changes the receiver. A final class rather than a
 * record so that settings can be added without breaking callers.
 *
 * <p>Defaults: answers are option codes ({@link AnswerKind#CODES}); {@link MissingItemPolicy#INSTRUMENT_RULE};
 * when a caller opts in to {@link MissingItemPolicy#PRORATE}, at most 10% of the items may be missing (at
 * least one item) — the CORE System Trust's 10% convention for CORE measures, applied generally only on
 * request.
 *
 * <p>Two options are equal when every setting is equal (the fraction compared by value: {@code 0.1}
 * equals {@code 0.10}).
 *
 * @since 0.1.0
 */
public final class ScoringOptions {

    private static final ScoringOptions DEFAULTS = new ScoringOptions(MissingItemPolicy.INSTRUMENT_RULE,
            new BigDecimal("0.10"), AnswerKind.CODES);

    private final MissingItemPolicy missingItems;
    private final BigDecimal maxMissingFraction;
    private final AnswerKind answerKind;

    private ScoringOptions(MissingItemPolicy missingItems, BigDecimal maxMissingFraction, AnswerKind answerKind) {
        Check.notNull(missingItems, "missing-item policy");
        Check.notNull(maxMissingFraction, "max missing fraction");
        Check.argument(maxMissingFraction.signum() > 0 && maxMissingFraction.compareTo(BigDecimal.ONE) < 0,
                "max missing fraction must be between 0 and 1: %s", Check.show(maxMissingFraction));
        this.missingItems = missingItems;
        this.maxMissingFraction = maxMissingFraction;
        this.answerKind = Check.notNull(answerKind, "answer kind");
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
     * The missing-item policy.
     *
     * @return the policy
     */
    public MissingItemPolicy missingItems() {
        return missingItems;
    }

    /**
     * The largest fraction of items that {@link MissingItemPolicy#PRORATE} may prorate.
     *
     * @return the fraction, in (0, 1)
     */
    public BigDecimal maxMissingFraction() {
        return maxMissingFraction;
    }

    /**
     * Returns options with the given missing-item policy.
     *
     * @param policy the policy
     * @return new options
     */
    public ScoringOptions with(MissingItemPolicy policy) {
        return new ScoringOptions(policy, maxMissingFraction, answerKind);
    }

    /**
     * Returns options with the given prorating allowance for {@link MissingItemPolicy#PRORATE}.
     *
     * @param fraction largest fraction of items that may be missing, in (0, 1)
     * @return new options
     * @throws IllegalArgumentException when the fraction is not in (0, 1)
     */
    public ScoringOptions withMaxMissingFraction(BigDecimal fraction) {
        return new ScoringOptions(missingItems, fraction, answerKind);
    }

    /**
     * What the answer values are: option codes (the default) or item scores. See {@link AnswerKind} for
     * the EPDS trap this guards against.
     *
     * @return the answer kind
     * @since 0.1.0
     */
    public AnswerKind answerKind() {
        return answerKind;
    }

    /**
     * Returns options that read answers as the given kind.
     *
     * @param kind {@link AnswerKind#CODES} or {@link AnswerKind#SCORES}
     * @return new options
     * @since 0.1.0
     */
    public ScoringOptions with(AnswerKind kind) {
        return new ScoringOptions(missingItems, maxMissingFraction, kind);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof ScoringOptions o && missingItems == o.missingItems
                && maxMissingFraction.compareTo(o.maxMissingFraction) == 0 && answerKind == o.answerKind;
    }

    @Override
    public int hashCode() {
        return Objects.hash(missingItems, maxMissingFraction.stripTrailingZeros(), answerKind);
    }

    @Override
    public String toString() {
        return "ScoringOptions[missingItems=" + missingItems + ", maxMissingFraction="
                + maxMissingFraction.toPlainString() + ", answerKind=" + answerKind + "]";
    }
}
