/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.imhmeasures.core.internal.Check;

/**
 * Terminology codes for an instrument, where they exist.
 *
 * <p>LOINC codes are free to use under the LOINC licence. SNOMED CT identifiers are carried as data
 * only: using SNOMED CT needs a licence (free in the UK through NHS England's UK Edition,
 * elsewhere through SNOMED International or a national release centre); see {@link #SNOMED_LICENCE_NOTE}.
 *
 * <p>{@code loincUnscoredItems} lists LOINC item codes that the LOINC form of the panel has but the
 * instrument does not score (the PHQ-9's "how difficult" question, 69722-7): a LOINC-coded response may
 * answer them, and FHIR mapping ignores those answers instead of refusing them as unknown items.
 *
 * @param loincPanel LOINC code of the panel, if any
 * @param loincTotal LOINC code of the total score, if any
 * @param loincItems LOINC codes by item id, possibly empty
 * @param loincUnscoredItems LOINC codes of the panel's items that are not scored, possibly empty
 * @param snomedScore SNOMED CT observable entity for the score as used in MHSDS, if any
 * @param source where the codes were seen
 * @since 0.1.0
 */
public record Codes(Optional<String> loincPanel, Optional<String> loincTotal, Map<String, String> loincItems,
        List<String> loincUnscoredItems, Optional<SnomedConcept> snomedScore, Optional<Source> source) {

    /** The licence note that accompanies every SNOMED CT identifier we ship. */
    public static final String SNOMED_LICENCE_NOTE = "SNOMED CT identifiers are shipped as data only; "
            + "use of SNOMED CT requires a licence (free in the UK via the NHS England UK Edition, "
            + "otherwise from SNOMED International or the national release centre)";

    private static final Codes NONE = new Codes(Optional.empty(), Optional.empty(), Map.of(), List.of(),
            Optional.empty(), Optional.empty());

    /**
     * Validates code shapes.
     *
     * @param loincPanel LOINC code of the panel, if any
     * @param loincTotal LOINC code of the total score, if any
     * @param loincItems LOINC codes by item id, possibly empty
     * @param loincUnscoredItems LOINC codes of the panel's items that are not scored, possibly empty
     * @param snomedScore SNOMED CT observable entity for the score as used in MHSDS, if any
     * @param source where the codes were seen
     */
    public Codes {
        Check.notNull(loincPanel, "loinc panel").ifPresent(Codes::checkLoinc);
        Check.notNull(loincTotal, "loinc total").ifPresent(Codes::checkLoinc);
        Map<String, String> items = new LinkedHashMap<>(Check.notNull(loincItems, "loinc items"));
        items.values().forEach(Codes::checkLoinc);
        loincItems = Collections.unmodifiableMap(items);
        loincUnscoredItems = List.copyOf(Check.notNull(loincUnscoredItems, "loinc unscored items"));
        loincUnscoredItems.forEach(Codes::checkLoinc);
        Check.argument(Collections.disjoint(loincUnscoredItems, loincItems.values()),
                "loinc unscored items must not be scored items: %s", loincUnscoredItems);
        Check.notNull(snomedScore, "snomed score");
        Check.notNull(source, "codes source");
        Check.argument(source.isPresent() || (loincPanel.isEmpty() && loincTotal.isEmpty() && loincItems.isEmpty()
                && loincUnscoredItems.isEmpty() && snomedScore.isEmpty()), "codes must have a source: none given");
    }

    /**
     * Creates codes without unscored LOINC items.
     *
     * @param loincPanel LOINC code of the panel, if any
     * @param loincTotal LOINC code of the total score, if any
     * @param loincItems LOINC codes by item id, possibly empty
     * @param snomedScore SNOMED CT observable entity for the score as used in MHSDS, if any
     * @param source where the codes were seen
     * @since 0.1.0
     */
    public Codes(Optional<String> loincPanel, Optional<String> loincTotal, Map<String, String> loincItems,
            Optional<SnomedConcept> snomedScore, Optional<Source> source) {
        this(loincPanel, loincTotal, loincItems, List.of(), snomedScore, source);
    }

    /**
     * No codes known.
     *
     * @return empty codes
     */
    public static Codes none() {
        return NONE;
    }

    private static void checkLoinc(String code) {
        Check.argument(code.matches("\\d{1,7}-\\d"), "loinc code must look like nnnnn-n: %s", code);
    }

    /**
     * A SNOMED CT concept, carried as data.
     *
     * @param id the concept id (SCTID)
     * @param term the preferred term, where a source gives it
     */
    public record SnomedConcept(String id, Optional<String> term) {
        /**
         * Validates the identifier shape (6 to 18 digits).
         *
         * @param id the concept id (SCTID)
         * @param term the preferred term, where a source gives it
         */
        public SnomedConcept {
            id = Check.notBlank(id, "snomed id");
            Check.argument(id.matches("\\d{6,18}"), "snomed id must be 6 to 18 digits: %s", id);
            term = Check.notNull(term, "snomed term").map(String::strip).filter(t -> !t.isEmpty());
        }
    }
}
