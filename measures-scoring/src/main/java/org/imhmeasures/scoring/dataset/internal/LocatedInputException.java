/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset.internal;

import java.io.IOException;
import org.imhmeasures.scoring.dataset.DatasetException;

/**
 * Carries a located {@link DatasetException} out of a {@link java.io.Reader} and through the parser
 * that reads from it (parsers pass {@link IOException}s on unchanged); the format readers unwrap it.
 */
public final class LocatedInputException extends IOException {

    private static final long serialVersionUID = 1L;

    private final DatasetException located;

    LocatedInputException(DatasetException located) {
        super(located.getMessage(), located);
        this.located = located;
    }

    /**
     * The located problem.
     *
     * @return the exception to throw
     */
    public DatasetException located() {
        return located;
    }
}
