/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring;

import org.imhmeasures.core.internal.Check;

/**
 * A definition cannot be read with {@link AnswerKind#SCORES}: one of its items gives the same score to two
 * option codes, so a stored score does not say which answer was given. Thrown when the scorer is built,
 * never while scoring. The message names the item, the score and the codes: all from the definition,
 * never from an answer.
 *
 * @since 0.1.0
 */
public final class AmbiguousScoreException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The item whose score is ambiguous. */
    private final String itemId;
    /** The score two codes share. */
    private final int score;

    AmbiguousScoreException(String instrumentId, String itemId, int score, String firstCode, String secondCode) {
        super("scores of item " + itemId + " of " + instrumentId + " must each belong to one code to read answers as "
                + "scores: score " + score + " belongs to codes " + firstCode + " and " + secondCode);
        this.itemId = Check.notNull(itemId, "item id");
        this.score = score;
    }

    /**
     * The item whose scores cannot be read back to codes.
     *
     * @return the item id
     */
    public String itemId() {
        return itemId;
    }

    /**
     * The score that two codes of the item share.
     *
     * @return the score
     */
    public int score() {
        return score;
    }
}
