/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.care;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NhsNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"9434765919", "943 476 5919", "943-476-5919", "4010232137", " 9434765870 "})
    void parse_validNumber_keepsDigitsOnly(String text) {
        NhsNumber number = NhsNumber.parse(text);
        assertTrue(number.digits().matches("\\d{10}"));
        assertTrue(NhsNumber.isValid(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9434765918", "943476591", "94347659190", "943476591X", "", "943  476 5919",
        "1234567890"})
    void parse_invalidNumber_throwsWithoutEchoingInput(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NhsNumber.parse(text));
        assertTrue(e.getMessage().startsWith("nhs number must "), e.getMessage());
        if (text.length() >= 4) {
            assertFalse(e.getMessage().contains(text.strip().substring(0, 4)), e.getMessage());
        }
        assertFalse(NhsNumber.isValid(text));
    }

    @Test
    void parse_checkDigitWouldBeTen_isInvalid() {
        // 1000000003: weighted sum 10, 11 - 10 = 1 ... find a prefix whose check digit is 10
        String prefix = null;
        for (int i = 0; i < 1_000_000 && prefix == null; i++) {
            String p = String.format("%09d", i);
            if (check(p) == 10) {
                prefix = p;
            }
        }
        for (int d = 0; d <= 9; d++) {
            assertFalse(NhsNumber.isValid(prefix + d), prefix + d);
        }
    }

    @Test
    void parse_oneRepeatedDigit_isRefusedThoughModulus11Passes() {
        for (char d = '0'; d <= '9'; d++) {
            String placeholder = String.valueOf(d).repeat(10);
            assertEquals(d - '0', check(placeholder.substring(0, 9)), "Modulus 11 alone accepts " + placeholder);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> NhsNumber.parse(placeholder));
            assertEquals("nhs number must not be one digit repeated: placeholder", e.getMessage());
            assertFalse(NhsNumber.isValid(placeholder), placeholder);
            assertFalse(NhsNumber.isValid(placeholder.substring(0, 3) + " " + placeholder.substring(3, 6) + " "
                    + placeholder.substring(6)), placeholder);
        }
    }

    @Test
    void toString_neverPrintsDigits() {
        NhsNumber number = NhsNumber.parse("9434765919");
        assertFalse(number.toString().contains("943"), number.toString());
        assertEquals("NhsNumber[<redacted>]", number.toString());
    }

    @Test
    void equals_byDigits() {
        assertEquals(NhsNumber.parse("943 476 5919"), NhsNumber.parse("9434765919"));
        assertEquals(NhsNumber.parse("943 476 5919").hashCode(), NhsNumber.parse("9434765919").hashCode());
        assertNotEquals(NhsNumber.parse("9434765919"), NhsNumber.parse("9434765870"));
    }

    @Test
    void isValid_randomNumbers_agreesWithModulus11AndCatchesEverySingleDigitError() {
        long seed = Long.getLong("imh.seed", System.nanoTime());
        Random random = new Random(seed);
        for (int n = 0; n < 2000; n++) {
            String prefix = String.format("%09d", random.nextInt(1_000_000_000));
            int check = check(prefix);
            if (check == 10) {
                continue;
            }
            String valid = prefix + check;
            assertTrue(NhsNumber.isValid(valid), "seed " + seed + ": " + valid);
            int position = random.nextInt(10);
            char original = valid.charAt(position);
            char replacement = (char) ('0' + (original - '0' + 1 + random.nextInt(9)) % 10);
            String mutated = valid.substring(0, position) + replacement + valid.substring(position + 1);
            assertFalse(NhsNumber.isValid(mutated), "seed " + seed + " (rerun with -Dimh.seed=" + seed + "): "
                    + mutated);
        }
    }

    private static int check(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nineDigits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        return check == 11 ? 0 : check;
    }
}
