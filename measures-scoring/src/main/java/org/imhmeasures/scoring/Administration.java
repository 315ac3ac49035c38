/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.imhmeasures.core.instrument.DerivedForm;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.core.internal.Check;
import org.imhmeasures.scoring.internal.Redaction;
import org.jspecify.annotations.Nullable;

/**
 * One completed (or partly completed) instrument: the answers by item id, with when and by whom.
 *
 * <h2>Answer keys</h2>
 * Keys are normalised once, here: trimmed ({@link String#strip()}). Duplicates are detected after
 * trimming, so {@code "phq9_9"} and {@code "phq9_9 "} are two answers for one item. An answer that cannot
 * be placed on exactly one item is never dropped and never overwritten (no last-one-wins): it is kept in
 * {@link #unplacedAnswers()} with its position, and {@link Scorer#score(Administration)} reports it as a
 * {@link Problem} — a blank (or {@code null}) key as {@link Problem.UnknownItem}, two or more answers for
 * one key as {@link Problem.DuplicateItem} (or {@link Problem.UnknownItem} for each, when the key is not an
 * item). {@link #answers()} then holds only the unambiguous answers: a key given twice is in neither
 * {@code answers()} nor silently lost. Construction never throws for such input.
 *
 * <p>Positions are 0-based and count the answers as given (the iteration order of the map passed to
 * {@link #of(String, Map)} or the constructor): they locate a key without repeating it, since a key can
 * be anything a form or file held, including a name. The {@code i}-th entry of {@link #answers()} sits at
 * the {@code i}-th position not taken by an unplaced answer.
 *
 * <p>Immutable. Equality is by every component. {@link #toString()} shows the instrument and the number
 * of answers only: answers, keys, dates and respondents can identify a family and are never printed.
 *
 * @param instrumentId the instrument the answers belong to, e.g. {@code PHQ-9}
 * @param answers unambiguous answers by trimmed item id, in the order given
 * @param date when it was completed, if known
 * @param timepoint where in the episode it was taken, if known
 * @param respondent who answered, e.g. {@code birth mother} (a role, never a name), if recorded
 * @param unplacedAnswers answers under a blank key or a key given more than once, by position
 * @since 0.1.0
 */
public record Administration(String instrumentId, Map<String, Answer> answers, Optional<LocalDate> date,
        Optional<Timepoint> timepoint, Optional<String> respondent, List<UnplacedAnswer> unplacedAnswers) {

    /**
     * An answer that could not be placed on exactly one item.
     *
     * @param position 0-based position of its key among the answers as given
     * @param key the key trimmed: empty for a blank or {@code null} key; otherwise a key that occurs more
     *        than once. Patient data may hide here (a key can be a name): {@link #toString()} never prints it
     * @param answer the answer given under it
     * @since 0.1.0
     */
    public record UnplacedAnswer(int position, String key, Answer answer) {
        /**
         * Validates and trims the key.
         *
         * @param position 0-based position of its key among the answers as given
         * @param key the key trimmed: empty for a blank or {@code null} key; otherwise a key that occurs more
         *     than once. Patient data may hide here (a key can be a name): {@link #toString()} never prints it
         * @param answer the answer given under it
         */
        public UnplacedAnswer {
            Check.argument(position >= 0, "position must not be negative: %d", position);
            key = key == null ? "" : key.strip();
            Check.notNull(answer, "answer");
        }

        /** Redacted: the position and the kind of answer, never the key or the code. */
        @Override
        public String toString() {
            return "UnplacedAnswer[position=" + position + ", key=" + (key.isEmpty() ? "blank" : "<redacted>")
                    + ", answer=" + answer.getClass().getSimpleName() + "]";
        }
    }

    /**
     * Normalises keys, separates unplaced answers and copies; see the class documentation. The map may
     * hold keys that differ only by surrounding space, a blank key, or a {@code null} key; none of them
     * makes this constructor throw.
     *
     * @param instrumentId the instrument the answers belong to, e.g. {@code PHQ-9}
     * @param answers unambiguous answers by trimmed item id, in the order given
     * @param date when it was completed, if known
     * @param timepoint where in the episode it was taken, if known
     * @param respondent who answered, e.g. {@code birth mother} (a role, never a name), if recorded
     * @param unplacedAnswers answers under a blank key or a key given more than once, by position
     */
    public Administration {
        instrumentId = Check.notBlank(instrumentId, "instrument id");
        Check.notNull(answers, "answers");
        Check.notNull(unplacedAnswers, "unplaced answers");
        Check.notNull(date, "date");
        Check.notNull(timepoint, "timepoint");
        Check.notNull(respondent, "respondent");
        List<UnplacedAnswer> unplaced = new ArrayList<>(unplacedAnswers.size());
        BitSet taken = new BitSet();
        for (UnplacedAnswer u : unplacedAnswers) {
            unplaced.add(Check.notNull(u, "unplaced answer"));
            taken.set(u.position());
        }
        // the given entries, at the positions the unplaced ones leave free, with trimmed keys
        List<String> keys = new ArrayList<>(answers.size());
        List<Answer> values = new ArrayList<>(answers.size());
        List<Integer> positions = new ArrayList<>(answers.size());
        Map<String, Integer> count = new HashMap<>();
        for (UnplacedAnswer u : unplaced) {
            if (!u.key().isEmpty()) {
                count.merge(u.key(), 1, Integer::sum);
            }
        }
        int position = -1;
        for (Map.Entry<String, Answer> entry : answers.entrySet()) {
            position = taken.nextClearBit(position + 1);
            String key = entry.getKey() == null ? "" : entry.getKey().strip();
            Answer answer = Check.notNull(entry.getValue(), "answer at position " + position);
            keys.add(key);
            values.add(answer);
            positions.add(position);
            if (!key.isEmpty()) {
                count.merge(key, 1, Integer::sum);
            }
        }
        Map<String, Answer> placed = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            if (key.isEmpty() || count.get(key) > 1) {
                unplaced.add(new UnplacedAnswer(positions.get(i), key, values.get(i)));
            } else {
                placed.put(key, values.get(i));
            }
        }
        unplaced.sort(Comparator.comparingInt(UnplacedAnswer::position));
        answers = Collections.unmodifiableMap(placed);
        unplacedAnswers = List.copyOf(unplaced);
    }

    /**
     * An administration without unplaced answers given separately: keys are normalised and unplaced
     * answers found as described in the class documentation.
     *
     * @param instrumentId the instrument id
     * @param answers answers by item id
     * @param date completion date, if known
     * @param timepoint timepoint, if known
     * @param respondent respondent role, if recorded
     */
    public Administration(String instrumentId, Map<String, Answer> answers, Optional<LocalDate> date,
            Optional<Timepoint> timepoint, Optional<String> respondent) {
        this(instrumentId, answers, date, timepoint, respondent, List.of());
    }

    /**
     * An administration from raw codes by item id; blank or {@code null} codes are missing answers. Keys
     * are trimmed; a blank key or a key given twice (after trimming) becomes an unplaced answer, reported
     * by the scorer, never an exception.
     *
     * <p><strong>Codes are not scores.</strong> A code is the option's number on the published form (its
     * 0-based position where the form prints none); the definition maps it to a score. If your records hold
     * item scores, do not pass them here as codes: EPDS item 10's most severe answer is code {@code 0},
     * score 3, so a stored score 3 passed as code {@code 3} scores 0, raises no alert and totals wrong.
     * Score such answers with {@code ScoringOptions.defaults().with(AnswerKind.SCORES)}.
     *
     * @param instrumentId the instrument id
     * @param codes codes by item id, in the order given
     * @return the administration, with no date, timepoint or respondent
     */
    public static Administration of(String instrumentId, Map<@Nullable String, @Nullable String> codes) {
        Check.notNull(codes, "codes");
        return ofEntries(instrumentId, List.copyOf(codes.entrySet()));
    }

    /**
     * An administration from raw codes as a list of (item id, code) entries, in the order given, for
     * inputs that can repeat a key (a long-format dataset with two rows for one item); blank or
     * {@code null} codes are missing answers. Keys are trimmed; a blank key or a key given more than
     * once (after trimming) becomes an unplaced answer, which the scorer reports as
     * {@link Problem.UnknownItem} or {@link Problem.DuplicateItem}, never an exception.
     *
     * @param instrumentId the instrument id
     * @param codes (item id, code) entries, in the order given
     * @return the administration, with no date, timepoint or respondent
     * @since 0.1.0
     */
    public static Administration ofEntries(String instrumentId,
            List<? extends Map.Entry<@Nullable String, @Nullable String>> codes) {
        Check.notNull(codes, "codes");
        List<UnplacedAnswer> unplaced = new ArrayList<>();
        Map<String, Answer> answers = new LinkedHashMap<>();
        int position = 0;
        for (Map.Entry<@Nullable String, @Nullable String> entry : codes) {
            Answer answer = Answer.of(entry.getValue());
            String key = entry.getKey() == null ? "" : entry.getKey();
            if (key.isBlank() || answers.containsKey(key)) {
                // the constructor trims and sorts out near-duplicates; only what a map cannot hold goes here
                unplaced.add(new UnplacedAnswer(position, key, answer));
            } else {
                answers.put(key, answer);
            }
            position++;
        }
        return new Administration(instrumentId, answers, Optional.empty(), Optional.empty(), Optional.empty(),
                unplaced);
    }

    /**
     * Whether every answer was placed on exactly one item.
     *
     * @return {@code true} when {@link #unplacedAnswers()} is empty
     */
    public boolean allPlaced() {
        return unplacedAnswers.isEmpty();
    }

    /**
     * Returns a copy taken on {@code date}.
     *
     * @param date completion date
     * @return a new administration
     */
    public Administration withDate(LocalDate date) {
        return new Administration(instrumentId, answers, Optional.of(date), timepoint, respondent, unplacedAnswers);
    }

    /**
     * Returns a copy at {@code timepoint}.
     *
     * @param timepoint the timepoint
     * @return a new administration
     */
    public Administration withTimepoint(Timepoint timepoint) {
        return new Administration(instrumentId, answers, date, Optional.of(timepoint), respondent, unplacedAnswers);
    }

    /**
     * Returns a copy answered by {@code respondent}.
     *
     * @param respondent the respondent's role
     * @return a new administration
     */
    public Administration withRespondent(String respondent) {
        return new Administration(instrumentId, answers, date, timepoint, Optional.of(respondent), unplacedAnswers);
    }

    /**
     * The administration of a shorter instrument asked as part of this one, read from this one's answers
     * item for item ({@link Instrument#derivedFrom()}): a PHQ-9 administration yields its PHQ-2 (PHQ-9 items 1
     * and 2 as {@code phq2_1} and {@code phq2_2}), a GAD-7 administration its GAD-2. Date, timepoint and
     * respondent are kept. An item of the parent that was not answered is left out, so the derived
     * administration is scored under the derived instrument's own missing-item rule (PHQ-2: none allowed); an
     * ambiguous parent answer (its key given twice) stays unplaced under the derived item's id, so scoring
     * reports it rather than losing it. Other answers of the parent are not carried.
     *
     * <p>Formula: for each derived item {@code d} mapped to parent item {@code p}, {@code answer(d) =
     * answer(p)}; options and scores are the same by definition (PHQ-2 and GAD-2 are copied verbatim from
     * PHQ-9 and GAD-7; Kroenke et al. 2003, 2007).
     *
     * @param derived the shorter instrument, whose {@code derivedFrom} names this administration's instrument
     * @return the derived administration
     * @throws IllegalArgumentException when {@code derived} is not derived from this administration's
     *         instrument
     * @since 0.2.0
     */
    public Administration derive(Instrument derived) {
        Check.notNull(derived, "derived instrument");
        DerivedForm form = derived.derivedFrom().orElseThrow(() -> new IllegalArgumentException(
                "instrument must be derived from another: " + derived.id()));
        Check.argument(form.parentId().equals(instrumentId), "derived instrument must be derived from %s: %s",
                Redaction.instrumentId(instrumentId), derived.id());
        Map<String, Answer> placed = new LinkedHashMap<>();
        form.items().forEach((own, parent) -> {
            Answer answer = answers.get(parent);
            if (answer != null) {
                placed.put(own, answer);
            }
        });
        Map<String, String> ownOf = new HashMap<>();
        form.items().forEach((own, parent) -> ownOf.put(parent, own));
        List<UnplacedAnswer> unplaced = new ArrayList<>();
        for (UnplacedAnswer u : unplacedAnswers) {
            String own = ownOf.get(u.key());
            if (own != null) {
                unplaced.add(new UnplacedAnswer(placed.size() + unplaced.size(), own, u.answer()));
            }
        }
        return new Administration(derived.id(), placed, date, timepoint, respondent, unplaced);
    }

    /** Redacted: no date, no respondent, no answers, no keys. */
    @Override
    public String toString() {
        return "Administration[instrumentId=" + Redaction.instrumentId(instrumentId) + ", answers=" + answers.size()
                + " items" + (unplacedAnswers.isEmpty() ? "" : ", unplaced=" + unplacedAnswers.size())
                + ", timepoint=" + timepoint.map(Enum::name).orElse("-") + ", date=" + (date.isPresent()
                        ? "<redacted>" : "-") + ", respondent=" + (respondent.isPresent() ? "<redacted>" : "-") + "]";
    }
}
