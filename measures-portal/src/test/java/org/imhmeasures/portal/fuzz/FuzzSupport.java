/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.portal.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.imhmeasures.core.instrument.AnswerOption;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.core.instrument.Item;
import org.imhmeasures.core.instrument.ResponseScale;
import org.imhmeasures.scoring.CriticalAlert;
import org.imhmeasures.scoring.CriticalItemUnanswered;
import org.imhmeasures.scoring.NotScorable;
import org.imhmeasures.scoring.Problem;
import org.imhmeasures.scoring.ScoreResult;
import org.imhmeasures.scoring.Scored;

/**
 * What the fuzz tests of this package share: seeds, planted identifiers, odd values, and an oracle for what
 * a result must hold, computed from the instrument definition alone (never from the scorer). A copy of the
 * parts of measures-scoring's {@code org.imhmeasures.scoring.fuzz.FuzzSupport} that the submission fuzz test
 * uses: test classes of one module are not visible to another without a test-jar, which would put a second
 * module's test code on this module's test path.
 *
 * <p>Seeds: each test method takes a base seed from {@code -Dimh.seed}, else {@link System#nanoTime()}, and
 * prints it once; case {@code n} uses seed {@code base + n}, so the seed in a failure message, given as
 * {@code -Dimh.seed}, makes the failing input case 0 of the rerun. {@code -Dimh.fuzz.cases=<n>} overrides
 * a class's count (e.g. {@code 1} to rerun just the failing case).
 */
final class FuzzSupport {

    /**
     * Identifiers planted in every kind of field: an NHS number with and without separators, a name, a date
     * of birth in two notations. None may appear in any message, path or {@code toString()}.
     */
    static final List<String> PLANTED = List.of("9434765919", "943 476 5919", "943-476-5919", "Jane Smith",
            "Quartermaine", "1987-03-14", "14/03/1987");

    /** What may not appear in library text: the planted values and their telling parts. */
    private static final List<String> FORBIDDEN = List.of("9434765919", "943 476 5919", "943-476-5919",
            "Jane Smith", "Smith", "Quartermaine", "1987-03-14", "14/03/1987");

    /**
     * Numbers that are not plain ASCII whole numbers, or are bombs: exponents, non-ASCII digits (Arabic-Indic,
     * full-width), signs, bare points, grouping, a unicode minus, huge exponents and digit runs.
     */
    static final List<String> ODD_NUMBERS = List.of("1e1", "1E1", "٣", "٣٠", "２", "２０", "+2", "+20", ".5", "5.",
            "2.0", "2.5", "0x1", "1_0", "1,5", "-0", "00", "02", "007", "−1", "½", "2 3", "NaN", "Infinity",
            "1e999999999", "1e-999999999", "9".repeat(40), "-1", "99", "1000", "3\u0000", "1d", "1f", "٢", "३",
            "\u0661");

    /** Whitespace of every kind, including some that {@link String#strip()} does not remove (no-break spaces). */
    static final List<String> SPACES = List.of(" ", "  ", "\t", "\u2003", "\u3000", "\u00a0", "\u202f", "\u200b",
            " \t ");

    private FuzzSupport() {
    }

    /** The base seed of one test method, printed once. */
    static long baseSeed(String test) {
        String fixed = System.getProperty("imh.seed");
        long seed = fixed != null ? Long.parseLong(fixed.strip()) : System.nanoTime();
        System.out.println("[fuzz] " + test + ": base seed " + seed + " (rerun with -Dimh.seed=" + seed + ")");
        return seed;
    }

    /** The number of cases to run: the class's constant unless {@code -Dimh.fuzz.cases} says otherwise. */
    static int cases(int constant) {
        return Integer.getInteger("imh.fuzz.cases", constant);
    }

    /** Prints the count and time of one test method. */
    static void report(String test, int inputs, long startNanos, long startCpuNanos, String detail) {
        long ms = (System.nanoTime() - startNanos) / 1_000_000;
        long cpu = cpuNanos();
        System.out.println("[fuzz] " + test + ": " + inputs + " inputs in " + ms + " ms" + (cpu < 0 || startCpuNanos
                < 0 ? "" : " (" + (cpu - startCpuNanos) / 1_000_000 + " ms CPU)") + (detail.isEmpty() ? ""
                : ": " + detail));
    }

    /**
     * CPU time of this thread in nanoseconds, where the JVM measures it (read reflectively: the test module
     * does not read java.management), else -1. Reported next to wall time, which a shared machine stretches.
     */
    static long cpuNanos() {
        try {
            Object threads = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                    .invoke(null);
            return (Long) Class.forName("java.lang.management.ThreadMXBean").getMethod("getCurrentThreadCpuTime")
                    .invoke(threads);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return -1;
        }
    }

    /** The failure of one case: seed, case number, how to rerun, the input (clipped) and the cause. */
    static AssertionError failure(long seed, int n, String input, Throwable cause) {
        String shown = input.length() > 3000 ? input.substring(0, 3000) + "...[" + input.length() + " chars]" : input;
        AssertionError error = new AssertionError("seed " + seed + " (rerun with -Dimh.seed=" + seed
                + " -Dimh.fuzz.cases=1), case " + n + ": " + cause + "\n--- input ---\n" + shown, cause);
        return error;
    }

    static String planted(Random random) {
        return PLANTED.get(random.nextInt(PLANTED.size()));
    }

    static String odd(Random random) {
        return ODD_NUMBERS.get(random.nextInt(ODD_NUMBERS.size()));
    }

    static String space(Random random) {
        return SPACES.get(random.nextInt(SPACES.size()));
    }

    static <T> T pick(Random random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    /** Fails when library text holds a planted identifier or a telling part of one. */
    static void assertClean(String what, String text) {
        if (text == null) {
            return;
        }
        for (String forbidden : FORBIDDEN) {
            if (text.contains(forbidden)) {
                fail("planted identifier \"" + forbidden + "\" in " + what + ": " + text);
            }
        }
    }

    /** Every string a result produces: its {@code toString()} and every problem's message and {@code toString()}. */
    static void assertClean(ScoreResult result) {
        assertClean("result toString", result.toString());
        if (result instanceof NotScorable n) {
            for (Problem p : n.problems()) {
                assertClean("problem message", p.message());
                assertClean("problem toString", p.toString());
                assertTrue(p.message().contains(" must "), "problem message style: " + p.message());
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // The oracle: what the definition says a code scores, independently of the scorer

    /**
     * The score of a raw code on an item, from the definition only: the code trimmed of white space
     * ({@link String#strip()}, as {@code Answer.Given} and the scorer document), then an option whose code is
     * exactly that, or for a rating a plain ASCII whole number within the range. Empty when not allowed.
     */
    static OptionalInt oracleScore(Item item, String raw) {
        if (raw == null) {
            return OptionalInt.empty();
        }
        String code = raw.strip();
        if (code.isEmpty()) {
            return OptionalInt.empty();
        }
        if (item.scale() instanceof ResponseScale.Options options) {
            for (AnswerOption option : options.options()) {
                if (option.code().equals(code)) {
                    return OptionalInt.of(option.score());
                }
            }
            return OptionalInt.empty();
        }
        ResponseScale.Rating rating = (ResponseScale.Rating) item.scale();
        if (!code.matches("-?[0-9]{1,9}")) {
            return OptionalInt.empty();
        }
        int value = Integer.parseInt(code);
        return value >= rating.min() && value <= rating.max() ? OptionalInt.of(value) : OptionalInt.empty();
    }

    /** Whether a raw code is blank or absent: a missing answer. */
    static boolean blank(String raw) {
        return raw == null || raw.isBlank();
    }

    /** A random allowed code of an item. */
    static String validCode(Item item, Random random) {
        if (item.scale() instanceof ResponseScale.Options options) {
            return options.options().get(random.nextInt(options.options().size())).code();
        }
        ResponseScale.Rating rating = (ResponseScale.Rating) item.scale();
        return Integer.toString(rating.min() + random.nextInt(rating.max() - rating.min() + 1));
    }

    /** A critical item's code at or above its alert level, when there is one. */
    static Optional<String> alertingCode(Item item, Random random) {
        if (item.critical().isEmpty()) {
            return Optional.empty();
        }
        int min = item.critical().get().minScore();
        List<String> codes = new ArrayList<>();
        if (item.scale() instanceof ResponseScale.Options options) {
            options.options().stream().filter(o -> o.score() >= min).forEach(o -> codes.add(o.code()));
        } else {
            ResponseScale.Rating rating = (ResponseScale.Rating) item.scale();
            for (int v = Math.max(min, rating.min()); v <= rating.max(); v++) {
                codes.add(Integer.toString(v));
            }
        }
        return codes.isEmpty() ? Optional.empty() : Optional.of(codes.get(random.nextInt(codes.size())));
    }

    /**
     * Checks a result against answers whose placement is known: {@code codes} holds the raw code of each item
     * in form order ({@code null} or blank for missing). Every validly answered item keeps its score, the
     * unanswered ones are missing, invalid ones are {@code code_not_allowed}, every critical item at alert
     * level is in {@link ScoreResult#criticalAlerts()} with its score, and every critical item without a valid
     * answer is in {@link ScoreResult#criticalUnanswered()}.
     *
     * @param allowedMissing how many items may be missing under the options in force
     * @param extraProblems whether problems other than codes and missing items are expected (a wrong
     *        instrument, unknown keys): then the result must not be scored
     */
    static void assertAgrees(Instrument instrument, String[] codes, ScoreResult result, int allowedMissing,
            boolean extraProblems) {
        assertClean(result);
        List<Item> items = instrument.items();
        assertEquals(items.size(), codes.length, "codes per item");
        Map<String, Integer> scores = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        Set<String> invalid = new TreeSet<>();
        List<String> alerts = new ArrayList<>();
        Map<String, Integer> alertScores = new LinkedHashMap<>();
        List<String> unanswered = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            OptionalInt score = oracleScore(item, codes[i]);
            if (score.isPresent()) {
                scores.put(item.id(), score.getAsInt());
                if (item.critical().isPresent() && item.critical().get().minScore() <= score.getAsInt()) {
                    alerts.add(item.id());
                    alertScores.put(item.id(), score.getAsInt());
                }
            } else {
                if (blank(codes[i])) {
                    missing.add(item.id());
                } else {
                    invalid.add(item.id());
                }
                if (item.critical().isPresent()) {
                    unanswered.add(item.id());
                }
            }
        }
        assertEquals(alerts, result.criticalAlerts().stream().map(CriticalAlert::itemId).toList(),
                "critical alerts (expected from the answers and the definition)");
        for (CriticalAlert alert : result.criticalAlerts()) {
            assertEquals(alertScores.get(alert.itemId()), alert.score(), "alert score of " + alert.itemId());
        }
        assertEquals(unanswered, result.criticalUnanswered().stream().map(CriticalItemUnanswered::itemId).toList(),
                "critical items without a valid answer");
        boolean scorable = invalid.isEmpty() && missing.size() <= allowedMissing && !extraProblems;
        if (result instanceof Scored s) {
            assertTrue(scorable, "scored although " + invalid.size() + " invalid, " + missing.size()
                    + " missing (allowed " + allowedMissing + ")" + (extraProblems ? ", other problems" : ""));
            assertEquals(scores, new LinkedHashMap<>(s.itemScores()), "item scores of the answered items");
            assertEquals(missing, s.itemsMissing(), "missing items");
            int sum = scores.values().stream().mapToInt(Integer::intValue).sum();
            // no raw total where the instrument reports none (GBO, HADS)
            assertEquals(s.total().isPresent() ? OptionalInt.of(sum) : OptionalInt.empty(), s.rawTotal(), "raw total");
        } else {
            NotScorable n = (NotScorable) result;
            assertTrue(!scorable, "not scored although every answer is valid and few are missing: " + n.problems());
            Set<String> notAllowed = new TreeSet<>();
            for (Problem p : n.problems()) {
                if (p instanceof Problem.CodeNotAllowed c) {
                    notAllowed.add(c.item());
                }
            }
            assertEquals(invalid, notAllowed, "items reported code_not_allowed");
            boolean tooMany = n.problems().stream().anyMatch(p -> p instanceof Problem.TooManyMissing);
            assertEquals(missing.size() > allowedMissing, tooMany, "too_many_missing reported");
        }
    }

    /**
     * Checks any result against the answers it was computed from, when only the administration as read is
     * known: the items it scores must be the validly answered ones, and alerts and unanswered flags must
     * follow the definition's critical rule.
     */
    static void assertConsistent(Instrument instrument, Map<String, String> codesById, ScoreResult result,
            int allowedMissing) {
        String[] codes = new String[instrument.items().size()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = codesById.get(instrument.items().get(i).id());
        }
        boolean extra = codesById.keySet().stream().anyMatch(k -> instrument.item(k).isEmpty());
        assertAgrees(instrument, codes, result, allowedMissing, extra);
    }
}
