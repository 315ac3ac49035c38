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
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.core.instrument.Item;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.Answer;
import org.imhmeasures.scoring.MissingItemPolicy;
import org.imhmeasures.scoring.NotScorable;
import org.imhmeasures.scoring.ScoreResult;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.ScoringOptions;
import org.imhmeasures.scoring.dataset.DatasetException;
import org.imhmeasures.scoring.dataset.DatasetFormat;
import org.imhmeasures.scoring.dataset.DatasetInput;
import org.imhmeasures.scoring.dataset.DatasetScoring;
import org.imhmeasures.scoring.dataset.DatasetSummary;
import org.imhmeasures.scoring.dataset.Rejection;
import org.imhmeasures.scoring.dataset.Row;
import org.imhmeasures.scoring.dataset.RowHandler;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of dataset scoring ({@link DatasetScoring#forEach}) in all three formats: wide CSV, long
 * CSV and JSON Lines. Datasets are built from the catalogue (every instrument, every missing-item policy,
 * complete and partial answers, alerting critical items, several records) and mutated: BOM, CRLF, blank
 * lines, quoting, messy white space in cells, header cells and keys, absent, extra, reordered and repeated
 * columns, blank cells, odd numbers ({@code 1e1}, {@code ٣٠}, {@code ２０}, {@code +20}, {@code .5}, huge
 * exponents), answer keys duplicated after trimming, blank or unknown, wrong JSON types, unknown fields,
 * rows interleaved across records (long format), malformed rows, and planted identifiers (NHS number, name,
 * date of birth) in answer values, keys, column and field names, record ids, timepoints and instrument
 * ids. A share of the inputs is damaged as text (truncation, deleted and inserted characters, stray
 * quotes, invalid UTF-8).
 *
 * <p>For every input: the run completes, or fails with a {@link DatasetException} giving a line, never
 * anything else; no planted identifier is in any exception message (cause chain included), reject message
 * or {@code toString()} (record ids, which are the user's and pass to output rows, go only to the handler's
 * record id); rows read = rows scored + rows rejected, and equals the rows the handler saw. For inputs
 * that were not damaged as text, every administration generated comes out exactly once, with every valid
 * answer's item score, its missing items, and every critical alert and unanswered critical item the
 * definition's rule gives for the generated answers (computed independently of the scorer), and the
 * number of rows read is predicted exactly.
 *
 * <p>Rerun one input: {@code ./mvnw -pl measures-scoring -am verify -Dtest=DatasetFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dimh.seed=<seed from the failure> -Dimh.fuzz.cases=1}.
 */
class DatasetFuzzTest {

    /** Wide CSV datasets per run; tune here (the three formats cost differently per dataset). */
    static final int CASES_WIDE = 25_000;
    /** Long CSV datasets per run; tune here. */
    static final int CASES_LONG = 12_000;
    /** JSON Lines datasets per run; tune here. */
    static final int CASES_JSON_LINES = 8_000;

    private static final List<Instrument> INSTRUMENTS = Catalogue.builtIn().instruments().stream().filter(Instrument::scored).toList();
    private static final Map<String, Scorer> SCORERS = new HashMap<>();
    private static final List<String> TIMEPOINTS = List.of("baseline", "review", "discharge", "follow_up");
    private static final Set<String> REASONS = Set.of("malformed_row", "missing_record_id", "line_too_long",
            "unknown_item", "duplicate_item", "code_not_allowed", "too_many_missing", "wrong_instrument");

    private static final Map<Scorer, DatasetScoring> DATASET_SCORINGS = new java.util.IdentityHashMap<>();

    private static DatasetScoring scoring(Scorer scorer) {
        return DATASET_SCORINGS.computeIfAbsent(scorer, DatasetScoring::of);
    }

    private static Scorer scorer(Instrument instrument, MissingItemPolicy policy) {
        return SCORERS.computeIfAbsent(instrument.id() + policy, k -> Scorer.of(instrument, ScoringOptions.defaults()
                .with(policy)));
    }

    // -------------------------------------------------------------------------------------------------------
    // Generated datasets

    /** One generated administration (a wide row, a JSON line, a group of long rows). */
    static final class Rec {
        String recordId;
        String timepoint = "";
        String instrumentText;
        boolean wrongInstrument;
        /** key (as written), code (as written; null for absent or JSON null) */
        final List<String[]> answers = new ArrayList<>();
        /** rejected before scoring with this reason (malformed, missing record id) */
        String rejectReason;
        /** JSON Lines: the answer values as JSON, parallel to {@link #answers} */
        final List<String> json = new ArrayList<>();
        boolean seen;

        String key() {
            return recordId.strip() + "|" + timepoint.strip();
        }
    }

    static final class Dataset {
        Instrument instrument;
        MissingItemPolicy policy;
        Scorer scorer;
        final List<Rec> recs = new ArrayList<>();
        /** rows expected in the accounting that are not generated administrations (malformed lines and rows) */
        int extraRejects;
        /** expected missing_record_id rows */
        int missingIdRows;
        /** a whole-input failure is expected (header) */
        boolean fatal;
        String text;
        byte[] bytes;
    }

    private static Dataset dataset(Random random) {
        Dataset d = new Dataset();
        d.instrument = pick(random, INSTRUMENTS);
        d.policy = MissingItemPolicy.values()[random.nextInt(3)];
        d.scorer = scorer(d.instrument, d.policy);
        int count = 1 + random.nextInt(6);
        for (int r = 0; r < count; r++) {
            Rec rec = new Rec();
            switch (random.nextInt(8)) {
                case 0:
                    rec.recordId = planted(random) + " " + r;
                    break;
                case 1:
                    rec.recordId = space(random) + "R-" + r + (random.nextBoolean() ? space(random) : "");
                    break;
                default:
                    rec.recordId = "R-" + r;
            }
            rec.instrumentText = d.instrument.id();
            rec.timepoint = random.nextInt(5) == 0 ? planted(random) : pick(random, TIMEPOINTS);
            boolean partial = random.nextInt(3) == 0;
            for (Item item : d.instrument.items()) {
                int roll = random.nextInt(40);
                String code;
                if (partial && roll < 6) {
                    code = roll < 3 ? null : roll == 3 ? "" : space(random);
                } else if (roll == 39) {
                    code = odd(random);
                } else if (roll == 38) {
                    code = planted(random);
                } else if (roll == 37) {
                    code = pick(random, List.of("2,3", "Jane \"Q\" Smith", "1\n2", "\"3\"", "3\r\n"));
                } else {
                    code = FuzzSupport.alertingCode(item, random).filter(c -> random.nextInt(3) == 0)
                            .orElseGet(() -> FuzzSupport.validCode(item, random));
                    if (random.nextInt(8) == 0) {
                        code = space(random) + code + space(random);
                    }
                }
                rec.answers.add(new String[] {item.id(), code});
            }
            d.recs.add(rec);
        }
        return d;
    }

    // -------------------------------------------------------------------------------------------------------
    // CSV writing

    static String cell(String text, Random random) {
        if (text == null) {
            return "";
        }
        boolean must = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
        if (must || random.nextInt(8) == 0) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    static String row(List<String> cells, Random random) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            out.append(i == 0 ? "" : ",").append(cell(cells.get(i), random));
        }
        return out.toString();
    }

    /** Joins lines with LF or CRLF, blank lines between some; a BOM before the first sometimes. */
    static String lines(List<String> lines, Random random, boolean bom) {
        String eol = random.nextBoolean() ? "\n" : "\r\n";
        StringBuilder out = new StringBuilder(bom ? "\uFEFF" : "");
        for (int i = 0; i < lines.size(); i++) {
            out.append(lines.get(i)).append(eol);
            if (i > 0 && random.nextInt(10) == 0) {
                out.append(random.nextBoolean() ? "" : "   ").append(eol);
            }
        }
        if (random.nextBoolean() && out.length() > eol.length()) {
            out.setLength(out.length() - eol.length()); // no final line end
        }
        return out.toString();
    }

    private static void wide(Dataset d, Random random, boolean mutate) {
        List<Item> items = d.instrument.items();
        List<String> columns = new ArrayList<>();
        columns.add("record_id");
        for (Item item : items) {
            if (!mutate || random.nextInt(10) != 0) {
                columns.add(item.id());
            }
        }
        if (columns.size() == 1) {
            columns.add(items.get(0).id());
        }
        List<String> extras = new ArrayList<>();
        if (mutate && random.nextInt(3) == 0) {
            extras.add(pick(random, List.of("notes", "Jane Smith", "Quartermaine", "9434765919", "1987-03-14", "dob")));
            columns.add(extras.get(0));
        }
        if (mutate && random.nextBoolean()) {
            Collections.shuffle(columns, random);
        }
        List<String> header = new ArrayList<>();
        for (String c : columns) {
            header.add(mutate && random.nextInt(6) == 0 ? FuzzSupport.stripped(random) + c + " " : c);
        }
        if (mutate && random.nextInt(25) == 0) {
            // fatal: a column twice (after trimming), no record_id, or no item column
            switch (random.nextInt(3)) {
                case 0:
                    header.add(pick(random, columns) + (random.nextBoolean() ? " " : ""));
                    break;
                case 1:
                    header.replaceAll(h -> h.strip().equals("record_id") ? "record id" : h);
                    break;
                default:
                    header.replaceAll(h -> d.instrument.item(h.strip()).isPresent() ? h + "x" : h);
            }
            d.fatal = true;
        }
        List<String> out = new ArrayList<>();
        out.add(row(header, random));
        for (Rec rec : d.recs) {
            Map<String, String> byItem = new HashMap<>();
            rec.answers.forEach(a -> byItem.put(a[0], a[1]));
            // the answers as the file holds them: an absent column is a missing answer
            rec.answers.replaceAll(a -> new String[] {a[0], columns.contains(a[0]) ? a[1] : null});
            List<String> cells = new ArrayList<>();
            for (String c : columns) {
                cells.add(c.equals("record_id") ? rec.recordId : byItem.containsKey(c) ? (byItem.get(c) == null ? ""
                        : byItem.get(c)) : planted(random));
            }
            if (rec.recordId.isBlank()) {
                rec.rejectReason = "missing_record_id";
            }
            if (mutate && random.nextInt(20) == 0) {
                if (random.nextBoolean() || cells.size() < 3) { // one blank cell left would be a blank line
                    cells.add(planted(random));
                } else {
                    cells.remove(cells.size() - 1);
                }
                rec.rejectReason = "malformed_row";
            }
            out.add(row(cells, random));
        }
        if (mutate && random.nextInt(10) == 0) {
            // a record without a record id
            Rec rec = new Rec();
            rec.recordId = random.nextBoolean() ? "" : FuzzSupport.stripped(random);
            rec.rejectReason = "missing_record_id";
            rec.instrumentText = d.instrument.id();
            List<String> cells = new ArrayList<>();
            for (String c : columns) {
                cells.add(c.equals("record_id") ? rec.recordId : planted(random));
            }
            d.recs.add(rec);
            out.add(row(cells, random));
        }
        d.text = lines(out, random, mutate && random.nextInt(4) == 0);
    }

    private static void jsonLines(Dataset d, Random random, boolean mutate) {
        List<String> out = new ArrayList<>();
        for (Rec rec : d.recs) {
            if (mutate && random.nextInt(8) == 0) {
                rec.wrongInstrument = true;
                rec.instrumentText = pick(random, List.of(planted(random), d.instrument.id().toLowerCase(Locale.ROOT),
                        "", " ", pick(random, INSTRUMENTS).id() + "x"));
            } else if (mutate && random.nextInt(8) == 0) {
                rec.instrumentText = space(random) + d.instrument.id() + " ";
            }
            rec.wrongInstrument = !rec.instrumentText.strip().equals(d.instrument.id());
            List<String[]> answers = rec.answers;
            List<String[]> written = new ArrayList<>();
            for (String[] a : answers) {
                if (a[1] == null && random.nextBoolean()) {
                    continue; // absent key
                }
                written.add(new String[] {a[0], a[1]});
            }
            if (mutate) {
                int edits = random.nextInt(3);
                for (int e = 0; e < edits; e++) {
                    int at = random.nextInt(written.size() + 1);
                    switch (random.nextInt(5)) {
                        case 0: // same item again, key with space around it
                            if (!written.isEmpty()) {
                                String[] target = pick(random, written);
                                written.add(at, new String[] {target[0] + space(random), FuzzSupport.validCode(
                                        d.instrument.item(target[0].strip()).orElse(d.instrument.items().get(0)),
                                        random)});
                            }
                            break;
                        case 1:
                            written.add(at, new String[] {random.nextBoolean() ? "" : space(random), "1"});
                            break;
                        case 2:
                            written.add(at, new String[] {planted(random), planted(random)});
                            break;
                        case 3:
                            written.add(at, new String[] {pick(random, INSTRUMENTS).items().get(0).id() + "9", "1"});
                            break;
                        default: // a critical item raised to alert level, twice sometimes
                            for (Item item : d.instrument.items()) {
                                Optional<String> alert = FuzzSupport.alertingCode(item, random);
                                if (alert.isPresent()) {
                                    written.add(at, new String[] {item.id() + (random.nextBoolean() ? " " : ""),
                                        alert.get()});
                                }
                            }
                    }
                }
            }
            // exact duplicate keys would be a JSON error: keep the first
            List<String> keys = new ArrayList<>();
            written.removeIf(a -> {
                if (keys.contains(a[0])) {
                    return true;
                }
                keys.add(a[0]);
                return false;
            });
            rec.answers.clear();
            StringBuilder obj = new StringBuilder("{");
            for (int i = 0; i < written.size(); i++) {
                String[] a = written.get(i);
                String value;
                if (a[1] == null) {
                    value = "null";
                } else if (a[1].matches("0|-?[1-9][0-9]{0,8}") && random.nextInt(3) == 0) {
                    value = a[1];
                } else {
                    value = FuzzSupport.q(a[1], random, mutate);
                }
                rec.answers.add(new String[] {a[0], a[1] == null ? "" : a[1]});
                obj.append(i == 0 ? "" : ",").append(FuzzSupport.q(a[0], random, mutate)).append(':')
                        .append(value);
            }
            obj.append('}');
            List<String> fields = new ArrayList<>();
            fields.add("\"record_id\":" + FuzzSupport.q(rec.recordId));
            fields.add("\"instrument\":" + FuzzSupport.q(rec.instrumentText));
            if (random.nextInt(4) != 0) {
                fields.add("\"timepoint\":" + FuzzSupport.q(rec.timepoint));
            } else {
                rec.timepoint = "";
            }
            fields.add("\"answers\":" + obj);
            if (mutate && random.nextInt(12) == 0) {
                // not an administration record: an unknown field, a wrong type, or a broken line
                switch (random.nextInt(5)) {
                    case 0:
                        fields.add(FuzzSupport.q(planted(random)) + ":" + FuzzSupport.q(planted(random)));
                        break;
                    case 1:
                        fields.set(0, "\"record_id\":9434765919");
                        break;
                    case 2:
                        fields.add("\"timepoint_x\":1");
                        break;
                    case 3:
                        fields.set(fields.size() - 1, "\"answers\":{\"" + d.instrument.items().get(0).id()
                                + "\":" + pick(random, List.of("true", "2.5", "[]", "{}", "1e1", "1e999999999",
                                        "1e99999999921", "-1e-99999999921")) + "}");
                        break;
                    default:
                        fields.set(fields.size() - 1, "\"answers\":{\"Jane Smith\":\"9434765919\"");
                }
                rec.rejectReason = "malformed_row";
            } else if (rec.recordId.isBlank()) {
                rec.rejectReason = "missing_record_id";
            }
            if (random.nextBoolean()) {
                Collections.shuffle(fields, random);
            }
            String sep = mutate && random.nextBoolean() ? pick(random, List.of(" ", "\t", ", ".substring(1))) : "";
            out.add("{" + sep + String.join("," + sep, fields) + sep + "}");
        }
        if (mutate && random.nextInt(8) == 0) {
            out.add(random.nextInt(out.size() + 1), pick(random, List.of("[1,2]", "\"Jane Smith\"", "null",
                    "{\"record_id\":\"9434765919\"", "not json 1987-03-14", "{}")));
            d.extraRejects++;
        }
        d.text = lines(out, random, mutate && random.nextInt(4) == 0);
    }

    private static void longCsv(Dataset d, Random random, boolean mutate) {
        List<String> columns = new ArrayList<>(DatasetScoring.LONG_COLUMNS);
        if (mutate && random.nextInt(3) == 0) {
            columns.add(pick(random, List.of("notes", "Jane Smith", "Quartermaine", "9434765919")));
        }
        if (mutate && random.nextBoolean()) {
            Collections.shuffle(columns, random);
        }
        List<String> header = new ArrayList<>();
        for (String c : columns) {
            header.add(mutate && random.nextInt(6) == 0 ? " " + c + FuzzSupport.stripped(random) : c);
        }
        if (mutate && random.nextInt(25) == 0) {
            if (random.nextBoolean()) {
                header.add(pick(random, columns) + " ");
            } else {
                String required = pick(random, DatasetScoring.LONG_COLUMNS);
                header.removeIf(h -> h.strip().equals(required));
            }
            d.fatal = true;
        }
        boolean blankIdUsed = false;
        Map<List<String>, String[]> rowAnswer = new java.util.IdentityHashMap<>();
        Map<List<String>, Rec> rowRec = new java.util.IdentityHashMap<>();
        List<List<List<String>>> blocks = new ArrayList<>(); // per record: its rows
        for (Rec rec : d.recs) {
            if (mutate && random.nextInt(8) == 0) {
                rec.wrongInstrument = true;
                rec.instrumentText = pick(random, List.of(planted(random), d.instrument.id().toLowerCase(Locale.ROOT),
                        pick(random, INSTRUMENTS).id() + "x"));
            }
            List<String[]> written = new ArrayList<>();
            for (String[] a : rec.answers) {
                if (a[1] == null) {
                    continue; // no row: missing
                }
                written.add(new String[] {a[0], a[1]});
            }
            if (mutate) {
                int edits = random.nextInt(3);
                for (int e = 0; e < edits; e++) {
                    int at = random.nextInt(written.size() + 1);
                    switch (random.nextInt(4)) {
                        case 0:
                            if (!written.isEmpty()) {
                                String[] target = pick(random, written);
                                written.add(at, new String[] {target[0] + space(random), FuzzSupport.validCode(
                                        d.instrument.item(target[0].strip()).orElse(d.instrument.items().get(0)),
                                        random)});
                            }
                            break;
                        case 1:
                            written.add(at, new String[] {planted(random), planted(random)});
                            break;
                        case 2: // the item id with space around it: trimmed by the reader
                            if (!written.isEmpty()) {
                                written.get(at % written.size())[0] = " " + written.get(at % written.size())[0] + "\t";
                            }
                            break;
                        default: // a critical item at alert level
                            for (Item item : d.instrument.items()) {
                                Optional<String> alert = FuzzSupport.alertingCode(item, random);
                                if (alert.isPresent()) {
                                    written.removeIf(w -> w[0].strip().equals(item.id()) && random.nextBoolean());
                                    written.add(at > written.size() ? written.size() : at, new String[] {item.id(),
                                        alert.get()});
                                }
                            }
                    }
                }
            }
            if (rec.recordId.isBlank()) {
                if (blankIdUsed || written.isEmpty()) {
                    rec.recordId = "R-blank-" + blocks.size();
                } else {
                    blankIdUsed = true;
                    rec.rejectReason = "missing_record_id";
                }
            }
            rec.answers.clear();
            List<List<String>> rows = new ArrayList<>();
            for (String[] a : written) {
                Map<String, String> byColumn = new HashMap<>();
                byColumn.put("record_id", rec.recordId);
                byColumn.put("timepoint", rec.timepoint);
                byColumn.put("instrument", rec.instrumentText);
                byColumn.put("item_id", a[0]);
                byColumn.put("code", a[1]);
                List<String> cells = new ArrayList<>();
                for (String c : columns) {
                    cells.add(byColumn.getOrDefault(c, planted(random)));
                }
                rows.add(cells);
                rowAnswer.put(cells, new String[] {a[0], a[1]});
                rowRec.put(cells, rec);
            }
            blocks.add(rows);
            if (written.isEmpty()) {
                rec.rejectReason = "absent"; // no rows: no administration at all
            }
        }
        List<List<String>> all = new ArrayList<>();
        boolean interleave = mutate && random.nextBoolean();
        if (interleave) {
            // rows of different records mixed; the one record without an id stays one run
            List<List<String>> loose = new ArrayList<>();
            List<List<String>> blankBlock = null;
            for (int b = 0; b < blocks.size(); b++) {
                if ("missing_record_id".equals(d.recs.get(b).rejectReason)) {
                    blankBlock = blocks.get(b);
                } else {
                    loose.addAll(blocks.get(b));
                }
            }
            Collections.shuffle(loose, random);
            all.addAll(loose);
            if (blankBlock != null) {
                all.addAll(random.nextInt(all.size() + 1), blankBlock);
            }
        } else {
            blocks.forEach(all::addAll);
        }
        // the answers of each administration in the order the file holds them
        for (List<String> cells : all) {
            rowRec.get(cells).answers.add(rowAnswer.get(cells));
        }
        if (mutate && random.nextInt(6) == 0) {
            // a malformed row where it cannot split a run of rows without a record id
            List<String> bad = new ArrayList<>(List.of("R-x", planted(random)));
            int at = random.nextInt(all.size() + 1);
            boolean insideBlank = at > 0 && at < all.size() && all.get(at - 1).get(columns.indexOf("record_id"))
                    .isBlank() && all.get(at).get(columns.indexOf("record_id")).isBlank();
            if (!insideBlank) {
                all.add(at, bad);
                d.extraRejects++;
            }
        }
        List<String> out = new ArrayList<>();
        out.add(row(header, random));
        all.forEach(cells -> out.add(row(cells, random)));
        d.text = lines(out, random, mutate && random.nextInt(4) == 0);
    }

    // -------------------------------------------------------------------------------------------------------
    // Damage to the text

    private static byte[] damage(String text, Random random) {
        StringBuilder doc = new StringBuilder(text);
        String[] junk = {"\"", "\"\"", ",", "\n", "\r", "\r\n", "\uFEFF", "Jane Smith", "9434765919", "\"Quartermaine",
            "1987-03-14,", "{", "}", "\":", "\u0000", "٣٠", "\"\n\"", ",\"x\"y"};
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && doc.length() > 0; e++) {
            int at = random.nextInt(doc.length());
            switch (random.nextInt(5)) {
                case 0:
                    doc.setLength(at);
                    break;
                case 1:
                    doc.deleteCharAt(at);
                    break;
                case 2:
                    doc.insert(at, junk[random.nextInt(junk.length)]);
                    break;
                case 3: {
                    int from = random.nextInt(doc.length());
                    int to = Math.min(doc.length(), from + random.nextInt(60));
                    doc.insert(to, doc.substring(from, to));
                    break;
                }
                default:
                    if (random.nextInt(20) == 0) {
                        doc.insert(at, "\"" + "x".repeat(100_001)); // a cell over the limit
                    } else {
                        doc.insert(at, "Jane Smith \"9434765919");
                    }
            }
        }
        byte[] bytes = doc.toString().getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(4) == 0 && bytes.length > 0) {
            bytes[random.nextInt(bytes.length)] = (byte) (int) pick(random, List.of(0x80, 0xC3, 0xFF, 0xED, 0xF8));
        }
        return bytes;
    }

    // -------------------------------------------------------------------------------------------------------
    // Running and checking

    /** Records every row the library hands out, checking each as it comes. */
    final class Recorder implements RowHandler {
        final Dataset d;
        final boolean exact;
        final DatasetFormat format;
        long scored;
        long rejected;
        long alerted;
        int missingIdRows;
        int otherRejects;

        Recorder(Dataset d, boolean exact, DatasetFormat format) {
            this.d = d;
            this.exact = exact;
            this.format = format;
        }

        @Override
        public void scored(Row row, Scored s, Supplier<Administration> answers) {
            long line = row.line();
            String recordId = row.recordId();
            String timepoint = row.timepoint();
            scored++;
            assertTrue(line >= 1, "line of a scored row: " + line);
            assertNotNull(recordId);
            assertFalse(recordId.isBlank(), "a scored row has a record id");
            if (!s.criticalAlerts().isEmpty()) {
                alerted++;
            }
            Administration administration = answers.get();
            assertClean("administration toString", administration.toString());
            check(recordId, timepoint, s, administration);
        }

        @Override
        public void rejected(Row row, Rejection rejection) {
            long line = row.line();
            String recordId = row.recordId();
            String reason = rejection.reason();
            String message = rejection.message();
            Optional<NotScorable> result = rejection.result();
            rejected++;
            assertTrue(line >= 1, "line of a rejected row: " + line);
            assertTrue(REASONS.contains(reason), "reason: " + reason);
            assertClean("reject message", message);
            assertTrue(message.contains(" must "), "reject message style: " + message);
            if (result.isPresent()) {
                if (!result.get().criticalAlerts().isEmpty()) {
                    alerted++;
                }
                assertEquals(result.get().firstProblem().code(), reason, "reason is the first problem");
                FuzzSupport.assertClean(result.get());
                check(recordId, "", result.get(), null);
                return;
            }
            if (reason.equals("missing_record_id")) {
                missingIdRows++;
                assertEquals("", recordId, "record id of a missing_record_id row");
            } else {
                otherRejects++;
            }
            if (exact && !reason.equals("missing_record_id")) {
                // a row rejected unread must be one generated as such
                Rec rec = find(recordId, null);
                if (rec != null && !reason.equals("malformed_row")) {
                    fail("rejected as " + reason + " without a result (alerts and answers dropped): " + message);
                }
            }
        }

        private Rec find(String recordId, String timepoint) {
            for (Rec rec : d.recs) {
                if (!rec.seen && rec.recordId.strip().equals(recordId) && (timepoint == null || format
                        == DatasetFormat.WIDE_CSV || rec.timepoint.strip().equals(timepoint))) {
                    return rec;
                }
            }
            return null;
        }

        private void check(String recordId, String timepoint, ScoreResult result, Administration administration) {
            if (administration != null) {
                // whatever the input: the result agrees with the answers as read
                List<String[]> read = new ArrayList<>();
                administration.answers().forEach((k, a) -> read.add(new String[] {k, a instanceof Answer.Given g
                        ? g.code() : null}));
                administration.unplacedAnswers().forEach(u -> read.add(new String[] {u.key(),
                        u.answer() instanceof Answer.Given g ? g.code() : null}));
                FuzzSupport.assertAgreesKeyed(d.instrument, read, result, d.scorer.allowedMissing(),
                        !administration.instrumentId().equals(d.instrument.id()));
            }
            if (!exact) {
                return;
            }
            Rec rec = find(recordId, format == DatasetFormat.WIDE_CSV || result instanceof NotScorable ? null
                    : timepoint);
            assertNotNull(rec, "an administration that was generated (record id and timepoint)");
            assertTrue(rec.rejectReason == null, "expected " + rec.rejectReason + " but got a result: " + result);
            rec.seen = true;
            if (format == DatasetFormat.WIDE_CSV) {
                String[] codes = new String[d.instrument.items().size()];
                for (int i = 0; i < codes.length; i++) {
                    codes[i] = rec.answers.get(i)[1];
                }
                FuzzSupport.assertAgrees(d.instrument, codes, result, d.scorer.allowedMissing(), false);
            } else {
                FuzzSupport.assertAgreesKeyed(d.instrument, rec.answers, result, d.scorer.allowedMissing(),
                        rec.wrongInstrument);
            }
        }
    }

    private void run(DatasetFormat format) {
        String test = "DatasetFuzzTest." + switch (format) {
            case WIDE_CSV -> "wide";
            case LONG_CSV -> "long";
            case JSON_LINES -> "jsonl";
        };
        long base = FuzzSupport.baseSeed(test);
        int cases = FuzzSupport.cases(switch (format) {
            case WIDE_CSV -> CASES_WIDE;
            case LONG_CSV -> CASES_LONG;
            default -> CASES_JSON_LINES;
        });
        long start = System.nanoTime();
        long startCpu = FuzzSupport.cpuNanos();
        long rows = 0;
        int failed = 0;
        int exactRuns = 0;
        for (int n = 0; n < cases; n++) {
            long seed = base + n;
            Random random = new Random(seed);
            Dataset d = null;
            try {
                d = dataset(random);
                int mode = random.nextInt(10);
                boolean mutate = mode >= 2;
                switch (format) {
                    case WIDE_CSV -> wide(d, random, mutate);
                    case LONG_CSV -> longCsv(d, random, mutate);
                    default -> jsonLines(d, random, mutate);
                }
                boolean damaged = mode >= 8;
                boolean exact = !damaged && !d.fatal;
                Reader reader;
                if (damaged) {
                    d.bytes = damage(d.text, random);
                    reader = DatasetInput.of(new ByteArrayInputStream(d.bytes));
                } else if (random.nextBoolean()) {
                    reader = DatasetInput.of(new ByteArrayInputStream(d.text.getBytes(StandardCharsets.UTF_8)));
                } else {
                    reader = new StringReader(d.text);
                }
                Recorder recorder = new Recorder(d, exact, format);
                DatasetSummary summary;
                try {
                    summary = scoring(d.scorer).forEach(format, reader, recorder);
                } catch (DatasetException e) {
                    failed++;
                    assertTrue(e.line() >= 1, "a dataset exception is located: " + e.getMessage());
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        assertClean("exception message (cause chain)", t.getMessage());
                        assertClean("exception toString (cause chain)", t.toString());
                    }
                    assertTrue(e.getMessage().contains(" must "), "message style: " + e.getMessage());
                    if (!damaged) {
                        assertTrue(d.fatal, "an input without damage fails only for a fatal header: " + e.getMessage());
                    }
                    continue;
                }
                assertFalse(d.fatal && !damaged, "a fatal header must fail the input");
                assertClean("summary", summary.toString());
                assertClean("accounting line", summary.accountingLine());
                assertEquals(summary.rowsRead(), summary.rowsScored() + summary.rowsRejected(), "accounting");
                assertEquals(recorder.scored, summary.rowsScored(), "rows scored = rows handed out as scored");
                assertEquals(recorder.rejected, summary.rowsRejected(), "rows rejected = rows handed out as rejected");
                assertEquals(recorder.alerted, summary.rowsWithCriticalAlerts(), "rows with alerts");
                rows += summary.rowsRead();
                if (exact && random.nextInt(5) == 0) {
                    checkCsvFiles(d, format, random);
                }
                if (exact) {
                    exactRuns++;
                    long expectedRows = d.extraRejects;
                    int missingIds = 0;
                    for (Rec rec : d.recs) {
                        if ("absent".equals(rec.rejectReason)) {
                            continue;
                        }
                        expectedRows++;
                        if ("missing_record_id".equals(rec.rejectReason)) {
                            missingIds++;
                        } else if (rec.rejectReason == null) {
                            assertTrue(rec.seen, "administration " + d.recs.indexOf(rec) + " came out");
                        }
                    }
                    assertEquals(expectedRows, summary.rowsRead(), "rows read, predicted");
                    assertEquals(missingIds, recorder.missingIdRows, "missing_record_id rows");
                }
            } catch (Throwable t) {
                String input = d == null ? "" : d.bytes != null ? new String(d.bytes, StandardCharsets.UTF_8) : d.text;
                StringBuilder generated = new StringBuilder();
                if (d != null) {
                    generated.append(d.instrument.id()).append(' ').append(d.policy).append(", extra rejects ")
                            .append(d.extraRejects).append('\n');
                    for (Rec rec : d.recs) {
                        generated.append("  generated [").append(rec.recordId).append("] [").append(rec.timepoint)
                                .append("] ").append(rec.rejectReason == null ? "" : rec.rejectReason).append(' ')
                                .append(rec.answers.size()).append(" answers\n");
                    }
                }
                throw FuzzSupport.failure(seed, n, generated + input, t);
            }
        }
        FuzzSupport.report(test, cases, start, startCpu, rows + " rows, " + failed + " refused whole, " + exactRuns
                + " predicted exactly");
    }

    @Test
    void wideCsv_everyRowScoredOrRejected_alertsKept_noIdentifierInMessages() {
        run(DatasetFormat.WIDE_CSV);
    }

    @Test
    void longCsv_everyAdministrationScoredOrRejected_alertsKept_noIdentifierInMessages() {
        run(DatasetFormat.LONG_CSV);
    }

    @Test
    void jsonLines_everyLineScoredOrRejected_alertsKept_noIdentifierInMessages() {
        run(DatasetFormat.JSON_LINES);
    }

    /**
     * The CSV writer path ({@link DatasetScoring#score}): every cell of the output and rejects files is
     * free of planted identifiers except the user's own record id and timepoint cells.
     */
    private static void checkCsvFiles(Dataset d, DatasetFormat format, Random random) throws IOException {
        StringWriter output = new StringWriter();
        StringWriter rejects = new StringWriter();
        DatasetSummary summary = scoring(d.scorer).score(format, new StringReader(d.text), output,
                rejects);
        List<List<String>> out = csvRows(output.toString());
        List<List<String>> rej = csvRows(rejects.toString());
        assertEquals(summary.rowsScored() + 1, out.size(), "output rows");
        assertEquals(summary.rowsRejected() + 1, rej.size(), "rejects rows");
        int timepoint = out.get(0).indexOf("timepoint");
        for (List<String> cells : out) {
            for (int c = 0; c < cells.size(); c++) {
                if (c != 0 && c != timepoint) {
                    assertClean("output cell " + out.get(0).get(c), cells.get(c));
                }
            }
        }
        for (List<String> cells : rej) {
            for (int c = 0; c < cells.size(); c++) {
                if (c != 1) {
                    assertClean("rejects cell " + rej.get(0).get(c), cells.get(c));
                }
            }
        }
    }

    private static final com.fasterxml.jackson.dataformat.csv.CsvMapper CSV = com.fasterxml.jackson.dataformat.csv
            .CsvMapper.builder().enable(com.fasterxml.jackson.dataformat.csv.CsvParser.Feature.WRAP_AS_ARRAY).build();

    static List<List<String>> csvRows(String text) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (com.fasterxml.jackson.databind.MappingIterator<List<String>> it = CSV.readerForListOf(String.class)
                .readValues(text)) {
            while (it.hasNext()) {
                rows.add(it.next());
            }
        }
        return rows;
    }
}
