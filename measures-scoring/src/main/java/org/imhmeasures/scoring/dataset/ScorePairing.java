/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.imhmeasures.core.internal.Check;
import org.imhmeasures.scoring.dataset.internal.CsvInput;

/**
 * Builds pre/post pairs from the output of scoring a long dataset (one row per record and timepoint),
 * reading its columns by name: {@code record_id}, {@code timepoint}, {@code total}, optionally
 * {@code instrument} (rows of another instrument are ignored), a date column (default {@code date}, ISO
 * {@code yyyy-mm-dd}) and any group columns (such as {@code team} or {@code age_band}). Other columns are
 * ignored, so both the {@code score} output and a mapped export with extra columns can be paired.
 *
 * <h2>Pairing</h2>
 * The pre score is the record's row at the pre timepoint. The post score is the row at a named timepoint,
 * or with {@link Post#last()} the row with the latest date after the pre row's date. Group labels come
 * from the pre row (where the family was at the start), else from the post row.
 *
 * <h2>Accounting</h2>
 * A record is a distinct record id. Every record is exactly one of: <b>paired</b> (both scores found),
 * <b>baseline only</b> (a pre score and no post score: a family with no discharge score is baseline only,
 * not rejected), <b>post only</b> (a post score and no pre score) or <b>rejected</b>, with the reason of
 * its first problem: {@code duplicate_timepoint} (two rows at the pre timepoint, or at the named post
 * timepoint, or two rows sharing the latest date), {@code missing_date} (pairing on the latest timepoint
 * and a row without a usable date). A record is counted once, however many rows it has, so a duplicated
 * record id never enters cohort statistics twice. Rows at other timepoints are <i>ignored</i> (a record
 * with only such rows is not a record); a row without a record id or with the wrong number of cells is a
 * rejected row (each counted as a rejected record of its own). Hence
 * records = paired + baseline only + post only + rejected, and
 * rows read = rows used + rows ignored + rows of rejected records.
 *
 * <p>Immutable and thread-safe; each {@link #pair} call holds one record's rows per record id in memory.
 *
 * @since 0.1.0
 */
public final class ScorePairing {

    /** The columns a score file must have. */
    public static final List<String> REQUIRED_COLUMNS = List.of("record_id", "timepoint", "total");

    private final String pre;
    private final Post post;
    private final List<String> groupColumns;
    private final String dateColumn;
    private final Optional<String> instrument;

    private ScorePairing(String pre, Post post, List<String> groupColumns, String dateColumn,
            Optional<String> instrument) {
        this.pre = Check.notBlank(pre, "pre timepoint");
        this.post = Check.notNull(post, "post timepoint");
        this.groupColumns = List.copyOf(Check.notNull(groupColumns, "group columns"));
        this.dateColumn = Check.notBlank(dateColumn, "date column");
        this.instrument = Check.notNull(instrument, "instrument");
        post.timepoint().ifPresent(t -> Check.argument(!t.equals(pre),
                "post timepoint must differ from the pre timepoint: %s", t));
    }

    /**
     * Creates a pairing.
     *
     * @param pre the pre timepoint, e.g. {@code baseline}
     * @param post the post timepoint
     * @param groupColumns columns carried into the pairs as group labels; may be empty
     * @return the pairing, reading dates from the {@code date} column
     */
    public static ScorePairing of(String pre, Post post, List<String> groupColumns) {
        return new ScorePairing(pre, post, groupColumns, "date", Optional.empty());
    }

    /**
     * Returns a copy reading dates from another column.
     *
     * @param column the date column's name
     * @return a new pairing
     */
    public ScorePairing withDateColumn(String column) {
        return new ScorePairing(pre, post, groupColumns, column, instrument);
    }

    /**
     * Returns a copy that uses only rows whose {@code instrument} column equals {@code id} (when the file
     * has that column), ignoring the others.
     *
     * @param id the instrument id
     * @return a new pairing
     */
    public ScorePairing withInstrument(String id) {
        return new ScorePairing(pre, post, groupColumns, dateColumn, Optional.of(Check.notBlank(id, "instrument")));
    }

    /**
     * Which row is the post score.
     *
     * @param timepoint the named timepoint, or empty for the latest dated timepoint after the pre one
     */
    public record Post(Optional<String> timepoint) {

        /**
         * Validates.
         *
         * @param timepoint the named timepoint, or empty for the latest dated one
         */
        public Post {
            Check.notNull(timepoint, "timepoint");
            timepoint.ifPresent(t -> Check.notBlank(t, "timepoint"));
        }

        /**
         * The row at a named timepoint, such as {@code discharge}.
         *
         * @param timepoint the timepoint
         * @return the selector
         */
        public static Post named(String timepoint) {
            return new Post(Optional.of(timepoint));
        }

        /**
         * The row with the latest date after the pre row's date.
         *
         * @return the selector
         */
        public static Post last() {
            return new Post(Optional.empty());
        }

        /**
         * Parses a command-line word: {@code last} or a timepoint name.
         *
         * @param word the word
         * @return the selector
         */
        public static Post parse(String word) {
            return "last".equals(word) ? last() : named(word);
        }
    }

    /**
     * One pair, as text cells of the score file.
     *
     * @param line the line of the post row in the score file
     * @param recordId the record id
     * @param pre the pre total as written
     * @param post the post total as written
     * @param groups the record's group labels, by column
     */
    public record Pair(long line, String recordId, String pre, String post, Map<String, String> groups) {

        /**
         * Validates and copies.
         *
         * @param line the line of the post row in the score file
         * @param recordId the record id
         * @param pre the pre total as written
         * @param post the post total as written
         * @param groups the record's group labels, by column
         */
        public Pair {
            Check.notNull(recordId, "record id");
            Check.notNull(pre, "pre");
            Check.notNull(post, "post");
            groups = Collections.unmodifiableMap(new LinkedHashMap<>(Check.notNull(groups, "groups")));
        }

        @Override
        public String toString() {
            return "Pair[line " + line + ", values redacted]";
        }
    }

    /**
     * A rejected record.
     *
     * @param line the line of its first offending row
     * @param recordId the record id (empty for a row without one)
     * @param reason the reason word, e.g. {@code duplicate_timepoint}
     * @param message what rule was broken, without any submitted value
     * @param groups the record's group labels (from its first used row; empty for a malformed row)
     */
    public record Reject(long line, String recordId, String reason, String message, Map<String, String> groups) {

        /**
         * Validates and copies.
         *
         * @param line the line of its first offending row
         * @param recordId the record id
         * @param reason the reason word
         * @param message the rule broken
         * @param groups the record's group labels
         */
        public Reject {
            Check.notNull(recordId, "record id");
            Check.notBlank(reason, "reason");
            Check.notBlank(message, "message");
            groups = Collections.unmodifiableMap(new LinkedHashMap<>(Check.notNull(groups, "groups")));
        }

        @Override
        public String toString() {
            return "Reject[line " + line + ", " + reason + "]";
        }
    }

    /**
     * The accounting of one pairing: records = paired + baselineOnly + postOnly + rejected.
     *
     * @param rowsRead data rows read
     * @param rowsIgnored rows at other timepoints or of another instrument
     * @param records distinct records (and rows without a record id)
     * @param paired records with both scores
     * @param baselineOnly records with a pre score only
     * @param postOnly records with a post score only
     * @param rejected records rejected, each with a reason
     */
    public record Counts(long rowsRead, long rowsIgnored, long records, long paired, long baselineOnly,
            long postOnly, long rejected) {

        /**
         * Validates the accounting.
         *
         * @param rowsRead data rows read
         * @param rowsIgnored rows at other timepoints or of another instrument
         * @param records distinct records
         * @param paired records with both scores
         * @param baselineOnly records with a pre score only
         * @param postOnly records with a post score only
         * @param rejected records rejected
         */
        public Counts {
            Check.argument(records == paired + baselineOnly + postOnly + rejected,
                    "records must be paired + baseline only + post only + rejected: %d", records);
        }

        /**
         * The accounting as one line, e.g.
         * {@code records 10 = paired 7 + baseline only 2 + post only 0 + rejected 1}.
         *
         * @return the line
         */
        public String accountingLine() {
            return "records " + records + " = paired " + paired + " + baseline only " + baselineOnly
                    + " + post only " + postOnly + " + rejected " + rejected;
        }
    }

    /**
     * A record with one score only (baseline only or post only), kept so group completeness counts it.
     *
     * @param recordId the record id
     * @param baselineOnly true for a pre score only, false for a post score only
     * @param groups the record's group labels
     */
    public record Unpaired(String recordId, boolean baselineOnly, Map<String, String> groups) {

        /**
         * Validates and copies.
         *
         * @param recordId the record id
         * @param baselineOnly true for a pre score only
         * @param groups the record's group labels
         */
        public Unpaired {
            Check.notNull(recordId, "record id");
            groups = Collections.unmodifiableMap(new LinkedHashMap<>(Check.notNull(groups, "groups")));
        }

        @Override
        public String toString() {
            return "Unpaired[" + (baselineOnly ? "baseline only" : "post only") + ", values redacted]";
        }
    }

    /**
     * What pairing gives.
     *
     * @param pairs the pairs, in the order of their records' first rows
     * @param unpaired the records with one score only
     * @param rejects the rejected records
     * @param counts the accounting
     */
    public record Result(List<Pair> pairs, List<Unpaired> unpaired, List<Reject> rejects, Counts counts) {

        /**
         * Copies.
         *
         * @param pairs the pairs
         * @param unpaired the records with one score only
         * @param rejects the rejected records
         * @param counts the accounting
         */
        public Result {
            pairs = List.copyOf(pairs);
            unpaired = List.copyOf(unpaired);
            rejects = List.copyOf(rejects);
            Check.notNull(counts, "counts");
        }
    }

    /** One usable row of the score file. */
    private record ScoreRow(long line, String timepoint, String total, Optional<String> date,
            Map<String, String> groups) {
    }

    /**
     * Reads a score file and pairs it.
     *
     * @param scores the score CSV (UTF-8 text; the reader is not closed)
     * @return the pairs, rejects and accounting
     * @throws DatasetException when the header lacks a required column, a group column or (for the latest
     *         timepoint) the date column, or the CSV is unreadable
     * @throws IOException on read failure
     */
    public Result pair(Reader scores) throws IOException {
        Map<String, List<ScoreRow>> byRecord = new LinkedHashMap<>();
        List<Reject> rejects = new ArrayList<>();
        long rowsRead = 0;
        long ignored = 0;
        try (CsvInput rows = CsvInput.of(scores)) {
            List<String> header = rows.header();
            for (String column : REQUIRED_COLUMNS) {
                if (!header.contains(column)) {
                    throw new DatasetException(1, "header must have the column " + column + ": absent", null);
                }
            }
            for (String column : groupColumns) {
                if (!header.contains(column)) {
                    throw new DatasetException(1, "header must have the group column " + column + ": absent", null);
                }
            }
            int date = header.indexOf(dateColumn);
            if (post.timepoint().isEmpty() && date < 0) {
                throw new DatasetException(1, "header must have the date column " + dateColumn
                        + " to pair on the latest timepoint: absent", null);
            }
            int id = header.indexOf("record_id");
            int timepoint = header.indexOf("timepoint");
            int total = header.indexOf("total");
            int instrumentColumn = header.indexOf("instrument");
            List<String> cells;
            while ((cells = rows.next()) != null) {
                rowsRead++;
                long line = rows.lastRowLine();
                if (cells.size() != header.size()) {
                    rejects.add(new Reject(line, "", "malformed_row", "row must have " + header.size() + " cells: "
                            + cells.size(), Map.of()));
                    continue;
                }
                String recordId = cells.get(id).strip();
                if (recordId.isEmpty()) {
                    rejects.add(new Reject(line, "", "missing_record_id", "record_id must not be empty: empty", Map.of()));
                    continue;
                }
                String tp = cells.get(timepoint).strip();
                boolean otherInstrument = instrument.isPresent() && instrumentColumn >= 0
                        && !instrument.get().equals(cells.get(instrumentColumn).strip());
                boolean used = tp.equals(pre) || post.timepoint().map(tp::equals).orElse(true);
                if (otherInstrument || !used) {
                    ignored++;
                    continue;
                }
                Map<String, String> groups = new LinkedHashMap<>();
                for (String column : groupColumns) {
                    groups.put(column, cells.get(header.indexOf(column)).strip());
                }
                Optional<String> day = date < 0 ? Optional.empty() : Optional.of(cells.get(date).strip())
                        .filter(s -> !s.isEmpty());
                byRecord.computeIfAbsent(recordId, k -> new ArrayList<>())
                        .add(new ScoreRow(line, tp, cells.get(total).strip(), day, groups));
            }
        }
        long rowRejects = rejects.size();
        List<Pair> pairs = new ArrayList<>();
        List<Unpaired> unpaired = new ArrayList<>();
        long baselineOnly = 0;
        long postOnly = 0;
        for (Map.Entry<String, List<ScoreRow>> record : byRecord.entrySet()) {
            Outcome outcome = pairOne(record.getKey(), record.getValue());
            if (outcome.reject != null) {
                rejects.add(outcome.reject);
            } else if (outcome.pair != null) {
                pairs.add(outcome.pair);
            } else if (outcome.baselineOnly) {
                baselineOnly++;
                unpaired.add(new Unpaired(record.getKey(), true, record.getValue().get(0).groups()));
            } else {
                postOnly++;
                unpaired.add(new Unpaired(record.getKey(), false, record.getValue().get(0).groups()));
            }
        }
        long rejected = rejects.size();
        Counts counts = new Counts(rowsRead, ignored, byRecord.size() + rowRejects, pairs.size(), baselineOnly,
                postOnly, rejected);
        return new Result(pairs, unpaired, rejects, counts);
    }

    /** One record's fate: exactly one of reject, pair, baseline only, post only. */
    private static final class Outcome {
        Reject reject;
        Pair pair;
        boolean baselineOnly;
    }

    private Outcome pairOne(String recordId, List<ScoreRow> rows) {
        Outcome outcome = new Outcome();
        Map<String, String> groups = rows.get(0).groups();
        List<ScoreRow> pres = rows.stream().filter(r -> r.timepoint().equals(pre)).toList();
        List<ScoreRow> others = rows.stream().filter(r -> !r.timepoint().equals(pre)).toList();
        if (pres.size() > 1) {
            outcome.reject = new Reject(pres.get(1).line(), recordId, "duplicate_timepoint",
                    "pre timepoint must occur once per record: " + pres.size() + " rows", groups);
            return outcome;
        }
        Optional<ScoreRow> preRow = pres.stream().findFirst();
        Optional<ScoreRow> postRow;
        if (post.timepoint().isPresent()) {
            if (others.size() > 1) {
                outcome.reject = new Reject(others.get(1).line(), recordId, "duplicate_timepoint",
                        "post timepoint must occur once per record: " + others.size() + " rows", groups);
                return outcome;
            }
            postRow = others.stream().findFirst();
        } else {
            Optional<LocalDate> preDate = Optional.empty();
            if (preRow.isPresent()) {
                preDate = date(preRow.get());
                if (preDate.isEmpty()) {
                    outcome.reject = missingDate(recordId, preRow.get(), groups);
                    return outcome;
                }
            }
            ScoreRow latest = null;
            LocalDate latestDate = null;
            boolean tie = false;
            for (ScoreRow row : others) {
                Optional<LocalDate> day = date(row);
                if (day.isEmpty()) {
                    outcome.reject = missingDate(recordId, row, groups);
                    return outcome;
                }
                if (preDate.isPresent() && !day.get().isAfter(preDate.get())) {
                    continue; // not after the pre score: not a post score
                }
                if (latestDate == null || day.get().isAfter(latestDate)) {
                    latest = row;
                    latestDate = day.get();
                    tie = false;
                } else if (day.get().equals(latestDate)) {
                    tie = true;
                }
            }
            if (tie) {
                outcome.reject = new Reject(latest.line(), recordId, "duplicate_timepoint",
                        "latest post date must occur once per record: two rows share it", groups);
                return outcome;
            }
            postRow = Optional.ofNullable(latest);
        }
        if (preRow.isPresent() && postRow.isPresent()) {
            groups = preRow.get().groups();
            outcome.pair = new Pair(postRow.get().line(), recordId, preRow.get().total(), postRow.get().total(), groups);
        } else {
            outcome.baselineOnly = preRow.isPresent();
        }
        return outcome;
    }

    private static Reject missingDate(String recordId, ScoreRow row, Map<String, String> groups) {
        return new Reject(row.line(), recordId, "missing_date",
                "date must be an ISO date (yyyy-mm-dd) to pair on the latest timepoint: absent or not a date", groups);
    }

    private static Optional<LocalDate> date(ScoreRow row) {
        if (row.date().isEmpty()) {
            return Optional.empty();
        }
        String text = row.date().get();
        try {
            // a date-time such as 2026-01-05T10:00 counts by its day
            return Optional.of(LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
