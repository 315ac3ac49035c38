/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The live progress line, drawn on a fake terminal by a fake clock: what is drawn, when, and that it is erased. */
class ProgressTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final PrintStream terminal = new PrintStream(screen, true, StandardCharsets.UTF_8);

    private void advanceMillis(long millis) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    private String drawn() {
        return screen.toString(StandardCharsets.UTF_8);
    }

    @Test
    void line_rowsRatePercentAndEta() {
        assertEquals("imh-measures: 50,000 rows, 10,000 rows/s, 25% read, ETA 0:15",
                Progress.line(50_000, TimeUnit.SECONDS.toNanos(5), 250, 1000));
        assertEquals("imh-measures: 7,200,000 rows, 1,000 rows/s, 50% read, ETA 2:00:00",
                Progress.line(7_200_000, TimeUnit.HOURS.toNanos(2), 5, 10));
        assertEquals("imh-measures: 3 rows, 1 rows/s", Progress.line(3, TimeUnit.SECONDS.toNanos(3), 99, -1),
                "unknown size (a pipe): no percentage, no ETA");
        assertEquals("imh-measures: 0 rows, 0 rows/s, 0% read", Progress.line(0, 1, 0, 1000), "nothing read: no ETA");
    }

    @Test
    void shortRun_drawsNothing() {
        Progress progress = Progress.live(terminal, now::get, 1000);
        for (int i = 1; i <= 10; i++) {
            advanceMillis(150);
            progress.accept(i * 1000L);
        }
        progress.finish();
        assertEquals("", drawn(), "under " + Progress.DELAY_SECONDS + " s: no line at all");
    }

    @Test
    void longRun_redrawsInPlaceAtMostFourTimesASecond_thenErases() throws Exception {
        Progress progress = Progress.live(terminal, now::get, 1000);
        InputStream in = progress.counting(new ByteArrayInputStream(new byte[1000]));
        advanceMillis(2000);
        in.readNBytes(100);
        progress.accept(1000);
        assertEquals("\rimh-measures: 1,000 rows, 500 rows/s, 10% read, ETA 0:18", drawn());
        advanceMillis(100);
        progress.accept(2000);
        assertEquals(1, drawn().chars().filter(c -> c == '\r').count(), "100 ms later: not redrawn");
        advanceMillis(150);
        in.readNBytes(900);
        progress.accept(3000);
        assertTrue(drawn().endsWith("\rimh-measures: 3,000 rows, 1,333 rows/s, 100% read, ETA 0:00"), drawn());
        progress.finish();
        String erase = "\r" + " ".repeat("imh-measures: 3,000 rows, 1,333 rows/s, 100% read, ETA 0:00".length()) + "\r";
        assertTrue(drawn().endsWith(erase), "erased, cursor at the start of the line: " + drawn());
        progress.finish();
        assertTrue(drawn().endsWith(erase) && !drawn().endsWith(erase + "\r"), "erased once");
    }

    @Test
    void shorterLine_padsOverTheLongerOne() {
        Progress progress = Progress.live(terminal, now::get, -1);
        advanceMillis(2000);
        progress.accept(1_000_000);
        advanceMillis(60_000);
        progress.accept(1_000_001);
        String first = "imh-measures: 1,000,000 rows, 500,000 rows/s";
        String second = "imh-measures: 1,000,001 rows, 16,129 rows/s";
        assertEquals("\r" + first + "\r" + second + " ".repeat(first.length() - second.length()), drawn());
    }

    @Test
    void quietAndNonTerminal_neverDrawALiveLine() {
        Progress quiet = Progress.of(terminal, true, java.nio.file.Path.of("x"));
        Progress log = Progress.of(terminal, false, java.nio.file.Path.of("x"));
        assertEquals(Long.MAX_VALUE, quiet.every());
        assertEquals(Progress.LOG_EVERY, log.every(), "not a terminal: a line per million rows, as before");
        quiet.accept(1_000_000);
        log.accept(1_000_000);
        quiet.finish();
        log.finish();
        assertEquals("imh-measures: 1,000,000 rows read\n", drawn().replace("\r\n", "\n"));
        assertFalse(drawn().contains("\r"), drawn());
    }
}
