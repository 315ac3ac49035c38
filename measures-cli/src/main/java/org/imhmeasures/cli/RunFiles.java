/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.imhmeasures.cli.files.OutputFiles;

/**
 * The files of one command run, checked in this order before any input is read: outputs distinct from
 * inputs and from each other (exit 2, {@link OutputFiles#requireDistinct}), inputs readable (exit 1),
 * outputs preparable (exit 1, {@link OutputFiles#open}). Messages name the option and the file name only.
 */
final class RunFiles {

    /** {@code --raw-csv}: CSV cells as they are, for pipelines; default neutralises formulas. */
    static final String RAW_CSV = "--raw-csv";

    private RunFiles() {
    }

    /**
     * The primary output, then the optional ones, as named files.
     */
    @SafeVarargs
    static List<OutputFiles.Named> outputs(OutputFiles.Named primary, List<OutputFiles.Named>... optional) {
        List<OutputFiles.Named> all = new ArrayList<>();
        all.add(primary);
        for (List<OutputFiles.Named> more : optional) {
            all.addAll(more);
        }
        return all;
    }

    static List<OutputFiles.Named> optional(String option, Optional<Path> path) {
        return OutputFiles.Named.ofOptional(option, path);
    }

    /**
     * Checks the run's files and opens its outputs.
     *
     * @throws OutputFiles.SameFileException when an output is an input or another output (exit 2)
     * @throws CommandFailure when an input is unreadable or an output cannot be prepared (exit 1)
     */
    static OutputFiles open(List<OutputFiles.Named> inputs, List<OutputFiles.Named> outputs)
            throws OutputFiles.SameFileException, CommandFailure {
        OutputFiles.requireDistinct(inputs, outputs);
        for (OutputFiles.Named input : inputs) {
            if (!Files.isReadable(input.path()) || Files.isDirectory(input.path())) {
                throw new CommandFailure(input.option() + " must be a readable file: " + name(input.path()), null);
            }
        }
        try {
            return OutputFiles.open(inputs, outputs);
        } catch (OutputFiles.OutputException e) {
            throw new CommandFailure(e.getMessage(), e);
        }
    }

    /**
     * A one-line failure for an I/O error of the run: an output's own message, or an input that could not
     * be read (an output's errors are {@link OutputFiles.OutputException}s, so any other is the input's).
     */
    static CommandFailure failure(String inputOption, Path input, IOException e) {
        if (e instanceof OutputFiles.OutputException) {
            return new CommandFailure(e.getMessage(), e);
        }
        String reason = e instanceof CharacterCodingException ? "text must be UTF-8"
                : e instanceof FileSystemException f && f.getReason() != null ? f.getReason()
                : e.getClass().getSimpleName();
        return new CommandFailure(inputOption + " must be readable: " + name(input) + " (" + reason + ")", e);
    }

    static String name(Path path) {
        return path.getFileName() == null ? path.toString() : path.getFileName().toString();
    }
}
