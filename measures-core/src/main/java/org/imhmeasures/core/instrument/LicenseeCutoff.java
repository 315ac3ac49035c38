/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

import org.imhmeasures.core.internal.Check;

/**
 * Says that the instrument's cut-off and bands are published only in licensed materials (ASQ:SE-2: the
 * per-interval cut-off and monitoring zone are in the commercial User's Guide) and are supplied by the
 * licensee in a norms file of format {@value LicenseeNorms#FORMAT} (see {@link LicenseeNorms}). The library
 * never guesses them: without the file a score has no cut-off, and the result says that none was
 * supplied rather than that none exists.
 *
 * @param note what the licensee supplies and where it is printed, e.g. {@code cut-off and monitoring zone
 *     of the interval, from the ASQ:SE-2 User's Guide}
 * @since 0.2.0
 */
public record LicenseeCutoff(String note) {

    /**
     * Validates.
     *
     * @param note what the licensee supplies and where it is printed
     */
    public LicenseeCutoff {
        note = Check.notBlank(note, "licensee cut-off note");
    }
}
