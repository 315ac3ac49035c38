/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import org.jspecify.annotations.Nullable;

/** A run that cannot complete (unreadable or unusable file): exit 1 with a one-line message. */
final class CommandFailure extends Exception {
    private static final long serialVersionUID = 1L;

    CommandFailure(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
