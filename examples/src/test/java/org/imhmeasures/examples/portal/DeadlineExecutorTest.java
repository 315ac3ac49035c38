/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.examples.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.Pipe;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The per-exchange guard, on a pipe (an interruptible channel like the JDK server's socket): a blocked read
 * ends at the read timeout or the deadline, progress resets the read timeout, a disarmed guard never
 * fires, and an interrupt never reaches the next exchange on the same thread. Upper time bounds are
 * generous; lower bounds are what the guard can never undercut.
 */
@Timeout(30)
class DeadlineExecutorTest {

    private static final Duration READ = Duration.ofMillis(200);
    private static final Duration REQUEST = Duration.ofMillis(800);

    private final DeadlineExecutor executor = new DeadlineExecutor(1, 4, READ, REQUEST);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Blocks reading a pipe nobody writes to; returns after how long the read ended, or -1 if not interrupted. */
    private static long blockedRead() throws IOException {
        long start = System.nanoTime();
        Pipe pipe = Pipe.open();
        try {
            pipe.source().read(ByteBuffer.allocate(1));
            return -1;
        } catch (ClosedByInterruptException e) {
            return millisSince(start);
        } finally {
            pipe.sink().close();
        }
    }

    @Test
    void blockedRead_endsAtTheReadTimeout_andTheNextExchangeIsNotInterrupted() throws Exception {
        CompletableFuture<Long> first = new CompletableFuture<>();
        CompletableFuture<Boolean> second = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                first.complete(blockedRead());
            } catch (IOException e) {
                first.completeExceptionally(e);
            }
        });
        executor.execute(() -> {
            boolean interruptedAtStart = Thread.currentThread().isInterrupted();
            DeadlineExecutor.current().awaitingWork();
            try {
                Thread.sleep(REQUEST.toMillis() + 200); // past both timeouts: a disarmed guard never fires
                second.complete(interruptedAtStart);
            } catch (InterruptedException e) {
                second.complete(true);
            }
        });
        long millis = first.get(10, TimeUnit.SECONDS);
        assertTrue(millis >= READ.toMillis() - 50 && millis < READ.toMillis() + 3_000, millis + " ms");
        assertFalse(second.get(10, TimeUnit.SECONDS), "the next exchange on the thread must not be interrupted");
    }

    @Test
    void progress_resetsTheReadTimeout_butNotTheDeadline() throws Exception {
        CompletableFuture<Long> result = new CompletableFuture<>();
        executor.execute(() -> {
            long start = System.nanoTime();
            try {
                for (int i = 0; i < 100; i++) {
                    Thread.sleep(READ.toMillis() / 2);
                    DeadlineExecutor.current().progress();
                }
                result.complete(-1L);
            } catch (InterruptedException e) {
                result.complete(millisSince(start));
            }
        });
        long millis = result.get(10, TimeUnit.SECONDS);
        assertTrue(millis >= REQUEST.toMillis() - 50 && millis < REQUEST.toMillis() + 3_000, millis + " ms");
    }

    @Test
    void responding_mustFinishWithinTheReadTimeout() throws Exception {
        CompletableFuture<Long> result = new CompletableFuture<>();
        executor.execute(() -> {
            DeadlineExecutor.Guard guard = DeadlineExecutor.current();
            guard.awaitingWork();
            guard.responding();
            try {
                long millis = blockedRead();
                result.complete(guard.expired() ? millis : -2);
            } catch (IOException e) {
                result.completeExceptionally(e);
            }
        });
        long millis = result.get(10, TimeUnit.SECONDS);
        assertTrue(millis >= READ.toMillis() - 50 && millis < READ.toMillis() + 3_000, millis + " ms");
    }

    @Test
    void fullPoolAndQueue_rejects() throws Exception {
        DeadlineExecutor small = new DeadlineExecutor(1, 1, Duration.ofSeconds(10), Duration.ofSeconds(10));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        try {
            Runnable blocked = () -> {
                running.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
            small.execute(blocked);
            assertTrue(running.await(5, TimeUnit.SECONDS));
            small.execute(blocked);
            assertThrows(RejectedExecutionException.class, () -> small.execute(blocked));
            assertFalse(small.idle());
        } finally {
            release.countDown();
            small.shutdownNow();
        }
    }

    @Test
    void current_outsideAnExchange_isRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, DeadlineExecutor::current);
        assertEquals("handler must run on a deadline executor", e.getMessage());
    }
}
