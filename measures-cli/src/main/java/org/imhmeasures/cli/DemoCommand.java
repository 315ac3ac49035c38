/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.imhmeasures.cli.demo.Demo;
import org.imhmeasures.cli.files.OutputFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code demo [--families N] [--seed S] [--out DIR]}: the main job. Its outputs appear only when the whole
 * run completed ({@link OutputFiles}).
 */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, sortSynopsis = false, separator = " ",
        description = "The main job: score and report a synthetic service (every value invented).",
        footerHeading = "%nExample:%n", footer = "  imh-measures demo --families 60 --out demo-out",
        exitCodeListHeading = Main.EXIT_HEADING, exitCodeList = {Main.EXIT_0, Main.EXIT_1, Main.EXIT_2})
final class DemoCommand implements Callable<Integer> {

    static final int DEFAULT_FAMILIES = 400;
    static final long DEFAULT_SEED = 2026;

    @ParentCommand
    private Main main;

    @Option(names = "--families", paramLabel = "N", converter = Converters.Families.class,
            description = "families to generate, 1 to 10000000 (default: " + DEFAULT_FAMILIES + ")")
    private Integer familiesOption;

    @Option(names = "--seed", paramLabel = "S", converter = Converters.Seed.class,
            description = "random seed; the same seed gives the same service (default: " + DEFAULT_SEED + ")")
    private Long seedOption;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: demo-out)")
    private Path outOption;

    private DemoCommand() {
    }

    @Override
    public Integer call() throws CommandFailure {
        return run(main.out);
    }

    private int run(PrintStream out) throws CommandFailure {
        int families = familiesOption == null ? DEFAULT_FAMILIES : familiesOption;
        long seed = seedOption == null ? DEFAULT_SEED : seedOption;
        Path folder = outOption == null ? Path.of("demo-out") : outOption;
        try {
            Demo.Result result = Demo.run(seed, families, folder);
            out.print(result.report());
            out.println("Outputs: " + folder.toAbsolutePath().normalize() + " (report.txt, summary.json, scores/, "
                    + "change/)");
        } catch (OutputFiles.OutputException e) {
            throw new CommandFailure(e.getMessage(), e);
        } catch (IOException e) {
            throw new CommandFailure("--out must be a writable folder: " + folder, e);
        }
        return 0;
    }
}
