/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.imhmeasures.core.care.AgeBand;
import org.imhmeasures.core.care.InfantDates;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.core.instrument.Item;
import org.imhmeasures.core.instrument.ListedAnswer;
import org.imhmeasures.core.internal.Check;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.AmbiguousScoreException;
import org.imhmeasures.scoring.AnswerKind;
import org.imhmeasures.scoring.CriticalAlert;
import org.imhmeasures.scoring.NotScorable;
import org.imhmeasures.scoring.Problem;
import org.imhmeasures.scoring.ScoreResult;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.ScoringOptions;
import org.imhmeasures.scoring.dataset.DatasetException;
import org.imhmeasures.scoring.dataset.DatasetFormat;
import org.imhmeasures.scoring.dataset.DatasetInput;
import org.imhmeasures.scoring.dataset.Rejection;
import org.imhmeasures.scoring.dataset.Row;
import org.imhmeasures.scoring.dataset.RowHandler;
import org.imhmeasures.scoring.dataset.internal.CsvInput;

/**
 * Scores the instruments of an export through its {@link Mapping}, in one pass over the file, handing each
 * instrument's administrations to its own {@link RowHandler} (e.g. a
 * {@link org.imhmeasures.scoring.dataset.ScoresCsv} made with {@link #outputFormat()} and
 * {@link #outputColumns(String)}, and a {@link org.imhmeasures.scoring.dataset.RejectsCsv}).
 *
 * <h2>Per row and block</h2>
 * Each item cell is stripped; empty, or one of the block's {@code missing} values (matched as labels are),
 * is unanswered. When no item cell of a block holds an answer the row is <em>not administered</em> for that
 * block: counted apart ({@link MappedSummary#rowsNotAdministered()}), not handed on. Otherwise: answers are
 * read as the block's {@link AnswerForm} (labels matched ignoring case, surrounding spaces and runs of
 * spaces; an unmatched label is not allowed, never read as a code; scores read back through the definition,
 * so EPDS item 10 alerts on a stored score 3); the timepoint is the block's own, or the timepoint column's
 * value mapped through {@code timepoints} (an unlisted value rejects the administration as
 * {@code unknown_timepoint}); the date is the block's date column or the mapping's, parsed strictly with the
 * {@code dateFormat} (a cell that does not parse rejects it as {@code malformed_date}, as does an infant
 * date that does not); a row without record id is {@code missing_record_id}, one with the wrong number of
 * cells {@code malformed_row} (for every block: its cells cannot be placed). A row whose cells are all
 * blank (Excel's trailing {@code ;;;;} rows) is not a row, like a blank line.
 *
 * <p>The {@link Row} handed on has the record id, the timepoint and, as pass-through values in this order,
 * {@value Mapping#DATE} (ISO), the {@code keep} columns under their output names, {@value Mapping#AGE_BAND}
 * ({@link AgeBand#label()} at the date, from the date of birth, else antenatal from the due date; empty
 * without a date) and {@value Mapping#SYSTEM_TOTAL_DIFFERS}: {@code true} when the block's system total cell
 * is not a number or equals neither our reported total nor our raw total, {@code false} when it equals one,
 * empty when the cell is blank or the administration was rejected. A disagreement usually means the wrong
 * {@link AnswerForm}: counted in {@link MappedSummary#totalsDiffering()}.
 *
 * <h2>Long layout</h2>
 * One answer per row: the instrument column's value is mapped through {@code instrumentNames} (or is a
 * catalogue id), rows of instruments not being scored are skipped, the item column's value through the
 * instrument's {@code items} (or is an item id; anything else is {@code unknown_item}). Rows with the same
 * record id, instrument, timepoint and date form one administration wherever they are in the file,
 * reported at its first row's line and in order of that line; its {@code keep} and infant values come from
 * that first row. Administrations are grouped in memory: at most {@value #MAX_LONG_ROWS} answer rows, past
 * which the whole input is refused with a located {@link DatasetException} (the plain long format of
 * {@link org.imhmeasures.scoring.dataset.DatasetScoring} has no such limit).
 *
 * <p>Messages never quote a cell. Instances are immutable and thread-safe; each run uses its own reader.
 *
 * @since 0.1.0
 */
public final class MappedScoring {

    /** The most answer rows of a long export held in memory for grouping. */
    public static final int MAX_LONG_ROWS = 2_000_000;

    /** What an unmatched label becomes: no item allows it, and it is never echoed. */
    private static final String UNMATCHED = "?";

    private final Mapping mapping;
    private final List<Instrument> instruments;
    private final Map<String, List<BlockScorer>> scorers;

    private MappedScoring(Mapping mapping, List<Instrument> instruments, ScoringOptions options) {
        this.mapping = Check.notNull(mapping, "mapping");
        this.instruments = List.copyOf(Check.notNull(instruments, "instruments"));
        Check.argument(!this.instruments.isEmpty(), "instruments must number at least 1: %d", 0);
        Check.notNull(options, "options");
        Map<String, List<BlockScorer>> byId = new LinkedHashMap<>();
        for (Instrument instrument : this.instruments) {
            List<Block> blocks = mapping.instruments().get(instrument.id());
            Check.argument(blocks != null, "instrument must be mapped: %s", instrument.id());
            Check.argument(mapping.layout() == Layout.WIDE || blocks.size() == 1,
                    "a long layout must map %s in one block: %d", instrument.id(), blocks.size());
            List<BlockScorer> list = new ArrayList<>();
            for (Block block : blocks) {
                list.add(new BlockScorer(instrument, block, options));
            }
            byId.put(instrument.id(), List.copyOf(list));
        }
        this.scorers = Collections.unmodifiableMap(byId);
    }

    /**
     * Creates the scorer.
     *
     * @param mapping the mapping
     * @param instruments the instruments to score, each mapped (a user's own definitions and wording
     *        supplements included: pass the catalogue's instruments)
     * @param options scoring options (the missing-item policy); the answer kind is each block's own
     * @return the scorer
     * @throws IllegalArgumentException when an instrument is not mapped, or a long layout maps one in
     *         several blocks
     * @throws AmbiguousScoreException when a block stores scores for a definition that gives one score to
     *         two codes (KPCS)
     */
    public static MappedScoring of(Mapping mapping, List<Instrument> instruments, ScoringOptions options) {
        return new MappedScoring(mapping, instruments, options);
    }

    /**
     * The mapping.
     *
     * @return the mapping
     */
    public Mapping mapping() {
        return mapping;
    }

    /**
     * The instruments scored, in the order given.
     *
     * @return the instruments
     */
    public List<Instrument> instruments() {
        return instruments;
    }

    /**
     * The format to make each instrument's scores CSV with: long CSV (a {@code timepoint} column) when the
     * mapping has timepoints ({@link Mapping#hasTimepoints()}), wide otherwise.
     *
     * @return the format
     */
    public DatasetFormat outputFormat() {
        return mapping.hasTimepoints() ? DatasetFormat.LONG_CSV : DatasetFormat.WIDE_CSV;
    }

    /**
     * The pass-through columns of an instrument's scores CSV; see {@link Mapping#outputColumns(String)}.
     *
     * @param instrumentId a scored instrument
     * @return column names
     */
    public List<String> outputColumns(String instrumentId) {
        return mapping.outputColumns(instrumentId);
    }

    /**
     * Decodes an export in the mapping's encoding; see {@link DatasetInput#of(InputStream, java.nio.charset.Charset)}.
     *
     * @param in the bytes; closed with the reader
     * @return the reader
     */
    public Reader open(InputStream in) {
        return DatasetInput.of(in, mapping.encoding());
    }

    /**
     * Reads and scores the whole export.
     *
     * @param input the text (see {@link #open}); not closed
     * @param handlers one handler per scored instrument id; each gets its instrument's administrations, then
     *        {@link RowHandler#finish} with {@link MappedSummary#administered()}
     * @return each instrument's counts, in the order of {@link #instruments()}
     * @throws DatasetException when the input cannot be read, or its header lacks a mapped column
     * @throws IOException when reading or a handler fails
     */
    public Map<String, MappedSummary> run(Reader input, Map<String, RowHandler> handlers) throws IOException {
        Check.notNull(input, "input");
        Check.notNull(handlers, "handlers");
        Map<String, Counts> counts = new LinkedHashMap<>();
        for (Instrument instrument : instruments) {
            RowHandler handler = Check.notNull(handlers.get(instrument.id()), "handler for " + instrument.id());
            counts.put(instrument.id(), new Counts(handler));
        }
        try (CsvInput rows = CsvInput.of(input, mapping.delimiter())) {
            List<String> header = rows.header();
            Columns columns = new Columns(header);
            for (Counts c : counts.values()) {
                c.handler.header(header);
            }
            if (mapping.layout() == Layout.WIDE) {
                readWide(rows, header, columns, counts);
            } else {
                readLong(rows, header, columns, counts);
            }
        }
        Map<String, MappedSummary> summaries = new LinkedHashMap<>();
        for (Map.Entry<String, Counts> entry : counts.entrySet()) {
            MappedSummary summary = entry.getValue().summary(entry.getKey());
            entry.getValue().handler.finish(summary.administered());
            summaries.put(entry.getKey(), summary);
        }
        return Collections.unmodifiableMap(summaries);
    }

    private void readWide(CsvInput rows, List<String> header, Columns columns, Map<String, Counts> counts)
            throws IOException {
        Map<BlockScorer, int[]> itemColumns = new IdentityHashMap<>();
        for (List<BlockScorer> blocks : scorers.values()) {
            for (BlockScorer b : blocks) {
                itemColumns.put(b, b.columns(columns));
                b.block.date().ifPresent(columns::require);
                b.block.total().ifPresent(columns::require);
            }
        }
        List<String> next;
        while ((next = rows.next()) != null) {
            List<String> row = next;
            if (allBlank(row)) {
                continue;
            }
            long line = rows.lastRowLine();
            boolean malformed = row.size() != header.size();
            String recordId = columns.recordId < row.size() ? row.get(columns.recordId).strip() : "";
            for (Map.Entry<String, List<BlockScorer>> entry : scorers.entrySet()) {
                Counts c = counts.get(entry.getKey());
                for (BlockScorer b : entry.getValue()) {
                    if (malformed) {
                        c.reject(Row.of(line, recordId), Rejection.of("malformed_row", "row must have "
                                + header.size() + " cells: " + row.size()));
                        continue;
                    }
                    int[] at = itemColumns.get(b);
                    String[] values = new String[at.length];
                    boolean any = false;
                    for (int i = 0; i < at.length; i++) {
                        values[i] = at[i] < 0 ? null : b.value(row.get(at[i]), i);
                        any |= values[i] != null;
                    }
                    if (!any) {
                        c.notAdministered++;
                        continue;
                    }
                    Optional<String> totalCell = b.block.total().map(t -> row.get(columns.index(t)));
                    administration(c, b, line, recordId, row, columns, b.block.date(), null, values, totalCell);
                }
            }
        }
    }

    /**
     * Scores one administration: resolves timepoint, date and pass-through values, then scores and hands on.
     * {@code answers} (long layout) is used when {@code values} is {@code null}.
     */
    private void administration(Counts c, BlockScorer b, long line, String recordId, List<String> row,
            Columns columns, Optional<String> blockDate, Administration answers, String[] values,
            Optional<String> totalCell) throws IOException {
        if (recordId.isEmpty()) {
            c.reject(Row.of(line, ""), Rejection.of("missing_record_id", "record id must not be empty: empty"));
            return;
        }
        String timepoint;
        if (b.block.timepoint().isPresent()) {
            timepoint = b.block.timepoint().get();
        } else if (mapping.timepoint().isPresent()) {
            String raw = row.get(columns.index(mapping.timepoint().get())).strip();
            Optional<String> mapped = mapTimepoint(raw);
            if (mapped.isEmpty()) {
                c.reject(Row.of(line, recordId), Rejection.of("unknown_timepoint",
                        "timepoint must be one of the mapping's timepoints " + mapping.timepoints().values()
                                + ": unlisted value"));
                return;
            }
            timepoint = mapped.get();
        } else {
            timepoint = "";
        }
        Optional<String> dateColumn = blockDate.or(mapping::date);
        Optional<LocalDate> date = Optional.empty();
        Map<String, String> pass = new LinkedHashMap<>();
        try {
            if (dateColumn.isPresent()) {
                date = parseDate(row.get(columns.index(dateColumn.get())));
            }
            if (mapping.hasDates()) {
                pass.put(Mapping.DATE, date.map(LocalDate::toString).orElse(""));
            }
            mapping.keep().forEach((name, column) -> pass.put(name, row.get(columns.index(column)).strip()));
            if (mapping.infantBirthDate().isPresent() || mapping.infantDueDate().isPresent()) {
                Optional<LocalDate> born = mapping.infantBirthDate().flatMap(col -> parseDate(row.get(columns.index(col))));
                Optional<LocalDate> due = mapping.infantDueDate().flatMap(col -> parseDate(row.get(columns.index(col))));
                Optional<InfantDates> infant = born.<InfantDates>map(InfantDates.Born::new)
                        .or(() -> due.map(InfantDates.Expected::new));
                pass.put(Mapping.AGE_BAND, infant.isPresent() && date.isPresent()
                        ? AgeBand.at(infant.get(), date.get()).label() : "");
            }
        } catch (DateTimeParseException e) {
            c.reject(Row.of(line, recordId, timepoint), Rejection.of("malformed_date", "date must match the "
                    + "mapping's dateFormat " + mapping.dateFormat() + ": not matching"));
            return;
        }
        boolean compares = b.block.total().isPresent();
        Administration admin = answers;
        ScoreResult result = values != null ? b.scorer.scoreCodes(values) : b.scorer.score(answers);
        if (result instanceof Scored scored) {
            if (compares) {
                String differs = differs(totalCell.orElse(""), scored);
                pass.put(Mapping.SYSTEM_TOTAL_DIFFERS, differs);
                if (differs.equals("true")) {
                    c.differing++;
                }
            } else if (mapping.outputColumns(b.instrument.id()).contains(Mapping.SYSTEM_TOTAL_DIFFERS)) {
                pass.put(Mapping.SYSTEM_TOTAL_DIFFERS, "");
            }
            Row out = Row.of(line, recordId, timepoint, pass);
            c.count(result);
            c.scored++;
            c.handler.scored(out, scored, () -> admin != null ? admin : b.administration(values));
        } else {
            NotScorable n = (NotScorable) result;
            c.count(result);
            c.rejectCounted(Row.of(line, recordId, timepoint, pass), new Rejection(n.firstProblem().code(),
                    rejectMessage(n), Optional.of(n)));
        }
    }

    private Optional<String> mapTimepoint(String raw) {
        if (mapping.timepoints().isEmpty() || raw.isEmpty()) {
            return Optional.of(raw);
        }
        String key = Labels.normalise(raw);
        for (Map.Entry<String, String> entry : mapping.timepoints().entrySet()) {
            if (Labels.normalise(entry.getKey()).equals(key)) {
                return Optional.of(entry.getValue());
            }
        }
        return Optional.empty();
    }

    private Optional<LocalDate> parseDate(String cell) {
        String text = cell.strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(text, mapping.dates()));
    }

    /** {@code true}, {@code false} or empty (blank cell). */
    private static String differs(String cell, Scored scored) {
        String text = cell.strip();
        if (text.isEmpty()) {
            return "";
        }
        if (!text.matches("-?[0-9]{1,9}([.,][0-9]{1,6})?")) {
            return "true";
        }
        BigDecimal system = new BigDecimal(text.replace(',', '.'));
        boolean same = scored.total().map(t -> t.compareTo(system) == 0).orElse(false)
                || scored.rawTotal().isPresent() && BigDecimal.valueOf(scored.rawTotal().getAsInt()).compareTo(system) == 0;
        return same ? "false" : "true";
    }

    private void readLong(CsvInput rows, List<String> header, Columns columns, Map<String, Counts> counts)
            throws IOException {
        LongColumns lc = mapping.longColumns().orElseThrow();
        int instrumentColumn = columns.require(lc.instrument());
        int itemColumn = columns.require(lc.item());
        int answerColumn = columns.require(lc.answer());
        Map<String, String> names = new HashMap<>();
        mapping.instrumentNames().forEach((name, id) -> names.put(Labels.normalise(name), id));
        for (Instrument instrument : instruments) {
            names.putIfAbsent(Labels.normalise(instrument.id()), instrument.id());
        }
        Map<List<String>, Group> groups = new LinkedHashMap<>();
        long held = 0;
        List<String> next;
        while ((next = rows.next()) != null) {
            List<String> row = next;
            if (allBlank(row)) {
                continue;
            }
            long line = rows.lastRowLine();
            String instrumentName = instrumentColumn < row.size() ? row.get(instrumentColumn) : "";
            String id = names.get(Labels.normalise(instrumentName));
            if (row.size() != header.size()) {
                String recordId = columns.recordId < row.size() ? row.get(columns.recordId).strip() : "";
                for (Map.Entry<String, Counts> entry : counts.entrySet()) {
                    if (id == null || id.equals(entry.getKey())) {
                        entry.getValue().reject(Row.of(line, recordId), Rejection.of("malformed_row",
                                "row must have " + header.size() + " cells: " + row.size()));
                    }
                }
                continue;
            }
            if (id == null || !scorers.containsKey(id)) {
                continue;
            }
            if (++held > MAX_LONG_ROWS) {
                throw new DatasetException(line, "long export must have at most " + MAX_LONG_ROWS
                        + " answer rows for a mapped run: more", null);
            }
            BlockScorer b = scorers.get(id).get(0);
            List<String> key = new ArrayList<>(4);
            key.add(row.get(columns.recordId).strip());
            key.add(id);
            key.add(mapping.timepoint().map(t -> Labels.normalise(row.get(columns.index(t)))).orElse(""));
            key.add(b.block.date().or(mapping::date).map(d -> row.get(columns.index(d)).strip()).orElse(""));
            Group group = groups.get(key);
            if (group == null) {
                group = new Group(line, List.copyOf(row), b);
                groups.put(key, group);
            }
            String itemKey = b.itemKey(row.get(itemColumn));
            group.answers.add(new AbstractMap.SimpleImmutableEntry<>(itemKey, b.longValue(itemKey,
                    row.get(answerColumn))));
        }
        for (Map.Entry<List<String>, Group> entry : groups.entrySet()) {
            Group g = entry.getValue();
            Counts c = counts.get(g.scorer.instrument.id());
            boolean any = g.answers.stream().anyMatch(a -> a.getValue() != null);
            if (!any) {
                c.notAdministered++;
                continue;
            }
            List<Map.Entry<String, String>> given = new ArrayList<>();
            for (Map.Entry<String, String> a : g.answers) {
                given.add(a.getValue() == null ? new AbstractMap.SimpleImmutableEntry<>(a.getKey(), "") : a);
            }
            Administration admin = Administration.ofEntries(g.scorer.instrument.id(), given);
            administration(c, g.scorer, g.line, entry.getKey().get(0), g.firstRow, columns, g.scorer.block.date(),
                    admin, null, g.scorer.block.total().map(t -> g.firstRow.get(columns.index(t))));
        }
    }

    private static boolean allBlank(List<String> row) {
        for (String cell : row) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String rejectMessage(NotScorable n) {
        StringBuilder message = new StringBuilder();
        for (Problem problem : n.problems()) {
            if (message.length() > 0) {
                message.append("; ");
            }
            message.append(problem.message());
        }
        if (!n.criticalAlerts().isEmpty()) {
            message.append("; critical item at alert level: ");
            List<String> ids = new ArrayList<>();
            for (CriticalAlert alert : n.criticalAlerts()) {
                ids.add(alert.itemId());
            }
            message.append(String.join(";", ids));
        }
        return message.toString();
    }

    /** The answers of one long-layout administration. */
    private static final class Group {
        final long line;
        final List<String> firstRow;
        final BlockScorer scorer;
        final List<Map.Entry<String, String>> answers = new ArrayList<>();

        Group(long line, List<String> firstRow, BlockScorer scorer) {
            this.line = line;
            this.firstRow = firstRow;
            this.scorer = scorer;
        }
    }

    /** The header's columns by name, and the mapping's fixed columns checked present. */
    private final class Columns {
        private final Map<String, Integer> index = new HashMap<>();
        final int recordId;

        Columns(List<String> header) throws DatasetException {
            for (int c = 0; c < header.size(); c++) {
                index.put(header.get(c), c);
            }
            recordId = require(mapping.recordId());
            mapping.timepoint().ifPresent(this::require);
            mapping.date().ifPresent(this::require);
            mapping.keep().values().forEach(this::require);
            mapping.infantBirthDate().ifPresent(this::require);
            mapping.infantDueDate().ifPresent(this::require);
        }

        int require(String column) {
            Integer at = index.get(column);
            if (at == null) {
                throw new DatasetException(1, "header must have the mapped column \"" + column + "\": absent", null);
            }
            return at;
        }

        int index(String column) {
            return index.get(column);
        }
    }

    /** One instrument's counts in a run. */
    private static final class Counts {
        final RowHandler handler;
        long scored;
        long rejected;
        long notAdministered;
        long alerted;
        long unanswered;
        long differing;

        Counts(RowHandler handler) {
            this.handler = handler;
        }

        void count(ScoreResult result) {
            if (!result.criticalAlerts().isEmpty()) {
                alerted++;
            }
            if (!result.criticalUnanswered().isEmpty()) {
                unanswered++;
            }
        }

        void reject(Row row, Rejection rejection) throws IOException {
            rejectCounted(row, rejection);
        }

        void rejectCounted(Row row, Rejection rejection) throws IOException {
            rejected++;
            handler.rejected(row, rejection);
        }

        MappedSummary summary(String id) {
            return new MappedSummary(id, scored + rejected + notAdministered, scored, rejected, notAdministered,
                    alerted, unanswered, differing);
        }
    }

    /** A block with its scorer, label tables and missing values. */
    private static final class BlockScorer {
        final Instrument instrument;
        final Block block;
        final Scorer scorer;
        private final Set<String> missing = new HashSet<>();
        private final List<Map<String, String>> labels = new ArrayList<>();
        private final Map<String, String> itemIdsByName = new HashMap<>();

        BlockScorer(Instrument instrument, Block block, ScoringOptions options) {
            this.instrument = instrument;
            this.block = block;
            this.scorer = Scorer.of(instrument, options.with(block.answers() == AnswerForm.SCORES ? AnswerKind.SCORES
                    : AnswerKind.CODES));
            block.missing().forEach(m -> missing.add(Labels.normalise(m)));
            Map<String, String> shared = new HashMap<>();
            block.labels().forEach((text, code) -> shared.put(Labels.normalise(text), code.strip()));
            for (Item item : instrument.items()) {
                Map<String, String> table = new HashMap<>();
                // scored options and unscored categories alike (a rating lists none)
                for (ListedAnswer option : item.scale().listedAnswers()) {
                    option.label().ifPresent(l -> table.put(Labels.normalise(l), option.code()));
                }
                table.putAll(shared);
                labels.add(table);
            }
            block.items().forEach((id, name) -> itemIdsByName.put(Labels.normalise(name), id));
        }

        /** The wide columns of the instrument's items, in form order; -1 for an item the block does not map. */
        int[] columns(Columns columns) {
            int[] at = new int[instrument.items().size()];
            for (int i = 0; i < at.length; i++) {
                String column = block.items().get(instrument.items().get(i).id());
                at[i] = column == null ? -1 : columns.require(column);
            }
            return at;
        }

        /** A cell as the code the scorer reads, {@code null} when unanswered. */
        String value(String cell, int item) {
            String text = cell.strip();
            if (text.isEmpty()) {
                return null;
            }
            String normalised = Labels.normalise(text);
            if (missing.contains(normalised)) {
                return null;
            }
            if (block.answers() != AnswerForm.LABELS) {
                return text;
            }
            String code = labels.get(item).get(normalised);
            return code == null ? UNMATCHED : code;
        }

        /** A long row's item id: mapped name, an item id as itself, or the name (an unknown item). */
        String itemKey(String name) {
            String id = itemIdsByName.get(Labels.normalise(name));
            if (id != null) {
                return id;
            }
            String stripped = name.strip();
            return instrument.item(stripped).isPresent() ? stripped : stripped.isEmpty() ? " " : stripped;
        }

        /** A long row's answer as a code, {@code null} when unanswered. */
        String longValue(String itemId, String cell) {
            Optional<Item> item = instrument.item(itemId);
            // an unknown item's answer is read with the first item's labels: the administration is rejected
            // as unknown_item anyway
            return value(cell, item.map(i -> i.position() - 1).orElse(0));
        }

        Administration administration(String[] values) {
            Map<String, String> answers = new LinkedHashMap<>();
            for (int i = 0; i < values.length; i++) {
                answers.put(instrument.items().get(i).id(), values[i]);
            }
            return Administration.of(instrument.id(), answers);
        }
    }

    /** Label and name matching: case, surrounding spaces and runs of spaces ignored. */
    static final class Labels {
        private Labels() {
        }

        static String normalise(String text) {
            return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        }
    }
}
