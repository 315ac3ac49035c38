package org.imhmeasures.scoring;

/**
 * What a caller asks for when items are unanswered.
 *
 * @since 0.1.0
 */
public enum MissingItemPolicy {
    /**
     * Follow the instrument's own published rule (CORE-10: prorate when at most one item is missing;
     * GBO: unrated goals are simply absent). Where no rule is confirmed the instrument's rule is strict.
     * The default.
     */
    INSTRUMENT_RULE,
    /** No item may be missing, whatever the instrument's rule. */
    STRICT,
    /**
     * Opt in to prorating: allow up to {@link ScoringOptions#maxMissingFraction()} of the items (at least
     * one, never all) to be missing and scale the total up; an instrument's own larger allowance still
     * applies. Per-goal instruments keep their own rule, since goals are not interchangeable.
     */
    PRORATE
}
