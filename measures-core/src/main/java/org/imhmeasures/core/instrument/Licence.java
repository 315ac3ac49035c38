/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

import org.imhmeasures.core.internal.Check;

/**
 * Who holds an instrument's copyright and on what terms it may be used.
 *
 * @param kind the kind of licence
 * @param holder the copyright holder
 * @param wording whether this library may ship the item wording
 * @param terms the terms in brief, in our words
 * @param citation the reference to cite when using the instrument
 * @param source where the terms were read
 * @since 0.1.0
 */
public record Licence(Kind kind, String holder, WordingPolicy wording, String terms, String citation,
        Source source) {

    /** Licence families seen in the catalogue. */
    public enum Kind {
        /** No rights reserved (PHQ-9, GAD-7). */
        PUBLIC_DOMAIN,
        /** Creative Commons Attribution-NoDerivatives 4.0 (the CORE System Trust's licence 2015 to 2025). */
        CC_BY_ND_4_0,
        /**
         * Creative Commons Attribution-NonCommercial-NoDerivatives 4.0 (CORE-10, CORE-OM, YP-CORE: the CORE
         * System Trust's current licence).
         */
        CC_BY_NC_ND_4_0,
        /** Creative Commons Attribution-NonCommercial-ShareAlike 4.0 (GBO). */
        CC_BY_NC_SA_4_0,
        /** Free to use on stated conditions (WEMWBS registration, KPCS unaltered with reference, PBQ). */
        FREE_WITH_CONDITIONS,
        /** Copyright holder's permission needed to reproduce (EPDS). */
        PERMISSION_REQUIRED,
        /** Commercial or training-restricted (KIPS, HADS, DC:0-3R). */
        COMMERCIAL
    }

    /** Whether the item wording may ship inside this library. */
    public enum WordingPolicy {
        /** The wording ships with the definition. */
        MAY_SHIP,
        /** Only ids, values and structure ship; a licensee loads the text. */
        MUST_NOT_SHIP
    }

    /**
     * Validates.
     *
     * @param kind the kind of licence
     * @param holder the copyright holder
     * @param wording whether this library may ship the item wording
     * @param terms the terms in brief, in our words
     * @param citation the reference to cite when using the instrument
     * @param source where the terms were read
     */
    public Licence {
        Check.notNull(kind, "licence kind");
        holder = Check.notBlank(holder, "licence holder");
        Check.notNull(wording, "licence wording policy");
        terms = Check.notBlank(terms, "licence terms");
        citation = Check.notBlank(citation, "licence citation");
        Check.notNull(source, "licence source");
    }
}
