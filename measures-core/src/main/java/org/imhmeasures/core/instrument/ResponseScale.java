/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.imhmeasures.core.internal.Check;

/**
 * How an item is answered: a list of coded options, or a whole-number rating whose value is its score.
 *
 * @since 0.1.0
 */
public sealed interface ResponseScale permits ResponseScale.Options, ResponseScale.Rating {

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

    /**
     * Describes the allowed codes for messages, e.g. {@code 0..3} or {@code 0, 1, 2, 3, NA}.
     *
     * @return a short description of the allowed codes
     */
    String describeAllowed();

    /**
     * Coded options, each mapping a code to a score.
     *
     * @param options the options, codes unique, at least two
     */
    record Options(List<AnswerOption> options) implements ResponseScale {

        /**
         * Validates: at least two options, unique codes.
         *
         * @param options the options, codes unique, at least two
         */
        public Options {
            options = List.copyOf(Check.notNull(options, "options"));
            Check.argument(options.size() >= 2, "options must number at least 2: %d", options.size());
            Set<String> seen = new HashSet<>();
            Set<String> loinc = new HashSet<>();
            for (AnswerOption option : options) {
                Check.argument(seen.add(option.code()), "option codes must be unique: %s", option.code());
                option.loincAnswer().ifPresent(la -> Check.argument(loinc.add(la),
                        "option loinc answer codes must be unique: %s", la));
            }
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
            List<String> codes = options.stream().map(AnswerOption::code).collect(Collectors.toList());
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
    }

    /**
     * A whole-number rating from {@code min} to {@code max}; the code is the number and the score is
     * the same number (PIR-GAS 1–100, GBO goal 0–10).
     *
     * @param min lowest rating
     * @param max highest rating
     */
    record Rating(int min, int max) implements ResponseScale {

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
    }
}
