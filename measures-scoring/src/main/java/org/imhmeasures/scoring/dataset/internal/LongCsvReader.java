/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.dataset.DatasetException;
import org.imhmeasures.scoring.dataset.DatasetScoring;
import org.imhmeasures.scoring.dataset.Row;

/**
 * Long CSV: one answer per row, {@code record_id,timepoint,instrument,item_id,code}. The rows of one
 * administration (same record id, timepoint and instrument, trimmed) are grouped across the whole file,
 * whatever their order: rows R1, R2, R1 make two administrations, not three. Each administration is
 * reported at the line of its first row, and the accounting rows (administrations and malformed rows,
 * which are rows of their own) come out in order of that line; for a file already grouped by
 * administration this is the order, and the output, of reading it group by group. Rows without a
 * record id belong to no administration and are not gathered: each run of consecutive ones (same
 * timepoint and instrument) is one {@code missing_record_id} row where it starts.
 *
 * <p>Grouping cannot finish before the last row, so nothing is scored until the input has been read.
 * Runs of consecutive rows of one administration ("fragments") are kept in file order, in memory up to
 * an estimated {@value #DEFAULT_MEMORY_BUDGET} bytes and in temporary files past that
 * ({@link SpillDirectory}). While no administration has come back after another one (checked with a
 * 16 MiB Bloom filter of the administrations seen, so a false alarm only costs the slow path), each
 * fragment is a whole administration and they are scored in file order: one sequential write and read.
 * From the first administration that may have come back, the fragments are instead sorted by
 * administration through temporary files, merged into administrations, sorted by first line the same
 * way, then scored. Memory is bounded either way (two sort stages of the budget each, the filter, 4 MiB
 * of merge buffers). Peak disk is about the size of the input for a grouped file, two to four times it
 * for one whose administrations are spread across it; the files hold the input's record ids and
 * answers and are deleted when the run ends, fails or the JVM exits. An administration of more than
 * {@value #MAX_ANSWER_ROWS} rows or {@value #MAX_ANSWER_CHARS} characters of item ids and codes is
 * rejected as {@code malformed_row} without being held.
 */
public final class LongCsvReader implements DatasetReader {

    /** The most answer rows one administration may have. */
    public static final int MAX_ANSWER_ROWS = 10_000;
    /** The most characters of item ids and codes one administration may have. */
    public static final int MAX_ANSWER_CHARS = 1_048_576;
    /** Estimated heap bytes each sort stage keeps before it writes to disk. */
    public static final long DEFAULT_MEMORY_BUDGET = 16L * 1024 * 1024;

    private final Scorer scorer;
    private final long memoryBudget;
    private final Path temporaryParent;
    private final boolean alwaysRegroup;
    private final char delimiter;
    private boolean spilled;
    private boolean regrouped;

    /**
     * Creates the reader with the default memory budget and temporary files under
     * {@code java.io.tmpdir}.
     *
     * @param scorer scores each administration
     */
    public LongCsvReader(Scorer scorer) {
        this(scorer, DEFAULT_MEMORY_BUDGET, null, false);
    }

    /**
     * Creates the reader for a CSV with another cell delimiter, with the default memory budget.
     *
     * @param scorer scores each administration
     * @param delimiter the cell delimiter
     */
    public LongCsvReader(Scorer scorer, char delimiter) {
        this(scorer, DEFAULT_MEMORY_BUDGET, null, false, delimiter);
    }

    /**
     * Creates the reader.
     *
     * @param scorer scores each administration
     * @param memoryBudget estimated heap bytes per sort stage before spilling
     * @param temporaryParent where the temporary directory goes, {@code null} for {@code java.io.tmpdir}
     * @param alwaysRegroup take the sorting path even for a grouped file (tests compare the two paths)
     */
    LongCsvReader(Scorer scorer, long memoryBudget, Path temporaryParent, boolean alwaysRegroup) {
        this(scorer, memoryBudget, temporaryParent, alwaysRegroup, ',');
    }

    private LongCsvReader(Scorer scorer, long memoryBudget, Path temporaryParent, boolean alwaysRegroup,
            char delimiter) {
        this.delimiter = delimiter;
        this.scorer = scorer;
        this.memoryBudget = memoryBudget;
        this.temporaryParent = temporaryParent;
        this.alwaysRegroup = alwaysRegroup;
    }

    /** Whether the last {@link #read} wrote temporary files. */
    boolean spilled() {
        return spilled;
    }

    /** Whether the last {@link #read} had to gather administrations from across the file. */
    boolean regrouped() {
        return regrouped;
    }

    @Override
    public void read(Reader input, RowSink sink) throws IOException {
        List<String> columns = DatasetScoring.LONG_COLUMNS;
        try (CsvInput rows = CsvInput.of(input, delimiter);
                SpillDirectory directory = new SpillDirectory(temporaryParent);
                Stages stages = new Stages(directory)) {
            List<String> header = rows.header();
            int[] column = new int[columns.size()];
            for (int c = 0; c < column.length; c++) {
                column[c] = header.indexOf(columns.get(c));
                if (column[c] < 0) {
                    throw new DatasetException(1, "header must have the long-format columns " + columns + ": "
                            + columns.get(c) + " absent", null);
                }
            }
            sink.header(header);
            Fragment fragment = null;
            List<String> row;
            while ((row = rows.next()) != null) {
                long line = rows.lastRowLine();
                String recordId = column[0] < row.size() ? row.get(column[0]).strip() : "";
                if (row.size() != header.size()) {
                    // a broken line cannot be placed in an administration: it is a row of its own (and ends
                    // the fragment, so that fragments and rejected rows stay in line order)
                    stages.add(fragment);
                    fragment = null;
                    stages.add(Fragment.rejected(line, recordId, "malformed_row", "row must have " + header.size()
                            + " cells: " + row.size()));
                    continue;
                }
                String timepoint = row.get(column[1]).strip();
                String instrumentId = row.get(column[2]).strip();
                if (fragment == null || !fragment.sameAdministration(recordId, timepoint, instrumentId)) {
                    stages.add(fragment);
                    fragment = new Fragment(line, recordId, timepoint, instrumentId);
                }
                fragment.add(row.get(column[3]).strip(), row.get(column[4]));
            }
            stages.add(fragment);
            stages.emit(sink);
            spilled = directory.used();
            regrouped = stages.regrouping;
        }
    }

    /** Where finished fragments go: file order while no administration came back, else the two sorts. */
    private final class Stages implements Closeable {
        private final SpillingSorter<Fragment> inFileOrder;
        private final SpillingSorter<Fragment> byAdministration;
        private final SpillingSorter<Entry> byLine;
        private AdministrationFilter seen;
        private boolean regrouping = alwaysRegroup;

        Stages(SpillDirectory directory) {
            seen = regrouping ? null : new AdministrationFilter();
            inFileOrder = SpillingSorter.inOrder(Fragment.CODEC, memoryBudget, directory);
            byAdministration = new SpillingSorter<>(Fragment.ORDER, Fragment.CODEC, memoryBudget, directory);
            byLine = new SpillingSorter<>(Entry.ORDER, Entry.CODEC, memoryBudget, directory);
        }

        void add(Fragment fragment) throws IOException {
            if (fragment == null) {
                return;
            }
            if (fragment.reason == null && fragment.recordId.isEmpty()) {
                // rows that belong to no administration are not gathered from across the file: each run of
                // them is reported where it starts, as it always was
                fragment = Fragment.rejected(fragment.line, "", "missing_record_id", "record_id must not be empty: "
                        + "empty");
            }
            if (regrouping) {
                route(fragment);
            } else if (fragment.reason == null && seen.addAndCheck(fragment)) {
                regroup();
                route(fragment);
            } else {
                inFileOrder.add(fragment);
            }
        }

        /** Moves everything kept in file order so far into the two sorts. */
        private void regroup() throws IOException {
            regrouping = true;
            seen = null;
            try (SpillingSorter.Cursor<Fragment> kept = inFileOrder.sorted()) {
                Fragment fragment;
                while ((fragment = kept.next()) != null) {
                    route(fragment);
                }
            }
        }

        private void route(Fragment fragment) throws IOException {
            if (fragment.reason != null) {
                byLine.add(Entry.rejected(fragment.line, fragment.recordId, fragment.reason, fragment.message));
            } else {
                byAdministration.add(fragment);
            }
        }

        void emit(RowSink sink) throws IOException {
            if (!regrouping) {
                // every fragment is a whole administration, already in line order
                try (SpillingSorter.Cursor<Fragment> fragments = inFileOrder.sorted()) {
                    Fragment fragment;
                    while ((fragment = fragments.next()) != null) {
                        if (fragment.reason != null) {
                            sink.reject(Row.of(fragment.line, fragment.recordId), fragment.reason, fragment.message);
                        } else {
                            Group group = new Group(fragment);
                            group.absorb(fragment);
                            score(group.first.line, group.first.recordId, group.first.timepoint,
                                    group.first.instrumentId, group.answers, group.oversize, sink);
                        }
                    }
                }
                return;
            }
            try (SpillingSorter.Cursor<Fragment> fragments = byAdministration.sorted()) {
                Group group = null;
                Fragment next;
                while ((next = fragments.next()) != null) {
                    if (group == null || !group.first.sameAdministration(next)) {
                        if (group != null) {
                            byLine.add(group.entry());
                        }
                        group = new Group(next);
                    }
                    group.absorb(next);
                }
                if (group != null) {
                    byLine.add(group.entry());
                }
            }
            try (SpillingSorter.Cursor<Entry> entries = byLine.sorted()) {
                Entry entry;
                while ((entry = entries.next()) != null) {
                    if (entry.reason != null) {
                        sink.reject(Row.of(entry.line, entry.recordId), entry.reason, entry.message);
                    } else {
                        score(entry.line, entry.recordId, entry.timepoint, entry.instrumentId,
                                Arrays.asList(entry.answers), entry.oversize, sink);
                    }
                }
            }
        }

        @Override
        public void close() throws IOException {
            try {
                inFileOrder.close();
            } finally {
                try {
                    byAdministration.close();
                } finally {
                    byLine.close();
                }
            }
        }
    }

    /**
     * Scores one administration from its (item id, code) pairs, flat and in line order. A repeated item
     * is left to {@link Administration#ofEntries} and the scorer ({@code duplicate_item}), so that its
     * critical-item alert is raised like anywhere else.
     */
    private void score(long line, String recordId, String timepoint, String instrumentId, List<String> pairs,
            boolean oversize, RowSink sink) throws IOException {
        if (oversize) {
            sink.reject(Row.of(line, recordId, timepoint), "malformed_row", "administration must have at most "
                    + MAX_ANSWER_ROWS + " rows and " + MAX_ANSWER_CHARS + " characters of item ids and codes: more");
        } else {
            List<Map.Entry<String, String>> answers = new ArrayList<>(pairs.size() / 2);
            for (int i = 0; i < pairs.size(); i += 2) {
                answers.add(new AbstractMap.SimpleImmutableEntry<>(pairs.get(i), pairs.get(i + 1)));
            }
            Administration administration = Administration.ofEntries(instrumentId.isEmpty() ? "-" : instrumentId,
                    answers);
            sink.result(Row.of(line, recordId, timepoint), scorer.score(administration), () -> administration);
        }
    }

    private static int compareKeys(String recordA, String timeA, String instrumentA, String recordB, String timeB,
            String instrumentB) {
        int c = recordA.compareTo(recordB);
        if (c == 0) {
            c = timeA.compareTo(timeB);
        }
        return c != 0 ? c : instrumentA.compareTo(instrumentB);
    }

    private static long textBytes(String text) {
        return 48 + 2L * text.length();
    }

    /**
     * A Bloom filter of the administrations seen (2^27 bits = 16 MiB, 6 probes, a 64-bit FNV-1a hash of
     * the three key fields): "not seen" is certain, "seen" may be a false alarm (none in a test of a
     * million administrations, a few dozen in five million), which only sends the run down the slower,
     * equally correct path. The bits are kept in 4 KiB pages allocated when first set, so a small file
     * costs a few pages, not 16 MiB zeroed per run.
     */
    private static final class AdministrationFilter {
        private static final int BITS = 1 << 27;
        private static final int PROBES = 6;
        /** 2^9 words (4 KiB) per page. */
        private static final int PAGE_SHIFT = 9;
        private final long[][] pages = new long[BITS / 64 >>> PAGE_SHIFT][];

        private static long hash(long h, String text) {
            for (int i = 0; i < text.length(); i++) {
                h = (h ^ text.charAt(i)) * 0x100000001B3L;
            }
            return (h ^ 0x1F) * 0x100000001B3L; // a separator: ("ab", "c") and ("a", "bc") differ
        }

        /** Adds the fragment's administration; whether it may have been added before. */
        boolean addAndCheck(Fragment fragment) {
            long h = hash(hash(hash(0xCBF29CE484222325L, fragment.recordId), fragment.timepoint),
                    fragment.instrumentId);
            // splitmix64 finaliser
            h = (h ^ h >>> 30) * 0xBF58476D1CE4E5B9L;
            h = (h ^ h >>> 27) * 0x94D049BB133111EBL;
            h ^= h >>> 31;
            int h1 = (int) h;
            int h2 = (int) (h >>> 32) | 1;
            boolean all = true;
            for (int k = 0; k < PROBES; k++) {
                int bit = (h1 + k * h2) & (BITS - 1);
                long mask = 1L << bit;
                int word = bit >>> 6;
                long[] page = pages[word >>> PAGE_SHIFT];
                if (page == null) {
                    page = new long[1 << PAGE_SHIFT];
                    pages[word >>> PAGE_SHIFT] = page;
                }
                int at = word & ((1 << PAGE_SHIFT) - 1);
                if ((page[at] & mask) == 0) {
                    all = false;
                    page[at] |= mask;
                }
            }
            return all;
        }
    }

    /** Consecutive rows of one administration, in line order; or a row rejected as it was read. */
    static final class Fragment {
        static final Comparator<Fragment> ORDER = (a, b) -> {
            int c = compareKeys(a.recordId, a.timepoint, a.instrumentId, b.recordId, b.timepoint, b.instrumentId);
            return c != 0 ? c : Long.compare(a.line, b.line);
        };

        static final SpillingSorter.Codec<Fragment> CODEC = new SpillingSorter.Codec<>() {
            @Override
            public void write(SpillOutput out, Fragment f) throws IOException {
                out.writeLong(f.line);
                out.writeText(f.recordId);
                if (f.reason != null) {
                    out.writeByte(0);
                    out.writeText(f.reason);
                    out.writeText(f.message);
                    return;
                }
                out.writeByte(f.overflow ? 2 : 1);
                out.writeText(f.timepoint);
                out.writeText(f.instrumentId);
                out.writeLong(f.rows);
                out.writeLong(f.chars);
                out.writeInt(f.answers.size());
                for (String text : f.answers) {
                    out.writeText(text);
                }
            }

            @Override
            public Fragment read(SpillInput in) throws IOException {
                long line = in.readLong();
                String recordId = in.readText();
                int kind = in.readByte();
                if (kind == 0) {
                    return rejected(line, recordId, in.readText(), in.readText());
                }
                Fragment f = new Fragment(line, recordId, in.readText(), in.readText());
                f.overflow = kind == 2;
                f.rows = in.readLong();
                f.chars = in.readLong();
                int size = in.readInt();
                f.answers.ensureCapacity(size);
                for (int i = 0; i < size; i++) {
                    f.answers.add(in.readText());
                }
                return f;
            }

            @Override
            public long estimate(Fragment f) {
                if (f.reason != null) {
                    return 120 + textBytes(f.recordId) + textBytes(f.reason) + textBytes(f.message);
                }
                return 120 + textBytes(f.recordId) + textBytes(f.timepoint) + textBytes(f.instrumentId)
                        + (f.overflow ? 0 : 64L * f.answers.size() + 2 * f.chars);
            }
        };

        final long line;
        final String recordId;
        final String timepoint;
        final String instrumentId;
        /** Item id, code, item id, code ... as read (item ids trimmed). */
        final ArrayList<String> answers;
        long rows;
        long chars;
        boolean overflow;
        /** For a rejected row: its reason and message; {@code null} for answers. */
        String reason;
        String message;

        Fragment(long line, String recordId, String timepoint, String instrumentId) {
            this(line, recordId, timepoint, instrumentId, 20);
        }

        private Fragment(long line, String recordId, String timepoint, String instrumentId, int capacity) {
            this.line = line;
            this.recordId = recordId;
            this.timepoint = timepoint;
            this.instrumentId = instrumentId;
            this.answers = new ArrayList<>(capacity);
        }

        static Fragment rejected(long line, String recordId, String reason, String message) {
            Fragment f = new Fragment(line, recordId, "", "", 0);
            f.reason = reason;
            f.message = message;
            return f;
        }

        boolean sameAdministration(String record, String time, String instrument) {
            return recordId.equals(record) && timepoint.equals(time) && instrumentId.equals(instrument);
        }

        boolean sameAdministration(Fragment other) {
            return sameAdministration(other.recordId, other.timepoint, other.instrumentId);
        }

        void add(String itemId, String code) {
            rows++;
            chars += itemId.length() + code.length();
            if (overflow) {
                return;
            }
            if (rows > MAX_ANSWER_ROWS || chars > MAX_ANSWER_CHARS) {
                overflow = true;
                answers.clear();
                answers.trimToSize();
                return;
            }
            answers.add(itemId);
            answers.add(code);
        }
    }

    /** The fragments of one administration, merged in line order. */
    private static final class Group {
        final Fragment first;
        /** (item id, code) pairs, flat, in line order; a repeated item stays repeated. */
        final List<String> answers = new ArrayList<>();
        long rows;
        long chars;
        boolean oversize;

        Group(Fragment first) {
            this.first = first;
        }

        void absorb(Fragment fragment) {
            rows += fragment.rows;
            chars += fragment.chars;
            if (oversize) {
                return;
            }
            if (fragment.overflow || rows > MAX_ANSWER_ROWS || chars > MAX_ANSWER_CHARS) {
                oversize = true;
                answers.clear();
                return;
            }
            answers.addAll(fragment.answers);
        }

        Entry entry() {
            return new Entry(first.line, first.recordId, null, null, first.timepoint, first.instrumentId,
                    answers.toArray(String[]::new), oversize);
        }
    }

    /** An accounting row: an administration, or a row rejected as it was read. */
    static final class Entry {
        static final Comparator<Entry> ORDER = Comparator.comparingLong(e -> e.line);

        static final SpillingSorter.Codec<Entry> CODEC = new SpillingSorter.Codec<>() {
            @Override
            public void write(SpillOutput out, Entry e) throws IOException {
                out.writeLong(e.line);
                out.writeText(e.recordId);
                if (e.reason != null) {
                    out.writeByte(0);
                    out.writeText(e.reason);
                    out.writeText(e.message);
                    return;
                }
                out.writeByte(e.oversize ? 2 : 1);
                out.writeText(e.timepoint);
                out.writeText(e.instrumentId);
                out.writeInt(e.answers.length);
                for (String text : e.answers) {
                    out.writeText(text);
                }
            }

            @Override
            public Entry read(SpillInput in) throws IOException {
                long line = in.readLong();
                String recordId = in.readText();
                int kind = in.readByte();
                if (kind == 0) {
                    return rejected(line, recordId, in.readText(), in.readText());
                }
                String timepoint = in.readText();
                String instrumentId = in.readText();
                String[] answers = new String[in.readInt()];
                for (int i = 0; i < answers.length; i++) {
                    answers[i] = in.readText();
                }
                return new Entry(line, recordId, null, null, timepoint, instrumentId, answers, kind == 2);
            }

            @Override
            public long estimate(Entry e) {
                long bytes = 120 + textBytes(e.recordId);
                if (e.reason != null) {
                    return bytes + textBytes(e.reason) + textBytes(e.message);
                }
                bytes += textBytes(e.timepoint) + textBytes(e.instrumentId) + 16L + 8L * e.answers.length;
                for (String text : e.answers) {
                    bytes += textBytes(text);
                }
                return bytes;
            }
        };

        final long line;
        final String recordId;
        final String reason;
        final String message;
        final String timepoint;
        final String instrumentId;
        final String[] answers;
        final boolean oversize;

        Entry(long line, String recordId, String reason, String message, String timepoint, String instrumentId,
                String[] answers, boolean oversize) {
            this.line = line;
            this.recordId = recordId;
            this.reason = reason;
            this.message = message;
            this.timepoint = timepoint;
            this.instrumentId = instrumentId;
            this.answers = answers;
            this.oversize = oversize;
        }

        static Entry rejected(long line, String recordId, String reason, String message) {
            return new Entry(line, recordId, reason, message, "", "", new String[0], false);
        }
    }
}
