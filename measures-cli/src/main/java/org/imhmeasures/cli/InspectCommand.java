/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.imhmeasures.cli.files.OutputFiles;
import org.imhmeasures.scoring.dataset.DatasetException;
import org.imhmeasures.scoring.mapping.Inspection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code inspect --input IN [--output MAPPING.json]}: what an unknown export looks like (encoding, delimiter,
 * header, item and total columns, codes or scores or labels, dates, identifier-looking columns flagged without
 * their values), and a proposed mapping for review. Exit 0.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, sortSynopsis = false, separator = " ",
        description = "Inspect an export and propose a mapping file (imh-measures/mapping@1) for review.",
        footerHeading = "%nExample:%n",
        footer = {"  imh-measures inspect --input export.csv --output mapping.json",
            "  imh-measures score --map mapping.json --input export.csv --instruments all --output-dir scores"},
        exitCodeListHeading = Main.EXIT_HEADING, exitCodeList = {Main.EXIT_0, Main.EXIT_1, Main.EXIT_2})
final class InspectCommand implements Callable<Integer> {

    @ParentCommand
    private Main main;

    @Option(names = "--input", required = true, paramLabel = "IN", description = "the export: CSV in any of , ; TAB |")
    private Path input;

    @Option(names = "--output", paramLabel = "MAPPING.json", description = "write the proposed mapping here")
    private Path output;

    @Mixin
    private CatalogueOptions catalogueOptions;

    private InspectCommand() {
    }

    @Override
    public Integer call() throws CommandFailure, OutputFiles.SameFileException {
        List<OutputFiles.Named> inputs = new ArrayList<>(List.of(OutputFiles.Named.of("--input", input)));
        catalogueOptions.files().forEach(f -> inputs.add(OutputFiles.Named.of("--definition", f)));
        Inspection inspection;
        try (OutputFiles files = RunFiles.open(inputs, OutputFiles.Named.ofOptional("--output",
                Optional.ofNullable(output)))) {
            inspection = Inspection.of(input, catalogueOptions.catalogue());
            if (output != null) {
                Writer writer = files.writer(output);
                writer.write(inspection.proposedMapping());
            }
            files.commit();
        } catch (DatasetException e) {
            throw new CommandFailure("--input " + RunFiles.name(input) + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw RunFiles.failure("--input", input, e);
        }
        inspection.report().forEach(main.out::println);
        if (output != null) {
            main.out.println("proposed mapping: " + RunFiles.name(output) + " (review it, then: imh-measures score --map "
                    + RunFiles.name(output) + " ...)");
        }
        return 0;
    }
}
