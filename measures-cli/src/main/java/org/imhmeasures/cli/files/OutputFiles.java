/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli.files;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * The output files of one run, written so that a run never destroys its input and never leaves output
 * that looks complete.
 *
 * <ol>
 * <li><b>Same-file refusal.</b> {@link #requireDistinct} (also run by {@link #open}) compares every output
 * with every input and with every other output before anything is opened for writing: by real path
 * ({@link Path#toRealPath}, so {@code ./in.csv}, {@code sub/../in.csv} and symbolic links are seen
 * through; for a file that does not exist yet, the real path of its folder plus its name), by file key
 * ({@link BasicFileAttributes#fileKey()}, so hard links are seen through) and by
 * {@link Files#isSameFile}. A clash is a {@link SameFileException}: the caller's exit status 2. Devices,
 * named pipes and paths under {@code /dev} hold no content to destroy and are not compared
 * ({@code --output /dev/null --rejects /dev/null} is allowed).</li>
 * <li><b>Temporary file, moved into place on success.</b> {@link #open} creates, for every output, a
 * hidden temporary file ({@code .<name>.<random>.tmp}) in the folder of its target, so a folder that is
 * missing or not writable fails before any input is read. The run writes through {@link #writer} (or
 * to {@link #temp}). Only {@link #commit()} puts the files in place: it closes every writer, forces
 * every temporary file to the storage device, then moves each onto its target with
 * {@link StandardCopyOption#ATOMIC_MOVE} and {@link StandardCopyOption#REPLACE_EXISTING} (plain
 * {@code REPLACE_EXISTING} where the file system cannot move atomically).</li>
 * <li><b>Nothing left on failure.</b> {@link #close()} without a commit (an exception, a bad last row,
 * a full disk) deletes every temporary file: a target that did not exist still does not, and an
 * existing one is untouched. While the run is open a JVM shutdown hook does the same on SIGTERM or
 * SIGINT; {@link #close()} removes the hook again, so in-process runs (tests) do not accumulate hooks.
 * Commit and the hook exclude each other: a signal either finds the outputs committed or discards
 * them all.</li>
 * </ol>
 *
 * <p><b>Several outputs.</b> All files are complete and forced before the first move, and the moves are
 * renames within each target's own folder, so all outputs appear or none does, as far as the file
 * system allows: a move that fails half-way (it needs an I/O error between two renames) leaves the
 * outputs already moved in place. Outputs are moved in the reverse of their declaration order, so the
 * primary output, declared first, is moved last: a new primary output means every other output of the
 * run is in place too.
 *
 * <p><b>Details.</b> An existing target's POSIX permissions are copied to its replacement. A target
 * that is a symbolic link is written through: its real file is replaced. An existing target that is
 * not a regular file or folder (a named pipe), and any path under {@code /dev} ({@code /dev/null},
 * {@code /dev/stdout}, whatever the standard output is), holds nothing to protect and is written
 * directly, without a temporary file. A broken symbolic link, an existing folder and an existing
 * read-only file are refused (a rename could replace a read-only file). The target's folder must be
 * writable, since the temporary file is created there.
 * Messages name the option and the file name only, never a folder path or any content.
 *
 * <p>Not thread-safe, except that the shutdown hook may run concurrently with the run's thread. Depends
 * on the JDK only.
 */
public final class OutputFiles implements Closeable {

    /**
     * A file named by a command-line option, e.g. {@code --output out.csv}.
     *
     * @param option the option, used in messages (e.g. {@code --output})
     * @param path the path as given
     */
    public record Named(String option, Path path) {

        /**
         * Checks both parts.
         *
         * @param option the option
         * @param path the path
         */
        public Named {
            Objects.requireNonNull(option, "option");
            Objects.requireNonNull(path, "path");
        }

        /**
         * A named file.
         *
         * @param option the option
         * @param path the path
         * @return the named file
         */
        public static Named of(String option, Path path) {
            return new Named(option, path);
        }

        /**
         * The named file, when the option was given.
         *
         * @param option the option
         * @param path the path, if given
         * @return the named file, if given
         */
        public static List<Named> ofOptional(String option, Optional<Path> path) {
            return path.map(p -> List.of(of(option, p))).orElse(List.of());
        }

        String fileName() {
            Path name = path.getFileName();
            return name == null ? path.toString() : name.toString();
        }
    }

    /** An output that is an input or another output of the same run: unusable arguments. */
    public static final class SameFileException extends Exception {
        private static final long serialVersionUID = 1L;

        SameFileException(String message) {
            super(message);
        }
    }

    /**
     * An output that cannot be prepared, written or moved into place. The message is one line in the form
     * {@code <option> must <rule>: <file name>}, with the file system's reason in brackets where useful.
     */
    public static final class OutputException extends IOException {
        private static final long serialVersionUID = 1L;

        OutputException(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }

    private enum State { OPEN, COMMITTED, DISCARDED }

    /** Device files ({@code /dev/null}, {@code /dev/stdout}) are written directly, never replaced. */
    private static final Path DEVICES = Path.of("/dev");

    /**
     * Where a path really leads. {@code special}: a device, named pipe or socket, or any path under
     * {@code /dev}; such a file holds no content a run could destroy and is never compared.
     */
    private record Identity(Path real, Object key, boolean exists, boolean special) {

        static Identity of(Path path) {
            Path absolute = path.toAbsolutePath();
            boolean exists = Files.exists(absolute);
            boolean special = absolute.normalize().startsWith(DEVICES) || exists && !Files.isRegularFile(absolute)
                    && !Files.isDirectory(absolute);
            Path real;
            try {
                real = absolute.toRealPath();
            } catch (IOException | RuntimeException e) {
                // not there yet, or a link into /proc that has no path (a pipe)
                real = realAncestor(absolute);
            }
            Object key = null;
            if (exists) {
                try {
                    key = Files.readAttributes(absolute, BasicFileAttributes.class).fileKey();
                } catch (IOException | RuntimeException e) {
                    // no key: real path and isSameFile still compare
                }
            }
            return new Identity(real, key, exists, special);
        }

        /** The real path of the nearest existing ancestor, plus the rest of the path, normalised. */
        private static Path realAncestor(Path absolute) {
            Path ancestor = absolute.getParent();
            while (ancestor != null) {
                try {
                    return ancestor.toRealPath().resolve(ancestor.relativize(absolute)).normalize();
                } catch (IOException | RuntimeException e) {
                    ancestor = ancestor.getParent();
                }
            }
            return absolute.normalize();
        }

        boolean same(Identity other) {
            if (special || other.special) {
                return false;
            }
            if (real.equals(other.real) || key != null && key.equals(other.key)) {
                return true;
            }
            if (exists && other.exists) {
                try {
                    return Files.isSameFile(real, other.real);
                } catch (IOException | RuntimeException e) {
                    return false;
                }
            }
            return false;
        }
    }

    /** One output: its target, its temporary file (none for a special file) and its writer, once asked for. */
    private static final class Pending {
        final Named named;
        final Path target;
        final Path temp;
        FileChannel channel;
        OutputWriter writer;
        boolean moved;

        Pending(Named named, Path target, Path temp) {
            this.named = named;
            this.target = target;
            this.temp = temp;
        }

        boolean direct() {
            return temp == null;
        }
    }

    private final List<Identity> inputs = new ArrayList<>();
    private final List<Identity> outputIdentities = new ArrayList<>();
    private final List<Named> inputNames;
    private final List<Pending> outputs = new ArrayList<>();
    private final Object lock = new Object();
    private final Thread hook;
    private State state = State.OPEN;

    private OutputFiles(List<Named> inputs) {
        this.inputNames = List.copyOf(inputs);
        inputs.forEach(in -> this.inputs.add(Identity.of(in.path())));
        this.hook = new Thread(this::discardOnShutdown, "imh-measures-discard-outputs");
    }

    /**
     * Refuses a run whose outputs are not distinct from its inputs and from each other. Nothing is
     * created or opened.
     *
     * @param inputs the files the run reads
     * @param outputs the files the run writes
     * @throws SameFileException when an output is an input, or two outputs are the same file; the
     *         message is {@code <option> must differ from <option>: <file name>}
     */
    public static void requireDistinct(List<Named> inputs, List<Named> outputs) throws SameFileException {
        List<Identity> in = inputs.stream().map(n -> Identity.of(n.path())).toList();
        List<Identity> out = new ArrayList<>();
        for (Named output : outputs) {
            out.add(check(inputs, in, outputs.subList(0, out.size()), out, output));
        }
    }

    private static Identity check(List<Named> inputs, List<Identity> inputIds, List<Named> earlier,
            List<Identity> earlierIds, Named output) throws SameFileException {
        Identity id = Identity.of(output.path());
        for (int i = 0; i < inputs.size(); i++) {
            if (id.same(inputIds.get(i))) {
                throw new SameFileException(output.option() + " must differ from " + inputs.get(i).option() + ": "
                        + output.fileName());
            }
        }
        for (int i = 0; i < earlier.size(); i++) {
            if (id.same(earlierIds.get(i))) {
                throw new SameFileException(output.option() + " must differ from " + earlier.get(i).option() + ": "
                        + output.fileName());
            }
        }
        return id;
    }

    /**
     * Checks the run's files ({@link #requireDistinct}), registers the shutdown hook and creates a
     * temporary file for every output.
     *
     * @param inputs the files the run reads
     * @param outputs the files the run writes, the primary output first
     * @return the open outputs; close them in a {@code try}-with-resources block
     * @throws SameFileException when an output is an input or two outputs are the same file
     * @throws OutputException when an output cannot be prepared (a folder, a missing or read-only folder)
     */
    public static OutputFiles open(List<Named> inputs, List<Named> outputs) throws SameFileException,
            OutputException {
        requireDistinct(inputs, outputs);
        OutputFiles files = new OutputFiles(inputs);
        try {
            Runtime.getRuntime().addShutdownHook(files.hook);
        } catch (IllegalStateException e) {
            throw new OutputException("run must not start while the program shuts down: "
                    + (outputs.isEmpty() ? "no output" : outputs.get(0).fileName()), e);
        }
        try {
            for (Named output : outputs) {
                files.declare(output);
            }
        } catch (SameFileException | OutputException | RuntimeException e) {
            files.close();
            throw e;
        }
        return files;
    }

    /**
     * Adds an output after {@link #open} (for runs whose outputs are found as they go, such as the demo):
     * checked against the inputs and every output so far, and its temporary file created.
     *
     * @param output the output
     * @throws SameFileException when it is an input or an output already declared
     * @throws OutputException when it cannot be prepared, or the outputs are no longer open
     */
    public void declare(Named output) throws SameFileException, OutputException {
        List<Named> earlier = outputs.stream().map(p -> p.named).toList();
        Identity id = check(inputNames, inputs, earlier, outputIdentities, output);
        String name = output.fileName();
        Path absolute = output.path().toAbsolutePath();
        if (id.special()) {
            // a device or named pipe: nothing to protect, and it must not be replaced by a file; /dev/stdout
            // leads to whatever the standard output is, a regular file too, and is written as given
            synchronized (lock) {
                requireOpen(output);
                outputs.add(new Pending(output, absolute, null));
                outputIdentities.add(id);
            }
            return;
        }
        if (!id.exists() && Files.isSymbolicLink(absolute)) {
            throw new OutputException(output.option() + " must not be a broken link: " + name, null);
        }
        Path target = id.real();
        if (Files.isDirectory(target)) {
            throw new OutputException(output.option() + " must be a file, not a folder: " + name, null);
        }
        Path folder = target.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new OutputException(output.option() + " must be in an existing folder: " + name, null);
        }
        if (id.exists() && !Files.isWritable(target)) {
            // a rename could replace a read-only file; its owner made it read-only to keep it
            throw new OutputException(output.option() + " must be a writable file: " + name, null);
        }
        synchronized (lock) {
            requireOpen(output);
            Path temp = createTemp(output, folder, target.getFileName().toString());
            outputs.add(new Pending(output, target, temp));
            outputIdentities.add(id);
            if (id.exists()) {
                copyPermissions(target, temp);
            }
        }
    }

    private void requireOpen(Named output) throws OutputException {
        if (state != State.OPEN) {
            throw new OutputException(output.option() + " must be written while the run is open: "
                    + output.fileName() + " (run " + state.name().toLowerCase(Locale.ROOT) + ")", null);
        }
    }

    private static Path createTemp(Named output, Path folder, String name) throws OutputException {
        String stem = name.length() > 60 ? name.substring(0, 60) : name;
        for (int attempt = 0; ; attempt++) {
            Path temp = folder.resolve("." + stem + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                    + ".tmp");
            try {
                // CREATE_NEW: never an existing file, never through a link; default permissions (umask)
                Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return temp;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw failure(output, "must be in a writable folder", e);
                }
            } catch (AccessDeniedException e) {
                throw new OutputException(output.option() + " must be in a writable folder: " + output.fileName(),
                        e);
            } catch (NoSuchFileException e) {
                throw new OutputException(output.option() + " must be in an existing folder: " + output.fileName(),
                        e);
            } catch (IOException | RuntimeException e) {
                throw failure(output, "must be in a writable folder", e);
            }
        }
    }

    private static void copyPermissions(Path from, Path to) {
        try {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // best effort: the replacement keeps the default permissions
        }
    }

    private Pending pending(Path path) {
        for (Pending p : outputs) {
            if (p.named.path().equals(path)) {
                return p;
            }
        }
        throw new IllegalArgumentException("output must be declared: " + path.getFileName());
    }

    /**
     * The writer for a declared output (UTF-8, buffered), opened on its temporary file on first call. A
     * write failure is an {@link OutputException} naming the option. Closing it only finishes the
     * temporary file; {@link #commit()} closes it when the caller has not.
     *
     * @param path the output's path, as declared
     * @return the writer, the same on every call
     * @throws OutputException when the temporary file cannot be opened
     */
    public Writer writer(Path path) throws OutputException {
        Pending p = pending(path);
        if (p.writer == null) {
            synchronized (lock) {
                requireOpen(p.named);
                try {
                    p.channel = FileChannel.open(p.direct() ? p.target : p.temp, StandardOpenOption.WRITE,
                            StandardOpenOption.TRUNCATE_EXISTING);
                    // the encoder reports unencodable text (Files.newBufferedWriter's behaviour)
                    p.writer = new OutputWriter(p.named, new BufferedWriter(new OutputStreamWriter(Channels
                            .newOutputStream(p.channel), StandardCharsets.UTF_8.newEncoder())));
                } catch (IOException | RuntimeException e) {
                    throw failure(p.named, "must be writable", e);
                }
            }
        }
        return p.writer;
    }

    /**
     * Writes a declared binary output (such as a PNG) whole, to its temporary file; it is moved into place
     * with the others by {@link #commit()}. A failure is an {@link OutputException} naming the option.
     *
     * @param path the output's path, as declared, not yet written
     * @param bytes the content
     * @throws OutputException when the temporary file cannot be written
     */
    public void write(Path path, byte[] bytes) throws OutputException {
        Pending p = pending(path);
        synchronized (lock) {
            requireOpen(p.named);
            if (p.writer != null || p.channel != null) {
                throw new IllegalStateException("output must be written once: " + p.named.fileName());
            }
            try {
                p.channel = FileChannel.open(p.direct() ? p.target : p.temp, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING);
                try (FileChannel channel = p.channel) {
                    ByteBuffer buffer = ByteBuffer.wrap(bytes);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                }
            } catch (IOException | RuntimeException e) {
                throw failure(p.named, "must be writable", e);
            }
        }
    }

    /**
     * The temporary file of a declared output, for reading back what the run wrote through
     * {@link #writer} (close that writer first). Do not write, move or delete it: writing through the
     * path would escape the check that the run is still open.
     *
     * @param path the output's path, as declared
     * @return the temporary file
     * @throws IllegalStateException when the output is a special file written directly
     */
    public Path temp(Path path) {
        Pending p = pending(path);
        if (p.direct()) {
            throw new IllegalStateException("output must be a regular file to be written by path: "
                    + p.named.fileName());
        }
        return p.temp;
    }

    /**
     * Puts every output in place: closes the writers, forces each temporary file to storage, then moves
     * each onto its target, the primary (first declared) output last. Call it once, when the run
     * completed.
     *
     * @throws OutputException when a file cannot be finished or moved (the outputs not yet moved are then
     *         discarded by {@link #close()}), or when a signal discarded the outputs first
     */
    public void commit() throws OutputException {
        synchronized (lock) {
            if (state != State.OPEN) {
                throw new OutputException("outputs must be committed once, while the run is open: run "
                        + state.name().toLowerCase(Locale.ROOT), null);
            }
            for (Pending p : outputs) {
                finish(p);
            }
            for (int i = outputs.size() - 1; i >= 0; i--) {
                Pending p = outputs.get(i);
                if (!p.direct()) {
                    move(p);
                }
                p.moved = true;
            }
            state = State.COMMITTED;
        }
    }

    private static void finish(Pending p) throws OutputException {
        if (p.writer != null) {
            p.writer.close();
        }
        if (p.direct()) {
            return;
        }
        try (FileChannel channel = FileChannel.open(p.temp, StandardOpenOption.WRITE)) {
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            throw failure(p.named, "must be writable", e);
        }
    }

    private static void move(Pending p) throws OutputException {
        try {
            try {
                Files.move(p.temp, p.target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(p.temp, p.target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            throw failure(p.named, "must be movable into place", e);
        }
    }

    /**
     * Discards every output not committed (deleting its temporary file) and removes the shutdown hook.
     * Idempotent; never throws.
     */
    @Override
    public void close() {
        synchronized (lock) {
            if (state == State.OPEN) {
                state = State.DISCARDED;
                discard(true);
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the program is shutting down: the hook runs, or ran, and finds the outputs closed
        }
    }

    /** The shutdown hook, for tests: run it to act out a signal, or check that {@link #close()} removed it. */
    Thread shutdownHook() {
        return hook;
    }

    private void discardOnShutdown() {
        synchronized (lock) {
            if (state == State.OPEN) {
                state = State.DISCARDED;
                discard(false);
            }
        }
    }

    /**
     * Deletes the temporary files. On the run's thread the writers are closed first; the shutdown hook
     * instead closes the channels of temporary files only (never blocking on a writer the run's thread
     * is using; the run's next write then fails), and leaves direct outputs alone.
     */
    private void discard(boolean runThread) {
        for (Pending p : outputs) {
            if (runThread && p.writer != null) {
                p.writer.abandon();
            } else if (!runThread && p.channel != null && !p.direct()) {
                try {
                    p.channel.close();
                } catch (IOException | RuntimeException e) {
                    // deleted below all the same
                }
            }
            if (!p.direct() && !p.moved) {
                try {
                    Files.deleteIfExists(p.temp);
                } catch (IOException | RuntimeException e) {
                    // nothing more can be done; the name marks it as temporary
                }
            }
        }
    }

    private static OutputException failure(Named output, String rule, Throwable e) {
        return new OutputException(output.option() + " " + rule + ": " + output.fileName() + " (" + reason(e) + ")",
                e);
    }

    /** The file system's reason, without the paths a {@link FileSystemException} message repeats. */
    private static String reason(Throwable e) {
        if (e instanceof CharacterCodingException) {
            return "text must be valid Unicode";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        if (e instanceof FileSystemException) {
            return e.getClass().getSimpleName();
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                : e.getMessage().lines().findFirst().orElse("").strip();
    }

    /** A writer that names its output in every failure and closes its file once. */
    private static final class OutputWriter extends Writer {
        private final Named named;
        private final Writer delegate;
        private boolean closed;

        OutputWriter(Named named, Writer delegate) {
            this.named = named;
            this.delegate = delegate;
        }

        @Override
        public void write(int c) throws IOException {
            try {
                delegate.write(c);
            } catch (IOException e) {
                throw failure(named, "must be writable", e);
            }
        }

        @Override
        public void write(char[] buffer, int offset, int length) throws IOException {
            try {
                delegate.write(buffer, offset, length);
            } catch (IOException e) {
                throw failure(named, "must be writable", e);
            }
        }

        @Override
        public void write(String text, int offset, int length) throws IOException {
            try {
                delegate.write(text, offset, length);
            } catch (IOException e) {
                throw failure(named, "must be writable", e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                delegate.flush();
            } catch (IOException e) {
                throw failure(named, "must be writable", e);
            }
        }

        @Override
        public void close() throws OutputException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                delegate.close();
            } catch (IOException e) {
                throw failure(named, "must be writable", e);
            }
        }

        /** Closes the file without reporting: its content is discarded. */
        void abandon() {
            if (!closed) {
                closed = true;
                try {
                    delegate.close();
                } catch (IOException | RuntimeException e) {
                    // discarded anyway
                }
            }
        }
    }
}
