/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring;

import org.imhmeasures.core.LibraryVersion;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.core.internal.Check;

/**
 * What produced a result: the instrument definition and the library version.
 *
 * @param instrumentId instrument id, e.g. {@code PHQ-9}
 * @param definitionVersion version of the instrument definition used
 * @param libraryVersion version of imh-measures that computed the result
 * @since 0.1.0
 */
public record Provenance(String instrumentId, String definitionVersion, String libraryVersion) {

    /**
     * Validates.
     *
     * @param instrumentId instrument id, e.g. {@code PHQ-9}
     * @param definitionVersion version of the instrument definition used
     * @param libraryVersion version of imh-measures that computed the result
     */
    public Provenance {
        instrumentId = Check.notBlank(instrumentId, "instrument id");
        definitionVersion = Check.notBlank(definitionVersion, "definition version");
        libraryVersion = Check.notBlank(libraryVersion, "library version");
    }

    /**
     * The provenance of results computed now from {@code instrument}.
     *
     * @param instrument the definition used
     * @return the provenance
     */
    public static Provenance of(Instrument instrument) {
        return new Provenance(instrument.id(), instrument.definitionVersion(), LibraryVersion.current());
    }
}
