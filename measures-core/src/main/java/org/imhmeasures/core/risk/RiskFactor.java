/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.risk;

import java.util.List;
import org.imhmeasures.core.instrument.Codes.SnomedConcept;
import org.imhmeasures.core.instrument.Source;
import org.imhmeasures.core.internal.Check;

/**
 * A leaf risk factor of the taxonomy, in one {@link RiskArea}.
 *
 * <p>Equality is by all fields; within a taxonomy ids are unique.
 *
 * @param id stable snake_case id, e.g. {@code perinatal_mental_illness}
 * @param label readable label
 * @param area the area it belongs to
 * @param areaBasis whether a source places it in that area or the library does
 * @param snomed SNOMED CT concepts seen on a terminology browser for it, possibly none; data only, see
 *        {@link org.imhmeasures.core.instrument.Codes#SNOMED_LICENCE_NOTE}
 * @param source where the factor comes from
 * @since 0.1.0
 */
public record RiskFactor(String id, String label, RiskArea area, AreaBasis areaBasis, List<SnomedConcept> snomed,
        Source source) {

    /** Whether a factor's area is stated by a source or assigned by this library. */
    public enum AreaBasis {
        /** The source names the factor as an example of the area. */
        STATED_BY_SOURCE,
        /** No published mapping was found; the library assigns the area (reviewable in the data file). */
        LIBRARY_ASSIGNED
    }

    /**
     * Validates and copies.
     *
     * @param id stable snake_case id, e.g. {@code perinatal_mental_illness}
     * @param label readable label
     * @param area the area it belongs to
     * @param areaBasis whether a source places it in that area or the library does
     * @param snomed SNOMED CT concepts seen on a terminology browser for it, possibly none; data only, see
     *     {@link org.imhmeasures.core.instrument.Codes#SNOMED_LICENCE_NOTE}
     * @param source where the factor comes from
     */
    public RiskFactor {
        id = Check.notBlank(id, "risk factor id");
        Check.argument(id.matches("[a-z][a-z0-9_]{0,63}"), "risk factor id must be snake_case: %s", id);
        label = Check.notBlank(label, "risk factor label");
        Check.notNull(area, "risk area");
        Check.notNull(areaBasis, "area basis");
        snomed = List.copyOf(Check.notNull(snomed, "snomed concepts"));
        Check.notNull(source, "risk factor source");
    }
}
