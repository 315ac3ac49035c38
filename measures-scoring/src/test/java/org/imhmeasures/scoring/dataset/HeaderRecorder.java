/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset;

import java.util.List;
import java.util.function.Supplier;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.Scored;

/** Keeps the CSV header a run hands out; rows are left to the other handlers of the run. */
final class HeaderRecorder implements RowHandler {

    private final List<String> header;

    HeaderRecorder(List<String> header) {
        this.header = header;
    }

    @Override
    public void header(List<String> cells) {
        header.addAll(cells);
    }

    @Override
    public void scored(Row row, Scored scored, Supplier<Administration> answers) {
        // rows are written by the CSV handlers beside this one
    }

    @Override
    public void rejected(Row row, Rejection rejection) {
        // rows are written by the CSV handlers beside this one
    }
}
