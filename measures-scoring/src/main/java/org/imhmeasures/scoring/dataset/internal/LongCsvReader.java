package org.imhmeasures.scoring.dataset.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.dataset.DatasetException;
import org.imhmeasures.scoring.dataset.DatasetScoring;
import org.imhmeasures.scoring.internal.Redaction;

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
 * Memory is bounded: runs of consecutive rows of one administration ("fragments") are kept up to an
 * estimated {@value #DEFAULT_MEMORY_BUDGET} bytes; past that they are sorted by administration and
 * written to temporary files ({@link SpillDirectory}), merged back into administrations, which are
 * sorted by first line the same way, then scored. The disk cost is about two to three times the size of
 * the input at its peak, all deleted when the run ends, fails or the JVM exits; those files hold the
 * record ids and answers of the input. An administration of more than {@value #MAX_ANSWER_ROWS} rows or
 * {@value #MAX_ANSWER_CHARS} characters of item ids and codes is rejected as {@code malformed_row}
 * without being held.
 */
public final class LongCsvReader implements DatasetReader {

    /** The most answer rows one administration may have. */
    public static final int MAX_ANSWER_ROWS = 10_000;
    /** The most characters of item ids and codes one administration may have. */
    public static final int MAX_ANSWER_CHARS = 1_048_576;
    /** Estimated heap bytes each of the two sort stages keeps before it writes to disk. */
    public static final long DEFAULT_MEMORY_BUDGET = 16L * 1024 * 1024;

    private final Scorer scorer;
    private final long memoryBudget;
    private final Path temporaryParent;
    private boolean spilled;

    /**
     * Creates the reader with the default memory budget and temporary files under
     * {@code java.io.tmpdir}.
     *
     * @param scorer scores each administration
     */
    public LongCsvReader(Scorer scorer) {
        this(scorer, DEFAULT_MEMORY_BUDGET, null);
    }

    /**
     * Creates the reader.
     *
     * @param scorer scores each administration
     * @param memoryBudget estimated heap bytes per sort stage before spilling
     * @param temporaryParent where the temporary directory goes, {@code null} for {@code java.io.tmpdir}
     */
    LongCsvReader(Scorer scorer, long memoryBudget, Path temporaryParent) {
        this.scorer = scorer;
        this.memoryBudget = memoryBudget;
        this.temporaryParent = temporaryParent;
    }

    /** Whether the last {@link #read} wrote temporary files. */
    boolean spilled() {
        return spilled;
    }

    @Override
    public void read(Reader input, Consumer<List<String>> headerListener, RowSink sink) throws IOException {
        List<String> columns = DatasetScoring.LONG_COLUMNS;
        try (CsvInput rows = CsvInput.of(input);
                SpillDirectory directory = new SpillDirectory(temporaryParent);
                SpillingSorter<Fragment> byAdministration = new SpillingSorter<>(Fragment.ORDER, Fragment.CODEC,
                        memoryBudget, directory);
                SpillingSorter<Entry> byLine = new SpillingSorter<>(Entry.ORDER, Entry.CODEC, memoryBudget,
                        directory)) {
            List<String> header = rows.header();
            int[] column = new int[columns.size()];
            for (int c = 0; c < column.length; c++) {
                column[c] = header.indexOf(columns.get(c));
                if (column[c] < 0) {
                    throw new DatasetException(1, "header must have the long-format columns " + columns + ": "
                            + columns.get(c) + " absent", null);
                }
            }
            headerListener.accept(header);
            Fragment fragment = null;
            List<String> row;
            while ((row = rows.next()) != null) {
                long line = rows.lastRowLine();
                String recordId = column[0] < row.size() ? row.get(column[0]).strip() : "";
                if (row.size() != header.size()) {
                    // a broken line cannot be placed in an administration: it is a row of its own
                    byLine.add(Entry.rejected(line, recordId, "malformed_row", "row must have " + header.size()
                            + " cells: " + row.size()));
                    continue;
                }
                String timepoint = row.get(column[1]).strip();
                String instrumentId = row.get(column[2]).strip();
                if (fragment == null || !fragment.sameAdministration(recordId, timepoint, instrumentId)) {
                    finish(fragment, byAdministration, byLine);
                    fragment = new Fragment(line, recordId, timepoint, instrumentId);
                }
                fragment.add(row.get(column[3]).strip(), row.get(column[4]));
            }
            finish(fragment, byAdministration, byLine);
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
                    emit(entry, sink);
                }
            }
            spilled = directory.used();
        }
    }

    /**
     * Hands a finished fragment on: to grouping, or, without a record id, straight to the output as one
     * rejected row (rows that belong to no administration are not gathered from across the file, so
     * each run of them is reported where it is, as it always was).
     */
    private static void finish(Fragment fragment, SpillingSorter<Fragment> byAdministration,
            SpillingSorter<Entry> byLine) throws IOException {
        if (fragment == null) {
            return;
        }
        if (fragment.recordId.isEmpty()) {
            byLine.add(Entry.rejected(fragment.line, "", "missing_record_id", "record_id must not be empty: empty"));
        } else {
            byAdministration.add(fragment);
        }
    }

    private void emit(Entry entry, RowSink sink) throws IOException {
        if (entry.reason != null) {
            sink.reject(entry.line, entry.recordId, entry.reason, entry.message);
        } else if (entry.oversize) {
            sink.reject(entry.line, entry.recordId, "malformed_row", "administration must have at most "
                    + MAX_ANSWER_ROWS + " rows and " + MAX_ANSWER_CHARS + " characters of item ids and codes: more");
        } else if (entry.duplicateItem != null) {
            sink.reject(entry.line, entry.recordId, "duplicate_item", "item must appear once per administration: "
                    + Redaction.itemId(entry.duplicateItem));
        } else {
            Map<String, String> answers = new LinkedHashMap<>();
            for (int i = 0; i < entry.answers.length; i += 2) {
                answers.put(entry.answers[i], entry.answers[i + 1]);
            }
            Administration administration = Administration.of(entry.instrumentId.isEmpty() ? "-"
                    : entry.instrumentId, answers);
            sink.result(entry.line, entry.recordId, entry.timepoint, scorer.score(administration),
                    () -> administration);
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

    /** Consecutive rows of one administration, in line order. */
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
                out.writeText(f.timepoint);
                out.writeText(f.instrumentId);
                out.writeLong(f.rows);
                out.writeLong(f.chars);
                out.writeByte(f.overflow ? 1 : 0);
                out.writeInt(f.answers.size());
                for (String text : f.answers) {
                    out.writeText(text);
                }
            }

            @Override
            public Fragment read(SpillInput in) throws IOException {
                Fragment f = new Fragment(in.readLong(), in.readText(), in.readText(), in.readText());
                f.rows = in.readLong();
                f.chars = in.readLong();
                f.overflow = in.readByte() == 1;
                int size = in.readInt();
                f.answers.ensureCapacity(size);
                for (int i = 0; i < size; i++) {
                    f.answers.add(in.readText());
                }
                return f;
            }

            @Override
            public long estimate(Fragment f) {
                return 120 + textBytes(f.recordId) + textBytes(f.timepoint) + textBytes(f.instrumentId)
                        + (f.overflow ? 0 : 64L * f.answers.size() + 2 * f.chars);
            }
        };

        final long line;
        final String recordId;
        final String timepoint;
        final String instrumentId;
        /** Item id, code, item id, code ... as read (item ids trimmed). */
        final ArrayList<String> answers = new ArrayList<>();
        long rows;
        long chars;
        boolean overflow;

        Fragment(long line, String recordId, String timepoint, String instrumentId) {
            this.line = line;
            this.recordId = recordId;
            this.timepoint = timepoint;
            this.instrumentId = instrumentId;
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
        final Map<String, String> answers = new LinkedHashMap<>();
        String duplicateItem;
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
            for (int i = 0; i < fragment.answers.size(); i += 2) {
                String itemId = fragment.answers.get(i);
                if (answers.containsKey(itemId) && duplicateItem == null) {
                    duplicateItem = itemId;
                }
                answers.put(itemId.isEmpty() ? "-" : itemId, fragment.answers.get(i + 1));
            }
        }

        Entry entry() {
            String[] pairs = new String[answers.size() * 2];
            int i = 0;
            for (Map.Entry<String, String> answer : answers.entrySet()) {
                pairs[i++] = answer.getKey();
                pairs[i++] = answer.getValue();
            }
            return new Entry(first.line, first.recordId, null, null, first.timepoint, first.instrumentId, pairs,
                    duplicateItem, oversize);
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
                out.writeByte(e.duplicateItem == null ? 0 : 1);
                if (e.duplicateItem != null) {
                    out.writeText(e.duplicateItem);
                }
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
                String duplicateItem = in.readByte() == 1 ? in.readText() : null;
                String[] answers = new String[in.readInt()];
                for (int i = 0; i < answers.length; i++) {
                    answers[i] = in.readText();
                }
                return new Entry(line, recordId, null, null, timepoint, instrumentId, answers, duplicateItem,
                        kind == 2);
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
        final String duplicateItem;
        final boolean oversize;

        Entry(long line, String recordId, String reason, String message, String timepoint, String instrumentId,
                String[] answers, String duplicateItem, boolean oversize) {
            this.line = line;
            this.recordId = recordId;
            this.reason = reason;
            this.message = message;
            this.timepoint = timepoint;
            this.instrumentId = instrumentId;
            this.answers = answers;
            this.duplicateItem = duplicateItem;
            this.oversize = oversize;
        }

        static Entry rejected(long line, String recordId, String reason, String message) {
            return new Entry(line, recordId, reason, message, "", "", new String[0], null, false);
        }
    }
}
