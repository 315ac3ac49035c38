/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.benchmarks;

import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.dataset.DatasetScoring;
import org.imhmeasures.scoring.dataset.DatasetSummary;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * P2, warm and in memory: 100,000 PHQ-9 rows (about 1% empty cells) read, scored and written by the
 * library, against Jackson CSV reading the same rows and writing rows of the same width with the same
 * parser and generator calls. Complements the whole-command timings of {@code scripts/bench_csv.py},
 * which include JVM start-up and JIT warm-up. Output goes to a discarding writer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CsvBenchmark {

    private static final int ROWS = 100_000;

    private String csv;
    private DatasetScoring scoring;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(1);
        StringBuilder text = new StringBuilder("record_id,phq9_1,phq9_2,phq9_3,phq9_4,phq9_5,phq9_6,phq9_7,phq9_8,"
                + "phq9_9\n");
        for (int r = 0; r < ROWS; r++) {
            text.append('R').append(r);
            for (int i = 0; i < 9; i++) {
                text.append(',');
                if (random.nextInt(100) != 0) {
                    text.append(random.nextInt(4));
                }
            }
            text.append('\n');
        }
        csv = text.toString();
        scoring = DatasetScoring.of(Scorer.of(Catalogue.builtIn().get("PHQ-9")));
    }

    /** The generated input, for the smoke test. */
    String input() {
        return csv;
    }

    @Benchmark
    public DatasetSummary library() throws IOException {
        return scoring.score(new StringReader(csv), Writer.nullWriter(), Writer.nullWriter());
    }

    @Benchmark
    public long jacksonAlone() throws IOException {
        return JacksonCopyBaseline.copy(new StringReader(csv), Writer.nullWriter());
    }
}
