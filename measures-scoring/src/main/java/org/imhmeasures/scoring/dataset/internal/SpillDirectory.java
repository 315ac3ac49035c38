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
import java.util.List;

/**
 * The temporary files of one run, in a directory of their own created on first use ({@code imh-measures-*}
 * under {@code java.io.tmpdir} unless a parent is given; owner-only permissions on POSIX file systems,
 * as {@link Files#createTempDirectory} makes them). {@link #close()} deletes every file and the directory;
 * a shutdown hook does the same if the JVM exits first (SIGTERM, {@code System.exit}) and is removed on
 * close. Only a killed JVM (SIGKILL, power loss) can leave the directory behind.
 */
final class SpillDirectory implements Closeable {

    private final Path parent;
    private final List<Path> files = new ArrayList<>();
    private Path directory;
    private Thread hook;
    private boolean closed;

    /**
     * @param parent where the directory goes, or {@code null} for {@code java.io.tmpdir}
     */
    SpillDirectory(Path parent) {
        this.parent = parent;
    }

    /** A new empty file in the directory, created with owner-only permissions. */
    synchronized Path newFile() throws IOException {
        if (closed) {
            throw new IOException("temporary directory must be open: closed");
        }
        if (directory == null) {
            directory = parent == null ? Files.createTempDirectory("imh-measures-")
                    : Files.createTempDirectory(parent, "imh-measures-");
            hook = new Thread(this::deleteAll, "imh-measures temporary files");
            try {
                Runtime.getRuntime().addShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                hook = null;
            }
        }
        Path file = Files.createTempFile(directory, "spill-", ".bin");
        files.add(file);
        return file;
    }

    /** Deletes one file early, to give its disk space back. */
    synchronized void delete(Path file) throws IOException {
        Files.deleteIfExists(file);
        files.remove(file);
    }

    /** Whether anything was written to disk (for tests and documentation of the cost). */
    synchronized boolean used() {
        return directory != null;
    }

    private synchronized void deleteAll() {
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // best effort: the next file may still go
            }
        }
        files.clear();
        if (directory != null) {
            try {
                Files.deleteIfExists(directory);
            } catch (IOException e) {
                // not empty or gone: nothing more to do
            }
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        deleteAll();
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway and finds nothing left
            }
        }
    }
}
