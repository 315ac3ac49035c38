/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.core.instrument.ListedAnswer;

/**
 * Writes a wide benchmark CSV: {@code record_id} plus one column per item, random valid codes, about 1%
 * of cells empty (missing answers). Streams, so any size fits in memory.
 *
 * <p>Usage: {@code GenerateCsv <instrument id> <rows> <out.csv> [seed]}
 */
public final class GenerateCsv {

    private GenerateCsv() {
    }

    public static void main(String[] args) throws IOException {
        Instrument instrument = Catalogue.builtIn().get(args[0]);
        long rows = Long.parseLong(args[1]);
        Path out = Path.of(args[2]);
        SplittableRandom random = new SplittableRandom(args.length > 3 ? Long.parseLong(args[3]) : 1);
        String[][] codes = new String[instrument.items().size()][];
        for (int i = 0; i < codes.length; i++) {
            // listed codes, scored options or unscored categories (answers-only instruments) alike
            List<ListedAnswer> options = instrument.items().get(i).scale().listedAnswers();
            codes[i] = options.stream().map(ListedAnswer::code).toArray(String[]::new);
        }
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("record_id");
            for (var item : instrument.items()) {
                w.write(',');
                w.write(item.id());
            }
            w.write('\n');
            for (long r = 0; r < rows; r++) {
                w.write('R');
                w.write(Long.toString(r));
                for (String[] options : codes) {
                    w.write(',');
                    if (random.nextInt(100) != 0) {
                        w.write(options[random.nextInt(options.length)]);
                    }
                }
                w.write('\n');
            }
        }
    }
}
