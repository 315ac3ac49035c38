/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring;

import org.imhmeasures.core.instrument.Instrument;

/**
 * What the answer values given to a {@link Scorer} are: option codes (the default) or item scores.
 *
 * <p><strong>Codes are not scores.</strong> An option's code is the number printed beside it on the
 * published form, or its 0-based position where the form prints none (EPDS, PBQ, KPCS); the definition maps
 * each code to the score it contributes, so reverse keying is data. Many record systems store the
 * <em>item score</em> instead. On the EPDS, item 10's most severe answer ("yes, quite often" thoughts of
 * self-harm) is code {@code 0}, score 3: a stored score 3 passed as code {@code 3} scores 0, raises no
 * alert and gives a wrong total. Declare {@link #SCORES} for such data.
 *
 * @since 0.1.0
 */
public enum AnswerKind {
    /**
     * Each answer is an option code as the definition lists it (for ratings, the rating itself). The
     * default.
     */
    CODES,
    /**
     * Each answer is the item score the definition gives an option (for ratings, the rating itself). A
     * score is read back to its option through the definition, which must give each score of an item to
     * exactly one code: a definition where an item gives one score to two codes (KPCS items 1 and 9 score
     * both {@code 2} and {@code NA} as 2) cannot be read as scores, and {@link Scorer#of(Instrument,
     * ScoringOptions)} refuses it with an
     * {@link AmbiguousScoreException}. A value that is not one of the item's scores is a
     * {@link Problem.ScoreNotAllowed}.
     */
    SCORES
}
