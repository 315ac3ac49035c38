/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.care;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A pseudonym may not be an identifier: NHS-number and date shapes are refused, and never echoed. */
class PseudonymousIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"9434765919", "943-476-5919", "943 476 5919", "943.476.5919", "943_476_5919",
        "94-34-76-59-19", "9434765918", "0000000000", "943-4765919"})
    void of_nhsNumberShapedWithAnySeparators_isRefusedWithoutEcho(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PseudonymousId.of(value));
        assertFalse(e.getMessage().contains("943"), e.getMessage());
        assertFalse(e.getMessage().contains("5919"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1987-03-14", "1987.03.14", "1987_03_14", "19870314", "14-03-1987", "14.03.1987",
        "03-14-1987", "14.03.87", "1-3-1987", "14031987", "14/03/1987", "2024-02-29"})
    void of_dateShaped_isRefusedWithoutEcho(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PseudonymousId.of(value));
        assertFalse(e.getMessage().contains("1987"), e.getMessage());
        assertFalse(e.getMessage().contains("14"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"INF-0042", "CG-0042-1", "REF-F00060", "team-north", "T01", "42", "000123",
        "1987-13-14", "2023-02-29", "12-05", "1.01-1.03", "a1987-03-14"})
    void of_ordinaryIds_areAccepted(String value) {
        assertEquals(value, PseudonymousId.of(value).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Jane Smith", "Quartermaine, J", "", "-INF", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void of_otherShapes_areRefusedByCharactersOrLength(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PseudonymousId.of(value));
        assertFalse(!value.isEmpty() && e.getMessage().contains(value), e.getMessage());
    }
}
