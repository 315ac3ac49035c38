/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.core.instrument.Subscale;
import org.imhmeasures.core.internal.Check;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.CutoffStatus;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.SubscaleScore;
import org.imhmeasures.scoring.internal.Vocabulary;

/**
 * Writes the scores CSV of the {@code score} command: one row per scored administration; rejected rows
 * are left to {@link RejectsCsv}. The header, exactly:
 * <pre>record_id,instrument,definition_version,raw_total,total,band,caseness,items_missing,prorated,critical_items,critical_unanswered</pre>
 * then one {@code subscale:<id>} column per subscale of the instrument; for an instrument that records
 * answers only (scoring method {@code answers_only}, such as a feedback question), one
 * {@code answer:<item id>} column per item in form order instead (it has no subscales); and for long CSV and
 * JSON Lines input a last {@code timepoint} column. The header of every scored instrument is exactly as it
 * was before answers-only instruments existed.
 *
 * <p>Cells: {@code raw_total} the sum of item scores, empty for an instrument without a total (GBO, HADS); {@code total} the reported total in plain notation
 * (two decimals when prorated), empty when the instrument reports none; {@code band} the band label, or for a total that no
 * confirmed band covers (PIR-GAS below 61, whose lower bands are unconfirmed) {@code (below the confirmed
 * bands)} ({@code above}, {@code between} likewise), never a blank that hides the most impaired
 * relationships; empty when the instrument has no bands; {@code caseness} {@code true}, {@code false} or empty (no published cut-off); {@code items_missing}
 * the number of unanswered items; {@code prorated} {@code true} or {@code false}; {@code critical_items}
 * the ids of critical items at alert level joined by {@code ;}; {@code critical_unanswered} the ids of
 * critical items without a valid answer joined by {@code ;} (alert status unknown), empty when every
 * critical item was answered; subscale scores in plain notation or empty; {@code answer:<item id>} the
 * recorded answer code as the definition spells it ({@link Scored#recordedAnswers()}), empty when the item
 * was not answered. An answers-only row has empty {@code raw_total}, {@code total}, {@code band} and
 * {@code caseness}, {@code prorated} {@code false} and empty critical cells: nothing is computed from its
 * answers. Text cells (every column but
 * the numbers {@code raw_total}, {@code total}, {@code items_missing} and {@code subscale:<id>}) go through
 * the {@link CsvCells} policy; CSV quoting only where a cell needs it.
 *
 * <p>The header is written when the handler is created, so an input without rows gives a header-only
 * file; {@link #finish} flushes. The caller's writer is never closed. One instance per run; not
 * thread-safe.
 *
 * @since 0.1.0
 */
public final class ScoresCsv implements RowHandler {

    /** Columns before the subscale columns. */
    public static final List<String> COLUMNS = List.of("record_id", "instrument", "definition_version",
            "raw_total", "total", "band", "caseness", "items_missing", "prorated", "critical_items",
            "critical_unanswered");

    /** Columns that hold numbers, never altered by {@link CsvCells}. */
    private static final Predicate<String> NUMBER_COLUMNS = name -> name.equals("raw_total")
            || name.equals("total") || name.equals("items_missing") || name.startsWith("subscale:");

    private static final String[] SMALL_INTS = new String[1001];

    static {
        for (int i = 0; i < SMALL_INTS.length; i++) {
            SMALL_INTS[i] = Integer.toString(i);
        }
    }

    private final CsvOut out;
    private final boolean withTimepoint;
    private final int width;
    private final List<String> passThroughColumns;

    private ScoresCsv(Writer writer, Instrument instrument, DatasetFormat format, CsvCells cells,
            List<String> passThroughColumns) throws IOException {
        Check.notNull(writer, "writer");
        this.passThroughColumns = List.copyOf(Check.notNull(passThroughColumns, "pass-through columns"));
        List<String> header = new ArrayList<>(header(instrument, format));
        for (String column : this.passThroughColumns) {
            Check.argument(!header.contains(column), "pass-through column must not repeat a scores column: %s",
                    column);
            header.add(column);
        }
        this.out = new CsvOut(writer, Check.notNull(cells, "csv cells"), NUMBER_COLUMNS);
        this.withTimepoint = format != DatasetFormat.WIDE_CSV;
        this.width = header.size();
        out.row(header);
    }

    /**
     * Creates the handler and writes the header, with text cells neutralised against formula injection.
     *
     * @param writer where the CSV goes; flushed by {@link #finish}, never closed
     * @param instrument the instrument whose scores it writes (for the subscale columns)
     * @param format the input format (long CSV and JSON Lines add {@code timepoint})
     * @return the handler
     * @throws IOException when writing the header fails
     */
    public static ScoresCsv of(Writer writer, Instrument instrument, DatasetFormat format) throws IOException {
        return new ScoresCsv(writer, instrument, format, CsvCells.NEUTRALISE_FORMULAS, List.of());
    }

    /**
     * Creates the handler and writes the header.
     *
     * @param writer where the CSV goes; flushed by {@link #finish}, never closed
     * @param instrument the instrument whose scores it writes (for the subscale columns)
     * @param format the input format (long CSV and JSON Lines add {@code timepoint})
     * @param cells the policy for text cells
     * @return the handler
     * @throws IOException when writing the header fails
     */
    public static ScoresCsv of(Writer writer, Instrument instrument, DatasetFormat format, CsvCells cells)
            throws IOException {
        return new ScoresCsv(writer, instrument, format, cells, List.of());
    }

    /**
     * Creates the handler and writes the header: {@link #header}, then {@code passThroughColumns}, each
     * row's cell the row's {@link Row#passThrough()} value of that name (empty when it has none). The
     * mapped export scoring ({@code org.imhmeasures.scoring.mapping}) copies its {@code keep} columns,
     * {@code age_band} and {@code system_total_differs} this way.
     *
     * @param writer where the CSV goes; flushed by {@link #finish}, never closed
     * @param instrument the instrument whose scores it writes (for the subscale columns)
     * @param format the input format (long CSV and JSON Lines add {@code timepoint})
     * @param cells the policy for text cells
     * @param passThroughColumns names of the columns after the scores, none repeating a scores column
     * @return the handler
     * @throws IOException when writing the header fails
     * @throws IllegalArgumentException when a name repeats a scores column
     * @since 0.1.0
     */
    public static ScoresCsv of(Writer writer, Instrument instrument, DatasetFormat format, CsvCells cells,
            List<String> passThroughColumns) throws IOException {
        return new ScoresCsv(writer, instrument, format, cells, passThroughColumns);
    }

    /** The prefix of the columns that hold an answers-only instrument's recorded answers. */
    public static final String ANSWER_PREFIX = "answer:";

    /**
     * The header for an instrument and input format: {@link #COLUMNS}, one {@code subscale:<id>} column per
     * subscale, for an answers-only instrument one {@code answer:<item id>} column per item, and for long
     * CSV and JSON Lines a final {@code timepoint}.
     *
     * @param instrument the instrument
     * @param format the input format
     * @return column names
     */
    public static List<String> header(Instrument instrument, DatasetFormat format) {
        Check.notNull(instrument, "instrument");
        List<String> header = new ArrayList<>(COLUMNS);
        for (Subscale subscale : instrument.subscales()) {
            header.add("subscale:" + subscale.id());
        }
        if (!instrument.scored()) {
            instrument.items().forEach(item -> header.add(ANSWER_PREFIX + item.id()));
        }
        if (Check.notNull(format, "format") != DatasetFormat.WIDE_CSV) {
            header.add("timepoint");
        }
        return List.copyOf(header);
    }

    /**
     * Writes the scored row.
     *
     * @param row its record id, and its timepoint for long CSV and JSON Lines
     * @param scored the result, of the instrument this handler was made for
     * @param answers not used
     * @throws IOException when writing fails
     */
    @Override
    public void scored(Row row, Scored scored, Supplier<Administration> answers) throws IOException {
        String[] cells = new String[width];
        int c = fill(cells, row, scored, withTimepoint);
        for (String column : passThroughColumns) {
            cells[c++] = row.passThrough().getOrDefault(column, "");
        }
        out.row(cells);
    }

    /**
     * The cells of a scored row as the scores CSV holds them, in {@link #header(Instrument, DatasetFormat)}
     * order, before any {@link CsvCells} policy and CSV quoting: the cells this handler writes for the row,
     * without pass-through columns. Other writers of scores (a Spark job, a database loader) use it to give
     * exactly the CLI's cells; the class javadoc says what each cell holds.
     *
     * @param row the row: its record id, and its timepoint for long CSV and JSON Lines
     * @param scored the result
     * @param format the input format (long CSV and JSON Lines add the {@code timepoint} cell)
     * @return the cells, unmodifiable, none {@code null}
     * @since 0.1.0
     */
    public static List<String> cells(Row row, Scored scored, DatasetFormat format) {
        Check.notNull(row, "row");
        Check.notNull(scored, "scored");
        boolean timepoint = Check.notNull(format, "format") != DatasetFormat.WIDE_CSV;
        int answers = scored.recordedAnswers().isEmpty() ? 0 : scored.recordedAnswers().size()
                + scored.itemsMissing().size();
        String[] cells = new String[COLUMNS.size() + scored.subscales().size() + answers + (timepoint ? 1 : 0)];
        fill(cells, row, scored, timepoint);
        return List.of(cells);
    }

    /** Fills the scores cells from index 0; returns the index after the last one. */
    private static int fill(String[] cells, Row row, Scored scored, boolean withTimepoint) {
        cells[0] = row.recordId();
        cells[1] = scored.provenance().instrumentId();
        cells[2] = scored.provenance().definitionVersion();
        // empty for instruments without a total (GBO, HADS): a sum across their goals or subscales means nothing
        cells[3] = scored.rawTotal().isPresent() ? text(scored.rawTotal().getAsInt()) : "";
        // BigDecimal caches toString(), and our totals (scale 0 or 2) print without exponent, so the
        // shared complete-answer totals cost no formatting per row
        cells[4] = scored.total().map(ScoresCsv::plain).orElse("");
        cells[5] = bandCell(scored);
        cells[6] = Vocabulary.caseness(scored.caseness());
        cells[7] = text(scored.itemsMissing().size());
        cells[8] = scored.prorated() ? "true" : "false";
        cells[9] = RejectsCsv.alertIds(scored.criticalAlerts());
        cells[10] = RejectsCsv.unansweredIds(scored.criticalUnanswered());
        int c = COLUMNS.size();
        for (SubscaleScore sub : scored.subscales().values()) {
            cells[c++] = sub.score().map(ScoresCsv::plain).orElse("");
        }
        if (!scored.recordedAnswers().isEmpty()) {
            c = fillAnswers(cells, c, scored);
        }
        if (withTimepoint) {
            cells[c++] = row.timepoint();
        }
        return c;
    }

    /**
     * The answer cells of an answers-only result, one per item in form order. Only answered items are in
     * {@link Scored#recordedAnswers()} and only unanswered ones in {@link Scored#itemsMissing()}, both in form
     * order, so merging them by item position (an item id is {@code <key>_<position>}, which the definition
     * check enforces) gives every item in form order without the instrument.
     */
    private static int fillAnswers(String[] cells, int from, Scored scored) {
        int c = from;
        Iterator<Map.Entry<String, String>> answered = scored.recordedAnswers().entrySet()
                .iterator();
        Iterator<String> missing = scored.itemsMissing().iterator();
        Map.Entry<String, String> nextAnswer = answered.hasNext() ? answered.next() : null;
        String nextMissing = missing.hasNext() ? missing.next() : null;
        while (nextAnswer != null || nextMissing != null) {
            if (nextMissing == null || nextAnswer != null && position(nextAnswer.getKey()) < position(nextMissing)) {
                cells[c++] = nextAnswer.getValue();
                nextAnswer = answered.hasNext() ? answered.next() : null;
            } else {
                cells[c++] = "";
                nextMissing = missing.hasNext() ? missing.next() : null;
            }
        }
        return c;
    }

    private static int position(String itemId) {
        return Integer.parseInt(itemId.substring(itemId.lastIndexOf('_') + 1));
    }

    /**
     * Writes nothing: rejected rows belong to {@link RejectsCsv}.
     *
     * @param row the row
     * @param rejection why it was rejected
     */
    @Override
    public void rejected(Row row, Rejection rejection) {
        // the scores file holds scored rows only; the counts still include this row
    }

    /**
     * Flushes the CSV to the writer, which stays open.
     *
     * @param summary the run's counts
     * @throws IOException when writing fails
     */
    @Override
    public void finish(DatasetSummary summary) throws IOException {
        out.close();
    }

    private static String text(int value) {
        return value >= 0 && value < SMALL_INTS.length ? SMALL_INTS[value] : Integer.toString(value);
    }

    /** Plain notation; uses the cached {@code toString()} whenever that is already plain. */
    static String plain(BigDecimal value) {
        boolean exponentForm = value.scale() < 0
                || value.signum() != 0 && value.precision() - value.scale() - 1 < -6;
        return exponentForm ? value.toPlainString() : value.toString();
    }

    /**
     * The band label; for a total outside every confirmed band (PIR-GAS below 61) the parenthesised band
     * status, so that the most impaired relationships never show as a blank; empty without bands.
     */
    static String bandCell(Scored s) {
        if (s.band().isPresent()) {
            return s.band().get().label();
        }
        switch (s.bandStatus()) {
            case BELOW_CONFIRMED_BANDS:
                return "(below the confirmed bands)";
            case ABOVE_CONFIRMED_BANDS:
                return "(above the confirmed bands)";
            case BETWEEN_CONFIRMED_BANDS:
                return "(between the confirmed bands)";
            default:
                // a licensed cut-off that was not supplied (ASQ:SE-2 without a norms file): say so, not a blank
                return s.cutoffStatus() == CutoffStatus.NOT_SUPPLIED ? "(no cut-off supplied)" : "";
        }
    }
}
