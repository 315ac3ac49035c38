/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.examples.portal;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor the JDK {@code HttpServer} runs each exchange on, with a deadline per exchange.
 *
 * <p>Why: the JDK server reads the request line, the headers and the body with blocking reads on the
 * exchange's thread and has no per-connection read timeout of its own. JDK 17 ignores the old
 * {@code sun.net.httpserver.readTimeout} and {@code writeTimeout} (it logs a warning);
 * {@code sun.net.httpserver.maxReqTime} and {@code maxRspTime} exist but are whole seconds, JVM-wide, read
 * once when the first server is created, and {@code maxRspTime} also runs while the request is processed.
 * A client sending one byte a second would hold a thread for as long as it liked.
 *
 * <p>How: a bounded pool of threads and a bounded queue (when both are full the JDK server closes the new
 * connection). Each exchange gets a {@link Guard}; a single watchdog thread interrupts the exchange's
 * thread when the guard expires. Plain HTTP in the JDK server reads and writes a blocking
 * {@code SocketChannel}, an interruptible channel, so the interrupt closes the connection and the blocked
 * read or write ends with {@code ClosedByInterruptException}. The interrupt is delivered under the guard's
 * lock and cleared when the exchange ends, so it never reaches the next exchange on that thread.
 */
final class DeadlineExecutor implements Executor {

    private static final ThreadLocal<Guard> CURRENT = new ThreadLocal<>();

    private final ThreadPoolExecutor threads;
    private final ScheduledThreadPoolExecutor watchdog;
    private final long readTimeout;
    private final long requestTimeout;
    private final AtomicInteger running = new AtomicInteger();

    DeadlineExecutor(int threadCount, int queue, Duration readTimeout, Duration requestTimeout) {
        this.readTimeout = readTimeout.toNanos();
        this.requestTimeout = requestTimeout.toNanos();
        this.threads = new ThreadPoolExecutor(threadCount, threadCount, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queue), daemons("portal-connection"), new ThreadPoolExecutor.AbortPolicy());
        this.watchdog = new ScheduledThreadPoolExecutor(1, daemons("portal-watchdog"));
        this.watchdog.setRemoveOnCancelPolicy(true);
    }

    static ThreadFactory daemons(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Runs the exchange on a pool thread; throws {@code RejectedExecutionException} when pool and queue are full. */
    @Override
    public void execute(Runnable exchange) {
        threads.execute(() -> run(exchange));
    }

    private void run(Runnable exchange) {
        Guard guard = new Guard(Thread.currentThread());
        guard.start();
        CURRENT.set(guard);
        running.incrementAndGet();
        try {
            exchange.run();
        } finally {
            running.decrementAndGet();
            CURRENT.remove();
            guard.finish();
        }
    }

    /**
     * The guard of the exchange running on this thread.
     *
     * @return the guard
     * @throws IllegalStateException when called outside an exchange run by this executor
     */
    static Guard current() {
        Guard guard = CURRENT.get();
        if (guard == null) {
            throw new IllegalStateException("handler must run on a deadline executor");
        }
        return guard;
    }

    /** Whether no exchange is running now. */
    boolean idle() {
        return running.get() == 0;
    }

    /** Stops the threads: running exchanges are interrupted, so their connections close. */
    void shutdownNow() {
        threads.shutdownNow();
        watchdog.shutdownNow();
    }

    /**
     * The deadline of one exchange. It starts in the reading phase: the request line and headers must
     * arrive within the read timeout, and each further read of the body must return within the read timeout
     * of the one before ({@link #progress()}), all within the request timeout. While the request waits for a
     * worker the guard is disarmed ({@link #awaitingWork()}; the handler bounds that wait itself with
     * {@link #remainingNanos()}); writing the response must finish within the read timeout
     * ({@link #responding()}). Times are {@link System#nanoTime()} values, compared by difference.
     */
    final class Guard {
        private final Thread thread;
        private final long deadline;
        private volatile long lastProgress;
        // guarded by this
        private boolean idleArmed = true;
        private boolean stopArmed = true;
        private long stopAt;
        private boolean finished;
        private boolean expired;
        private ScheduledFuture<?> check;

        private Guard(Thread thread) {
            this.thread = thread;
            long now = System.nanoTime();
            this.deadline = now + requestTimeout;
            this.lastProgress = now;
            this.stopAt = deadline;
        }

        private synchronized void start() {
            schedule(System.nanoTime());
        }

        /** Records that bytes arrived: the read timeout runs again from now. */
        void progress() {
            lastProgress = System.nanoTime();
        }

        /** The request has arrived: no read timeout while it waits for a worker and is processed. */
        synchronized void awaitingWork() {
            idleArmed = false;
            stopArmed = false;
            cancel();
        }

        /** The response is being written: it must be taken within the read timeout. */
        synchronized void responding() {
            idleArmed = false;
            stopArmed = true;
            long now = System.nanoTime();
            stopAt = now + readTimeout;
            cancel();
            schedule(now);
        }

        /**
         * Time left before the whole-request deadline.
         *
         * @return nanoseconds, zero or less when passed
         */
        long remainingNanos() {
            return deadline - System.nanoTime();
        }

        /** Whether the watchdog interrupted this exchange. */
        synchronized boolean expired() {
            return expired;
        }

        private void finish() {
            synchronized (this) {
                finished = true;
                cancel();
            }
            // any interrupt from this guard was delivered under the lock, so it is set now or never
            Thread.interrupted();
        }

        /** Nanoseconds from {@code now} until the guard expires, {@code Long.MAX_VALUE} when disarmed. */
        private long delay(long now) {
            long delay = Long.MAX_VALUE;
            if (stopArmed) {
                delay = Math.min(delay, stopAt - now);
            }
            if (idleArmed) {
                delay = Math.min(delay, lastProgress - now + readTimeout);
            }
            return delay;
        }

        private void schedule(long now) {
            long delay = delay(now);
            if (delay != Long.MAX_VALUE && !finished && !expired) {
                try {
                    check = watchdog.schedule(this::check, Math.max(0, delay), TimeUnit.NANOSECONDS);
                } catch (RejectedExecutionException e) {
                    // shutting down: the connection threads are being interrupted anyway
                }
            }
        }

        private void cancel() {
            if (check != null) {
                check.cancel(false);
                check = null;
            }
        }

        private synchronized void check() {
            check = null;
            if (finished || expired) {
                return;
            }
            long now = System.nanoTime();
            if (delay(now) <= 0) {
                expired = true;
                thread.interrupt();
            } else {
                schedule(now); // progress was made since this check was scheduled
            }
        }
    }
}
