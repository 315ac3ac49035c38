/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.Scorer;
import org.junit.jupiter.api.Test;

/**
 * {@link DatasetScoring#withThreads}: the pipelined run writes byte for byte what the run on one thread
 * writes, hands rows to the handler on the calling thread only, keeps the accounting identity, ends on a
 * failure as the sequential run does and leaves no thread behind. Seeded inputs span many batches and hold
 * rejects, critical-item alerts, unanswered critical items, pass-through columns and blank lines.
 */
class PipelinedScoringTest {

    private static final String WIDE_HEADER = "record_id,team,phq9_1,phq9_2,phq9_3,phq9_4,phq9_5,phq9_6,phq9_7,phq9_8,"
            + "phq9_9";
    private static final int ROWS = 7_000; // about seven batches

    private static DatasetScoring scoring(int threads) {
        return DatasetScoring.of(Scorer.of(Catalogue.builtIn().get("PHQ-9"))).withThreads(threads);
    }

    /** A run's files, counts and the rows progress heard. */
    private record Outcome(String scores, String rejects, DatasetSummary summary, List<Long> progress) {
    }

    private static Outcome run(int threads, DatasetFormat format, String input) throws IOException {
        StringWriter scores = new StringWriter();
        StringWriter rejects = new StringWriter();
        List<Long> progress = new ArrayList<>();
        DatasetSummary summary = scoring(threads).withProgress(progress::add, 500)
                .score(format, new StringReader(input), scores, rejects);
        return new Outcome(scores.toString(), rejects.toString(), summary, progress);
    }

    private static String wide(long seed, int rows) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder(WIDE_HEADER).append('\n');
        for (int i = 0; i < rows; i++) {
            int roll = random.nextInt(100);
            if (roll == 0) {
                csv.append('\n'); // a blank line is not a row
            }
            csv.append(roll == 1 ? "" : "r" + i).append(",t").append(random.nextInt(3));
            int cells = roll == 2 ? random.nextInt(9) : 9;
            for (int c = 0; c < cells; c++) {
                int cell = random.nextInt(40);
                csv.append(',').append(cell == 0 ? "" : cell == 1 ? "7" : Integer.toString(random.nextInt(4)));
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    private static String jsonLines(long seed, int rows) {
        Random random = new Random(seed);
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            if (random.nextInt(50) == 0) {
                jsonl.append("{broken\n");
                continue;
            }
            jsonl.append("{\"record_id\":\"r").append(i).append("\",\"timepoint\":\"t\",\"instrument\":\"PHQ-9\","
                    + "\"answers\":{");
            for (int item = 1; item <= 9; item++) {
                jsonl.append(item == 1 ? "" : ",").append("\"phq9_").append(item).append("\":\"")
                        .append(random.nextInt(30) == 0 ? "" : Integer.toString(random.nextInt(4))).append('"');
            }
            jsonl.append("}}\n");
        }
        return jsonl.toString();
    }

    private static String longCsv(long seed, int administrations) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("record_id,timepoint,instrument,item_id,code\n");
        for (int i = 0; i < administrations; i++) {
            for (int item = 1; item <= 9; item++) {
                if (random.nextInt(40) != 0) {
                    csv.append('r').append(i).append(",t,PHQ-9,phq9_").append(item).append(',')
                            .append(random.nextInt(4)).append('\n');
                }
            }
        }
        return csv.toString();
    }

    @Test
    void wide_anyThreads_sameBytesCountsAndProgressAsOneThread() throws IOException {
        long seed = Long.getLong("imh.seed", System.nanoTime());
        String context = "seed " + seed + " (rerun with -Dimh.seed=" + seed + ")";
        String input = wide(seed, ROWS);
        Outcome sequential = run(1, DatasetFormat.WIDE_CSV, input);
        assertTrue(sequential.summary().rowsRejected() > 0, context);
        assertTrue(sequential.summary().rowsWithCriticalAlerts() > 0, context);
        assertTrue(sequential.summary().rowsWithCriticalUnanswered() > 0, context);
        for (int threads : new int[] {2, 3, 5}) {
            assertEquals(sequential, run(threads, DatasetFormat.WIDE_CSV, input), threads + " threads, " + context);
        }
        DatasetSummary summary = sequential.summary();
        assertEquals(summary.rowsRead(), summary.rowsScored() + summary.rowsRejected(), context);
        assertEquals(summary.rowsScored(), sequential.scores().lines().count() - 1, context);
        assertEquals(summary.rowsRejected(), sequential.rejects().lines().count() - 1, context);
    }

    @Test
    void jsonLinesAndLong_threads_sameBytesAsOneThread() throws IOException {
        long seed = Long.getLong("imh.seed", System.nanoTime());
        String context = "seed " + seed + " (rerun with -Dimh.seed=" + seed + ")";
        String jsonl = jsonLines(seed, 3_000);
        assertEquals(run(1, DatasetFormat.JSON_LINES, jsonl), run(3, DatasetFormat.JSON_LINES, jsonl), context);
        String longCsv = longCsv(seed, 2_000);
        assertEquals(run(1, DatasetFormat.LONG_CSV, longCsv), run(2, DatasetFormat.LONG_CSV, longCsv), context);
    }

    @Test
    void emptyAndHeaderOnlyInputs_threads_sameAsOneThread() throws IOException {
        assertEquals(run(1, DatasetFormat.WIDE_CSV, WIDE_HEADER + "\n"), run(3, DatasetFormat.WIDE_CSV, WIDE_HEADER + "\n"));
        assertEquals(run(1, DatasetFormat.JSON_LINES, ""), run(3, DatasetFormat.JSON_LINES, ""));
    }

    /** Records what reached the handler and on which thread, and can fail at a given row. */
    private static final class Recording implements RowHandler {
        final Set<Thread> threads = new HashSet<>();
        final List<Long> lines = new ArrayList<>();
        private final long failAt;

        Recording(long failAt) {
            this.failAt = failAt;
        }

        private void seen(Row row) throws IOException {
            threads.add(Thread.currentThread());
            lines.add(row.line());
            if (lines.size() == failAt) {
                throw new IOException("disk full");
            }
        }

        @Override
        public void scored(Row row, Scored scored, Supplier<Administration> answers) throws IOException {
            answers.get(); // the answers stay readable after scoring on another thread
            seen(row);
        }

        @Override
        public void rejected(Row row, Rejection rejection) throws IOException {
            seen(row);
        }
    }

    @Test
    void handler_isCalledOnTheCallingThreadOnly_inInputOrder() throws IOException {
        Recording recording = new Recording(-1);
        scoring(4).forEach(DatasetFormat.WIDE_CSV, new StringReader(wide(7, ROWS)), recording);
        assertEquals(Set.of(Thread.currentThread()), recording.threads);
        for (int i = 1; i < recording.lines.size(); i++) {
            assertTrue(recording.lines.get(i) > recording.lines.get(i - 1), "line order at " + i);
        }
        assertNoPipelineThreads();
    }

    @Test
    void handlerFailure_inTheMiddle_endsTheRunWithItsExceptionAndNoThreadLeft() {
        for (int threads : new int[] {2, 4}) {
            Recording recording = new Recording(3_000);
            IOException e = assertThrows(IOException.class, () -> scoring(threads).forEach(DatasetFormat.WIDE_CSV,
                    new StringReader(wide(11, ROWS)), recording));
            assertEquals("disk full", e.getMessage());
            assertEquals(3_000, recording.lines.size(), "nothing handed on after the failure");
            assertNoPipelineThreads();
        }
    }

    @Test
    void readerFailure_inTheMiddle_sameExceptionAfterTheSameRowsAsOneThread() {
        String input = wide(13, 4_000) + "r-last,t0,\"1,1,1,1,1,1,1,1,1\n"; // a quote left open
        List<String> messages = new ArrayList<>();
        List<Integer> handed = new ArrayList<>();
        for (int threads : new int[] {1, 3}) {
            Recording recording = new Recording(-1);
            DatasetException e = assertThrows(DatasetException.class, () -> scoring(threads)
                    .forEach(DatasetFormat.WIDE_CSV, new StringReader(input), recording));
            messages.add(e.getMessage());
            handed.add(recording.lines.size());
        }
        assertEquals(messages.get(0), messages.get(1));
        assertEquals(handed.get(0), handed.get(1));
        assertNoPipelineThreads();
    }

    @Test
    void withThreads_outsideTheRange_isRefused() {
        DatasetScoring scoring = scoring(1);
        assertEquals("threads must be 1..64: 0",
                assertThrows(IllegalArgumentException.class, () -> scoring.withThreads(0)).getMessage());
        assertEquals("threads must be 1..64: 65",
                assertThrows(IllegalArgumentException.class, () -> scoring.withThreads(65)).getMessage());
        assertEquals(3, scoring.withThreads(3).threads());
        assertEquals(1, scoring.threads(), "unchanged");
    }

    private static void assertNoPipelineThreads() {
        List<String> left = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("imh-measures-read-") || name.startsWith("imh-measures-score-"))
                .toList();
        assertEquals(List.of(), left);
    }
}
