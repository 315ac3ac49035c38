/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.NotScorable;
import org.imhmeasures.scoring.ScoreResult;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.dataset.DatasetException;
import org.imhmeasures.scoring.dataset.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The long-format reader's bounded memory: grouping through temporary files gives exactly what grouping
 * in memory gives, and the temporary files are gone afterwards, whether the run succeeded or failed.
 */
class LongCsvReaderTest {

    private static final Scorer PHQ9 = Scorer.of(Catalogue.builtIn().get("PHQ-9"));
    /** Estimated bytes per sort stage: a few dozen fragments, so the golden input spills to dozens of runs. */
    private static final long SPILL_BUDGET = 32_000;

    /** Records every accounting row as text, in order. */
    private static class Recording implements RowSink {
        final List<String> rows = new ArrayList<>();

        @Override
        public void header(List<String> header) {
        }

        @Override
        public void result(Row row, ScoreResult result, Supplier<Administration> answers) {
            long line = row.line();
            String recordId = row.recordId();
            String timepoint = row.timepoint();
            String outcome = result instanceof Scored s ? "scored " + s.rawTotal().getAsInt() + " " + s.total()
                    : "not scorable " + ((NotScorable) result).problems();
            rows.add(line + " " + recordId + " " + timepoint + " " + outcome + " " + answers.get().answers()
                    + " alerts " + result.criticalAlerts().size());
        }

        @Override
        public void reject(Row row, String reason, String message) throws IOException {
            rows.add(row.line() + " " + row.recordId() + " " + reason + " " + message);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = LongCsvReaderTest.class.getResourceAsStream("/org/imhmeasures/scoring/dataset/" + name)) {
            assertTrue(in != null, name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> read(LongCsvReader reader, String input) throws IOException {
        Recording sink = new Recording();
        reader.read(new StringReader(input), sink);
        return sink.rows;
    }

    private static boolean empty(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.findAny().isEmpty();
        }
    }

    /** The grouped golden input with its rows shuffled (malformed and id-less rows kept in place). */
    private static String shuffled(long seed) throws IOException {
        List<String> lines = new ArrayList<>(resource("long-grouped/input.csv").lines().toList());
        String header = lines.remove(0);
        Collections.shuffle(lines, new Random(seed));
        return header + "\n" + String.join("\n", lines) + "\n";
    }

    @Test
    void read_groupedFile_everyPathGivesTheSameRows(@TempDir Path tmp) throws IOException {
        String input = resource("long-grouped/input.csv");
        LongCsvReader inFileOrder = new LongCsvReader(PHQ9, LongCsvReader.DEFAULT_MEMORY_BUDGET, tmp, false);
        List<String> expected = read(inFileOrder, input);
        assertFalse(inFileOrder.spilled() || inFileOrder.regrouped());
        LongCsvReader inFileOrderSpilling = new LongCsvReader(PHQ9, SPILL_BUDGET, tmp, false);
        assertEquals(expected, read(inFileOrderSpilling, input));
        assertTrue(inFileOrderSpilling.spilled() && !inFileOrderSpilling.regrouped());
        LongCsvReader sorting = new LongCsvReader(PHQ9, LongCsvReader.DEFAULT_MEMORY_BUDGET, tmp, true);
        assertEquals(expected, read(sorting, input));
        assertFalse(sorting.spilled());
        LongCsvReader sortingSpilling = new LongCsvReader(PHQ9, SPILL_BUDGET, tmp, true);
        assertEquals(expected, read(sortingSpilling, input));
        assertTrue(sortingSpilling.spilled() && sortingSpilling.regrouped());
        assertTrue(empty(tmp), "temporary files must be deleted");
    }

    @Test
    void read_shuffledFile_spillingGivesWhatSortingInMemoryGives(@TempDir Path tmp) throws IOException {
        for (long seed : new long[] {7, 42}) {
            String input = shuffled(seed);
            LongCsvReader inMemory = new LongCsvReader(PHQ9, LongCsvReader.DEFAULT_MEMORY_BUDGET, tmp, false);
            List<String> expected = read(inMemory, input);
            assertTrue(inMemory.regrouped() && !inMemory.spilled(), "seed " + seed);
            LongCsvReader spilling = new LongCsvReader(PHQ9, SPILL_BUDGET, tmp, false);
            assertEquals(expected, read(spilling, input), "seed " + seed);
            assertTrue(spilling.spilled() && spilling.regrouped(), "seed " + seed);
            assertTrue(empty(tmp), "temporary files must be deleted: seed " + seed);
        }
    }

    @Test
    void read_administrationComingBackLate_switchesToSortingAndMergesIt(@TempDir Path tmp) throws IOException {
        // the first administration's last answer at the very end, after everything was kept in file order
        String grouped = resource("long-grouped/input.csv");
        List<String> lines = new ArrayList<>(grouped.lines().toList());
        lines.add(lines.remove(1));
        String input = String.join("\n", lines) + "\n";
        LongCsvReader reader = new LongCsvReader(PHQ9, SPILL_BUDGET, tmp, false);
        List<String> rows = read(reader, input);
        assertTrue(reader.regrouped() && reader.spilled());
        assertEquals(read(new LongCsvReader(PHQ9, LongCsvReader.DEFAULT_MEMORY_BUDGET, tmp, true), input), rows);
        assertEquals(read(new LongCsvReader(PHQ9, LongCsvReader.DEFAULT_MEMORY_BUDGET, tmp, false), grouped).size(),
                rows.size());
        assertTrue(rows.get(0).startsWith("2 r000 baseline not scorable"), rows.get(0));
        assertTrue(empty(tmp));
    }

    /**
     * Serves {@code text}, then fails with {@code failure} when given (else ends normally), noting
     * whether temporary files existed at that moment: proof that the clean-up had something to do.
     */
    private static final class Observed extends Reader {
        private final String text;
        private final int failAt;
        private final Path tmp;
        private int position;
        boolean spillSeen;

        Observed(String text, int failAt, Path tmp) {
            this.text = text;
            this.failAt = failAt;
            this.tmp = tmp;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            if (position >= failAt) {
                spillSeen = !empty(tmp);
                if (failAt < text.length()) {
                    throw new IOException("disk gone");
                }
                return -1;
            }
            int n = Math.min(length, failAt - position);
            text.getChars(position, position + n, buffer, offset);
            position += n;
            return n;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void read_sinkFailsWhileSpilled_temporaryFilesAreDeleted(@TempDir Path tmp) throws IOException {
        LongCsvReader spilling = new LongCsvReader(PHQ9, SPILL_BUDGET, tmp, true);
        boolean[] spillSeen = new boolean[1];
        RowSink failing = new Recording() {
            @Override
            public void reject(Row row, String reason, String message) throws IOException {
                spillSeen[0] = !empty(tmp);
                throw new IllegalStateException("output failed");
            }
        };
        assertThrows(IllegalStateException.class, () -> spilling.read(new StringReader(resource(
                "long-grouped/input.csv")), failing));
        assertTrue(spillSeen[0], "the run must have spilled before it failed");
        assertTrue(empty(tmp));
    }

    @Test
    void read_inputBreaksAfterSpilling_temporaryFilesAreDeleted(@TempDir Path tmp) throws IOException {
        LongCsvReader spilling = new LongCsvReader(PHQ9, SPILL_BUDGET, tmp, true);
        String text = resource("long-grouped/input.csv") + "z,t,PHQ-9,phq9_1,\"1\n";
        Observed input = new Observed(text, text.length(), tmp);
        DatasetException e = assertThrows(DatasetException.class, () -> spilling.read(input, 
                new Recording()));
        assertTrue(e.getMessage().contains("unclosed quote"), e.getMessage());
        assertTrue(input.spillSeen, "the run must have spilled before it failed");
        assertTrue(empty(tmp));
    }

    @Test
    void read_readerFailsAfterSpilling_temporaryFilesAreDeleted(@TempDir Path tmp) throws IOException {
        String text = resource("long-grouped/input.csv");
        Observed input = new Observed(text, text.length() / 2, tmp);
        LongCsvReader spilling = new LongCsvReader(PHQ9, SPILL_BUDGET, tmp, true);
        assertThrows(IOException.class, () -> spilling.read(input, new Recording()));
        assertTrue(input.spillSeen, "the run must have spilled before it failed");
        assertTrue(empty(tmp));
    }

    @Test
    void read_smallInput_writesNothingToDisk(@TempDir Path tmp) throws IOException {
        LongCsvReader reader = new LongCsvReader(PHQ9, LongCsvReader.DEFAULT_MEMORY_BUDGET, tmp, false);
        read(reader, resource("long-grouped/input.csv"));
        assertFalse(reader.spilled());
        assertTrue(empty(tmp));
    }

    /** Bytes this thread has allocated, where the JVM says (HotSpot's com.sun.management extension). */
    private static java.util.OptionalLong allocatedBytes() {
        try {
            // reflectively: this test module does not read java.management or jdk.management
            Class<?> bean = Class.forName("com.sun.management.ThreadMXBean");
            Object threads = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                    .invoke(null);
            if (!bean.isInstance(threads)) {
                return java.util.OptionalLong.empty();
            }
            java.lang.reflect.Method method = bean.getMethod("getThreadAllocatedBytes", long.class);
            return java.util.OptionalLong.of((Long) method.invoke(threads, Thread.currentThread().getId()));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return java.util.OptionalLong.empty();
        }
    }

    /**
     * Found by the dataset fuzzer (DatasetFuzzTest): every run allocated and zeroed the whole 16 MiB
     * administration filter, so scoring a ten-row file cost 16 MiB and milliseconds. The filter's pages are
     * allocated as they are first set.
     */
    @Test
    void read_smallFile_allocatesAFewPagesOfTheFilterNot16MiB() throws IOException {
        StringBuilder input = new StringBuilder("record_id,timepoint,instrument,item_id,code\n");
        for (int i = 1; i <= 9; i++) {
            input.append("r1,baseline,PHQ-9,phq9_").append(i).append(",1\n");
        }
        read(new LongCsvReader(PHQ9), input.toString()); // warm up: classes and the catalogue
        java.util.OptionalLong before = allocatedBytes();
        List<String> rows = new ArrayList<>();
        for (int run = 0; run < 10; run++) {
            rows = read(new LongCsvReader(PHQ9), input.toString());
        }
        java.util.OptionalLong after = allocatedBytes();
        assertEquals(1, rows.size(), rows.toString());
        assertTrue(rows.get(0).contains("scored 9"), rows.get(0));
        if (before.isPresent() && after.isPresent()) {
            long perRun = (after.getAsLong() - before.getAsLong()) / 10;
            assertTrue(perRun < 2L * 1024 * 1024, "allocated per run: " + perRun + " bytes");
        }
    }
}
