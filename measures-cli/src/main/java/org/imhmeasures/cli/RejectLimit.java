/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --max-rejects N|P%}, for the commands that reject rows. */
final class RejectLimit {

    @Option(names = "--max-rejects", paramLabel = "N|P%", converter = MaxRejects.Converter.class,
            description = "exit 3 when the completed run rejected more than N rows, or more than P%% of the rows read")
    private MaxRejects maxRejects;

    /** The limit, if given. */
    Optional<MaxRejects> value() {
        return Optional.ofNullable(maxRejects);
    }
}
