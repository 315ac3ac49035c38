/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.benchmarks;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.imhmeasures.core.instrument.AnswerOption;
import org.imhmeasures.core.instrument.Band;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.core.instrument.Item;
import org.imhmeasures.core.instrument.ResponseScale;
import org.imhmeasures.scoring.ScoreResult;
import org.imhmeasures.scoring.Scorer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * P1: in-memory scoring of one administration given as numeric codes, the library
 * ({@link Scorer#scoreCodes(int[])}, returning a full {@code Scored} with total, band, caseness, alerts,
 * item scores and provenance) against a hand-written loop over the same int arrays that computes the
 * total (with reverse keying), band index, caseness, critical-item count and subscale sums (PBQ's four
 * factors) into a small record — what a developer would write for one instrument.
 * Target: library at most 3x the loop.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ScoringBenchmark {

    @Param({"PHQ-9", "GAD-7", "EPDS", "CORE-10", "PBQ"})
    public String instrument;

    private static final int INPUTS = 1024;

    private Scorer scorer;
    private int[][] inputs;
    private HandScorer hand;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        Instrument definition = Catalogue.builtIn().get(instrument);
        scorer = Scorer.of(definition);
        hand = new HandScorer(definition);
        inputs = randomCodes(definition, INPUTS, 42);
    }

    static int[][] randomCodes(Instrument definition, int count, long seed) {
        Random random = new Random(seed);
        int[][] out = new int[count][definition.items().size()];
        for (int r = 0; r < count; r++) {
            for (int i = 0; i < out[r].length; i++) {
                List<AnswerOption> options = ((ResponseScale.Options) definition.items().get(i).scale()).options();
                out[r][i] = Integer.parseInt(options.get(random.nextInt(options.size())).code());
            }
        }
        return out;
    }

    @Benchmark
    public ScoreResult library() {
        return scorer.scoreCodes(inputs[next++ & (INPUTS - 1)]);
    }

    @Benchmark
    public HandScorer.Result handLoop() {
        return hand.score(inputs[next++ & (INPUTS - 1)]);
    }

    /** What a developer would write by hand for one instrument: lookup tables built once. */
    public static final class HandScorer {
        /** Total, band index (-1 none), caseness, critical items at alert level, subscale sums. */
        public record Result(int total, int band, boolean caseness, int alerts, int[] subscales) {
        }

        private final int[][] scoreByCode;
        private final int[] bandByTotal;
        private final int threshold;
        private final boolean atLeast;
        private final int[] criticalIndexes;
        private final int[] criticalMin;
        private final int[][] subscaleItems;
        private static final int[] NO_SUBSCALES = new int[0];

        HandScorer(Instrument definition) {
            List<Item> items = definition.items();
            scoreByCode = new int[items.size()][];
            for (int i = 0; i < items.size(); i++) {
                List<AnswerOption> options = ((ResponseScale.Options) items.get(i).scale()).options();
                int[] table = new int[16];
                java.util.Arrays.fill(table, -1);
                for (AnswerOption o : options) {
                    table[Integer.parseInt(o.code())] = o.score();
                }
                scoreByCode[i] = table;
            }
            int max = definition.totalRange().map(r -> r.max().intValue()).orElse(0);
            bandByTotal = new int[max + 1];
            List<Band> bands = definition.bands().bands();
            for (int t = 0; t <= max; t++) {
                bandByTotal[t] = -1;
                for (int b = 0; b < bands.size(); b++) {
                    if (t >= bands.get(b).from().intValue() && t <= bands.get(b).to().intValue()) {
                        bandByTotal[t] = b;
                    }
                }
            }
            threshold = definition.caseness().map(c -> c.threshold().intValue()).orElse(Integer.MAX_VALUE);
            atLeast = definition.caseness().map(c -> c.comparison()
                    == org.imhmeasures.core.instrument.Cutoff.Comparison.AT_LEAST).orElse(true);
            criticalIndexes = java.util.stream.IntStream.range(0, items.size())
                    .filter(i -> items.get(i).critical().isPresent()).toArray();
            criticalMin = java.util.Arrays.stream(criticalIndexes)
                    .map(i -> items.get(i).critical().get().minScore()).toArray();
            subscaleItems = definition.subscales().stream().map(sub -> sub.itemIds().stream()
                    .mapToInt(id -> definition.items().indexOf(definition.item(id).orElseThrow())).toArray())
                    .toArray(int[][]::new);
        }

        public Result score(int[] codes) {
            int total = 0;
            for (int i = 0; i < codes.length; i++) {
                int score = scoreByCode[i][codes[i]];
                if (score < 0) {
                    throw new IllegalArgumentException("code not allowed");
                }
                total += score;
            }
            int alerts = 0;
            for (int c = 0; c < criticalIndexes.length; c++) {
                if (scoreByCode[criticalIndexes[c]][codes[criticalIndexes[c]]] >= criticalMin[c]) {
                    alerts++;
                }
            }
            boolean caseness = atLeast ? total >= threshold : total <= threshold;
            int[] subscales = subscaleItems.length == 0 ? NO_SUBSCALES : new int[subscaleItems.length];
            for (int s = 0; s < subscaleItems.length; s++) {
                for (int i : subscaleItems[s]) {
                    subscales[s] += scoreByCode[i][codes[i]];
                }
            }
            return new Result(total, bandByTotal[total], caseness, alerts, subscales);
        }
    }
}
