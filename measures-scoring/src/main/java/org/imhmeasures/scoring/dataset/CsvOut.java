/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.function.Predicate;

/**
 * Writes CSV rows straight to a Jackson {@link CsvGenerator} (no data binding per row). Closing it
 * flushes but leaves the underlying writer open: the caller owns it.
 *
 * <p>The first row written is the header. A column whose header name {@code numbers} accepts holds
 * numbers this library formatted or validated as numbers and is written as it is; every other cell, in
 * every row, is text (it came from the input, or is a word such as a reason or a label) and goes
 * through the {@link CsvCells} policy, which neutralises cells a spreadsheet would run as a formula.
 */
final class CsvOut implements Closeable {

    /** Quotes only where CSV needs it, so output is stable and diff-friendly. Thread-safe. */
    static final CsvMapper MAPPER = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

    private final CsvGenerator generator;
    private final CsvCells cells;
    private final Predicate<String> numbers;
    private boolean[] number;

    /**
     * Creates the writer.
     *
     * @param writer the caller's writer
     * @param cells the policy for text cells
     * @param numbers accepts the header names of the columns that hold numbers, never altered
     */
    CsvOut(Writer writer, CsvCells cells, Predicate<String> numbers) throws IOException {
        this.cells = cells;
        this.numbers = numbers;
        generator = MAPPER.getFactory().createGenerator(writer);
        generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        generator.setSchema(CsvSchema.emptySchema());
    }

    void row(List<String> cells) throws IOException {
        if (number == null) {
            header(cells);
        }
        generator.writeStartArray();
        for (int i = 0; i < cells.size(); i++) {
            cell(i, cells.get(i));
        }
        generator.writeEndArray();
    }

    void row(String... cells) throws IOException {
        if (number == null) {
            header(List.of(cells));
        }
        generator.writeStartArray();
        for (int i = 0; i < cells.length; i++) {
            cell(i, cells[i]);
        }
        generator.writeEndArray();
    }

    /** The first row: learn which columns hold numbers. */
    private void header(List<String> names) {
        number = new boolean[names.size()];
        for (int i = 0; i < number.length; i++) {
            number[i] = numbers.test(names.get(i));
        }
    }

    private void cell(int column, String value) throws IOException {
        generator.writeString(column < number.length && number[column] ? value : cells.text(value));
    }

    void flush() throws IOException {
        generator.flush();
    }

    @Override
    public void close() throws IOException {
        generator.close();
    }
}
