/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.mapping;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imhmeasures.core.instrument.AnswerOption;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.core.instrument.Item;
import org.imhmeasures.core.instrument.ResponseScale;
import org.imhmeasures.core.internal.Check;
import org.imhmeasures.core.internal.Json;
import org.imhmeasures.scoring.dataset.DatasetException;
import org.imhmeasures.scoring.dataset.DatasetInput;
import org.imhmeasures.scoring.dataset.internal.CsvInput;

/**
 * Reads the first {@value #SAMPLE_BYTES} bytes of an unknown export and says what it looks like, for a
 * person to review: encoding (byte-order mark, UTF-8 or windows-1252), delimiter ({@code , ; TAB |}, the
 * one the header holds most of), header; columns that look like catalogue items (names compared ignoring
 * case, spaces and punctuation: {@code PHQ9 Q1}, {@code PHQ-9 item 1}, {@code phq9_1}, {@code GAD7 Item 1},
 * {@code core10_1}; a word between the instrument and the item number, as in {@code EPDS_baseline_1}, makes
 * a block of its own) or totals ({@code PHQ9 Total}); per instrument whether the values are option codes,
 * item scores or option labels, with a warning when codes and scores cannot be told apart and the definition
 * reverse-keys items (EPDS), and which reading agrees with a total column; date columns and their format;
 * and columns that look like identifiers (NHS numbers, names, dates of birth, addresses), flagged by name
 * only. A proposed {@link Mapping} is built from what was found.
 *
 * <p>Detection is for inspection only: scoring never guesses an encoding, delimiter or answer kind. No cell
 * of the export reaches the report except option labels the definition itself holds and timepoint values
 * (in the proposed mapping only: at most {@value #MAX_TIMEPOINT_VALUES} distinct values of at most
 * {@value #MAX_TIMEPOINT_LENGTH} characters without control characters, the report saying how many were
 * left out); the record id, identifiers and free text never do.
 *
 * @since 0.1.0
 */
public final class Inspection {

    /** How much of the file is read. */
    public static final int SAMPLE_BYTES = 1 << 20;

    /** The most distinct timepoint values copied into the proposed mapping. */
    public static final int MAX_TIMEPOINT_VALUES = 20;

    /** The longest timepoint value copied into the proposed mapping, in characters. */
    public static final int MAX_TIMEPOINT_LENGTH = 40;

    private static final int SAMPLE_ROWS = 2_000;
    private static final Pattern ITEM = Pattern.compile("(.*?)(?:q|item|question|i)?0*([1-9][0-9]{0,2})");
    private static final Pattern TOTAL = Pattern.compile("(.*?)(?:total|score|sum)(?:score)?");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]{1,4}");
    private static final Pattern IDENTIFIER_NAME = Pattern.compile(
            ".*(nhs|name|dob|dateofbirth|birth|address|postcode|phone|mobile|email|surname|forename).*");
    private static final Map<String, Pattern> DATE_FORMATS = new LinkedHashMap<>();

    static {
        DATE_FORMATS.put("yyyy-MM-dd", Pattern.compile("\\d{4}-\\d{2}-\\d{2}"));
        DATE_FORMATS.put("dd/MM/yyyy", Pattern.compile("\\d{2}/\\d{2}/\\d{4}"));
        DATE_FORMATS.put("dd.MM.yyyy", Pattern.compile("\\d{2}\\.\\d{2}\\.\\d{4}"));
        DATE_FORMATS.put("dd-MM-yyyy", Pattern.compile("\\d{2}-\\d{2}-\\d{4}"));
    }

    private final List<String> report;
    private final String proposedMapping;

    private Inspection(List<String> report, String proposedMapping) {
        this.report = List.copyOf(report);
        this.proposedMapping = proposedMapping;
    }

    /**
     * Inspects a file.
     *
     * @param file the export
     * @param catalogue the instruments to look for (with wording supplements, for their labels)
     * @return the inspection
     * @throws IOException when the file cannot be read
     * @throws DatasetException when the sample is not CSV at all
     */
    public static Inspection of(Path file, Catalogue catalogue) throws IOException {
        Check.notNull(catalogue, "catalogue");
        byte[] sample;
        try (InputStream in = Files.newInputStream(Check.notNull(file, "file"))) {
            sample = in.readNBytes(SAMPLE_BYTES);
        }
        return of(sample, catalogue);
    }

    /**
     * Inspects the first bytes of an export.
     *
     * @param sample the bytes (more than {@value #SAMPLE_BYTES} are not looked at)
     * @param catalogue the instruments to look for
     * @return the inspection
     * @throws IOException when the sample cannot be read
     * @throws DatasetException when the sample is not CSV at all
     */
    public static Inspection of(byte[] sample, Catalogue catalogue) throws IOException {
        return new Builder(Check.notNull(sample, "sample"), Check.notNull(catalogue, "catalogue")).build();
    }

    /**
     * The report: about one screen of lines.
     *
     * @return the lines
     */
    public List<String> report() {
        return report;
    }

    /**
     * The proposed mapping ({@value Mapping#FORMAT}), indented JSON, for review before use.
     *
     * @return the JSON text
     */
    public String proposedMapping() {
        return proposedMapping;
    }

    /** Shows the size only. */
    @Override
    public String toString() {
        return "Inspection[" + report.size() + " lines]";
    }

    /** The work of one inspection. */
    private static final class Builder {
        private final byte[] bytes;
        private final Catalogue catalogue;
        private final List<String> lines = new ArrayList<>();
        private final ObjectNode mapping = JsonNodeFactory.instance.objectNode();

        Builder(byte[] sample, Catalogue catalogue) {
            this.bytes = sample.length > SAMPLE_BYTES ? Arrays.copyOf(sample, SAMPLE_BYTES) : sample;
            this.catalogue = catalogue;
        }

        Inspection build() throws IOException {
            mapping.put("format", Mapping.FORMAT);
            boolean bom = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                    && (bytes[2] & 0xff) == 0xbf;
            boolean utf8 = bom || decodesAsUtf8();
            String encoding = utf8 ? "UTF-8" : "windows-1252";
            lines.add("encoding: " + (bom ? "UTF-8 with byte-order mark" : utf8 ? "UTF-8" : "windows-1252 (not UTF-8)"));
            mapping.put("encoding", encoding);
            char delimiter = delimiter();
            lines.add("delimiter: " + (delimiter == '\t' ? "TAB" : String.valueOf(delimiter)));
            mapping.put("delimiter", String.valueOf(delimiter));
            List<String> header;
            List<List<String>> rows = new ArrayList<>();
            try (Reader reader = DatasetInput.of(new ByteArrayInputStream(bytes), utf8 ? StandardCharsets.UTF_8
                    : Mapping.WINDOWS_1252); CsvInput csv = CsvInput.of(reader, delimiter)) {
                header = csv.header();
                List<String> row;
                try {
                    while (rows.size() < SAMPLE_ROWS && (row = csv.next()) != null) {
                        if (row.size() == header.size()) {
                            rows.add(List.copyOf(row));
                        }
                    }
                } catch (DatasetException | CharacterCodingException cut) {
                    // the sample may end inside a row or a character: use the rows before it
                }
            }
            lines.add("header: " + header.size() + " columns, " + rows.size() + " data rows sampled");
            columns(header, rows);
            return new Inspection(lines, Json.reports().writeValueAsString(mapping) + "\n");
        }

        private boolean decodesAsUtf8() {
            int end = bytes.length;
            if (end == SAMPLE_BYTES) {
                // the sample may end inside a character: look up to the last line break
                while (end > 0 && bytes[end - 1] != '\n') {
                    end--;
                }
            }
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, end));
                return true;
            } catch (CharacterCodingException e) {
                return false;
            }
        }

        private char delimiter() {
            int end = 0;
            while (end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r') {
                end++;
            }
            char best = ',';
            int most = 0;
            for (char c : new char[] {',', ';', '\t', '|'}) {
                int count = 0;
                for (int i = 0; i < end; i++) {
                    if (bytes[i] == c) {
                        count++;
                    }
                }
                if (count > most) {
                    most = count;
                    best = c;
                }
            }
            return best;
        }

        /** Column matching, values, dates and identifiers. */
        private void columns(List<String> header, List<List<String>> rows) {
            Map<String, Instrument> byKey = new TreeMap<>(Collections.reverseOrder());
            for (Instrument instrument : catalogue.instruments()) {
                byKey.put(key(instrument.key()), instrument);
                byKey.put(key(instrument.id()), instrument);
            }
            // instrument id -> block tag -> item id -> column
            Map<String, Map<String, Map<String, String>>> found = new LinkedHashMap<>();
            Map<String, Map<String, String>> totals = new LinkedHashMap<>();
            Set<String> used = new HashSet<>();
            ObjectNode keep = JsonNodeFactory.instance.objectNode();
            for (int c = 0; c < header.size(); c++) {
                String column = header.get(c);
                String name = key(column);
                for (Map.Entry<String, Instrument> entry : byKey.entrySet()) {
                    if (name.isEmpty() || !name.startsWith(entry.getKey())) {
                        continue;
                    }
                    Instrument instrument = entry.getValue();
                    String rest = name.substring(entry.getKey().length());
                    Matcher total = TOTAL.matcher(rest);
                    Matcher item = ITEM.matcher(rest);
                    if (total.matches()) {
                        totals.computeIfAbsent(instrument.id(), k -> new LinkedHashMap<>()).put(total.group(1), column);
                        lines.add("  \"" + column + "\" -> " + instrument.id() + " total");
                        used.add(column);
                        break;
                    }
                    if (item.matches()) {
                        int n = Integer.parseInt(item.group(2));
                        if (n >= 1 && n <= instrument.items().size()) {
                            String itemId = instrument.items().get(n - 1).id();
                            Map<String, String> block = found.computeIfAbsent(instrument.id(), k -> new LinkedHashMap<>())
                                    .computeIfAbsent(item.group(1), k -> new LinkedHashMap<>());
                            if (block.putIfAbsent(itemId, column) == null) {
                                lines.add("  \"" + column + "\" -> " + instrument.id() + " " + itemId);
                                used.add(column);
                            }
                            break;
                        }
                    }
                }
            }
            Optional<String> recordId = Optional.empty();
            Optional<String> timepoint = Optional.empty();
            Optional<String> date = Optional.empty();
            for (int c = 0; c < header.size(); c++) {
                String column = header.get(c);
                if (used.contains(column)) {
                    continue;
                }
                String name = key(column);
                List<String> values = values(rows, c);
                Optional<String> dateFormat = dateFormat(values);
                boolean nhs = values.stream().anyMatch(Builder::looksLikeNhsNumber);
                if (IDENTIFIER_NAME.matcher(name).matches() || nhs) {
                    lines.add("  \"" + column + "\": looks like an identifier (" + (nhs ? "NHS numbers"
                            : dateFormat.isPresent() ? "a date of birth" : "a name or contact detail")
                            + "): keep it out of outputs; values not shown");
                    if (name.contains("birth") || name.contains("dob")) {
                        mapping.putObject("infant").put("birthDate", column);
                    }
                    continue;
                }
                if (dateFormat.isPresent()) {
                    lines.add("  \"" + column + "\": dates, " + dateFormat.get());
                    mapping.put("dateFormat", dateFormat.get());
                    if (date.isEmpty()) {
                        date = Optional.of(column);
                    }
                    continue;
                }
                if (recordId.isEmpty() && (name.endsWith("id") || name.contains("client") || name.contains("record")
                        || name.contains("episode"))) {
                    recordId = Optional.of(column);
                    lines.add("  \"" + column + "\": record id (values not shown)");
                    continue;
                }
                if (timepoint.isEmpty() && (name.contains("timepoint") || name.contains("stage")
                        || name.contains("occasion"))) {
                    timepoint = Optional.of(column);
                    Set<String> distinct = new LinkedHashSet<>(values);
                    // a free-text column named like a timepoint must not leak its text into the mapping file:
                    // only a few short, single-line values are copied
                    List<String> copied = distinct.stream().filter(Inspection::copyableTimepoint)
                            .limit(MAX_TIMEPOINT_VALUES).toList();
                    lines.add("  \"" + column + "\": timepoint, " + distinct.size() + " distinct values, "
                            + copied.size() + " copied into the proposed mapping"
                            + (copied.size() < distinct.size() ? " (at most " + MAX_TIMEPOINT_VALUES + ", each at most "
                                    + MAX_TIMEPOINT_LENGTH + " characters: add the others to timepoints yourself)"
                                    : ""));
                    ObjectNode timepoints = mapping.putObject("timepoints");
                    copied.forEach(v -> timepoints.put(v, v.toLowerCase(Locale.ROOT)
                            .replaceAll("[^a-z0-9]+", "_")));
                    continue;
                }
                keep.put(name.isEmpty() ? "column_" + (c + 1) : name, column);
                lines.add("  \"" + column + "\": not mapped (add it to keep to copy it)");
            }
            mapping.put("recordId", recordId.orElse(header.isEmpty() ? "record_id" : header.get(0)));
            timepoint.ifPresent(t -> mapping.put("timepoint", t));
            date.ifPresent(d -> mapping.put("date", d));
            if (recordId.isEmpty()) {
                lines.add("warning: no column looks like a record id: set recordId in the mapping");
            }
            ObjectNode instruments = mapping.putObject("instruments");
            for (Map.Entry<String, Map<String, Map<String, String>>> entry : found.entrySet()) {
                Instrument instrument = catalogue.get(entry.getKey());
                Map<String, Map<String, String>> blocks = entry.getValue();
                ArrayNode list = JsonNodeFactory.instance.arrayNode();
                for (Map.Entry<String, Map<String, String>> block : blocks.entrySet()) {
                    Optional<String> total = Optional.ofNullable(totals.getOrDefault(instrument.id(), Map.of())
                            .get(block.getKey()));
                    ObjectNode node = list.addObject();
                    if (blocks.size() > 1) {
                        node.put("timepoint", block.getKey().isEmpty() ? "unnamed" : block.getKey());
                    }
                    node.put("answers", answers(instrument, block.getKey(), block.getValue(), total, header, rows)
                            .jsonName());
                    ObjectNode items = node.putObject("items");
                    block.getValue().forEach(items::put);
                    total.ifPresent(t -> node.put("total", t));
                }
                if (list.size() == 1) {
                    instruments.set(instrument.id(), list.get(0));
                } else {
                    instruments.set(instrument.id(), list);
                }
            }
            if (found.isEmpty()) {
                lines.add("warning: no column looks like an item of a catalogue instrument");
            }
            if (!keep.isEmpty()) {
                mapping.set("keep", keep);
            }
        }

        /** Codes, scores or labels, with the reasons on the report. */
        private AnswerForm answers(Instrument instrument, String tag, Map<String, String> items,
                Optional<String> total, List<String> header, List<List<String>> rows) {
            String what = instrument.id() + (tag.isEmpty() ? "" : " (" + tag + ")");
            Set<String> distinct = new LinkedHashSet<>();
            Map<String, Integer> at = new LinkedHashMap<>();
            items.forEach((id, column) -> at.put(id, header.indexOf(column)));
            for (List<String> row : rows) {
                for (int c : at.values()) {
                    String v = row.get(c).strip();
                    if (!v.isEmpty()) {
                        distinct.add(v);
                    }
                }
            }
            if (distinct.isEmpty()) {
                lines.add(what + ": no answers in the sample");
                return AnswerForm.CODES;
            }
            if (!distinct.stream().allMatch(v -> NUMBER.matcher(v).matches())) {
                Set<String> labels = new HashSet<>();
                for (String id : items.keySet()) {
                    labels.addAll(labels(instrument.item(id).orElseThrow()));
                }
                List<String> matched = new ArrayList<>();
                int other = 0;
                for (String v : distinct) {
                    if (labels.contains(MappedScoring.Labels.normalise(v))) {
                        matched.add(v);
                    } else {
                        other++;
                    }
                }
                lines.add(what + ": text answers, " + matched.size() + " distinct values match the "
                        + (labels.isEmpty() ? "(absent) " : "") + "option labels" + (other > 0 ? ", " + other
                        + " do not (not shown: add them to labels or missing)" : "") + ": answers labels");
                if (labels.isEmpty()) {
                    lines.add("warning: " + instrument.id() + " ships no option labels: give a --wording file or the "
                            + "mapping's labels");
                }
                return AnswerForm.LABELS;
            }
            boolean codes = true;
            boolean scores = true;
            boolean reversed = false;
            for (Map.Entry<String, Integer> entry : at.entrySet()) {
                Item item = instrument.item(entry.getKey()).orElseThrow();
                Set<String> codeSet = new HashSet<>();
                Set<String> scoreSet = new HashSet<>();
                if (item.scale() instanceof ResponseScale.Options options) {
                    for (AnswerOption option : options.options()) {
                        codeSet.add(option.code());
                        scoreSet.add(Integer.toString(option.score()));
                        reversed |= !option.code().equals(Integer.toString(option.score()));
                    }
                } else {
                    return AnswerForm.CODES;
                }
                for (List<String> row : rows) {
                    String v = row.get(entry.getValue()).strip();
                    if (!v.isEmpty()) {
                        codes &= codeSet.contains(v);
                        scores &= scoreSet.contains(v);
                    }
                }
            }
            if (total.isPresent() && codes && scores && reversed) {
                int column = header.indexOf(total.get());
                int asCodes = 0;
                int asScores = 0;
                for (List<String> row : rows) {
                    Optional<Integer> system = parse(row.get(column));
                    if (system.isEmpty()) {
                        continue;
                    }
                    int sumCodes = 0;
                    int sumScores = 0;
                    for (Map.Entry<String, Integer> entry : at.entrySet()) {
                        String v = row.get(entry.getValue()).strip();
                        if (!v.isEmpty()) {
                            ResponseScale.Options options = (ResponseScale.Options) instrument.item(entry.getKey())
                                    .orElseThrow().scale();
                            sumCodes += options.scoreOf(v).orElse(0);
                            sumScores += Integer.parseInt(v);
                        }
                    }
                    asCodes += sumCodes == system.get() ? 1 : 0;
                    asScores += sumScores == system.get() ? 1 : 0;
                }
                lines.add(what + ": the total column agrees with reading values as codes in " + asCodes
                        + " rows, as scores in " + asScores + " rows");
                if (asScores > asCodes) {
                    lines.add("warning: " + what + " looks like item scores (reverse keying already applied): answers "
                            + "scores");
                    return AnswerForm.SCORES;
                }
                return AnswerForm.CODES;
            }
            if (codes && scores && reversed) {
                lines.add("warning: " + what + " values are valid both as codes and as item scores, and the "
                        + "definition reverse-keys items: check whether the system stores scores (answers scores); "
                        + "proposed: codes");
                return AnswerForm.CODES;
            }
            if (!codes && scores) {
                lines.add("warning: " + what + " values fit item scores but not option codes: answers scores");
                return AnswerForm.SCORES;
            }
            lines.add(what + ": values are option codes" + (codes ? "" : " (some not allowed)"));
            return AnswerForm.CODES;
        }

        private static Set<String> labels(Item item) {
            Set<String> labels = new HashSet<>();
            item.scale().listedAnswers().forEach(o -> o.label().ifPresent(l -> labels.add(
                    MappedScoring.Labels.normalise(l))));
            return labels;
        }

        private static Optional<Integer> parse(String cell) {
            String v = cell.strip();
            return NUMBER.matcher(v).matches() ? Optional.of(Integer.parseInt(v)) : Optional.empty();
        }

        private static List<String> values(List<List<String>> rows, int column) {
            List<String> values = new ArrayList<>();
            for (List<String> row : rows) {
                String v = row.get(column).strip();
                if (!v.isEmpty()) {
                    values.add(v);
                }
            }
            return values;
        }

        private static Optional<String> dateFormat(List<String> values) {
            if (values.isEmpty()) {
                return Optional.empty();
            }
            for (Map.Entry<String, Pattern> format : DATE_FORMATS.entrySet()) {
                if (values.stream().allMatch(v -> format.getValue().matcher(v).matches())) {
                    String pattern = format.getKey();
                    if (!pattern.startsWith("yyyy") && values.stream().noneMatch(v -> Integer.parseInt(v.substring(0, 2))
                            > 12) && values.stream().anyMatch(v -> Integer.parseInt(v.substring(3, 5)) > 12)) {
                        pattern = pattern.replace("dd", "XX").replace("MM", "dd").replace("XX", "MM");
                    }
                    return Optional.of(pattern);
                }
            }
            return Optional.empty();
        }

        /** Ten digits (spaces allowed) with a valid NHS number check digit (modulus 11). */
        static boolean looksLikeNhsNumber(String value) {
            String digits = value.replace(" ", "").replace("-", "");
            if (!digits.matches("[0-9]{10}")) {
                return false;
            }
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (digits.charAt(i) - '0') * (10 - i);
            }
            int check = 11 - sum % 11;
            check = check == 11 ? 0 : check;
            return check != 10 && check == digits.charAt(9) - '0';
        }

        /** Lower case, letters and digits only: {@code PHQ-9 item 1} becomes {@code phq9item1}. */
        static String key(String name) {
            return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        }
    }

    /** A timepoint value short and plain enough to copy: a label such as {@code Initial Assessment}, not text. */
    private static boolean copyableTimepoint(String value) {
        return !value.isBlank() && value.length() <= MAX_TIMEPOINT_LENGTH
                && value.codePoints().noneMatch(Character::isISOControl);
    }
}
