/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.imhmeasures.cli.demo.Demo;
import org.imhmeasures.cli.files.OutputFiles;

/**
 * {@code demo [--families N] [--seed S] [--out DIR]}: the main job. Its outputs appear only when the whole
 * run completed ({@link OutputFiles}).
 */
final class DemoCommand {

    static final int DEFAULT_FAMILIES = 400;
    static final long DEFAULT_SEED = 2026;

    private DemoCommand() {
    }

    static int run(List<String> args, PrintStream out) throws UsageException, CommandFailure {
        Args parsed = Args.parse(args, Set.of("--families", "--seed", "--out"), Set.of());
        int families = DEFAULT_FAMILIES;
        long seed = DEFAULT_SEED;
        try {
            // ASCII digits only: parseInt alone would take "+5" and non-ASCII digits
            if (parsed.value("--families").isPresent()) {
                families = Integer.parseInt(wholeNumber(parsed.value("--families").get()));
            }
            if (parsed.value("--seed").isPresent()) {
                seed = Long.parseLong(wholeNumber(parsed.value("--seed").get()));
            }
        } catch (NumberFormatException e) {
            throw new UsageException("--families and --seed must be whole numbers: " + e.getMessage());
        }
        if (families < 1 || families > 10_000_000) {
            throw new UsageException("--families must lie within 1..10000000: " + families);
        }
        Path folder = Path.of(parsed.value("--out").orElse("demo-out"));
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

    private static String wholeNumber(String text) {
        if (!text.matches("-?[0-9]{1,19}")) {
            throw new NumberFormatException("not a plain whole number");
        }
        return text;
    }
}
