/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.imhmeasures.core.internal.Check;
import org.imhmeasures.scoring.internal.Redaction;

/**
 * Why an administration cannot be scored. Each case carries where (the item, or the position of the
 * answer as given) and a stable {@link #code()} for files and APIs.
 *
 * <p>Messages follow {@code <what> must <rule>: <offending value>} and never contain patient
 * identifiers: an offending answer code is echoed only when it looks like an answer code (a whole number
 * of at most three digits); anything else is described by its length, since a misplaced cell may hold a
 * name or an NHS number. Answer keys the instrument does not have are never echoed but located by their
 * 0-based position among the answers as given ({@code answers[3]}), since a key can be a name.
 *
 * <p>The same holds for {@code toString()} and for serialisation: a JSON binder such as Jackson (as Spring
 * uses it) sees {@code code}, {@code message} and the non-identifying fields of each case, never a value
 * the user supplied. Cases that keep such a value ({@link UnknownItem}, {@link CodeNotAllowed},
 * {@link ScoreNotAllowed}) are final
 * classes rather than records for that reason, and hand it out only through a method named
 * {@code patientSupplied...()}.
 *
 * @since 0.1.0
 */
public sealed interface Problem permits Problem.UnknownItem, Problem.DuplicateItem, Problem.CodeNotAllowed,
        Problem.ScoreNotAllowed, Problem.TooManyMissing, Problem.WrongInstrument {

    /**
     * Stable machine-readable reason, e.g. {@code code_not_allowed}.
     *
     * @return the reason code
     */
    @JsonProperty("code")
    String code();

    /**
     * Human-readable message without identifiers.
     *
     * @return the message
     */
    @JsonProperty("message")
    String message();

    /**
     * The item of the instrument concerned, where there is one (none for an unknown key or a wrong
     * instrument).
     *
     * @return the item id, or empty
     */
    @JsonIgnore
    Optional<String> itemId();

    /**
     * An answer under a key that is not an item of the instrument, or under a blank key (code
     * {@code unknown_item}). Located by position: the key itself is never part of the message,
     * {@code toString()} or serialised form.
     *
     * @since 0.1.0
     */
    final class UnknownItem implements Problem {
        private final int position;
        private final String key;

        /**
         * Creates the problem.
         *
         * @param position 0-based position of the answer among the answers as given
         * @param patientSuppliedKey the key as given (trimmed); may be patient data
         */
        public UnknownItem(int position, String patientSuppliedKey) {
            Check.argument(position >= 0, "position must not be negative: %d", position);
            this.position = position;
            this.key = Check.notNull(patientSuppliedKey, "key").strip();
        }

        /**
         * The 0-based position of the answer among the answers as given.
         *
         * @return the position
         */
        @JsonProperty("position")
        public int position() {
            return position;
        }

        /**
         * Whether the key was blank (empty or only spaces).
         *
         * @return {@code true} for a blank key
         */
        @JsonProperty("blankKey")
        public boolean blankKey() {
            return key.isEmpty();
        }

        /**
         * The key exactly as given, trimmed. <strong>Patient data</strong>: a key may be a name, an NHS
         * number or anything else a form or file held. Never put it in a message, a log line or a response;
         * it is excluded from {@code toString()} and from serialisation.
         *
         * @return the key the user supplied
         */
        @JsonIgnore
        public String patientSuppliedKey() {
            return key;
        }

        @Override
        public String code() {
            return "unknown_item";
        }

        @Override
        public String message() {
            return "item must belong to the instrument: answers[" + position + "]" + (key.isEmpty() ? " has a blank key"
                    : "");
        }

        @Override
        public Optional<String> itemId() {
            return Optional.empty();
        }

        /** Equal when position and key are equal. */
        @Override
        public boolean equals(Object other) {
            return other instanceof UnknownItem u && u.position == position && u.key.equals(key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(position, key);
        }

        /** Redacted like {@link #message()}: the position only. */
        @Override
        public String toString() {
            return "UnknownItem[position=" + position + (key.isEmpty() ? ", blank key" : "") + "]";
        }
    }

    /**
     * Two or more answers for one item once keys are trimmed, e.g. {@code "phq9_9"} and {@code "phq9_9 "}
     * (code {@code duplicate_item}). Never resolved by keeping one: the administration cannot be scored.
     * If the item is critical and any of its answers is at alert level, the alert is raised.
     *
     * @param item the item id, an id of the instrument
     * @param positions the 0-based positions of its answers as given, ascending, at least two
     * @since 0.1.0
     */
    record DuplicateItem(String item, List<Integer> positions) implements Problem {
        /**
         * Validates and copies.
         *
         * @param item the item id, an id of the instrument
         * @param positions the 0-based positions of its answers as given, ascending, at least two
         */
        public DuplicateItem {
            Check.notNull(item, "item");
            positions = List.copyOf(Check.notNull(positions, "positions"));
            Check.argument(positions.size() >= 2, "positions must number at least 2: %d", positions.size());
        }

        @Override
        public String code() {
            return "duplicate_item";
        }

        @Override
        public String message() {
            StringBuilder where = new StringBuilder();
            for (int p : positions) {
                where.append(where.length() == 0 ? "" : " and ").append("answers[").append(p).append(']');
            }
            return "item must appear once per administration: " + item + " at " + where;
        }

        @Override
        public Optional<String> itemId() {
            return Optional.of(item);
        }
    }

    /**
     * An answer code the item does not allow (code {@code code_not_allowed}). The code as recorded may be
     * patient data (a name typed into the wrong cell): it is echoed in {@link #message()} and
     * {@code toString()} only when it looks like an answer code, and is never serialised.
     *
     * @since 0.1.0
     */
    final class CodeNotAllowed implements Problem {
        private final String item;
        private final String value;
        private final String allowed;

        /**
         * Creates the problem.
         *
         * @param item the item id
         * @param patientSuppliedValue the value as recorded; may be patient data
         * @param allowed description of the allowed codes, e.g. {@code 0..3}
         */
        public CodeNotAllowed(String item, String patientSuppliedValue, String allowed) {
            this.item = Check.notNull(item, "item");
            this.value = Check.notNull(patientSuppliedValue, "offending value");
            this.allowed = Check.notNull(allowed, "allowed");
        }

        /**
         * The item id.
         *
         * @return the item
         */
        @JsonProperty("item")
        public String item() {
            return item;
        }

        /**
         * Description of the allowed codes, e.g. {@code 0..3}.
         *
         * @return the allowed codes
         */
        @JsonProperty("allowed")
        public String allowed() {
            return allowed;
        }

        /**
         * The value exactly as recorded. <strong>Patient data</strong>: a value in the wrong cell may be a
         * name, an NHS number or a date of birth. Never put it in a message, a log line or a response; it is
         * excluded from {@code toString()} and from serialisation.
         *
         * @return the value the user supplied
         */
        @JsonIgnore
        public String patientSuppliedValue() {
            return value;
        }

        @Override
        public String code() {
            return "code_not_allowed";
        }

        @Override
        public String message() {
            return "answer to " + item + " must be one of " + allowed + ": " + Redaction.answer(value);
        }

        @Override
        public Optional<String> itemId() {
            return Optional.of(item);
        }

        /** Equal when item, value and allowed codes are equal. */
        @Override
        public boolean equals(Object other) {
            return other instanceof CodeNotAllowed c && c.item.equals(item) && c.value.equals(value)
                    && c.allowed.equals(allowed);
        }

        @Override
        public int hashCode() {
            return Objects.hash(item, value, allowed);
        }

        /** Redacted like {@link #message()}. */
        @Override
        public String toString() {
            return "CodeNotAllowed[item=" + item + ", offendingValue=" + Redaction.answer(value) + ", allowed="
                    + allowed + "]";
        }
    }

    /**
     * An answer read as an item score ({@link AnswerKind#SCORES}) that is not one of the item's scores
     * (code {@code score_not_allowed}). The value is never part of the message, {@code toString()} or
     * serialised form, however short: a stored score column may hold anything.
     *
     * @since 0.1.0
     */
    final class ScoreNotAllowed implements Problem {
        private final String item;
        private final String value;
        private final String allowed;

        /**
         * Creates the problem.
         *
         * @param item the item id
         * @param patientSuppliedValue the value as recorded; may be patient data
         * @param allowed description of the item's scores, e.g. {@code 0..3}
         */
        public ScoreNotAllowed(String item, String patientSuppliedValue, String allowed) {
            this.item = Check.notNull(item, "item");
            this.value = Check.notNull(patientSuppliedValue, "offending value");
            this.allowed = Check.notNull(allowed, "allowed");
        }

        /**
         * The item id.
         *
         * @return the item
         */
        @JsonProperty("item")
        public String item() {
            return item;
        }

        /**
         * Description of the item's scores, e.g. {@code 0..3}.
         *
         * @return the allowed scores
         */
        @JsonProperty("allowed")
        public String allowed() {
            return allowed;
        }

        /**
         * The value exactly as recorded. <strong>Patient data</strong>: never put it in a message, a log
         * line or a response; it is excluded from {@code toString()} and from serialisation.
         *
         * @return the value the user supplied
         */
        @JsonIgnore
        public String patientSuppliedValue() {
            return value;
        }

        @Override
        public String code() {
            return "score_not_allowed";
        }

        @Override
        public String message() {
            return "score given for " + item + " must be one of its scores " + allowed + ": not one of them";
        }

        @Override
        public Optional<String> itemId() {
            return Optional.of(item);
        }

        /** Equal when item, value and allowed scores are equal. */
        @Override
        public boolean equals(Object other) {
            return other instanceof ScoreNotAllowed c && c.item.equals(item) && c.value.equals(value)
                    && c.allowed.equals(allowed);
        }

        @Override
        public int hashCode() {
            return Objects.hash(item, value, allowed);
        }

        /** Without the value, like {@link #message()}. */
        @Override
        public String toString() {
            return "ScoreNotAllowed[item=" + item + ", allowed=" + allowed + "]";
        }
    }

    /**
     * More items unanswered than the missing-item rule allows.
     *
     * @param missing the unanswered item ids
     * @param allowed how many may be missing under the rule in force
     */
    record TooManyMissing(List<String> missing, int allowed) implements Problem {
        /**
         * Validates.
         *
         * @param missing the unanswered item ids
         * @param allowed how many may be missing under the rule in force
         */
        public TooManyMissing {
            missing = List.copyOf(Check.notNull(missing, "missing"));
        }

        @Override
        public String code() {
            return "too_many_missing";
        }

        @Override
        public String message() {
            return "missing items must number at most " + allowed + ": " + missing.size() + " ("
                    + String.join(";", missing) + ")";
        }

        @Override
        public Optional<String> itemId() {
            return missing.isEmpty() ? Optional.empty() : Optional.of(missing.get(0));
        }
    }

    /**
     * The administration names a different instrument from the scorer's.
     *
     * @param expected the scorer's instrument id
     * @param found the administration's instrument id, redacted on construction: kept as given only when
     *        it has the shape of an instrument id, otherwise described by its length
     */
    record WrongInstrument(String expected, String found) implements Problem {
        /**
         * Validates and redacts {@code found}.
         *
         * @param expected the scorer's instrument id
         * @param found the administration's instrument id, redacted on construction: kept as given only when
         *     it has the shape of an instrument id, otherwise described by its length
         */
        public WrongInstrument {
            Check.notNull(expected, "expected");
            found = Redaction.instrumentId(Check.notNull(found, "found"));
        }

        @Override
        public String code() {
            return "wrong_instrument";
        }

        @Override
        public String message() {
            return "instrument must be " + expected + ": " + found;
        }

        @Override
        public Optional<String> itemId() {
            return Optional.empty();
        }
    }
}
