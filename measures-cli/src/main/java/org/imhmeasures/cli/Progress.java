/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * Progress of a long run on standard error. On a terminal, after {@value #DELAY_SECONDS} s, a live line
 * ({@code rows, rows/s, % of the input's bytes read, ETA}) redrawn at most {@value #REDRAWS_PER_SECOND} times
 * a second and erased when the run ends; elsewhere (a log file, a pipe) one line every million rows, as
 * before; nothing with {@code --quiet}. The run's accounting line is printed by the command either way.
 *
 * <p>The renderer is these few lines rather than a library: JLine would bring a terminal abstraction
 * and native providers for one carriage-return line, and progress-bar libraries draw bars, not the
 * one-line message style of this tool. It writes nothing of the input but counts.
 */
final class Progress implements LongConsumer {

    static final long LOG_EVERY = 1_000_000;
    static final long LIVE_EVERY = 1_000;
    static final int DELAY_SECONDS = 2;
    static final int REDRAWS_PER_SECOND = 4;

    private enum Mode { QUIET, LOG, LIVE }

    private final Mode mode;
    private final PrintStream err;
    private final LongSupplier clock;
    private final long totalBytes;
    private final long start;
    private volatile long bytesRead; // written by the reading thread only, read by the one reporting
    private long lastDrawn;
    private int drawnWidth;

    private Progress(Mode mode, PrintStream err, LongSupplier clock, long totalBytes) {
        this.mode = mode;
        this.err = err;
        this.clock = clock;
        this.totalBytes = totalBytes;
        this.start = clock.getAsLong();
        this.lastDrawn = start;
    }

    /** Progress of reading {@code input}: live on a terminal, a line per million rows elsewhere, or none. */
    static Progress of(PrintStream err, boolean quiet, Path input) {
        if (quiet) {
            return new Progress(Mode.QUIET, err, System::nanoTime, -1);
        }
        if (err == System.err && stderrIsTerminal()) {
            return live(err, System::nanoTime, size(input));
        }
        return new Progress(Mode.LOG, err, System::nanoTime, -1);
    }

    /** A live line on {@code terminal}, timed by {@code clock} (nanoseconds); {@code totalBytes} -1 if unknown. */
    static Progress live(PrintStream terminal, LongSupplier clock, long totalBytes) {
        return new Progress(Mode.LIVE, terminal, clock, totalBytes);
    }

    /** How often, in rows, the run should call {@link #accept}. */
    long every() {
        return mode == Mode.LIVE ? LIVE_EVERY : mode == Mode.LOG ? LOG_EVERY : Long.MAX_VALUE;
    }

    /** Counts the bytes read from {@code in}, for the percentage and the ETA. */
    InputStream counting(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    bytesRead++;
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    bytesRead += n;
                }
                return n;
            }
        };
    }

    /** Hears the number of rows read so far. */
    @Override
    public void accept(long rows) {
        if (mode == Mode.LOG) {
            err.println("imh-measures: " + String.format(Locale.ROOT, "%,d", rows) + " rows read");
        } else if (mode == Mode.LIVE) {
            long now = clock.getAsLong();
            if (now - start >= TimeUnit.SECONDS.toNanos(DELAY_SECONDS)
                    && now - lastDrawn >= TimeUnit.SECONDS.toNanos(1) / REDRAWS_PER_SECOND) {
                String text = line(rows, now - start, bytesRead, totalBytes);
                // redraw in place; pad over a longer previous line
                err.print("\r" + text + " ".repeat(Math.max(0, drawnWidth - text.length())));
                err.flush();
                drawnWidth = text.length();
                lastDrawn = now;
            }
        }
    }

    /** Erases the live line, if one was drawn, so that the accounting line starts on a clean line. */
    void finish() {
        if (drawnWidth > 0) {
            err.print("\r" + " ".repeat(drawnWidth) + "\r");
            err.flush();
            drawnWidth = 0;
        }
    }

    /** The live line: rows, rate, and with a known size the percentage of bytes read and the time left. */
    static String line(long rows, long elapsedNanos, long bytesRead, long totalBytes) {
        double seconds = Math.max(elapsedNanos, 1) / 1e9;
        StringBuilder text = new StringBuilder("imh-measures: ").append(String.format(Locale.ROOT, "%,d rows, %,d rows/s",
                rows, Math.round(rows / seconds)));
        if (totalBytes > 0) {
            long read = Math.min(bytesRead, totalBytes);
            text.append(", ").append(read * 100 / totalBytes).append("% read");
            if (read > 0) {
                long left = Math.round(seconds * (totalBytes - read) / read);
                text.append(", ETA ").append(clockTime(Duration.ofSeconds(left)));
            }
        }
        return text.toString();
    }

    private static String clockTime(Duration left) {
        long h = left.toHours();
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, left.toMinutesPart(), left.toSecondsPart())
                : String.format(Locale.ROOT, "%d:%02d", left.toMinutesPart(), left.toSecondsPart());
    }

    private static long size(Path input) {
        try {
            return Files.isRegularFile(input) ? Files.size(input) : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * Whether standard error is a terminal. Java 17 tells only whether standard input and output are one
     * ({@code System.console()}); on Linux {@code /proc/self/fd/2} names the device itself.
     */
    static boolean stderrIsTerminal() {
        if ("dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        Path fd = Path.of("/proc/self/fd/2");
        if (Files.exists(fd)) {
            try {
                String device = Files.readSymbolicLink(fd).toString();
                return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty");
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                return false;
            }
        }
        return System.console() != null;
    }
}
