/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.portal.submission;

import static org.imhmeasures.portal.submission.SubmissionFixtures.at;
import static org.imhmeasures.portal.submission.SubmissionFixtures.edited;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import org.hibernate.validator.HibernateValidator;
import org.imhmeasures.portal.submission.internal.SubmissionDto;
import org.junit.jupiter.api.Test;

/**
 * A host's {@code META-INF/validation.xml} does not change what the submission validator reports. The test
 * class path carries one with {@code hibernate.validator.fail_fast=true} (src/test/resources/META-INF).
 */
class HostValidationConfigTest {

    /** Three violations in three places: the format tag, the team pseudonym, the referral source. */
    private static final String THREE_VIOLATIONS = edited(doc -> {
        doc.put("format", "imh-measures/submission@0");
        doc.remove("team");
        at(doc, "referral").remove("source");
    });

    @Test
    void hostValidationXml_takesEffectOnAPlainBootstrap() {
        // the fixture is live: a bootstrap that reads validation.xml stops at the first violation
        try (ValidatorFactory host = Validation.byProvider(HibernateValidator.class).configure()
                .buildValidatorFactory()) {
            SubmissionDto empty = new SubmissionDto(null, null, null, null, null, null, null);
            assertEquals(1, host.getValidator().validate(empty).size());
        }
    }

    @Test
    void submissionValidator_ignoresHostFailFast_andReportsAllThree() {
        try (SubmissionValidator validator = SubmissionValidator.create()) {
            SubmissionResult.Rejected rejected = assertInstanceOf(SubmissionResult.Rejected.class,
                    validator.validate(THREE_VIOLATIONS));
            assertEquals(List.of("format format", "referral.source required", "team required"), rejected
                    .violations().stream().map(v -> v.path() + " " + v.code()).toList());
        }
    }
}
