/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.portal.submission;

import static org.imhmeasures.portal.submission.SubmissionFixtures.administration;
import static org.imhmeasures.portal.submission.SubmissionFixtures.edited;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.core.instrument.InstrumentDefinitions;
import org.imhmeasures.scoring.NotScorable;
import org.imhmeasures.scoring.Scored;
import org.junit.jupiter.api.Test;

/** A submission with an administration of an instrument that records answers only (the TEST-FEEDBACK fixture). */
class AnswersOnlySubmissionTest {

    private static Instrument feedback() {
        try (InputStream in = AnswersOnlySubmissionTest.class.getResourceAsStream("test-feedback.json")) {
            return InstrumentDefinitions.read(in, "test-feedback.json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SubmissionValidator validator() {
        return SubmissionValidator.builder().catalogue(Catalogue.builtIn().with(feedback())).build();
    }

    private static String withFeedback(String first, String second, String third) {
        return edited(doc -> {
            ObjectNode a = administration(doc, 1);
            a.put("instrument", "TEST-FEEDBACK");
            ObjectNode answers = a.putObject("answers");
            answers.put("testfeedback_1", first);
            answers.put("testfeedback_2", second);
            if (third == null) {
                answers.putNull("testfeedback_3");
            } else {
                answers.put("testfeedback_3", third);
            }
        });
    }

    @Test
    void validCodes_areAcceptedAndTheAnswersRecorded() {
        try (SubmissionValidator validator = validator()) {
            SubmissionResult result = validator.validate(withFeedback("5", "yes", null));
            SubmissionResult.Accepted accepted = assertInstanceOf(SubmissionResult.Accepted.class, result,
                    result.toString());
            assertEquals("TEST-FEEDBACK", accepted.submission().administrations().get(1).instrumentId());
            Scored scored = assertInstanceOf(Scored.class, accepted.scores().get(1));
            assertEquals(Map.of("testfeedback_1", "5", "testfeedback_2", "yes"), scored.recordedAnswers());
            assertTrue(scored.total().isEmpty() && scored.itemScores().isEmpty());
        }
    }

    @Test
    void aCodeTheItemDoesNotList_isALocatedViolation() {
        try (SubmissionValidator validator = validator()) {
            SubmissionResult.Rejected rejected = assertInstanceOf(SubmissionResult.Rejected.class,
                    validator.validate(withFeedback("5", "perhaps", "1")));
            assertEquals("administrations[1].answers.testfeedback_2 answers.code_not_allowed",
                    rejected.violations().get(0).path() + " " + rejected.violations().get(0).code());
            assertFalse(rejected.violations().get(0).message().contains("perhaps"), rejected.violations().toString());
        }
    }

    @Test
    void tooFewAnswered_isAcceptedAndNotScorable() {
        try (SubmissionValidator validator = validator()) {
            SubmissionResult.Accepted accepted = assertInstanceOf(SubmissionResult.Accepted.class,
                    validator.validate(withFeedback("5", "", null)));
            assertInstanceOf(NotScorable.class, accepted.scores().get(1));
        }
    }
}
