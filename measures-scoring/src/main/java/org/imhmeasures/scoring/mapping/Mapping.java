/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.core.instrument.Item;
import org.imhmeasures.core.internal.Check;
import org.imhmeasures.core.internal.Json;
import org.imhmeasures.core.internal.JsonFields;
import org.imhmeasures.scoring.dataset.ScoresCsv;

/**
 * A reviewed mapping from an export's columns to the library's instruments: format
 * {@value #FORMAT}, JSON, documented with a JSON Schema in {@code docs/mapping.md}. Immutable.
 *
 * <pre>{@code
 * {"format": "imh-measures/mapping@1", "encoding": "windows-1252", "delimiter": ";", "dateFormat": "dd/MM/yyyy",
 *  "recordId": "Client ID", "timepoint": "Outcome Timepoint",
 *  "timepoints": {"Initial Assessment": "baseline", "Discharge": "discharge"},
 *  "date": "Contact Date", "keep": {"team": "Team"}, "infant": {"birthDate": "Infant DOB", "dueDate": "Infant EDD"},
 *  "instruments": {
 *    "PHQ-9": {"answers": "labels", "items": {"phq9_1": "PHQ9 Q1"}, "missing": ["Not answered"], "total": "PHQ9 Total"},
 *    "EPDS": [{"timepoint": "baseline", "date": "BaselineDate", "answers": "scores", "items": {"epds_1": "EPDS_b_1"}},
 *             {"timepoint": "discharge", "date": "DischargeDate", "answers": "scores", "items": {"epds_1": "EPDS_d_1"}}]}}
 * }</pre>
 *
 * <p>Rules checked on reading (each failure a {@link MappingException} with the file name and JSON path):
 * unknown fields are refused (typos never pass silently); {@code encoding} is {@code UTF-8} (default) or
 * {@code windows-1252}; {@code delimiter} is one of {@code , ; | \t} (or {@code tab}); {@code dateFormat} is a
 * {@link DateTimeFormatter} pattern (default {@code yyyy-MM-dd}), parsed strictly; instrument keys are
 * catalogue ids, item keys the instrument's item ids; in a wide mapping no column holds two items of one
 * block, and a block without its own {@code timepoint} needs the mapping's {@code timepoint} column to give
 * one only when several blocks would otherwise share it; {@code keep} names must not repeat an output column;
 * a long layout needs {@code long} with its three columns.
 *
 * @since 0.1.0
 */
public final class Mapping {

    /** The format name. */
    public static final String FORMAT = "imh-measures/mapping@1";

    /** The output column with the system's total disagreement. */
    public static final String SYSTEM_TOTAL_DIFFERS = "system_total_differs";

    /** The output column with the infant's age band at the administration's date. */
    public static final String AGE_BAND = "age_band";

    /** The output column with the administration's date, ISO {@code yyyy-MM-dd}. */
    public static final String DATE = "date";

    /** Windows' Western European code page, which European Excel writes CSV in. */
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final ObjectMapper READER = Json.reader(Json.limits(16, 40, 2_000, 500)).build();

    private final Charset encoding;
    private final char delimiter;
    private final String dateFormat;
    private final DateTimeFormatter dates;
    private final String recordId;
    private final Optional<String> timepoint;
    private final Map<String, String> timepoints;
    private final Optional<String> date;
    private final Map<String, String> keep;
    private final Optional<String> infantBirthDate;
    private final Optional<String> infantDueDate;
    private final Layout layout;
    private final Optional<LongColumns> longColumns;
    private final Map<String, String> instrumentNames;
    private final Map<String, List<Block>> instruments;

    private Mapping(Builder b) {
        this.encoding = b.encoding;
        this.delimiter = b.delimiter;
        this.dateFormat = b.dateFormat;
        this.dates = formatter(b.dateFormat);
        this.recordId = b.recordId;
        this.timepoint = b.timepoint;
        this.timepoints = Collections.unmodifiableMap(new LinkedHashMap<>(b.timepoints));
        this.date = b.date;
        this.keep = Collections.unmodifiableMap(new LinkedHashMap<>(b.keep));
        this.infantBirthDate = b.infantBirthDate;
        this.infantDueDate = b.infantDueDate;
        this.layout = b.layout;
        this.longColumns = b.longColumns;
        this.instrumentNames = Collections.unmodifiableMap(new LinkedHashMap<>(b.instrumentNames));
        Map<String, List<Block>> copy = new LinkedHashMap<>();
        b.instruments.forEach((id, blocks) -> copy.put(id, List.copyOf(blocks)));
        this.instruments = Collections.unmodifiableMap(copy);
    }

    /** A strict formatter: {@code yyyy} read as the proleptic year, so {@code 31/02/2024} is refused. */
    static DateTimeFormatter formatter(String pattern) {
        return DateTimeFormatter.ofPattern(pattern.replace('y', 'u'), Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }

    /**
     * The mapping a plain wide CSV implies: a {@code record_id} column and one column per item id, each
     * instrument one block with answers stored as {@code answers}; no timepoint, date or copied columns. The
     * {@code score} command uses it for {@code --answers labels} without a mapping file.
     *
     * @param instruments the instruments
     * @param answers how answers are stored
     * @param encoding the file's encoding
     * @param delimiter the cell delimiter
     * @return the mapping
     */
    public static Mapping standardColumns(List<Instrument> instruments, AnswerForm answers, Charset encoding,
            char delimiter) {
        Builder b = new Builder();
        b.encoding = Check.notNull(encoding, "encoding");
        b.delimiter = delimiter;
        b.recordId = "record_id";
        for (Instrument instrument : instruments) {
            Map<String, String> items = new LinkedHashMap<>();
            instrument.items().forEach(item -> items.put(item.id(), item.id()));
            b.instruments.put(instrument.id(), List.of(new Block(instrument.id(), Optional.empty(), Optional.empty(),
                    answers, items, Map.of(), List.of(), Optional.empty())));
        }
        return new Mapping(b);
    }

    /**
     * Reads a mapping file.
     *
     * @param file the file
     * @param catalogue the instruments it may name
     * @return the mapping
     * @throws MappingException when the file is unreadable or breaks a rule (see the class documentation)
     */
    public static Mapping read(Path file, Catalogue catalogue) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, name, catalogue);
        } catch (IOException e) {
            throw new MappingException(name, "", "file must be readable: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * Reads a mapping.
     *
     * @param in the JSON; not closed
     * @param name the file name for messages
     * @param catalogue the instruments it may name
     * @return the mapping
     * @throws MappingException when the JSON is malformed or breaks a rule (see the class documentation)
     */
    public static Mapping read(InputStream in, String name, Catalogue catalogue) {
        Check.notNull(in, "in");
        Check.notNull(name, "name");
        Check.notNull(catalogue, "catalogue");
        JsonNode root;
        try {
            root = READER.readTree(in);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new MappingException(name, "", "mapping must be well-formed JSON: " + e.getOriginalMessage()
                    .replaceAll("\"[^\"]*\"", "\"...\"") + where, e);
        } catch (IOException e) {
            throw new MappingException(name, "", "file must be readable: " + e.getClass().getSimpleName(), e);
        }
        try {
            return new Mapping(new Reading(catalogue).read(JsonFields.root(root)));
        } catch (JsonFields.FieldException e) {
            throw new MappingException(name, e.path(), e.getMessage(), e);
        }
    }

    /**
     * The file's encoding.
     *
     * @return UTF-8 or windows-1252
     */
    public Charset encoding() {
        return encoding;
    }

    /**
     * The cell delimiter.
     *
     * @return one of {@code , ; | TAB}
     */
    public char delimiter() {
        return delimiter;
    }

    /**
     * The date pattern as written in the mapping ({@code yyyy-MM-dd} by default).
     *
     * @return the pattern
     */
    public String dateFormat() {
        return dateFormat;
    }

    /**
     * The strict formatter for {@link #dateFormat()}.
     *
     * @return the formatter
     */
    public DateTimeFormatter dates() {
        return dates;
    }

    /**
     * The record id column.
     *
     * @return the column name
     */
    public String recordId() {
        return recordId;
    }

    /**
     * The timepoint column, if the export has one.
     *
     * @return the column name
     */
    public Optional<String> timepoint() {
        return timepoint;
    }

    /**
     * The export's timepoint values to the output's (e.g. {@code Initial Assessment} to {@code baseline}),
     * matched ignoring case and spaces; empty to copy values as they are.
     *
     * @return the map, unmodifiable
     */
    public Map<String, String> timepoints() {
        return timepoints;
    }

    /**
     * The date column, if the export has one.
     *
     * @return the column name
     */
    public Optional<String> date() {
        return date;
    }

    /**
     * Output column name to export column, copied after the scores.
     *
     * @return the map in file order, unmodifiable
     */
    public Map<String, String> keep() {
        return keep;
    }

    /**
     * The infant's date of birth column, for {@link #AGE_BAND}.
     *
     * @return the column name
     */
    public Optional<String> infantBirthDate() {
        return infantBirthDate;
    }

    /**
     * The infant's expected date of delivery column, for {@link #AGE_BAND} (antenatal).
     *
     * @return the column name
     */
    public Optional<String> infantDueDate() {
        return infantDueDate;
    }

    /**
     * The export's shape.
     *
     * @return wide or long
     */
    public Layout layout() {
        return layout;
    }

    /**
     * The long export's columns; present exactly when {@link #layout()} is {@link Layout#LONG}.
     *
     * @return the columns
     */
    public Optional<LongColumns> longColumns() {
        return longColumns;
    }

    /**
     * A long export's instrument names to catalogue ids (e.g. {@code PHQ9} to {@code PHQ-9}); a catalogue id
     * is accepted as itself.
     *
     * @return the map, unmodifiable
     */
    public Map<String, String> instrumentNames() {
        return instrumentNames;
    }

    /**
     * The mapped instruments: catalogue id to its blocks, in file order.
     *
     * @return the map, unmodifiable
     */
    public Map<String, List<Block>> instruments() {
        return instruments;
    }

    /**
     * Whether the outputs carry a timepoint column: a timepoint column, a block with its own timepoint, or a
     * long layout.
     *
     * @return true if they do
     */
    public boolean hasTimepoints() {
        return timepoint.isPresent() || layout == Layout.LONG
                || instruments.values().stream().flatMap(List::stream).anyMatch(b -> b.timepoint().isPresent());
    }

    /**
     * Whether any administration has a date column.
     *
     * @return true if one has
     */
    public boolean hasDates() {
        return date.isPresent() || instruments.values().stream().flatMap(List::stream).anyMatch(b -> b.date().isPresent());
    }

    /**
     * The columns the outputs of {@code instrumentId} carry after the scores: {@link #DATE} when there are
     * dates, the {@code keep} names, {@link #AGE_BAND} with {@code infant}, {@link #SYSTEM_TOTAL_DIFFERS} when
     * a block of the instrument has a {@code total}.
     *
     * @param instrumentId a mapped instrument
     * @return column names
     */
    public List<String> outputColumns(String instrumentId) {
        List<String> columns = new ArrayList<>();
        if (hasDates()) {
            columns.add(DATE);
        }
        columns.addAll(keep.keySet());
        if (infantBirthDate.isPresent() || infantDueDate.isPresent()) {
            columns.add(AGE_BAND);
        }
        if (instruments.getOrDefault(instrumentId, List.of()).stream().anyMatch(b -> b.total().isPresent())) {
            columns.add(SYSTEM_TOTAL_DIFFERS);
        }
        return List.copyOf(columns);
    }

    /** Shows the shape only (no column names: they are the user's). */
    @Override
    public String toString() {
        return "Mapping[" + layout.name().toLowerCase(Locale.ROOT) + ", instruments=" + instruments.keySet() + "]";
    }

    /** The mutable state while reading. */
    private static final class Builder {
        Charset encoding = StandardCharsets.UTF_8;
        char delimiter = ',';
        String dateFormat = "yyyy-MM-dd";
        String recordId;
        Optional<String> timepoint = Optional.empty();
        Map<String, String> timepoints = new LinkedHashMap<>();
        Optional<String> date = Optional.empty();
        Map<String, String> keep = new LinkedHashMap<>();
        Optional<String> infantBirthDate = Optional.empty();
        Optional<String> infantDueDate = Optional.empty();
        Layout layout = Layout.WIDE;
        Optional<LongColumns> longColumns = Optional.empty();
        Map<String, String> instrumentNames = new LinkedHashMap<>();
        Map<String, List<Block>> instruments = new LinkedHashMap<>();
    }

    /** Reads the fields of a mapping file, failing at the first broken rule with its JSON path. */
    private static final class Reading {
        private static final Set<String> ROOT = Set.of("format", "comment", "encoding", "delimiter", "dateFormat",
                "recordId", "timepoint", "timepoints", "date", "keep", "infant", "layout", "long", "instrumentNames",
                "instruments");
        private static final Set<String> BLOCK = Set.of("comment", "timepoint", "date", "answers", "items", "labels",
                "missing", "total");

        private final Catalogue catalogue;

        Reading(Catalogue catalogue) {
            this.catalogue = catalogue;
        }

        Builder read(JsonFields root) {
            root.allowOnly(ROOT);
            String format = root.text("format");
            if (!FORMAT.equals(format)) {
                throw root.fail("format", "format must be " + FORMAT + ": \"" + format + "\"");
            }
            Builder b = new Builder();
            Optional<String> encoding = root.optionalText("encoding");
            if (encoding.isPresent()) {
                String e = encoding.get().strip();
                if (e.equalsIgnoreCase("UTF-8") || e.equalsIgnoreCase("utf8")) {
                    b.encoding = StandardCharsets.UTF_8;
                } else if (e.equalsIgnoreCase("windows-1252") || e.equalsIgnoreCase("cp1252")) {
                    b.encoding = WINDOWS_1252;
                } else {
                    throw root.fail("encoding", "encoding must be one of [UTF-8, windows-1252]: \"" + e + "\"");
                }
            }
            Optional<String> delimiter = root.optionalText("delimiter");
            if (delimiter.isPresent()) {
                b.delimiter = delimiter(delimiter.get()).orElseThrow(() -> root.fail("delimiter",
                        "delimiter must be one of [\",\", \";\", \"|\", \"\\t\"]: \"" + delimiter.get() + "\""));
            }
            Optional<String> dateFormat = root.optionalText("dateFormat");
            if (dateFormat.isPresent()) {
                try {
                    formatter(dateFormat.get());
                } catch (IllegalArgumentException e) {
                    throw root.fail("dateFormat", "dateFormat must be a date pattern such as dd/MM/yyyy: \""
                            + dateFormat.get() + "\"");
                }
                b.dateFormat = dateFormat.get();
            }
            b.recordId = column(root, "recordId");
            b.timepoint = optionalColumn(root, "timepoint");
            b.timepoints = strings(root, "timepoints");
            b.date = optionalColumn(root, "date");
            b.keep = strings(root, "keep");
            Set<String> reserved = new HashSet<>(ScoresCsv.COLUMNS);
            reserved.addAll(List.of("timepoint", DATE, AGE_BAND, SYSTEM_TOTAL_DIFFERS));
            for (String name : b.keep.keySet()) {
                if (reserved.contains(name) || name.startsWith("subscale:")
                        || name.startsWith(ScoresCsv.ANSWER_PREFIX)) {
                    throw root.fail("keep", "keep names must not repeat an output column: \"" + name + "\"");
                }
            }
            Optional<JsonFields> infant = root.optionalObject("infant");
            if (infant.isPresent()) {
                infant.get().allowOnly(Set.of("birthDate", "dueDate"));
                b.infantBirthDate = optionalColumn(infant.get(), "birthDate");
                b.infantDueDate = optionalColumn(infant.get(), "dueDate");
                if (b.infantBirthDate.isEmpty() && b.infantDueDate.isEmpty()) {
                    throw root.fail("infant", "infant must name birthDate or dueDate: neither");
                }
            }
            b.layout = root.optionalText("layout").isPresent() ? root.enumValue("layout", Layout.class) : Layout.WIDE;
            Optional<JsonFields> longColumns = root.optionalObject("long");
            if (b.layout == Layout.LONG) {
                JsonFields columns = longColumns.orElseThrow(() -> root.fail("long",
                        "long must name the instrument, item and answer columns of a long layout: missing"));
                columns.allowOnly(Set.of("instrument", "item", "answer"));
                b.longColumns = Optional.of(new LongColumns(column(columns, "instrument"), column(columns, "item"),
                        column(columns, "answer")));
            } else if (longColumns.isPresent()) {
                throw root.fail("long", "long must only be given with \"layout\": \"long\": wide layout");
            }
            b.instrumentNames = strings(root, "instrumentNames");
            b.instrumentNames.forEach((name, id) -> {
                if (catalogue.find(id).isEmpty()) {
                    throw root.fail("instrumentNames", "instrument names must map to one of " + ids() + ": \"" + id
                            + "\"");
                }
            });
            JsonFields instruments = root.object("instruments");
            if (instruments.fieldNames().isEmpty()) {
                throw root.fail("instruments", "instruments must map at least one instrument: none");
            }
            for (String id : instruments.fieldNames()) {
                Instrument instrument = catalogue.find(id).orElseThrow(() -> instruments.fail(id, catalogue
                        .reference(id).map(r -> "instrument is listed for reference only and cannot be scored: "
                                + r.notScorableBecause())
                        .orElseGet(() -> "instrument must be one of " + ids() + ": \"" + id + "\"")));
                b.instruments.put(id, blocks(instruments, id, instrument, b));
            }
            return b;
        }

        private List<String> ids() {
            return catalogue.instruments().stream().map(Instrument::id).toList();
        }

        private List<Block> blocks(JsonFields instruments, String id, Instrument instrument, Builder b) {
            List<Block> blocks = new ArrayList<>();
            Optional<JsonFields> single;
            try {
                single = instruments.optionalObject(id);
            } catch (JsonFields.FieldException notAnObject) {
                single = Optional.empty();
            }
            if (single.isPresent()) {
                blocks.add(block(single.get(), instrument, b));
            } else {
                blocks.addAll(instruments.objects(id, block -> block(block, instrument, b)));
                if (blocks.isEmpty()) {
                    throw instruments.fail(id, "instrument must be an object or a list of at least one block: none");
                }
            }
            if (blocks.size() > 1) {
                Set<String> seen = new HashSet<>();
                for (Block block : blocks) {
                    if (block.timepoint().isEmpty() && b.timepoint.isEmpty() || block.timepoint().isPresent()
                            && !seen.add(block.timepoint().get())) {
                        throw instruments.fail(id, "blocks must each have a distinct timepoint: "
                                + block.timepoint().orElse("(none)"));
                    }
                }
            }
            return blocks;
        }

        private Block block(JsonFields block, Instrument instrument, Builder b) {
            block.allowOnly(BLOCK);
            AnswerForm answers = block.optionalText("answers").isPresent() ? block.enumValue("answers", AnswerForm.class)
                    : AnswerForm.CODES;
            Map<String, String> items = strings(block, "items");
            if (items.isEmpty()) {
                throw block.fail("items", "items must map at least one item: none");
            }
            Map<String, String> ordered = new LinkedHashMap<>();
            Map<String, String> columnOwner = new LinkedHashMap<>();
            for (String itemId : items.keySet()) {
                if (instrument.item(itemId).isEmpty()) {
                    throw block.fail("items", "item must be one of " + describeItems(instrument) + ": \"" + itemId + "\"");
                }
                String previous = columnOwner.putIfAbsent(items.get(itemId), itemId);
                if (previous != null) {
                    throw block.fail("items", "item columns must be distinct: \"" + items.get(itemId) + "\" holds "
                            + previous + " and " + itemId);
                }
            }
            for (Item item : instrument.items()) {
                if (items.containsKey(item.id())) {
                    ordered.put(item.id(), items.get(item.id()));
                }
            }
            Map<String, String> labels = strings(block, "labels");
            if (!labels.isEmpty() && answers != AnswerForm.LABELS) {
                throw block.fail("labels", "labels must only be given with \"answers\": \"labels\": "
                        + answers.jsonName());
            }
            List<String> missing = block.texts("missing");
            Optional<String> timepoint = block.optionalText("timepoint").map(String::strip);
            if (timepoint.isPresent() && timepoint.get().isEmpty()) {
                throw block.fail("timepoint", "timepoint must not be blank: blank");
            }
            return block.build(() -> new Block(instrument.id(), timepoint, optionalColumn(block, "date"), answers,
                    ordered, labels, missing, optionalColumn(block, "total")));
        }

        private static String describeItems(Instrument instrument) {
            List<Item> items = instrument.items();
            return items.size() == 1 ? items.get(0).id() : items.get(0).id() + ".." + items.get(items.size() - 1).id();
        }

        private static String column(JsonFields object, String field) {
            String name = object.text(field).strip();
            if (name.isEmpty()) {
                throw object.fail(field, "column name must not be blank: blank");
            }
            return name;
        }

        private static Optional<String> optionalColumn(JsonFields object, String field) {
            return object.optionalText(field).isPresent() ? Optional.of(column(object, field)) : Optional.empty();
        }

        /** An object of strings, in file order; absent is empty. */
        private static Map<String, String> strings(JsonFields object, String field) {
            Map<String, String> values = new LinkedHashMap<>();
            Optional<JsonFields> map = object.optionalObject(field);
            if (map.isPresent()) {
                for (String key : map.get().fieldNames()) {
                    String value = map.get().text(key);
                    if (value.isBlank()) {
                        throw map.get().fail(key, "value must not be blank: blank");
                    }
                    values.put(key, value.strip());
                }
            }
            return values;
        }
    }

    /**
     * A delimiter by its name in a mapping or on the command line: {@code ,} {@code ;} {@code |}, a TAB
     * character, {@code \t} or {@code tab}.
     *
     * @param text the name
     * @return the delimiter, empty when it is not one of the four
     */
    public static Optional<Character> delimiter(String text) {
        switch (Check.notNull(text, "delimiter")) {
            case ",":
                return Optional.of(',');
            case ";":
                return Optional.of(';');
            case "|":
                return Optional.of('|');
            case "\t":
            case "\\t":
            case "tab":
            case "TAB":
                return Optional.of('\t');
            default:
                return Optional.empty();
        }
    }
}
