/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.change;

import java.util.List;

/**
 * Combines a referral's changes on several measures, as NHS outcome reporting does: a referral is
 * reliably improved when at least one measure improved reliably and none deteriorated reliably;
 * reliably deteriorated when any measure deteriorated reliably.
 *
 * <p>Source: nhsengland/MHSDS "CYP Outcomes Dashboard/CYP Outcomes" (improvement counted only if no
 * deterioration on any measure); NHS Talking Therapies uses the same rule for PHQ-9 with GAD-7.
 * Measures that could not be assessed are ignored; with none assessed the result is
 * {@link Outcome#NOT_ASSESSABLE}.
 *
 * @since 0.1.0
 */
public final class MultiMeasureRule {

    /** A referral-level outcome. */
    public enum Outcome {
        /** At least one reliable improvement and no reliable deterioration. */
        RELIABLY_IMPROVED,
        /** At least one reliable deterioration. */
        RELIABLY_DETERIORATED,
        /** Assessed, neither of the above. */
        NO_RELIABLE_CHANGE,
        /** No measure could be assessed. */
        NOT_ASSESSABLE
    }

    private MultiMeasureRule() {
    }

    /**
     * Applies the rule.
     *
     * @param changes the referral's change results, one per measure
     * @return the referral's outcome
     */
    public static Outcome apply(List<ChangeResult> changes) {
        boolean anyAssessed = false;
        boolean improved = false;
        for (ChangeResult change : changes) {
            if (change instanceof ChangeResult.Assessed a) {
                anyAssessed = true;
                if (a.reliableChange() == ReliableChangeDirection.DETERIORATED) {
                    return Outcome.RELIABLY_DETERIORATED;
                }
                improved |= a.reliableChange() == ReliableChangeDirection.IMPROVED;
            }
        }
        if (!anyAssessed) {
            return Outcome.NOT_ASSESSABLE;
        }
        return improved ? Outcome.RELIABLY_IMPROVED : Outcome.NO_RELIABLE_CHANGE;
    }
}
