/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.portal.submission;

import static org.imhmeasures.portal.submission.SubmissionFixtures.administration;
import static org.imhmeasures.portal.submission.SubmissionFixtures.at;
import static org.imhmeasures.portal.submission.SubmissionFixtures.edited;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Period;
import java.util.List;
import java.util.ListResourceBundle;
import java.util.stream.Collectors;
import org.imhmeasures.core.care.AgeBand;
import org.imhmeasures.core.care.CareUnit;
import org.imhmeasures.core.care.EligibilityPolicy;
import org.imhmeasures.scoring.NotScorable;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.Timepoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class SubmissionValidatorTest {

    static final SubmissionValidator VALIDATOR = SubmissionValidator.create();

    @AfterAll
    static void close() {
        VALIDATOR.close();
    }

    static List<Violation> violations(String json) {
        SubmissionResult result = VALIDATOR.validate(json);
        assertInstanceOf(SubmissionResult.Rejected.class, result, "expected a rejection");
        return ((SubmissionResult.Rejected) result).violations();
    }

    static void assertOnly(String json, String path, String code) {
        List<Violation> violations = violations(json);
        assertEquals(List.of(path + " " + code), violations.stream().map(v -> v.path() + " " + v.code()).collect(
                Collectors.toList()), violations.toString());
    }

    @Test
    void validate_validSubmission_isAcceptedWithTypedModelAndScores() {
        SubmissionResult result = VALIDATOR.validate(SubmissionFixtures.text(SubmissionFixtures.valid()));
        SubmissionResult.Accepted accepted = assertInstanceOf(SubmissionResult.Accepted.class, result,
                result.toString());
        Submission submission = accepted.submission();
        assertEquals("team-north", submission.team().value());
        assertEquals(CareUnit.Kind.TRIAD, submission.referral().unit().kind());
        assertEquals(AgeBand.MONTHS_0_12, submission.referral().ageBand());
        assertTrue(submission.referral().youngParent());
        assertEquals(3, submission.referral().risks().factors().size());
        assertEquals(1, submission.referral().risks().aceCount());
        assertEquals(Timepoint.DISCHARGE, submission.administrations().get(1).timepoint().orElseThrow());
        Scored baseline = assertInstanceOf(Scored.class, accepted.scores().get(0));
        assertEquals(new BigDecimal("12"), baseline.total().orElseThrow());
        Scored discharge = assertInstanceOf(Scored.class, accepted.scores().get(1));
        assertEquals(new BigDecimal("4"), discharge.total().orElseThrow());
        assertEquals(6, submission.episode().orElseThrow().interventions().get(0).sessionsAttended());
    }

    @Test
    void validate_tooManyMissingAnswers_isAcceptedButNotScorable() {
        String json = edited(doc -> ((ObjectNode) administration(doc, 0).get("answers")).putNull("phq9_9").remove(
                "phq9_8"));
        SubmissionResult.Accepted accepted = assertInstanceOf(SubmissionResult.Accepted.class, VALIDATOR.validate(
                json));
        assertInstanceOf(NotScorable.class, accepted.scores().get(0));
    }

    @Test
    void nhsNumber_badCheckDigit_isRejectedAtItsPath() {
        assertOnly(edited(doc -> at(doc, "infant").put("nhsNumber", "9434765918")), "infant.nhsNumber",
                "nhs_number");
    }

    @Test
    void team_displayNameWithSpaces_isAcceptedNormalised() {
        SubmissionResult result = VALIDATOR.validate(edited(doc -> doc.put("team",
                "  North   Infant Mental Health Team (Leeds) ")));
        SubmissionResult.Accepted accepted = assertInstanceOf(SubmissionResult.Accepted.class, result,
                result.toString());
        assertEquals("North Infant Mental Health Team (Leeds)", accepted.submission().team().value());
        assertFalse(accepted.toString().contains("Leeds"), accepted.toString());
    }

    @Test
    void team_controlCharactersTooLongNoLetterOrNhsNumber_isRejectedWithoutTheValue() {
        for (String team : List.of("North\nTeam", "North\u202eTeam", "N".repeat(TeamName.MAX_LENGTH + 1), "",
                "1987-03-14", "943 476 5919", "Team 9434765919")) {
            List<Violation> violations = violations(edited(doc -> doc.put("team", team)));
            assertEquals(List.of("team team_name"), violations.stream().map(v -> v.path() + " " + v.code()).toList(),
                    team);
            assertTrue(violations.get(0).message().startsWith("team must be a display name"),
                    violations.get(0).message());
            assertFalse(violations.toString().contains("North") || violations.toString().contains("5919"),
                    violations.toString());
        }
    }

    @Test
    void nhsNumber_absent_isAllowed() {
        assertInstanceOf(SubmissionResult.Accepted.class, VALIDATOR.validate(edited(doc -> at(doc, "infant").remove(
                "nhsNumber"))));
    }

    @Test
    void pseudonym_nhsNumberUsedAsId_isRejected() {
        assertOnly(edited(doc -> at(doc, "infant").put("id", "9434765919")), "infant.id", "pseudonym");
    }

    @Test
    void knownCode_unknownEthnicCategoryAndRiskFactor_areRejected() {
        List<Violation> violations = violations(edited(doc -> {
            at(doc, "referral").put("ethnicCategory", "T");
            ((ArrayNode) at(doc, "referral").get("riskFactors")).add("astrology");
        }));
        assertEquals(List.of("referral.ethnicCategory code.unknown", "referral.riskFactors[3] code.unknown"),
                violations.stream().map(v -> v.path() + " " + v.code()).toList());
        assertTrue(violations.get(1).message().contains("risk factor ids"), violations.get(1).message());
    }

    @Test
    void consistentAnswers_codeOutOfRange_isRejectedAtTheItem() {
        List<Violation> violations = violations(edited(doc -> ((ObjectNode) administration(doc, 1).get("answers"))
                .put("phq9_4", "7")));
        assertEquals("administrations[1].answers.phq9_4", violations.get(0).path());
        assertEquals("answers.code_not_allowed", violations.get(0).code());
        assertTrue(violations.get(0).message().contains("0, 1, 2, 3") || violations.get(0).message().contains("0..3")
                || violations.get(0).message().contains("[0"), violations.get(0).message());
        assertFalse(violations.get(0).message().contains("7"), violations.get(0).message());
    }

    @Test
    void consistentAnswers_unknownItem_isLocatedByPositionNotEchoed() {
        assertOnly(edited(doc -> ((ObjectNode) administration(doc, 0).get("answers")).put("Jane Smith", "1")),
                "administrations[0].answers.<key#9>", "answers.unknown_item");
    }

    @Test
    void consistentAnswers_unknownInstrument_isRejected() {
        assertOnly(edited(doc -> administration(doc, 0).put("instrument", "NOPE-1")), "administrations[0].instrument",
                "answers.instrument_unknown");
    }

    @Test
    void datesInOrder_everyOutOfOrderDateIsReported() {
        List<Violation> violations = violations(edited(doc -> {
            at(doc, "episode").put("start", "2025-05-01");
            administration(doc, 0).put("date", "2025-04-30");
            administration(doc, 1).put("date", "2025-12-01");
        }));
        assertEquals(List.of("administrations[0].date dates.administration_before_start",
                "administrations[1].date dates.administration_after_end", "episode.start dates.start_before_referral"),
                violations.stream().map(v -> v.path() + " " + v.code()).toList());
    }

    @Test
    void datesInOrder_endBeforeStart_isRejected() {
        assertOnly(edited(doc -> {
            at(doc, "episode").put("end", "2025-05-19");
            doc.putArray("administrations");
        }), "episode.end", "dates.end_before_start");
    }

    @Test
    void datesInOrder_noEpisode_administrationBeforeReferral_isRejected() {
        assertOnly(edited(doc -> {
            doc.remove("episode");
            administration(doc, 0).put("date", "2025-05-01");
        }), "administrations[0].date", "dates.administration_before_referral");
    }

    @Test
    void eligibleAtReferral_threeYearOld_isRejectedByDefaultButAcceptedUnderFourYearPolicy() {
        String json = edited(doc -> {
            at(doc, "infant").put("dateOfBirth", "2022-04-01");
        });
        assertOnly(json, "referral.date", "eligibility.above_upper_age");
        assertTrue(violations(json).get(0).message().contains("2 years"));
        try (SubmissionValidator fourYears = SubmissionValidator.builder().policy(EligibilityPolicy.defaults()
                .withUpperAge(Period.ofYears(4))).build()) {
            assertInstanceOf(SubmissionResult.Accepted.class, fourYears.validate(json));
        }
    }

    @Test
    void eligibleAtReferral_unbornPastExpectedDate_isRejected() {
        assertOnly(edited(doc -> {
            at(doc, "infant").remove("dateOfBirth");
            at(doc, "infant").put("expectedDate", "2025-05-01");
        }), "referral.date", "eligibility.expected_date_passed");
    }

    @Test
    void uniqueTimepoints_secondBaselineForSameInstrument_isRejected() {
        assertOnly(edited(doc -> administration(doc, 1).put("timepoint", "baseline")),
                "administrations[1].timepoint", "administrations.duplicate_timepoint");
    }

    @Test
    void uniqueTimepoints_reviewsOnDifferentDates_areAccepted() {
        assertInstanceOf(SubmissionResult.Accepted.class, VALIDATOR.validate(edited(doc -> {
            ObjectNode review = administration(doc, 1).deepCopy();
            review.put("timepoint", "review").put("date", "2025-08-01");
            ObjectNode review2 = review.deepCopy().put("date", "2025-09-01");
            ((ArrayNode) doc.get("administrations")).add(review).add(review2);
        })));
    }

    @Test
    void sessionsAddUp_attendedPlusMissedAboveOffered_isRejected() {
        assertOnly(edited(doc -> ((ObjectNode) at(doc, "episode").get("interventions").get(0)).put("sessionsAttended",
                7)), "episode.interventions[0].sessionsAttended", "sessions.add_up");
    }

    @Test
    void oneInfantDate_bothDates_isRejected() {
        assertOnly(edited(doc -> at(doc, "infant").put("expectedDate", "2025-03-20")), "infant.expectedDate",
                "infant.one_date");
    }

    @Test
    void dischargeComplete_endWithoutReason_isRejected() {
        assertOnly(edited(doc -> at(doc, "episode").remove("dischargeReason")), "episode.dischargeReason",
                "episode.discharge_incomplete");
    }

    @Test
    void distinctIds_sameCaregiverTwice_isRejected() {
        assertOnly(edited(doc -> ((ObjectNode) doc.get("caregivers").get(1)).put("id", "CG-0042-1")),
                "caregivers[1].id", "caregivers.distinct");
    }

    @Test
    void builtInConstraints_requiredSizeAndRange_reportEveryViolation() {
        List<Violation> violations = violations(edited(doc -> {
            doc.remove("team");
            doc.putArray("caregivers");
            at(doc, "referral").put("parentAge", 7);
            at(doc, "referral").remove("source");
            doc.put("format", "imh-measures/submission@2");
        }));
        assertEquals(List.of("caregivers caregivers.size", "format format", "referral.parentAge parent_age.range",
                "referral.source required", "team required"), violations.stream().map(v -> v.path() + " " + v.code())
                        .toList());
    }

    @Test
    void builderMessages_translatedKeyIsUsed_codeUnchanged() {
        ListResourceBundle french = new ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return new Object[][] {{"imh.nhs_number", "le numero NHS doit etre valide: invalide"}};
            }
        };
        try (SubmissionValidator translated = SubmissionValidator.builder().messages(french).build()) {
            SubmissionResult.Rejected rejected = (SubmissionResult.Rejected) translated.validate(edited(doc -> {
                at(doc, "infant").put("nhsNumber", "9434765918");
                at(doc, "referral").put("source", "ZZ");
            }));
            assertEquals("le numero NHS doit etre valide: invalide", rejected.violations().get(0).message());
            assertEquals("nhs_number", rejected.violations().get(0).code());
            assertTrue(rejected.violations().get(1).message().startsWith("code must be one of"));
        }
    }

    @Test
    void accepted_toStringNeverShowsNhsNumberDatesOrAge() {
        SubmissionResult result = VALIDATOR.validate(SubmissionFixtures.text(SubmissionFixtures.valid()));
        String text = result.toString();
        for (String identifier : List.of("9434765919", "943 476 5919", "2025-03-15", "2025-05-02", "=19")) {
            assertFalse(text.contains(identifier), identifier + " in " + text);
        }
        assertTrue(text.contains("REF-0042"), "pseudonyms may show: " + text);
    }

    @Test
    void internalDtos_toStringIsRedacted() {
        org.imhmeasures.portal.submission.internal.InfantDto infant =
                new org.imhmeasures.portal.submission.internal.InfantDto("INF-1", "9434765919",
                        java.time.LocalDate.of(2025, 3, 15), null);
        assertFalse(infant.toString().contains("9434765919") || infant.toString().contains("2025"), infant
                .toString());
    }

    @Test
    void eligibleAtReferral_referralBeforePregnancy_isRejected() {
        assertOnly(edited(doc -> {
            at(doc, "infant").remove("dateOfBirth");
            at(doc, "infant").put("expectedDate", "2026-12-01");
            at(doc, "referral").put("date", "2025-01-10");
            doc.remove("episode");
            doc.putArray("administrations");
        }), "referral.date", "eligibility.before_conception");
    }

    @Test
    void validateStream_oversized_isRejectedAfterReadingAtMostTheLimit() throws Exception {
        byte[] big = new byte[SubmissionValidator.MAX_BYTES + 10];
        java.util.Arrays.fill(big, (byte) ' ');
        java.io.ByteArrayInputStream in = new java.io.ByteArrayInputStream(big);
        SubmissionResult.Rejected rejected = assertInstanceOf(SubmissionResult.Rejected.class, VALIDATOR.validate(in));
        assertEquals("json.too_large", rejected.violations().get(0).code());
        assertEquals(9, in.available(), "reads at most MAX_BYTES + 1");
    }
}
