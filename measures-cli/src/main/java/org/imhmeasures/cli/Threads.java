/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.imhmeasures.scoring.dataset.DatasetScoring;
import picocli.CommandLine.ITypeConverter;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --threads N}: how many threads {@code score} reads, scores and writes on. Without it, an input
 * of at least {@value #AUTO_BYTES} bytes (about 300,000 PHQ-9 rows) runs on up to {@value #AUTO_MAX} of
 * the machine's processors, a smaller one on one thread (start-up of the pipeline costs more than it saves).
 * The output is the same either way.
 */
final class Threads {

    /** Inputs at least this large are pipelined when {@code --threads} is not given. */
    static final long AUTO_BYTES = 8L * 1024 * 1024;

    /** The most threads chosen automatically: one reader, one writer, two scorers. */
    static final int AUTO_MAX = 4;

    private Threads() {
    }

    /**
     * The threads for a run.
     *
     * @param given {@code --threads}, or {@code null}
     * @param input the input file
     * @return 1 or more
     */
    static int choose(@Nullable Integer given, Path input) {
        if (given != null) {
            return given;
        }
        long size;
        try {
            size = Files.isRegularFile(input) ? Files.size(input) : 0;
        } catch (IOException e) {
            size = 0; // opening the input reports the problem
        }
        return size >= AUTO_BYTES ? Math.min(AUTO_MAX, Math.max(1, Runtime.getRuntime().availableProcessors())) : 1;
    }

    /** {@code --threads N}: 1 to {@value DatasetScoring#MAX_THREADS}. */
    static final class Converter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String raw) {
            int threads = raw.matches("[0-9]{1,3}") ? Integer.parseInt(raw) : 0;
            if (threads < 1 || threads > DatasetScoring.MAX_THREADS) {
                throw new TypeConversionException("--threads must be a whole number from 1 to "
                        + DatasetScoring.MAX_THREADS + ": " + raw);
            }
            return threads;
        }
    }
}
