/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.scoring.Scorer;
import org.junit.jupiter.api.Test;

/**
 * JSON Lines line length limit (issue 8 §2): a line over the limit is rejected as {@code line_too_long}
 * without being held in memory, counts as one row read, and the lines after it are read as usual.
 */
class JsonLinesLimitTest {

    private static final DatasetScoring PHQ9 = DatasetScoring.of(Scorer.of(Catalogue.builtIn().get("PHQ-9")));
    private static final String VALID = "{\"record_id\":\"b\",\"instrument\":\"PHQ-9\",\"answers\":{\"phq9_1\":\"1\","
            + "\"phq9_2\":\"1\",\"phq9_3\":\"1\",\"phq9_4\":\"1\",\"phq9_5\":\"1\",\"phq9_6\":\"1\",\"phq9_7\":\"1\","
            + "\"phq9_8\":\"1\",\"phq9_9\":\"0\"}}";

    private record Run(DatasetSummary summary, List<String> output, List<String> rejects) {
    }

    private static Run run(DatasetScoring scoring, Reader input) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter rej = new StringWriter();
        DatasetSummary summary = scoring.score(DatasetFormat.JSON_LINES, input, out, rej);
        return new Run(summary, out.toString().lines().toList(), rej.toString().lines().toList());
    }

    /**
     * One JSON line whose {@code phq9_1} answer holds {@code filler} characters, then a valid line, made
     * as they are read: nothing of the size of the line exists anywhere.
     */
    static final class HugeLine extends Reader {
        private final String prefix = "{\"record_id\":\"9434765919\",\"instrument\":\"PHQ-9\","
                + "\"answers\":{\"phq9_1\":\"";
        private final String suffix = "\"}}\n" + VALID + "\n";
        private final long filler;
        private long position;

        HugeLine(long filler) {
            this.filler = filler;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            long total = prefix.length() + filler + suffix.length();
            if (position >= total) {
                return -1;
            }
            int n = 0;
            while (n < length && position < total) {
                if (position < prefix.length()) {
                    buffer[offset + n++] = prefix.charAt((int) position++);
                } else if (position < prefix.length() + filler) {
                    int run = (int) Math.min(length - n, prefix.length() + filler - position);
                    Arrays.fill(buffer, offset + n, offset + n + run, '1');
                    n += run;
                    position += run;
                } else {
                    buffer[offset + n++] = suffix.charAt((int) (position++ - prefix.length() - filler));
                }
            }
            return n;
        }

        @Override
        public void close() {
        }
    }

    /** Bytes this thread has allocated, where the JVM says (HotSpot's com.sun.management extension). */
    private static OptionalLong allocatedBytes() {
        try {
            // reflectively: this test module does not read java.management or jdk.management
            Class<?> bean = Class.forName("com.sun.management.ThreadMXBean");
            Object threads = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                    .invoke(null);
            if (!bean.isInstance(threads)) {
                return OptionalLong.empty();
            }
            Method method = bean.getMethod("getThreadAllocatedBytes", long.class);
            return OptionalLong.of((Long) method.invoke(threads, Thread.currentThread().getId()));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return OptionalLong.empty();
        }
    }

    @Test
    void jsonLines_lineOverTheLimit_isLineTooLongAndCountsAsOneRow() throws IOException {
        String input = "{\"record_id\":\"a\",\"instrument\":\"PHQ-9\",\"answers\":{\"phq9_1\":\""
                + "1".repeat(VALID.length()) + "\"}}\n" + VALID + "\n";
        Run r = run(PHQ9.withMaxLineLength(VALID.length()), new StringReader(input));
        assertEquals(new DatasetSummary(2, 1, 1, 0), r.summary());
        assertEquals(List.of("line,record_id,reason,message,critical_items,critical_unanswered", "1,,line_too_long,line must be at most "
                + VALID.length() + " characters: longer,,"), r.rejects());
        assertEquals("b,PHQ-9,1.0.0,8,8,mild,false,0,false,,,", r.output().get(1));
    }

    @Test
    void jsonLines_lineAtTheLimit_isRead() throws IOException {
        Run r = run(PHQ9.withMaxLineLength(VALID.length()), new StringReader(VALID + "\n"));
        assertEquals(new DatasetSummary(1, 1, 0, 0), r.summary());
    }

    @Test
    void jsonLines_400MbLine_isRejectedWithoutBeingHeld() throws IOException {
        long filler = 400L * 1024 * 1024;
        OptionalLong before = allocatedBytes();
        long start = System.nanoTime();
        Run r = run(PHQ9, new HugeLine(filler));
        long millis = (System.nanoTime() - start) / 1_000_000;
        OptionalLong after = allocatedBytes();
        assertEquals(new DatasetSummary(2, 1, 1, 0), r.summary());
        assertEquals("1,,line_too_long,line must be at most 1048576 characters: longer,,", r.rejects().get(1));
        assertEquals("b,PHQ-9,1.0.0,8,8,mild,false,0,false,,,", r.output().get(1));
        if (before.isPresent() && after.isPresent()) {
            // holding the line would allocate at least 400 MB (800 MB as UTF-16); we keep at most 1 MiB of it
            long allocated = after.getAsLong() - before.getAsLong();
            assertTrue(allocated < 64L * 1024 * 1024, "allocated " + allocated + " bytes in " + millis + " ms");
        }
    }

    @Test
    void withMaxLineLength_returnsACopyAndLeavesTheReceiver() {
        DatasetScoring shorter = PHQ9.withMaxLineLength(10);
        assertNotSame(PHQ9, shorter);
        assertEquals(BoundedLines.DEFAULT_MAX_LENGTH, PHQ9.maxLineLength());
        assertEquals(10, shorter.maxLineLength());
        assertEquals(10, shorter.withProgress(read -> { }, 5).maxLineLength());
        assertThrows(IllegalArgumentException.class, () -> PHQ9.withMaxLineLength(0));
    }
}
