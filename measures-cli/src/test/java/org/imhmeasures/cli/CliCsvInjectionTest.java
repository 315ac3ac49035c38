/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end (issue 8 §7): a record id that a spreadsheet would run as a formula comes out of every CSV
 * the CLI writes with a leading {@code '} (OWASP "CSV Injection"); {@code --raw-csv} writes it as it is;
 * numbers such as a change of {@code -10} are never altered.
 */
class CliCsvInjectionTest {

    /** Every character OWASP lists, first in a record id. */
    private static final List<String> HOSTILE = List.of("=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "\tx", "\ry");

    private static final List<String> PHQ9_ITEMS = List.of("phq9_1", "phq9_2", "phq9_3", "phq9_4", "phq9_5", "phq9_6",
            "phq9_7", "phq9_8", "phq9_9");

    /** What a hostile id becomes: the reader strips white space, then a formula character gets a quote. */
    private static String neutralised(String id) {
        String stripped = id.strip();
        return "=+-@".indexOf(stripped.charAt(0)) >= 0 ? "'" + stripped : stripped;
    }

    private static Path csv(Path file, List<List<String>> rows) throws IOException {
        StringWriter w = new StringWriter();
        new CsvMapper().writer(CsvSchema.emptySchema()).writeValues(w).writeAll(rows).close();
        return Files.writeString(file, w.toString(), StandardCharsets.UTF_8);
    }

    private static List<List<String>> read(Path file) throws IOException {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> it = mapper.readerForListOf(String.class).with(CsvSchema.emptySchema())
                .readValues(file.toFile())) {
            while (it.hasNext()) {
                rows.add(it.next());
            }
        }
        return rows.subList(1, rows.size()); // without the header
    }

    /** Per hostile id one scorable row and one rejected row (code 9 is not a PHQ-9 answer). */
    private static Path phq9(Path dir) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("record_id"));
        header.addAll(PHQ9_ITEMS);
        rows.add(header);
        for (String id : HOSTILE) {
            rows.add(List.of(id, "1", "1", "1", "1", "1", "1", "1", "1", "0"));
            rows.add(List.of(id, "9", "1", "1", "1", "1", "1", "1", "1", "0"));
        }
        return csv(dir.resolve("in.csv"), rows);
    }

    private static List<String> column(List<List<String>> rows, int column) {
        return rows.stream().map(r -> r.get(column)).toList();
    }

    @Test
    void score_recordIdsNeutralisedInOutputAndRejects_rawCsvKeepsThem(@TempDir Path dir) throws IOException {
        Path in = phq9(dir);
        List<String> expected = HOSTILE.stream().map(CliCsvInjectionTest::neutralised).toList();
        List<String> raw = HOSTILE.stream().map(String::strip).toList();
        CliRun r = CliRun.of("score", "--instrument", "PHQ-9", "--input", in.toString(), "--output",
                dir.resolve("out.csv").toString(), "--rejects", dir.resolve("rej.csv").toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(expected, column(read(dir.resolve("out.csv")), 0));
        assertEquals(expected, column(read(dir.resolve("rej.csv")), 1));
        assertEquals(List.of("8", "8", "8", "8", "8", "8"), column(read(dir.resolve("out.csv")), 3), "numbers as they are");

        CliRun plain = CliRun.of("score", "--instrument", "PHQ-9", "--input", in.toString(), "--output",
                dir.resolve("out.csv").toString(), "--rejects", dir.resolve("rej.csv").toString(), "--raw-csv");
        assertEquals(0, plain.status(), plain.err());
        assertEquals(raw, column(read(dir.resolve("out.csv")), 0));
        assertEquals(raw, column(read(dir.resolve("rej.csv")), 1));
    }

    @Test
    void change_recordIdsNeutralised_negativeChangeStaysANumber_rawCsvKeepsThem(@TempDir Path dir)
            throws IOException {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("record_id", "pre", "post"));
        for (String id : HOSTILE) {
            rows.add(List.of(id, "18", "8"));
            rows.add(List.of(id, "18", ""));
        }
        Path in = csv(dir.resolve("pairs.csv"), rows);
        CliRun r = CliRun.of("change", "--instrument", "PHQ-9", "--input", in.toString(), "--output",
                dir.resolve("out.csv").toString(), "--rejects", dir.resolve("rej.csv").toString());
        assertEquals(0, r.status(), r.err());
        List<List<String>> out = read(dir.resolve("out.csv"));
        assertEquals(HOSTILE.stream().map(CliCsvInjectionTest::neutralised).toList(), column(out, 0));
        assertEquals(List.of("-10", "-10", "-10", "-10", "-10", "-10"), column(out, 3), "change is a number: as it is");
        assertEquals(HOSTILE.stream().map(CliCsvInjectionTest::neutralised).toList(),
                column(read(dir.resolve("rej.csv")), 1));

        CliRun plain = CliRun.of("change", "--instrument", "PHQ-9", "--input", in.toString(), "--output",
                dir.resolve("out.csv").toString(), "--rejects", dir.resolve("rej.csv").toString(), "--raw-csv");
        assertEquals(0, plain.status(), plain.err());
        assertEquals(HOSTILE.stream().map(String::strip).toList(), column(read(dir.resolve("out.csv")), 0));
    }

    @Test
    void fhir_rejectsNeutralised_rawCsvKeepsThem(@TempDir Path dir) throws IOException {
        Path in = phq9(dir);
        CliRun r = CliRun.of("fhir", "--instrument", "PHQ-9", "--input", in.toString(), "--output",
                dir.resolve("out.ndjson").toString(), "--rejects", dir.resolve("rej.csv").toString());
        assertEquals(0, r.status(), r.err());
        List<List<String>> rejects = read(dir.resolve("rej.csv"));
        assertEquals(HOSTILE.stream().map(CliCsvInjectionTest::neutralised).toList(), column(rejects, 1));
        assertTrue(column(rejects, 0).stream().allMatch(line -> line.matches("[0-9]+")), "line: a number");
        // NDJSON is not CSV: the identifier keeps its value there
        assertTrue(Files.readString(dir.resolve("out.ndjson")).contains("\"value\":\"=HYPERLINK(\\\"x\\\")\""));

        CliRun plain = CliRun.of("fhir", "--instrument", "PHQ-9", "--input", in.toString(), "--output",
                dir.resolve("out.ndjson").toString(), "--rejects", dir.resolve("rej.csv").toString(), "--raw-csv");
        assertEquals(0, plain.status(), plain.err());
        assertEquals(HOSTILE.stream().map(String::strip).toList(), column(read(dir.resolve("rej.csv")), 1));
    }

    @Test
    void usage_mentionsRawCsv() {
        assertTrue(Main.USAGE.contains("[--raw-csv]"), Main.USAGE);
        assertEquals(2, CliRun.of("profile", "--input", "x.jsonl", "--raw-csv").status(),
                "profile writes no CSV: the switch is not one of its arguments");
    }
}
