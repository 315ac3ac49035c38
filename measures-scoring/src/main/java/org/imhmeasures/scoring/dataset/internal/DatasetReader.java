/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset.internal;

import java.io.IOException;
import java.io.Reader;
import org.imhmeasures.scoring.dataset.DatasetException;

/**
 * Reads one input format ({@link org.imhmeasures.scoring.dataset.DatasetFormat}), scores each
 * administration and hands every accounting row to a {@link RowSink}, in order of the line where it
 * starts.
 */
public interface DatasetReader {

    /**
     * Reads the whole input.
     *
     * @param input the input; not closed
     * @param sink receives the CSV header, if the format has one, then every accounting row
     * @throws DatasetException when the input cannot be read at all (located), or a header lacks the
     *         columns the format needs
     * @throws IOException when the underlying reader or the sink fails
     */
    void read(Reader input, RowSink sink) throws IOException;
}
