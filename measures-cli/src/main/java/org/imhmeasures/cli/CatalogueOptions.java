/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.imhmeasures.cli.files.OutputFiles;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.DefinitionException;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.core.instrument.InstrumentDefinitions;
import org.imhmeasures.core.instrument.LicenseeNorms;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --definition FILE} (repeatable: a user's own instrument definitions, format
 * {@code imh-measures/instrument@1}, added to the catalogue for this run) and {@code --wording FILE}
 * (repeatable: licensee wording supplements, {@code imh-measures/wording@1}) and {@code --norms FILE}
 * (repeatable: licensee cut-offs, {@code imh-measures/norms@1}), for the commands that take
 * {@code --instrument}. An unusable file fails the run with its located message, exit 1.
 */
final class CatalogueOptions {

    @Option(names = "--definition", paramLabel = "FILE", description = "add your own instrument definition "
            + "(imh-measures/instrument@1 JSON) to the catalogue for this run; repeatable")
    private List<Path> definitions = new ArrayList<>();

    @Option(names = "--wording", paramLabel = "FILE", description = "apply a licensee wording supplement "
            + "(imh-measures/wording@1 JSON: item text and option labels); repeatable")
    private List<Path> wordings = new ArrayList<>();

    @Option(names = "--norms", paramLabel = "FILE", description = "apply a licensee norms file "
            + "(imh-measures/norms@1 JSON: cut-offs and bands printed only in licensed materials, e.g. ASQ:SE-2); "
            + "repeatable")
    private List<Path> norms = new ArrayList<>();

    /** The built-in catalogue with the run's definitions, then its wording supplements, then its norms. */
    Catalogue catalogue() throws CommandFailure {
        Catalogue catalogue = Catalogue.builtIn();
        for (Path file : definitions) {
            try {
                catalogue = catalogue.with(InstrumentDefinitions.read(file));
            } catch (DefinitionException e) {
                throw new CommandFailure("--definition " + e.getMessage(), e);
            }
        }
        for (Path file : wordings) {
            try {
                catalogue = catalogue.withWording(file);
            } catch (DefinitionException e) {
                throw new CommandFailure("--wording " + e.getMessage(), e);
            }
        }
        for (Path file : norms) {
            try {
                catalogue = catalogue.withNorms(LicenseeNorms.read(file));
            } catch (DefinitionException e) {
                throw new CommandFailure("--norms " + e.getMessage(), e);
            }
        }
        return catalogue;
    }

    /** Whether the run adds definitions or wording. */
    boolean any() {
        return !definitions.isEmpty() || !wordings.isEmpty() || !norms.isEmpty();
    }

    /** The files given, as inputs of the run (never overwritten). */
    List<Path> files() {
        List<Path> all = new ArrayList<>(definitions);
        all.addAll(wordings);
        all.addAll(norms);
        return all;
    }

    /**
     * {@code first}, then the run's definition and wording files, as the inputs of a run (never overwritten:
     * the same-file check compares every output with them).
     */
    List<OutputFiles.Named> inputs(OutputFiles.Named... first) {
        List<OutputFiles.Named> all = new ArrayList<>(List.of(first));
        definitions.forEach(f -> all.add(OutputFiles.Named.of("--definition", f)));
        wordings.forEach(f -> all.add(OutputFiles.Named.of("--wording", f)));
        return all;
    }

    /**
     * The instrument {@code id} names in {@code catalogue}, refused as picocli refuses an option value (exit 2,
     * the same message as the built-in catalogue's converter).
     */
    static Instrument instrument(CommandSpec spec, Catalogue catalogue, String option, String id) {
        return catalogue.find(id).orElseThrow(() -> usage(spec, Converters.InstrumentById.unknown(catalogue, option,
                id)));
    }

    /** A usage error raised after parsing, printed as picocli's own: one line, then where to look, exit 2. */
    static CommandLine.ParameterException usage(CommandSpec spec, String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message,
                new CommandLine.TypeConversionException(message));
    }
}
