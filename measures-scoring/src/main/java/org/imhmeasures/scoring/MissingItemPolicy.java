/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring;

/**
 * What a caller asks for when items are unanswered.
 *
 * <p>Whatever the policy, a critical item (PHQ-9 item 9, EPDS item 10, CORE-10 item 6) that is not validly
 * answered is reported as a {@link CriticalItemUnanswered} on the result. The policy still decides whether a
 * total is computed: a critical item counts like any other item, so it may be prorated over (CORE-10 item 6
 * by default, PHQ-9 item 9 under {@link #PRORATE}); the flag makes sure that is never silent.
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
     * applies. Per-goal instruments keep their own rule, since goals are not interchangeable. Where the
     * subscales publish their own opt-in rule (HADS: each subscale from the person's mean when at least 4 of
     * its 7 items are answered, Bell et al. 2016), that rule applies instead of the fraction.
     */
    PRORATE
}
