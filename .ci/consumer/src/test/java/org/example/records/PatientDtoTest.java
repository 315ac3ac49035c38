/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.example.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PatientDtoTest {

    @Test
    void validDto_hasNoViolations() {
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            assertTrue(factory.getValidator().validate(new PatientDto("P-0001", "943 476 5919", "EPDS")).isEmpty());
        }
    }

    @Test
    void invalidNhsNumber_givesTheLibrarysReadableMessage_withoutTheValue() {
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            Validator validator = factory.getValidator();
            Set<ConstraintViolation<PatientDto>> violations = validator.validate(new PatientDto("P-0001",
                    "9434765918", "EPDS"));
            assertEquals(1, violations.size(), violations::toString);
            String message = violations.iterator().next().getMessage();
            assertEquals("nhs number must be ten digits with a valid modulus 11 check digit: invalid", message);
            assertFalse(message.contains("{") || message.contains("9434765918"), message);
        }
    }

    @Test
    void everyConstraint_hasAMessage_neverARawKey() {
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            Set<ConstraintViolation<PatientDto>> violations = factory.getValidator().validate(new PatientDto(
                    "Jane Planted", "9434765918", "phq9"));
            assertEquals(3, violations.size(), violations::toString);
            for (ConstraintViolation<PatientDto> v : violations) {
                assertFalse(v.getMessage().contains("{") || v.getMessage().contains("Planted") || v.getMessage()
                        .contains("phq9"), v.getMessage());
            }
        }
    }
}
