/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.competency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.imhmeasures.core.care.PseudonymousId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Numbers from text are plain ASCII decimals; a huge exponent is refused at once, never formatted. */
class PractitionerNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"1e-999999999", "6e-1", "+0.5", ".5", "5.", "٠.٥", "0x1", "0.5 "})
    void of_notAPlainDecimal_isRefusedAtOnce(String wte) {
        IllegalArgumentException e = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThrows(
                IllegalArgumentException.class, () -> Practitioner.of("P-1", Profession.MIDWIFE, wte, "1")));
        assertEquals("wte must be a plain decimal such as 0.6: not one", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e-999999999", "1e999999999"})
    void constructor_hugeExponent_neverFormatsTheNumber(String text) {
        BigDecimal bomb = new BigDecimal(text);
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            try {
                new Practitioner(PseudonymousId.of("P-1"), Profession.MIDWIFE, bomb, BigDecimal.ONE, List.of());
            } catch (IllegalArgumentException expected) {
                // out of range is fine; what matters is that nothing expanded the exponent
            }
        });
    }
}
