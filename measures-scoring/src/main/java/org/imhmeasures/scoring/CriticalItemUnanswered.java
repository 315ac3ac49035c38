/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring;

import org.imhmeasures.core.internal.Check;

/**
 * A critical item (one the definition marks {@code critical}: PHQ-9 item 9, EPDS item 10, CORE-10 item 6)
 * that was not validly answered, so whether it would have raised a {@link CriticalAlert} is unknown.
 *
 * <p>Reported on every {@link ScoreResult} — a prorated {@link Scored} (CORE-10 without item 6 under its
 * own rule, PHQ-9 without item 9 under {@link MissingItemPolicy#PRORATE}) as well as a {@link NotScorable} —
 * whatever the missing-item policy, so that a missing risk answer is never silent: a prorated total says
 * nothing about the risk the item asks about. Prorating itself is not refused (the published missing-item
 * rules do not exempt the critical item); the service must ask the item again or follow its risk protocol.
 *
 * <p>An item answered with a code it does not allow is not "unanswered", but its alert status is just as
 * unknown (a {@code 7} on PHQ-9 item 9 may be a mistyped {@code 3}), so it is reported too, with cause
 * {@link Cause#CODE_NOT_ALLOWED}, next to the {@link Problem.CodeNotAllowed} that makes the result
 * {@link NotScorable}. Items are those of the scorer's instrument, so an administration rejected as
 * {@code wrong_instrument} lists the critical items it did not answer too. Equality is by all three
 * components; immutable and thread-safe (a scorer shares one instance per item and cause).
 *
 * @param itemId the critical item, e.g. {@code phq9_9}
 * @param cause why its alert status is unknown
 * @param reason what the item is about and what to do, from the definition (as {@link CriticalAlert#reason()})
 * @since 0.1.0
 */
public record CriticalItemUnanswered(String itemId, Cause cause, String reason) {

    /** Why a critical item's alert status is unknown. */
    public enum Cause {
        /** No answer was recorded, or the respondent declined to answer ({@link Answer.Missing}, {@link Answer.Declined}). */
        UNANSWERED,
        /**
         * An answer was recorded but is not a code the item allows (or, read as {@link AnswerKind#SCORES}, not
         * one of its scores), so it cannot be scored.
         */
        CODE_NOT_ALLOWED
    }

    /**
     * Validates.
     *
     * @param itemId the critical item, e.g. {@code phq9_9}
     * @param cause why its alert status is unknown
     * @param reason what the item is about and what to do, from the definition (as {@link CriticalAlert#reason()})
     */
    public CriticalItemUnanswered {
        itemId = Check.notBlank(itemId, "item id");
        Check.notNull(cause, "cause");
        reason = Check.notBlank(reason, "reason");
    }
}
