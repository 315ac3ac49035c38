/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.portal.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.imhmeasures.core.care.CareUnit;
import org.imhmeasures.core.care.Caregiver;
import org.imhmeasures.core.care.CaregiverRelationship;
import org.imhmeasures.core.care.EthnicCategory;
import org.imhmeasures.core.care.Household;
import org.imhmeasures.core.care.Infant;
import org.imhmeasures.core.care.InfantDates;
import org.imhmeasures.core.care.PseudonymousId;
import org.imhmeasures.core.care.Referral;
import org.imhmeasures.core.care.ReferralSource;
import org.imhmeasures.core.risk.RiskProfile;
import org.imhmeasures.core.risk.RiskTaxonomy;
import org.imhmeasures.portal.submission.Submission;
import org.imhmeasures.portal.submission.TeamName;
import org.junit.jupiter.api.Test;

class ReferralProfileTest {

    private static final LocalDate REFERRED = LocalDate.of(2025, 6, 1);
    private int next;

    private Submission submission(String team, OptionalInt age, Household household, EthnicCategory ethnic,
            ReferralSource source, InfantDates infant, String... factors) {
        String n = Integer.toString(++next);
        Referral referral = new Referral(PseudonymousId.of("REF-" + n), new CareUnit(Infant.of(PseudonymousId.of(
                "INF-" + n), infant), List.of(Caregiver.of("CG-" + n, CaregiverRelationship.BIRTH_MOTHER))), REFERRED,
                source, List.of(), RiskProfile.of(RiskTaxonomy.builtIn(), List.of(factors)), age, household, ethnic);
        return new Submission(TeamName.of(team), referral, Optional.empty(), List.of());
    }

    private List<Submission> sample() {
        List<Submission> all = new ArrayList<>();
        InfantDates newborn = InfantDates.born(REFERRED.minusMonths(2));
        InfantDates toddler = InfantDates.born(REFERRED.minusMonths(14));
        InfantDates unborn = InfantDates.expected(REFERRED.plusMonths(3));
        all.add(submission("team-a", OptionalInt.of(19), Household.SINGLE_PARENT, EthnicCategory.A, ReferralSource.A2,
                newborn, "perinatal_mental_illness", "poverty"));
        all.add(submission("team-a", OptionalInt.of(20), Household.SHARED_CARE, EthnicCategory.A, ReferralSource.A4,
                unborn, "perinatal_mental_illness"));
        all.add(submission("team-a", OptionalInt.of(21), Household.NOT_KNOWN, EthnicCategory.J, ReferralSource.A2,
                toddler, "isolation_lack_of_support", "perinatal_mental_illness"));
        all.add(submission("team-b", OptionalInt.empty(), Household.SINGLE_PARENT, EthnicCategory.NOT_KNOWN,
                ReferralSource.B1, newborn, "poverty"));
        return all;
    }

    @Test
    void of_pooledFigures_useDocumentedDenominators() {
        ProfileFigures pooled = ReferralProfile.of(sample(), 2).pooled();
        assertEquals(4, pooled.referrals());
        assertEquals(new Share(2, 3), pooled.youngParents()); // ages 19 and 20 of 3 recorded
        assertEquals(new BigDecimal("66.7"), pooled.youngParents().percent().orElseThrow());
        assertEquals(new Share(2, 3), pooled.singleParents()); // household known for 3
        assertEquals(List.of("perinatal_mental_illness", "poverty"), pooled.topRiskFactors().stream().map(
                Tally::code).toList());
        assertEquals(new BigDecimal("75.0"), pooled.topRiskFactors().get(0).percent().orElseThrow());
        assertEquals(List.of("A2", "A4", "B1"), pooled.referralSources().stream().map(Tally::code).toList());
        assertEquals(List.of("A", "99", "J"), pooled.ethnicCategories().stream().map(Tally::code).toList());
        assertEquals(List.of(1, 2, 1, 0, 0), pooled.ageBands().stream().map(Tally::count).toList());
    }

    @Test
    void of_perTeam_splitsByTeamPseudonym() {
        ReferralProfile profile = ReferralProfile.of(sample(), ReferralProfile.DEFAULT_TOP_N);
        assertEquals(List.of("team-a", "team-b"), List.copyOf(profile.byTeam().keySet()));
        assertEquals(3, profile.byTeam().get("team-a").referrals());
        assertEquals(new Share(0, 0), profile.byTeam().get("team-b").youngParents());
        assertTrue(profile.byTeam().get("team-b").youngParents().percent().isEmpty());
    }

    @Test
    void of_empty_hasZeroReferralsAndNoPercentages() {
        ProfileFigures pooled = ReferralProfile.of(List.of(), 5).pooled();
        assertEquals(0, pooled.referrals());
        assertTrue(pooled.singleParents().percent().isEmpty());
        assertTrue(pooled.topRiskFactors().isEmpty());
        assertEquals(5, pooled.ageBands().size());
    }

    @Test
    void toJson_and_toText_carryTheFiguresButNoIdentifiers() throws Exception {
        ReferralProfile profile = ReferralProfile.of(sample(), 3);
        JsonNode json = new ObjectMapper().readTree(profile.toJson());
        assertEquals("imh-measures/referral-profile@1", json.get("format").asText());
        assertEquals(66.7, json.at("/pooled/youngParents/percent").asDouble(), 1e-9);
        assertEquals(3, json.at("/teams/team-a/referrals").asInt());
        String text = profile.toText();
        assertTrue(text.contains("Parents aged 20 and under"), text);
        assertTrue(text.contains("2 of 3 (66.7%)"), text);
        assertTrue(text.contains("Team team-b"), text);
        for (String out : List.of(text, profile.toJson())) {
            assertFalse(out.contains("REF-"), out);
            assertFalse(out.contains("INF-"), out);
            assertFalse(out.contains("2025"), out);
        }
    }

    @Test
    void share_percentRoundsHalfUp() {
        assertEquals(new BigDecimal("16.7"), new Share(1, 6).percent().orElseThrow());
        assertEquals(new BigDecimal("0.1"), new Share(1, 1999).percent().orElseThrow()); // 0.05002 -> 0.1
        assertEquals("1 of 8 (12.5%)", new Share(1, 8).describe());
    }
}
