/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.fuzz;

import static org.imhmeasures.scoring.fuzz.FuzzSupport.assertClean;
import static org.imhmeasures.scoring.fuzz.FuzzSupport.odd;
import static org.imhmeasures.scoring.fuzz.FuzzSupport.pick;
import static org.imhmeasures.scoring.fuzz.FuzzSupport.planted;
import static org.imhmeasures.scoring.fuzz.FuzzSupport.space;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.core.instrument.ScoreRange;
import org.imhmeasures.scoring.change.ChangeModel;
import org.imhmeasures.scoring.change.ChangeOptions;
import org.imhmeasures.scoring.change.ParameterSource;
import org.imhmeasures.scoring.change.RciMethod;
import org.imhmeasures.scoring.dataset.ChangeCsv;
import org.imhmeasures.scoring.dataset.DatasetException;
import org.imhmeasures.scoring.dataset.DatasetInput;
import org.imhmeasures.scoring.dataset.DatasetSummary;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of the change CSV ({@code record_id,pre,post}) through {@link ChangeCsv#run}: paired totals
 * for every instrument that has a total and a usable change model, mutated — odd numbers ({@code 1e1},
 * {@code ٣٠}, {@code ２０}, {@code +20}, {@code .5}, {@code 5.}, {@code 1e-999999999}, 40 digits), blank
 * cells, white space, quoting, out-of-range totals, planted identifiers (NHS number, name, date of birth)
 * in totals, record ids, group labels and column names, extra, reordered and repeated columns, malformed
 * rows, BOM, CRLF, and damage to the text (truncation, junk, stray quotes, invalid UTF-8).
 *
 * <p>For every input: the run completes, or fails with a {@link DatasetException} giving a line (line 0
 * only for a change model that cannot assess at all, which names no input), never anything else; no planted
 * identifier is in any exception message (cause chain included), reject reason or message, or computed
 * output cell ({@code rci} and the categories; record id, totals and their difference are the user's own);
 * rows read = rows assessed + rows rejected. For
 * inputs not damaged as text, each row's outcome is predicted: its reject reason
 * ({@code malformed_row}, {@code missing_record_id}, {@code missing_score}, {@code score_not_a_number},
 * {@code score_out_of_range}) or its output row with {@code change = post - pre} exactly.
 *
 * <p>Rerun one input: {@code ./mvnw -pl measures-scoring -am verify -Dtest=ChangeCsvFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dimh.seed=<seed from the failure> -Dimh.fuzz.cases=1}.
 */
class ChangeCsvFuzzTest {

    /** Change datasets per run; tune here. */
    static final int CASES = 20_000;

    /** (instrument, options) pairs whose published change model is usable, so every row is assessed or rejected. */
    private static final List<Object[]> JOBS = new ArrayList<>();
    private static final Map<String, ChangeCsv> CSV = new HashMap<>();

    static {
        for (Instrument instrument : Catalogue.builtIn().instruments().stream().filter(Instrument::scored).toList()) {
            for (RciMethod method : RciMethod.values()) {
                ChangeOptions options = ChangeOptions.defaults().with(method);
                if (ChangeModel.changeRange(instrument).isPresent()
                        && ChangeModel.published(instrument, options).unusable().isEmpty()) {
                    JOBS.add(new Object[] {instrument, options});
                }
            }
        }
    }

    private static ChangeCsv job(Instrument instrument, ChangeOptions options, boolean groups) {
        return CSV.computeIfAbsent(instrument.id() + options + groups, k -> ChangeCsv.of(instrument, options,
                groups ? List.of("team") : List.of()));
    }

    /** One generated row: its cells by column and the reject reason predicted, or null when it is assessed. */
    record Row(String recordId, String pre, String post, String team, String expected) {
    }

    /** A decimal within the range, as a plain decimal (whole, or with one or two decimals). */
    private static String inRange(ScoreRange range, Random random) {
        BigDecimal min = range.min();
        BigDecimal max = range.max();
        BigDecimal span = max.subtract(min);
        BigDecimal value = min.add(span.multiply(BigDecimal.valueOf(random.nextInt(1001))).divide(BigDecimal
                .valueOf(1000), 2, java.math.RoundingMode.DOWN));
        if (random.nextBoolean()) {
            value = value.setScale(0, java.math.RoundingMode.DOWN).max(min.setScale(0, java.math.RoundingMode.CEILING));
        }
        return value.toPlainString();
    }

    /** A total as written, and the reason it is rejected for (null when it is a usable total). */
    private static String[] total(ScoreRange range, Random random) {
        switch (random.nextInt(14)) {
            case 0:
                return new String[] {random.nextBoolean() ? "" : FuzzSupport.stripped(random), "missing_score"};
            case 1:
                return new String[] {odd(random), null};
            case 2:
                return new String[] {planted(random), null};
            case 3:
                return new String[] {range.max().add(BigDecimal.ONE).toPlainString(), "score_out_of_range"};
            case 4:
                return new String[] {range.min().subtract(BigDecimal.valueOf(random.nextInt(5) + 1)).toPlainString(),
                    "score_out_of_range"};
            case 5:
                return new String[] {FuzzSupport.stripped(random) + inRange(range, random)
                    + FuzzSupport.stripped(random), null};
            case 6:
                return new String[] {"0".repeat(30) + "1", null};
            case 7:
                return new String[] {"1".repeat(33), "score_not_a_number"};
            default:
                return new String[] {inRange(range, random), null};
        }
    }

    /** The reason a total is rejected for: the library's documented rule, applied here independently. */
    private static String reason(String text, ScoreRange range) {
        String t = text.strip();
        if (t.isEmpty()) {
            return "missing_score";
        }
        if (t.length() > ChangeCsv.MAX_NUMBER_LENGTH || !t.matches("-?[0-9]+(\\.[0-9]+)?")) {
            return "score_not_a_number";
        }
        return range.contains(new BigDecimal(t)) ? null : "score_out_of_range";
    }

    private static String cell(String text, Random random) {
        boolean must = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
        return must || random.nextInt(8) == 0 ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    @Test
    void changeCsv_everyRowAssessedOrRejectedAsPredicted_noIdentifierInMessages() throws IOException {
        String test = "ChangeCsvFuzzTest.changeCsv";
        long base = FuzzSupport.baseSeed(test);
        int cases = FuzzSupport.cases(CASES);
        long start = System.nanoTime();
        long startCpu = FuzzSupport.cpuNanos();
        long rows = 0;
        int refused = 0;
        int predicted = 0;
        for (int n = 0; n < cases; n++) {
            long seed = base + n;
            Random random = new Random(seed);
            String input = "";
            try {
                Object[] job = pick(random, JOBS);
                Instrument instrument = (Instrument) job[0];
                ChangeOptions options = (ChangeOptions) job[1];
                boolean sample = random.nextInt(10) == 0;
                if (sample) {
                    options = options.with(ParameterSource.SAMPLE);
                }
                ScoreRange range = ChangeModel.changeRange(instrument).orElseThrow();
                boolean groups = random.nextInt(3) == 0;
                boolean mutate = random.nextInt(10) >= 2;
                boolean damaged = random.nextInt(10) >= 8;
                List<String> columns = new ArrayList<>(List.of("record_id", "pre", "post"));
                if (groups) {
                    columns.add("team");
                }
                if (mutate && random.nextInt(3) == 0) {
                    columns.add(pick(random, List.of("notes", "Jane Smith", "Quartermaine", "9434765919",
                            "1987-03-14")));
                }
                if (mutate && random.nextBoolean()) {
                    Collections.shuffle(columns, random);
                }
                boolean fatal = false;
                List<String> header = new ArrayList<>();
                for (String c : columns) {
                    header.add(mutate && random.nextInt(6) == 0 ? FuzzSupport.stripped(random) + c + " " : c);
                }
                if (mutate && random.nextInt(30) == 0) {
                    if (random.nextBoolean()) {
                        header.add(pick(random, columns) + " "); // a column twice
                    } else {
                        String gone = pick(random, List.of("record_id", "pre", "post"));
                        header.replaceAll(h -> h.strip().equals(gone) ? gone + "_x" : h);
                    }
                    fatal = true;
                }
                List<Row> generated = new ArrayList<>();
                StringBuilder text = new StringBuilder(mutate && random.nextInt(4) == 0 ? "\uFEFF" : "");
                String eol = random.nextBoolean() ? "\n" : "\r\n";
                List<String> headerCells = new ArrayList<>();
                header.forEach(h -> headerCells.add(cell(h, random)));
                text.append(String.join(",", headerCells)).append(eol);
                int count = 1 + random.nextInt(8);
                for (int r = 0; r < count; r++) {
                    String recordId = random.nextInt(6) == 0 ? planted(random) + " " + r : "C-" + r;
                    if (mutate && random.nextInt(15) == 0) {
                        recordId = random.nextBoolean() ? "" : FuzzSupport.stripped(random);
                    } else if (mutate && random.nextInt(8) == 0) {
                        recordId = space(random).replace("\u200b", " ").replace("\u00a0", " ").replace("\u202f", " ")
                                + recordId;
                    }
                    String[] pre = mutate ? total(range, random) : new String[] {inRange(range, random), null};
                    String[] post = mutate ? total(range, random) : new String[] {inRange(range, random), null};
                    String team = random.nextInt(4) == 0 ? planted(random) : pick(random, List.of("north", "south"));
                    String expected;
                    if (recordId.strip().isEmpty()) {
                        expected = "missing_record_id";
                    } else {
                        String a = reason(pre[0], range);
                        String b = reason(post[0], range);
                        // the library's order: a missing total, then one that is not a number, then the range
                        String nan = "score_not_a_number";
                        expected = "missing_score".equals(a) || "missing_score".equals(b) ? "missing_score"
                                : nan.equals(a) || nan.equals(b) ? nan : a != null ? a : b;
                    }
                    List<String> cells = new ArrayList<>();
                    for (String c : columns) {
                        cells.add(switch (c) {
                            case "record_id" -> recordId;
                            case "pre" -> pre[0];
                            case "post" -> post[0];
                            case "team" -> team;
                            default -> planted(random);
                        });
                    }
                    if (mutate && random.nextInt(20) == 0) {
                        if (cells.size() > 3 && random.nextBoolean()) {
                            cells.remove(cells.size() - 1);
                        } else {
                            cells.add(planted(random));
                        }
                        expected = "malformed_row";
                    }
                    generated.add(new Row(recordId.strip(), pre[0].strip(), post[0].strip(), team.strip(), expected));
                    List<String> written = new ArrayList<>();
                    cells.forEach(c -> written.add(cell(c, random)));
                    text.append(String.join(",", written)).append(eol);
                    if (random.nextInt(12) == 0) {
                        text.append(random.nextBoolean() ? "" : "  ").append(eol);
                    }
                }
                input = text.toString();
                byte[] bytes = damaged ? damage(input, random) : input.getBytes(StandardCharsets.UTF_8);
                if (damaged) {
                    input = new String(bytes, StandardCharsets.UTF_8);
                }
                boolean strict = damaged || random.nextBoolean();
                String source = input;
                Callable<Reader> open = strict ? () -> DatasetInput.of(new ByteArrayInputStream(bytes))
                        : () -> new StringReader(source);
                StringWriter output = new StringWriter();
                StringWriter rejects = new StringWriter();
                ChangeCsv.Run run;
                try {
                    run = job(instrument, options, groups).run(open, output, rejects);
                } catch (DatasetException e) {
                    refused++;
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        assertClean("exception message (cause chain)", t.getMessage());
                        assertClean("exception toString (cause chain)", t.toString());
                    }
                    assertTrue(e.getMessage().contains(" must "), "message style: " + e.getMessage());
                    // line 0: only a change model that cannot assess any pair (a degenerate sample)
                    assertTrue(e.line() >= 1 || sample && e.getCause() == null && !e.getMessage().startsWith("line"),
                            "a dataset exception is located: " + e.getMessage());
                    if (!damaged) {
                        assertTrue(fatal || sample, "an input without damage fails only for a fatal header or a "
                                + "degenerate sample: " + e.getMessage());
                    }
                    continue;
                }
                assertFalse(fatal && !damaged, "a fatal header must fail the input");
                DatasetSummary summary = run.summary();
                assertEquals(summary.rowsRead(), summary.rowsScored() + summary.rowsRejected(), "accounting");
                assertClean("summary", summary.toString());
                // the cohort report is output: the user's group labels and statistics of the user's totals
                assertNotNull(run.cohort());
                List<List<String>> out = DatasetFuzzTest.csvRows(output.toString());
                List<List<String>> rej = DatasetFuzzTest.csvRows(rejects.toString());
                assertEquals(ChangeCsv.OUTPUT_COLUMNS, out.get(0));
                assertEquals(ChangeCsv.REJECT_COLUMNS, rej.get(0));
                assertEquals(summary.rowsScored() + 1, out.size(), "output rows");
                assertEquals(summary.rowsRejected() + 1, rej.size(), "rejects rows");
                for (List<String> cells : out.subList(1, out.size())) {
                    // record_id, pre and post are the user's own cells, and change = post - pre repeats their digits
                    for (int c = 4; c < cells.size(); c++) {
                        assertClean("output cell " + ChangeCsv.OUTPUT_COLUMNS.get(c), cells.get(c));
                    }
                }
                for (List<String> cells : rej.subList(1, rej.size())) {
                    assertTrue(Long.parseLong(cells.get(0)) >= 2, "reject line: " + cells);
                    assertClean("reject reason", cells.get(2));
                    assertClean("reject message", cells.get(3));
                    assertTrue(cells.get(3).contains(" must "), "reject message style: " + cells.get(3));
                }
                rows += summary.rowsRead();
                if (!damaged) {
                    predicted++;
                    checkPredicted(generated, out, rej, summary);
                }
            } catch (Throwable t) {
                throw FuzzSupport.failure(seed, n, input, t);
            }
        }
        FuzzSupport.report(test, cases, start, startCpu, rows + " rows, " + refused + " refused whole, " + predicted
                + " predicted exactly");
    }

    /** Every generated row is in the output or the rejects, once, as predicted. */
    private static void checkPredicted(List<Row> generated, List<List<String>> out, List<List<String>> rej,
            DatasetSummary summary) {
        assertEquals(generated.size(), summary.rowsRead(), "rows read");
        List<List<String>> outRows = new ArrayList<>(out.subList(1, out.size()));
        List<List<String>> rejRows = new ArrayList<>(rej.subList(1, rej.size()));
        for (Row row : generated) {
            // record ids pass through to the files, neutralised when they start like a formula
            String shown = row.recordId;
            if (row.expected == null) {
                List<String> match = outRows.stream().filter(r -> unneutralised(r.get(0)).equals(shown)).findFirst()
                        .orElse(null);
                assertNotNull(match, "assessed row in the output: " + row);
                outRows.remove(match);
                assertEquals(new BigDecimal(row.post).subtract(new BigDecimal(row.pre)).compareTo(new BigDecimal(match
                        .get(3))), 0, "change = post - pre: " + match);
                assertEquals(0, new BigDecimal(row.pre).compareTo(new BigDecimal(match.get(1))), "pre kept");
                assertEquals(0, new BigDecimal(row.post).compareTo(new BigDecimal(match.get(2))), "post kept");
            } else {
                // a malformed row's record id is whatever cell stands in its column, if any
                String id = "missing_record_id".equals(row.expected) ? "" : "malformed_row".equals(row.expected) ? null
                        : shown;
                List<String> match = rejRows.stream().filter(r -> (id == null || unneutralised(r.get(1)).equals(id))
                        && r.get(2).equals(row.expected)).findFirst().orElse(null);
                assertNotNull(match, "row rejected as " + row.expected + ": " + row + " in " + rejRows);
                rejRows.remove(match);
            }
        }
        assertTrue(outRows.isEmpty() && rejRows.isEmpty(), "no other rows: " + outRows + rejRows);
    }

    private static String unneutralised(String cell) {
        return cell.startsWith("'") && cell.length() > 1 && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0 ? cell.substring(1)
                : cell;
    }

    private static byte[] damage(String text, Random random) {
        StringBuilder doc = new StringBuilder(text);
        String[] junk = {"\"", ",", "\n", "\r", "\uFEFF", "Jane Smith", "9434765919", "\"Quartermaine", "1987-03-14,",
            "\u0000", "٣٠", "\"\n\"", ",\"x\"y", "1e-999999999"};
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && doc.length() > 0; e++) {
            int at = random.nextInt(doc.length());
            switch (random.nextInt(4)) {
                case 0:
                    doc.setLength(at);
                    break;
                case 1:
                    doc.deleteCharAt(at);
                    break;
                case 2:
                    doc.insert(at, junk[random.nextInt(junk.length)]);
                    break;
                default:
                    int from = random.nextInt(doc.length());
                    int to = Math.min(doc.length(), from + random.nextInt(30));
                    doc.insert(to, doc.substring(from, to));
            }
        }
        byte[] bytes = doc.toString().getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(4) == 0 && bytes.length > 0) {
            bytes[random.nextInt(bytes.length)] = (byte) 0xC3;
        }
        return bytes;
    }
}
