/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.imhmeasures.core.internal.Check;

/**
 * How an item is answered: a {@link ScoredScale} (coded options each with a score, or a whole-number rating
 * whose value is its score), or an {@link Unscored} list of answer categories whose answers are recorded and
 * never scored. The split is in the type: code that needs scores ({@link ScoredScale#scoreOf},
 * {@link ScoredScale#minScore}, {@link ScoredScale#maxScore}) takes a {@link ScoredScale} and cannot be
 * handed an unscored scale; every scale says which codes it allows.
 *
 * @since 0.1.0
 */
public sealed interface ResponseScale permits ResponseScale.ScoredScale, ResponseScale.Unscored {

    /**
     * Tells whether a recorded code is one of the scale's answers.
     *
     * @param code the recorded code, already trimmed
     * @return {@code true} when the code is allowed
     * @since 0.2.0
     */
    boolean allows(String code);

    /**
     * Describes the allowed codes for messages, e.g. {@code 0..3} or {@code 0, 1, 2, 3, NA}.
     *
     * @return a short description of the allowed codes
     */
    String describeAllowed();

    /**
     * The answers the scale lists by code, in definition order: the options of {@link Options}, the
     * categories of {@link Unscored}; none for a {@link Rating}, whose codes are the whole numbers of its
     * range.
     *
     * @return the listed answers, possibly empty
     * @since 0.2.0
     */
    List<ListedAnswer> listedAnswers();

    /** {@code 0..3} for a run of consecutive whole-number codes, else the codes joined by commas. */
    private static String describeCodes(List<String> codes) {
        return isConsecutiveRun(codes) ? codes.get(0) + ".." + codes.get(codes.size() - 1) : String.join(", ", codes);
    }

    private static boolean isConsecutiveRun(List<String> codes) {
        for (int i = 0; i < codes.size(); i++) {
            if (!codes.get(i).matches("\\d{1,9}")
                    || Integer.parseInt(codes.get(i)) != Integer.parseInt(codes.get(0)) + i) {
                return false;
            }
        }
        return true;
    }

    /** Validates the listed answers: at least two, unique codes, unique LOINC answer codes. */
    private static void checkListed(List<? extends ListedAnswer> answers, String plural, String what) {
        Check.argument(answers.size() >= 2, "%s must number at least 2: %d", plural, answers.size());
        Set<String> seen = new HashSet<>();
        Set<String> loinc = new HashSet<>();
        for (ListedAnswer answer : answers) {
            Check.argument(seen.add(answer.code()), "%s codes must be unique: %s", what, answer.code());
            answer.loincAnswer().ifPresent(la -> Check.argument(loinc.add(la),
                    "%s loinc answer codes must be unique: %s", what, la));
        }
    }

    /**
     * A scale whose answers carry scores: {@link Options} or {@link Rating}.
     *
     * @since 0.2.0
     */
    sealed interface ScoredScale extends ResponseScale permits Options, Rating {

        /**
         * Returns the score for a recorded code.
         *
         * @param code the recorded code, already trimmed
         * @return the score, or empty when the code is not allowed
         */
        Optional<Integer> scoreOf(String code);

        /**
         * Lowest score an answer can contribute.
         *
         * @return the minimum score
         */
        int minScore();

        /**
         * Highest score an answer can contribute.
         *
         * @return the maximum score
         */
        int maxScore();

        @Override
        default boolean allows(String code) {
            return scoreOf(code).isPresent();
        }
    }

    /**
     * Answer categories recorded by code and never scored (a feedback question's answers): no score, no
     * range, nothing to add up. Only {@link ScoringRule.AnswersOnly} instruments have them, and they have
     * nothing else.
     *
     * @param categories the categories, codes unique, at least two
     * @since 0.2.0
     */
    record Unscored(List<AnswerCategory> categories) implements ResponseScale {

        /**
         * Validates: at least two categories, unique codes and LOINC answer codes.
         *
         * @param categories the categories, codes unique, at least two
         */
        public Unscored {
            categories = List.copyOf(Check.notNull(categories, "categories"));
            checkListed(categories, "categories", "category");
        }

        @Override
        public boolean allows(String code) {
            for (AnswerCategory category : categories) {
                if (category.code().equals(code)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String describeAllowed() {
            return describeCodes(categories.stream().map(AnswerCategory::code).collect(Collectors.toList()));
        }

        @Override
        public List<ListedAnswer> listedAnswers() {
            return Collections.unmodifiableList(categories);
        }
    }

    /**
     * Coded options, each mapping a code to a score.
     *
     * @param options the options, codes unique, at least two
     */
    record Options(List<AnswerOption> options) implements ScoredScale {

        /**
         * Validates: at least two options, unique codes.
         *
         * @param options the options, codes unique, at least two
         */
        public Options {
            options = List.copyOf(Check.notNull(options, "options"));
            checkListed(options, "options", "option");
        }

        @Override
        public Optional<Integer> scoreOf(String code) {
            for (AnswerOption option : options) {
                if (option.code().equals(code)) {
                    return Optional.of(option.score());
                }
            }
            return Optional.empty();
        }

        @Override
        public int minScore() {
            return options.stream().mapToInt(AnswerOption::score).min().orElseThrow();
        }

        @Override
        public int maxScore() {
            return options.stream().mapToInt(AnswerOption::score).max().orElseThrow();
        }

        @Override
        public String describeAllowed() {
            return describeCodes(options.stream().map(AnswerOption::code).collect(Collectors.toList()));
        }

        @Override
        public List<ListedAnswer> listedAnswers() {
            return Collections.unmodifiableList(options);
        }
    }

    /**
     * A whole-number rating from {@code min} to {@code max}; the code is the number and the score is
     * the same number (PIR-GAS 1–100, GBO goal 0–10).
     *
     * @param min lowest rating
     * @param max highest rating
     */
    record Rating(int min, int max) implements ScoredScale {

        /**
         * Validates {@code min < max}.
         *
         * @param min lowest rating
         * @param max highest rating
         */
        public Rating {
            Check.argument(min < max, "rating min must be below max: %d >= %d", min, max);
        }

        @Override
        public Optional<Integer> scoreOf(String code) {
            if (!code.matches("-?\\d{1,9}")) {
                return Optional.empty();
            }
            int value = Integer.parseInt(code);
            return value >= min && value <= max ? Optional.of(value) : Optional.empty();
        }

        @Override
        public int minScore() {
            return min;
        }

        @Override
        public int maxScore() {
            return max;
        }

        @Override
        public String describeAllowed() {
            return min + ".." + max;
        }

        @Override
        public List<ListedAnswer> listedAnswers() {
            return List.of();
        }
    }
}
