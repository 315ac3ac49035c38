package org.imhmeasures.scoring;

import java.util.List;
import java.util.Optional;
import org.imhmeasures.core.internal.Check;
import org.imhmeasures.scoring.internal.Redaction;

/**
 * Why an administration cannot be scored. Each case carries where (the item) and what (the offending
 * value), and a stable {@link #code()} for files and APIs.
 *
 * <p>Messages follow {@code <what> must <rule>: <offending value>} and never contain patient
 * identifiers: an offending answer is echoed only when it looks like an answer code (a short number);
 * anything else is described by its length, since a misplaced cell may hold a name or an NHS number.
 *
 * @since 0.1.0
 */
public sealed interface Problem permits Problem.UnknownItem, Problem.CodeNotAllowed, Problem.TooManyMissing,
        Problem.WrongInstrument {

    /**
     * Stable machine-readable reason, e.g. {@code code_not_allowed}.
     *
     * @return the reason code
     */
    String code();

    /**
     * Human-readable message without identifiers.
     *
     * @return the message
     */
    String message();

    /**
     * The item concerned, where there is one.
     *
     * @return the item id, or empty
     */
    Optional<String> itemId();

    /**
     * An answer for an item the instrument does not have.
     *
     * @param item the unknown item id, as given (echoed only when it looks like an item id)
     */
    record UnknownItem(String item) implements Problem {
        /** Validates. */
        public UnknownItem {
            Check.notNull(item, "item");
        }

        @Override
        public String code() {
            return "unknown_item";
        }

        @Override
        public String message() {
            return "item must belong to the instrument: " + Redaction.itemId(item);
        }

        /** Redacted like {@link #message()}. */
        @Override
        public String toString() {
            return "UnknownItem[item=" + Redaction.itemId(item) + "]";
        }

        @Override
        public Optional<String> itemId() {
            return Optional.of(item);
        }
    }

    /**
     * An answer code the item does not allow.
     *
     * @param item the item id
     * @param offendingValue the value as recorded
     * @param allowed description of the allowed codes, e.g. {@code 0..3}
     */
    record CodeNotAllowed(String item, String offendingValue, String allowed) implements Problem {
        /** Validates. */
        public CodeNotAllowed {
            Check.notNull(item, "item");
            Check.notNull(offendingValue, "offending value");
            Check.notNull(allowed, "allowed");
        }

        @Override
        public String code() {
            return "code_not_allowed";
        }

        @Override
        public String message() {
            return "answer to " + item + " must be one of " + allowed + ": " + Redaction.answer(offendingValue);
        }

        @Override
        public Optional<String> itemId() {
            return Optional.of(item);
        }

        /** Redacted like {@link #message()}. */
        @Override
        public String toString() {
            return "CodeNotAllowed[item=" + item + ", offendingValue=" + Redaction.answer(offendingValue)
                    + ", allowed=" + allowed + "]";
        }
    }

    /**
     * More items unanswered than the missing-item rule allows.
     *
     * @param missing the unanswered item ids
     * @param allowed how many may be missing under the rule in force
     */
    record TooManyMissing(List<String> missing, int allowed) implements Problem {
        /** Validates. */
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
     * @param found the administration's instrument id
     */
    record WrongInstrument(String expected, String found) implements Problem {
        /** Validates. */
        public WrongInstrument {
            Check.notNull(expected, "expected");
            Check.notNull(found, "found");
        }

        @Override
        public String code() {
            return "wrong_instrument";
        }

        @Override
        public String message() {
            return "instrument must be " + expected + ": " + Redaction.instrumentId(found);
        }

        /** Redacted like {@link #message()}. */
        @Override
        public String toString() {
            return "WrongInstrument[expected=" + expected + ", found=" + Redaction.instrumentId(found) + "]";
        }

        @Override
        public Optional<String> itemId() {
            return Optional.empty();
        }
    }
}
