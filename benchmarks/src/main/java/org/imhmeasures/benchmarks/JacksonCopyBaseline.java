/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.benchmarks;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * P2 baseline: Jackson CSV alone. Reads every row of the input the way the library does (streaming
 * tokens, same parser settings) and writes a row of the same width as the library's output (10 cells:
 * the record id and the cells read) with the same streaming generator calls. No scoring.
 *
 * <p>Usage: {@code JacksonCopyBaseline <in.csv> <out.csv>}
 */
public final class JacksonCopyBaseline {

    private JacksonCopyBaseline() {
    }

    public static void main(String[] args) throws IOException {
        long rows;
        try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8);
                BufferedWriter out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            rows = copy(in, out);
        }
        System.out.println("rows copied " + rows);
    }

    /**
     * Copies every CSV row of {@code in} to {@code out} as a 10-cell row (the library's output width) with
     * the library's parser settings and streaming generator calls; the readers are not closed.
     *
     * @param in CSV input
     * @param out CSV output
     * @return rows copied, the header included
     * @throws IOException on read or write failure
     */
    static long copy(java.io.Reader in, java.io.Writer out) throws IOException {
        CsvMapper mapper = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
        long rows = 0;
        try (CsvParser parser = mapper.getFactory().createParser(in);
                CsvGenerator writer = mapper.getFactory().createGenerator(out)) {
            writer.setSchema(CsvSchema.emptySchema());
            parser.setSchema(CsvSchema.emptySchema());
            parser.enable(CsvParser.Feature.WRAP_AS_ARRAY);
            parser.nextToken();
            List<String> cells = new ArrayList<>(16);
            while (parser.nextToken() == JsonToken.START_ARRAY) {
                cells.clear();
                JsonToken token;
                while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
                    cells.add(parser.getText());
                }
                // same streaming writes as the library: one array per row, no data binding
                writer.writeStartArray();
                for (int c = 0; c < 10; c++) {
                    writer.writeString(c < cells.size() ? cells.get(c) : "");
                }
                writer.writeEndArray();
                rows++;
            }
        }
        return rows;
    }
}
