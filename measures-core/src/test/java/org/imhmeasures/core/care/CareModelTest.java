/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.care;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.imhmeasures.core.risk.RiskProfile;
import org.imhmeasures.core.risk.RiskTaxonomy;
import org.junit.jupiter.api.Test;

class CareModelTest {

    private static final LocalDate DOB = LocalDate.of(2025, 3, 15);

    @Test
    void ageBand_boundaries_areCompletedMonths() {
        InfantDates born = InfantDates.born(DOB);
        assertEquals(AgeBand.ANTENATAL, AgeBand.at(born, DOB.minusDays(1)));
        assertEquals(AgeBand.MONTHS_0_12, AgeBand.at(born, DOB));
        assertEquals(AgeBand.MONTHS_0_12, AgeBand.at(born, DOB.plusMonths(12).minusDays(1)));
        assertEquals(AgeBand.MONTHS_12_24, AgeBand.at(born, DOB.plusMonths(12)));
        assertEquals(AgeBand.MONTHS_24_36, AgeBand.at(born, DOB.plusMonths(24)));
        assertEquals(AgeBand.MONTHS_36_PLUS, AgeBand.at(born, DOB.plusMonths(36)));
        assertEquals(AgeBand.ANTENATAL, AgeBand.at(InfantDates.expected(DOB), DOB.minusMonths(3)));
    }

    @Test
    void eligibility_default_isConceptionToSecondBirthday() {
        EligibilityPolicy policy = EligibilityPolicy.defaults();
        InfantDates born = InfantDates.born(DOB);
        assertEquals(new Eligibility.Eligible(AgeBand.MONTHS_12_24), policy.evaluate(born, DOB.plusYears(2)
                .minusDays(1)));
        assertEquals(new Eligibility.NotEligible(Eligibility.Reason.ABOVE_UPPER_AGE), policy.evaluate(born, DOB
                .plusYears(2)));
        assertEquals(new Eligibility.Eligible(AgeBand.ANTENATAL), policy.evaluate(InfantDates.expected(DOB), DOB
                .minusWeeks(20)));
        assertEquals(new Eligibility.NotEligible(Eligibility.Reason.EXPECTED_DATE_PASSED), policy.evaluate(
                InfantDates.expected(DOB), DOB));
        LocalDate dayOne = First1001Days.of(born).firstDay();
        assertEquals(new Eligibility.Eligible(AgeBand.ANTENATAL), policy.evaluate(born, dayOne));
        assertEquals(new Eligibility.NotEligible(Eligibility.Reason.BEFORE_CONCEPTION), policy.evaluate(born,
                dayOne.minusDays(1)));
    }

    @Test
    void eligibility_fourYearLimit_acceptsThreeYearOld() {
        EligibilityPolicy policy = EligibilityPolicy.defaults().withUpperAge(Period.ofYears(4));
        assertEquals(new Eligibility.Eligible(AgeBand.MONTHS_36_PLUS), policy.evaluate(InfantDates.born(DOB), DOB
                .plusYears(3)));
        assertEquals(new Eligibility.NotEligible(Eligibility.Reason.ABOVE_UPPER_AGE), policy.evaluate(InfantDates
                .born(DOB), DOB.plusYears(4)));
        assertEquals(Period.of(1, 6, 0), new EligibilityPolicy(Period.ofMonths(18)).upperAge());
        assertEquals(new EligibilityPolicy(Period.ofYears(2)), new EligibilityPolicy(Period.ofMonths(24)));
        assertThrows(IllegalArgumentException.class, () -> EligibilityPolicy.defaults().withUpperAge(Period.ZERO));
    }

    @Test
    void first1001Days_windowIs1001DaysEndingBeforeSecondBirthday() {
        First1001Days window = First1001Days.of(InfantDates.born(DOB));
        assertEquals(DOB.plusYears(2), window.secondBirthday());
        assertEquals(1, window.dayNumber(window.firstDay()).getAsLong());
        assertEquals(1001, window.dayNumber(window.lastDay()).getAsLong());
        assertEquals(0, window.daysRemaining(window.lastDay()).getAsLong());
        assertFalse(window.contains(window.secondBirthday()));
        assertTrue(window.dayNumber(window.firstDay().minusDays(1)).isEmpty());
        // day 1 falls roughly 38 weeks before birth
        long weeksBefore = java.time.temporal.ChronoUnit.WEEKS.between(window.firstDay(), DOB);
        assertTrue(weeksBefore >= 37 && weeksBefore <= 39, "weeks " + weeksBefore);
        assertFalse(window.toString().contains("2025"));
    }

    @Test
    void careUnit_kindFollowsCaregiverCount() {
        Infant infant = Infant.of(PseudonymousId.of("INF-1"), InfantDates.born(DOB));
        Caregiver mother = Caregiver.of("CG-1", CaregiverRelationship.BIRTH_MOTHER);
        Caregiver father = Caregiver.of("CG-2", CaregiverRelationship.BIRTH_FATHER);
        assertEquals(CareUnit.Kind.DYAD, new CareUnit(infant, List.of(mother)).kind());
        assertEquals(CareUnit.Kind.TRIAD, new CareUnit(infant, List.of(mother, father)).kind());
        assertThrows(IllegalArgumentException.class, () -> new CareUnit(infant, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new CareUnit(infant, List.of(mother, mother)));
    }

    @Test
    void pseudonymousId_refusesNhsNumberShapes() {
        assertThrows(IllegalArgumentException.class, () -> PseudonymousId.of("9434765919"));
        assertThrows(IllegalArgumentException.class, () -> PseudonymousId.of("943-476-5919"));
        assertThrows(IllegalArgumentException.class, () -> PseudonymousId.of("Jane Smith"));
        assertThrows(IllegalArgumentException.class, () -> PseudonymousId.of(""));
        assertEquals("INF-0042", PseudonymousId.of("INF-0042").toString());
    }

    @Test
    void toString_redactsDatesNhsNumberAndAge() {
        Infant infant = new Infant(PseudonymousId.of("INF-1"), Optional.of(NhsNumber.parse("9434765919")),
                InfantDates.born(DOB));
        Referral referral = new Referral(PseudonymousId.of("REF-1"), new CareUnit(infant, List.of(Caregiver.of(
                "CG-1", CaregiverRelationship.BIRTH_MOTHER))), DOB.plusMonths(2), ReferralSource.A2, List.of(),
                RiskProfile.of(RiskTaxonomy.builtIn(), Set.of("poverty")), OptionalInt.of(19), Household.SINGLE_PARENT,
                EthnicCategory.A);
        Episode episode = Episode.open(PseudonymousId.of("EP-1"), DOB.plusMonths(3), List.of()).closed(DOB
                .plusMonths(9), DischargeReason.WORK_COMPLETED);
        for (Object value : List.of(infant, referral, episode, infant.dates())) {
            String text = value.toString();
            assertFalse(text.contains("2025"), text);
            assertFalse(text.contains("9434765919"), text);
            assertFalse(text.contains("19]"), text);
        }
        assertTrue(referral.youngParent());
        assertEquals(AgeBand.MONTHS_0_12, referral.ageBand());
    }

    @Test
    void episode_endAndReasonTogether_endNotBeforeStart() {
        PseudonymousId id = PseudonymousId.of("EP-1");
        assertThrows(IllegalArgumentException.class, () -> new Episode(id, DOB, Optional.of(DOB), List.of(),
                Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> Episode.open(id, DOB, List.of()).closed(DOB.minusDays(1),
                DischargeReason.OTHER));
        assertEquals(DOB, Episode.open(id, DOB, List.of()).closed(DOB, DischargeReason.OTHER).end().orElseThrow());
    }

    @Test
    void interventionDelivery_attendedPlusMissedAtMostOffered() {
        InterventionDelivery d = new InterventionDelivery("video_interaction_guidance", 8, 6, 2);
        assertEquals(0.75, d.attendanceRate().getAsDouble(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new InterventionDelivery("vig", 8, 7, 2));
        assertThrows(IllegalArgumentException.class, () -> new InterventionDelivery("vig", 8, -1, 2));
        assertTrue(new InterventionDelivery("vig", 3, 0, 0).attendanceRate().isEmpty());
    }

    @Test
    void codes_lookUpNationalCodes() {
        assertEquals(Optional.of(EthnicCategory.N), EthnicCategory.fromCode("N"));
        assertEquals(Optional.of(EthnicCategory.N), EthnicCategory.fromCode("N1"));
        assertEquals(Optional.of(EthnicCategory.NOT_KNOWN), EthnicCategory.fromCode("99"));
        assertTrue(EthnicCategory.fromCode("T").isEmpty());
        assertTrue(EthnicCategory.fromCode("I").isEmpty());
        assertEquals(18, EthnicCategory.values().length);
        assertEquals(Optional.of(ReferralSource.A4), ReferralSource.fromCode("A4"));
        assertEquals("Primary Health Care: Health Visitor", ReferralSource.A2.label());
        assertTrue(ReferralSource.fromCode("N3").isEmpty());
        assertTrue(ReferralSource.fromCode("a2").isEmpty());
    }
}
