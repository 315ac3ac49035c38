/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring;

import org.imhmeasures.core.internal.Check;
import org.imhmeasures.scoring.internal.Redaction;
import org.jspecify.annotations.Nullable;

/**
 * The answer recorded for one item: a code, nothing, or an explicit refusal.
 *
 * <p>{@link Missing} and {@link Declined} both count as unanswered for scoring; they are kept apart
 * because services report them differently.
 *
 * @since 0.1.0
 */
public sealed interface Answer permits Answer.Given, Answer.Missing, Answer.Declined {

    /**
     * A recorded answer code, e.g. {@code "2"}; see the instrument's options for what codes mean.
     *
     * @param code the code as recorded, trimmed, never blank
     */
    record Given(String code) implements Answer {
        /**
         * Validates and trims.
         *
         * @param code the code as recorded, trimmed, never blank
         */
        public Given {
            code = Check.notBlank(code, "answer code");
        }

        /**
         * Redacted: the code is shown only when it has the shape of an answer code (a number of at most
         * three digits); anything else, which may be a name or an NHS number typed into the wrong cell, is
         * described by its length.
         */
        @Override
        public String toString() {
            return "Given[code=" + Redaction.answer(code) + "]";
        }
    }

    /** No answer recorded. */
    record Missing() implements Answer {
    }

    /** The respondent chose not to answer. */
    record Declined() implements Answer {
    }

    /**
     * An answer from a raw cell: blank or {@code null} is {@link Missing}, anything else {@link Given}.
     *
     * @param code a raw code, possibly blank or null
     * @return the answer
     */
    static Answer of(@Nullable String code) {
        return code == null || code.isBlank() ? MISSING : new Given(code);
    }

    /** The shared missing answer. */
    Answer MISSING = new Missing();

    /** The shared declined answer. */
    Answer DECLINED = new Declined();
}
