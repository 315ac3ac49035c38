/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import org.imhmeasures.scoring.dataset.CsvCells;
import picocli.CommandLine.Option;

/** {@code --raw-csv}, for the commands that write CSV. */
final class CsvOptions {

    @Option(names = RunFiles.RAW_CSV, description = "write CSV text cells as they are, for pipelines (default: a "
            + "leading ' before = + - @ TAB or CR against spreadsheet formula injection)")
    private boolean raw;

    /** The CSV cell policy the switch asks for. */
    CsvCells cells() {
        return raw ? CsvCells.RAW : CsvCells.NEUTRALISE_FORMULAS;
    }
}
