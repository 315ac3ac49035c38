/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.imhmeasures.core.LibraryVersion;
import org.junit.jupiter.api.Test;

class LibraryVersionTest {

    @Test
    void current_isTheBuildVersion() {
        assertTrue(LibraryVersion.current().matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), LibraryVersion.current());
    }
}
