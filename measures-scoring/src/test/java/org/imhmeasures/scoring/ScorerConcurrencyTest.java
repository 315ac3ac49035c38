/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Regression test for the item-score flags of complete answers, once a lazily filled static cache (a
 * data race under the Java memory model), now one final array per scorer. Many threads score the same
 * seeded inputs at once, with scorers shared by all threads and with scorers each thread builds itself,
 * and every result (total, subscales, missing items, alerts and each item score) must equal the one
 * computed alone. The seed is printed; rerun one with {@code -Dimh.seed=<seed>}.
 */
@Timeout(60)
class ScorerConcurrencyTest {

    private static final int THREADS = 8;
    private static final int INPUTS_PER_SCORER = 200;
    private static final int ROUNDS = 3;

    private record Input(String key, String[] codes) {
    }

    private static long seed() {
        String fixed = System.getProperty("imh.seed");
        return fixed != null ? Long.parseLong(fixed) : System.nanoTime();
    }

    private static String key(Instrument instrument, MissingItemPolicy policy) {
        return instrument.id() + "/" + policy;
    }

    @Test
    void scoringConcurrently_withSharedAndOwnScorers_givesTheResultsOfScoringAlone() throws Exception {
        long seed = seed();
        System.out.println("ScorerConcurrencyTest seed " + seed + " (rerun with -Dimh.seed=" + seed + ")");
        Random random = new Random(seed);
        List<Instrument> instruments = Catalogue.builtIn().instruments().stream().filter(Instrument::scored).toList();
        // scorers built on this thread and handed to the pool: shared by every worker
        Map<String, Scorer> shared = new ConcurrentHashMap<>();
        List<Input> inputs = new ArrayList<>();
        List<ScoreResult> expected = new ArrayList<>();
        for (Instrument instrument : instruments) {
            for (MissingItemPolicy policy : MissingItemPolicy.values()) {
                String key = key(instrument, policy);
                Scorer reference = Scorer.of(instrument, ScoringOptions.defaults().with(policy));
                shared.put(key, Scorer.of(instrument, ScoringOptions.defaults().with(policy)));
                for (int i = 0; i < INPUTS_PER_SCORER; i++) {
                    String[] codes = CatalogueContractTest.randomComplete(instrument, random);
                    int roll = random.nextInt(4);
                    if (roll == 1) {
                        codes[random.nextInt(codes.length)] = ""; // one missing: the answered-flags path
                    } else if (roll == 2) {
                        codes[random.nextInt(codes.length)] = "99"; // not allowed
                    }
                    inputs.add(new Input(key, codes));
                    expected.add(reference.scoreCodes(codes));
                }
            }
        }
        assertTrue(expected.stream().anyMatch(r -> r instanceof Scored s && s.itemsMissing().isEmpty()),
                "seed " + seed + ": complete answers must be among the inputs");

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                long threadSeed = seed + 1 + t;
                futures.add(pool.submit(() -> {
                    Random order = new Random(threadSeed);
                    Map<String, Scorer> own = new java.util.HashMap<>(); // built lazily on this thread
                    start.await();
                    for (int round = 0; round < ROUNDS; round++) {
                        for (int k = 0; k < inputs.size(); k++) {
                            int i = order.nextInt(inputs.size());
                            Input input = inputs.get(i);
                            Scorer scorer = order.nextBoolean() ? shared.get(input.key())
                                    : own.computeIfAbsent(input.key(), key -> {
                                        Scorer template = shared.get(key);
                                        return Scorer.of(template.instrument(), template.options());
                                    });
                            ScoreResult result = scorer.scoreCodes(input.codes());
                            if (!result.equals(expected.get(i))) {
                                return "input " + i + " (" + input.key() + ", " + String.join(",", input.codes())
                                        + "): " + result + " but alone " + expected.get(i);
                            }
                            if (result instanceof Scored s) {
                                // iterate as a caller would: every answered item, in form order
                                Scored e = (Scored) expected.get(i);
                                if (!new ArrayList<>(s.itemScores().entrySet())
                                        .equals(new ArrayList<>(e.itemScores().entrySet()))) {
                                    return "input " + i + " (" + input.key() + "): item scores differ";
                                }
                            }
                        }
                    }
                    return "";
                }));
            }
            start.countDown();
            for (Future<String> future : futures) {
                assertEquals("", future.get(50, TimeUnit.SECONDS), "seed " + seed + " (rerun with -Dimh.seed="
                        + seed + ")");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
