/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Sorts any number of values in bounded memory: values are kept in memory up to an estimated
 * {@code budget} of bytes, then sorted and written to a run file in a {@link SpillDirectory}; reading
 * sorts what is left in memory and merges it with the runs ({@value #FAN_IN} at a time, in extra passes
 * when there are more). Without a spill nothing touches the disk. The order must be total, so equal
 * values never depend on which run they were in. Made with {@link #inOrder}, it keeps the order values
 * were added in (a queue that spills): runs are read back one after the other.
 *
 * @param <T> the values
 */
final class SpillingSorter<T> implements Closeable {

    /** The most runs merged at once: a read buffer of 32 KiB each, 4 MiB in all. */
    static final int FAN_IN = 128;

    /** How values are written, read back and weighed. */
    interface Codec<T> {
        void write(SpillOutput out, T value) throws IOException;

        T read(SpillInput in) throws IOException;

        /** Estimated heap bytes of the value. */
        long estimate(T value);
    }

    /** Sorted values, one at a time. */
    interface Cursor<T> extends Closeable {
        /** The next value, or {@code null} at the end. */
        T next() throws IOException;
    }

    private final Comparator<? super T> order;
    private final Codec<T> codec;
    private final long budget;
    private final SpillDirectory directory;
    private final List<T> buffer = new ArrayList<>();
    private final List<Path> runs = new ArrayList<>();
    private long buffered;

    SpillingSorter(Comparator<? super T> order, Codec<T> codec, long budget, SpillDirectory directory) {
        this.order = order;
        this.codec = codec;
        this.budget = budget;
        this.directory = directory;
    }

    /** A queue: {@link #sorted()} gives the values in the order they were added. */
    static <T> SpillingSorter<T> inOrder(Codec<T> codec, long budget, SpillDirectory directory) {
        return new SpillingSorter<>(null, codec, budget, directory);
    }

    void add(T value) throws IOException {
        buffer.add(value);
        buffered += codec.estimate(value);
        if (buffered > budget) {
            if (order != null) {
                buffer.sort(order);
            }
            runs.add(write(buffer));
            buffer.clear();
            buffered = 0;
        }
    }

    /** The number of run files written so far. */
    int runs() {
        return runs.size();
    }

    private Path write(Iterable<T> values) throws IOException {
        Path run = directory.newFile();
        try (SpillOutput out = new SpillOutput(Files.newOutputStream(run))) {
            for (T value : values) {
                out.writeByte(1);
                codec.write(out, value);
            }
            out.writeByte(0);
        }
        return run;
    }

    /**
     * Every value added, in order. Call once, after the last {@link #add}.
     *
     * @return the values; close it to delete the runs
     */
    Cursor<T> sorted() throws IOException {
        if (order == null) {
            List<T> memory = new ArrayList<>(buffer);
            buffer.clear();
            buffered = 0;
            List<Path> all = new ArrayList<>(runs);
            runs.clear();
            return concatenation(all, memory);
        }
        buffer.sort(order);
        while (runs.size() + 1 > FAN_IN) {
            List<Path> batch = new ArrayList<>(runs.subList(0, FAN_IN));
            runs.subList(0, FAN_IN).clear();
            Path merged = directory.newFile();
            try (Cursor<T> cursor = merge(batch, List.of());
                    SpillOutput out = new SpillOutput(Files.newOutputStream(merged))) {
                T value;
                while ((value = cursor.next()) != null) {
                    out.writeByte(1);
                    codec.write(out, value);
                }
                out.writeByte(0);
            }
            runs.add(merged);
        }
        List<T> memory = new ArrayList<>(buffer);
        buffer.clear();
        buffered = 0;
        List<Path> all = new ArrayList<>(runs);
        runs.clear();
        return merge(all, memory);
    }

    /** A k-way merge of run files and a sorted in-memory list; closing it deletes the runs. */
    private Cursor<T> merge(List<Path> files, List<T> memory) throws IOException {
        List<Source<T>> sources = new ArrayList<>();
        PriorityQueue<Source<T>> queue = new PriorityQueue<>((a, b) -> order.compare(a.head, b.head));
        Cursor<T> cursor = new Cursor<>() {
            @Override
            public T next() throws IOException {
                Source<T> top = queue.poll();
                if (top == null) {
                    return null;
                }
                T value = top.head;
                if (top.advance()) {
                    queue.add(top);
                }
                return value;
            }

            @Override
            public void close() throws IOException {
                IOException failure = null;
                for (Source<T> source : sources) {
                    try {
                        source.close();
                    } catch (IOException e) {
                        failure = failure == null ? e : failure;
                    }
                }
                for (Path file : files) {
                    directory.delete(file);
                }
                if (failure != null) {
                    throw failure;
                }
            }
        };
        try {
            for (Path file : files) {
                Source<T> source = new FileSource<>(new SpillInput(Files.newInputStream(file)), codec);
                sources.add(source);
                if (source.advance()) {
                    queue.add(source);
                }
            }
            Source<T> inMemory = new ListSource<>(memory);
            if (inMemory.advance()) {
                queue.add(inMemory);
            }
        } catch (IOException | RuntimeException e) {
            cursor.close();
            throw e;
        }
        return cursor;
    }

    /** The run files one after the other, then the in-memory values; closing it deletes the runs. */
    private Cursor<T> concatenation(List<Path> files, List<T> memory) {
        return new Cursor<>() {
            private int file;
            private Source<T> current;
            private boolean inMemory;

            @Override
            public T next() throws IOException {
                while (true) {
                    if (current == null) {
                        if (file < files.size()) {
                            current = new FileSource<>(new SpillInput(Files.newInputStream(files.get(file++))), codec);
                        } else if (!inMemory) {
                            inMemory = true;
                            current = new ListSource<>(memory);
                        } else {
                            return null;
                        }
                    }
                    if (current.advance()) {
                        return current.head;
                    }
                    current.close();
                    current = null;
                }
            }

            @Override
            public void close() throws IOException {
                try {
                    if (current != null) {
                        current.close();
                    }
                } finally {
                    for (Path path : files) {
                        directory.delete(path);
                    }
                }
            }
        };
    }

    @Override
    public void close() throws IOException {
        buffer.clear();
        for (Path run : runs) {
            directory.delete(run);
        }
        runs.clear();
    }

    /** One sorted input of a merge, with its current value. */
    private abstract static class Source<T> implements Closeable {
        T head;

        abstract boolean advance() throws IOException;

        @Override
        public void close() throws IOException {
        }
    }

    private static final class ListSource<T> extends Source<T> {
        private final List<T> values;
        private int next;

        ListSource(List<T> values) {
            this.values = values;
        }

        @Override
        boolean advance() {
            if (next == values.size()) {
                head = null;
                return false;
            }
            head = values.get(next);
            values.set(next++, null); // let merged values go
            return true;
        }
    }

    private static final class FileSource<T> extends Source<T> {
        private final SpillInput in;
        private final Codec<T> codec;

        FileSource(SpillInput in, Codec<T> codec) {
            this.in = in;
            this.codec = codec;
        }

        @Override
        boolean advance() throws IOException {
            if (in.readByte() == 0) {
                head = null;
                return false;
            }
            head = codec.read(in);
            return true;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
