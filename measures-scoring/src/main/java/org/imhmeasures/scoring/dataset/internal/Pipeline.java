/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.imhmeasures.core.internal.Check;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.ScoreResult;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.dataset.Row;
import org.jspecify.annotations.Nullable;

/**
 * Reads, scores and hands on in parallel, with the output in reading order: a reader thread runs the
 * {@link DatasetReader} and cuts what it reads into batches of {@value #BATCH_ROWS} rows; wide rows
 * ({@link RowSink#codes}) are scored by {@code threads - 2} scorer threads, or, with two threads, by the
 * calling thread; the calling thread takes the batches in the order they were read and replays every event
 * into the downstream sink. The downstream sink is only ever called from the calling thread, in exactly the
 * order and with exactly the values the sequential run gives it, so its output is byte for byte the same.
 *
 * <p>Memory is constant: at most {@link #inFlight(int)} batches exist at a time (the reader waits when the
 * queue is full). A failure anywhere ends the run: a reader failure (a {@code DatasetException} at some line,
 * an I/O error) reaches the caller after every batch read before it was handed on, as it would sequentially;
 * a downstream failure stops the reader and the scorers before it is rethrown. No thread outlives the call.
 */
public final class Pipeline {

    /** Rows per batch: large enough that queue hand-overs cost nothing, small enough to stay in cache. */
    public static final int BATCH_ROWS = 1024;

    private static final AtomicInteger RUNS = new AtomicInteger();

    private final int scorerThreads;
    private final BlockingQueue<Batch> queue;
    private volatile boolean cancelled;

    private Pipeline(int threads) {
        this.scorerThreads = Math.max(0, threads - 2);
        this.queue = new ArrayBlockingQueue<>(inFlight(threads));
    }

    /**
     * The most batches queued at once for a number of threads.
     *
     * @param threads threads of the run
     * @return batches
     */
    static int inFlight(int threads) {
        return 2 * threads + 2;
    }

    /**
     * Reads {@code input} with {@code reader} on {@code threads} threads, the calling one included, handing
     * every event to {@code downstream} on the calling thread in reading order.
     *
     * @param reader the format's reader (used by one thread only)
     * @param input the input; not closed
     * @param downstream receives the header and every accounting row, on the calling thread
     * @param threads two or more
     * @throws IOException what the reader or the downstream sink throws, as it would sequentially
     */
    public static void run(DatasetReader reader, Reader input, RowSink downstream, int threads) throws IOException {
        Check.argument(threads >= 2, "pipeline threads must be at least 2: %d", threads);
        new Pipeline(threads).execute(reader, input, downstream);
    }

    private void execute(DatasetReader reader, Reader input, RowSink downstream) throws IOException {
        int run = RUNS.incrementAndGet();
        // the pool's threads are kept so that they are joined: a terminated pool's workers may still be alive
        List<Thread> scorerPool = new CopyOnWriteArrayList<>();
        ThreadFactory scorerFactory = named("imh-measures-score-" + run);
        @Nullable ExecutorService scorers = scorerThreads == 0 ? null
                : Executors.newFixedThreadPool(scorerThreads, task -> {
                    Thread thread = scorerFactory.newThread(task);
                    scorerPool.add(thread);
                    return thread;
                });
        Thread readerThread = named("imh-measures-read-" + run).newThread(() -> read(reader, input, scorers));
        readerThread.start();
        boolean completed = false;
        try {
            drain(downstream);
            completed = true;
        } finally {
            cancelled = true;
            readerThread.interrupt();
            if (scorers != null) {
                scorers.shutdownNow();
            }
            boolean interrupted = false;
            while (true) {
                try {
                    readerThread.join();
                    // shutdownNow interrupted the scorers; each ends its batch promptly, so wait for them all
                    for (Thread scorer : scorerPool) {
                        scorer.join();
                    }
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
                if (completed) {
                    throw new InterruptedIOException("pipeline must finish: interrupted");
                }
            }
        }
    }

    /** The calling thread: every batch in order, scored if no scorer thread did, replayed downstream. */
    private void drain(RowSink downstream) throws IOException {
        while (true) {
            Batch batch;
            try {
                batch = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("pipeline must finish: interrupted");
            }
            batch.awaitScored();
            batch.replay(downstream);
            if (batch.failure != null) {
                throw rethrow(batch.failure);
            }
            if (batch.last) {
                return;
            }
        }
    }

    /** The reader thread: reads everything into batches; a failure travels in the last batch. */
    private void read(DatasetReader reader, Reader input, @Nullable ExecutorService scorers) {
        Batching sink = new Batching(scorers);
        @Nullable Throwable failure = null;
        try {
            reader.read(input, sink);
        } catch (Cancelled e) {
            return;
        } catch (Throwable e) { // every failure must reach the calling thread
            failure = e;
        }
        try {
            sink.finish(failure);
        } catch (Cancelled e) {
            // the caller has stopped already
        }
    }

    private static IOException rethrow(Throwable failure) {
        if (failure instanceof IOException io) {
            return io;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new IOException("dataset reader must not fail with " + failure.getClass().getSimpleName(), failure);
    }

    private static ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Thrown on the reader thread when the caller has stopped the run. */
    private static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super("pipeline cancelled", null, false, false);
        }
    }

    /** The reader's sink: fills batches and queues them, scoring handed to the scorers if there are any. */
    private final class Batching implements RowSink {
        private final @Nullable ExecutorService scorers;
        private Batch batch = new Batch();

        Batching(@Nullable ExecutorService scorers) {
            this.scorers = scorers;
        }

        @Override
        public void header(List<String> header) {
            add(new Header(header));
        }

        @Override
        public void result(Row row, ScoreResult result, Supplier<Administration> answers) {
            add(new Result(row, result, answers));
        }

        @Override
        public void codes(Row row, Scorer scorer, String[] codes) {
            batch.hasCodes = true;
            add(new Codes(row, scorer, codes.clone()));
        }

        @Override
        public void reject(Row row, String reason, String message) {
            add(new Reject(row, reason, message));
        }

        private void add(Event event) {
            batch.events[batch.size++] = event;
            if (batch.size == BATCH_ROWS) {
                hand(batch);
                batch = new Batch();
            }
        }

        void finish(@Nullable Throwable failure) {
            batch.last = true;
            batch.failure = failure;
            hand(batch);
        }

        private void hand(Batch full) {
            if (cancelled) {
                throw new Cancelled();
            }
            if (scorers != null && full.hasCodes) {
                full.scoring = CompletableFuture.runAsync(full::score, scorers);
            }
            try {
                queue.put(full);
            } catch (InterruptedException e) {
                throw new Cancelled();
            }
        }
    }

    /** Up to {@value #BATCH_ROWS} events in reading order; the last one may carry the reader's failure. */
    private static final class Batch {
        final @Nullable Event[] events = new Event[BATCH_ROWS];
        int size;
        boolean hasCodes;
        boolean last;
        @Nullable Throwable failure;
        @Nullable CompletableFuture<Void> scoring;

        /** Scores every wide row of the batch (on a scorer thread, or on the calling thread without one). */
        void score() {
            for (int i = 0; i < size; i++) {
                if (events[i] instanceof Codes codes) {
                    codes.score();
                }
            }
        }

        void awaitScored() throws IOException {
            if (scoring == null) {
                if (hasCodes) {
                    score();
                }
                return;
            }
            try {
                scoring.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("pipeline must finish: interrupted");
            } catch (ExecutionException e) {
                throw rethrow(e.getCause());
            }
        }

        void replay(RowSink downstream) throws IOException {
            for (int i = 0; i < size; i++) {
                events[i].replay(downstream);
            }
        }
    }

    /** One call the reader made on its sink. */
    private interface Event {
        void replay(RowSink downstream) throws IOException;
    }

    private record Header(List<String> header) implements Event {
        @Override
        public void replay(RowSink downstream) throws IOException {
            downstream.header(header);
        }
    }

    private record Result(Row row, ScoreResult result, Supplier<Administration> answers) implements Event {
        @Override
        public void replay(RowSink downstream) throws IOException {
            downstream.result(row, result, answers);
        }
    }

    private record Reject(Row row, String reason, String message) implements Event {
        @Override
        public void replay(RowSink downstream) throws IOException {
            downstream.reject(row, reason, message);
        }
    }

    /** A wide row: scored off the reader thread; the result is published by the batch's future or queue. */
    private static final class Codes implements Event {
        private final Row row;
        private final Scorer scorer;
        private final String[] codes;
        private @Nullable ScoreResult result;

        Codes(Row row, Scorer scorer, String[] codes) {
            this.row = row;
            this.scorer = scorer;
            this.codes = codes;
        }

        void score() {
            result = scorer.scoreCodes(codes);
        }

        @Override
        public void replay(RowSink downstream) throws IOException {
            downstream.result(row, result, () -> WideCsvReader.answers(scorer.instrument(), codes));
        }
    }
}
