/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.competency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.imhmeasures.core.instrument.DefinitionException;
import org.junit.jupiter.api.Test;

class CompetencyTest {

    private final CompetencyFramework imhcf = CompetencyFramework.imhcf();

    @Test
    void imhcf_hasThreeLevelsSevenDomainsAndOnlyConfirmedIds() {
        assertEquals(List.of("level_1", "level_2", "level_3"), imhcf.levels().stream().map(FrameworkLevel::id)
                .toList());
        assertEquals(7, imhcf.domains().size());
        assertEquals("Working within relevant legal and professional frameworks", imhcf.domain("7").orElseThrow()
                .label());
        assertEquals("Normal and atypical development", imhcf.domain("2").orElseThrow().label());
        assertEquals(List.of("1.01", "1.02", "1.03"), imhcf.competencies().stream().map(Competency::id).toList());
        assertEquals("Collaborative working", imhcf.competency("1.02").orElseThrow().theme().orElseThrow().label());
        assertTrue(imhcf.competencies().stream().allMatch(c -> c.statements().isEmpty()), "wording is copyright");
        assertEquals(CompetencyFramework.LevelOrdering.ORDERED, imhcf.levelOrdering());
        assertFalse(imhcf.omissions().isEmpty());
    }

    @Test
    void miAimh_isASecondFrameworkInTheSameModel() {
        CompetencyFramework mi = CompetencyFramework.miAimhEndorsement();
        assertEquals(List.of("ifa", "ifs", "imhs", "imhm_c", "imhm_p", "imhm_rf"), mi.levels().stream().map(
                FrameworkLevel::id).toList());
        assertEquals(8, mi.domains().size());
        assertEquals(CompetencyFramework.LevelOrdering.NOT_HIERARCHICAL, mi.levelOrdering());
        assertTrue(mi.domains().stream().allMatch(d -> d.number().isEmpty()));
    }

    @Test
    void read_licenseeFileWithStatements_loadsInTheSameFormat() {
        String json = "{\"format\":\"" + CompetencyFramework.FORMAT + "\",\"id\":\"licensed\",\"name\":\"n\","
                + "\"version\":\"1\",\"levelOrdering\":\"ordered\",\"source\":\"s\",\"licence\":\"licensed copy\","
                + "\"levels\":[{\"id\":\"level_1\",\"label\":\"L1\",\"description\":\"d\",\"source\":\"s\"}],"
                + "\"domains\":[{\"id\":\"1\",\"number\":1,\"label\":\"D1\",\"source\":\"s\"}],"
                + "\"competencies\":[{\"id\":\"1.01\",\"domain\":\"1\",\"source\":\"s\",\"statements\":{\"level_1\":"
                + "{\"knowledge\":\"knowledge about x\",\"ability\":\"the ability to y\"}}}]}";
        CompetencyFramework f = read(json);
        assertEquals("the ability to y", f.competency("1.01").orElseThrow().statements().get("level_1").ability());
        DefinitionException badLevel = assertThrows(DefinitionException.class, () -> read(json.replace(
                "\"statements\":{\"level_1\"", "\"statements\":{\"level_9\"")));
        assertTrue(badLevel.getMessage().contains("level_9"), badLevel.getMessage());
        DefinitionException badId = assertThrows(DefinitionException.class, () -> read(json.replace("\"1.01\"",
                "\"2.01\"")));
        assertEquals("competencies[0]", badId.field());
    }

    private static CompetencyFramework read(String json) {
        return CompetencyFramework.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "t.json");
    }

    @Test
    void supervision_underThreeYearsWeekly_elseFortnightly_proRata() {
        SupervisionRequirement novice = SupervisionRequirement.forPractitioner(Practitioner.of("P-1",
                Profession.INFANT_MENTAL_HEALTH_PRACTITIONER, "1.0", "2.9"));
        assertEquals(SupervisionRequirement.Cadence.WEEKLY, novice.cadence());
        assertEquals(new BigDecimal("60.00"), novice.minutesPerSession());
        SupervisionRequirement partTime = SupervisionRequirement.forPractitioner(Practitioner.of("P-2",
                Profession.CLINICAL_PSYCHOLOGIST, "0.5", "1"));
        assertEquals(new BigDecimal("30.00"), partTime.minutesPerSession());
        assertEquals(new BigDecimal("30.00"), partTime.minutesPerWeek());
        SupervisionRequirement experienced = SupervisionRequirement.forPractitioner(Practitioner.of("P-3",
                Profession.CHILD_PSYCHOTHERAPIST, "0.8", "3"));
        assertEquals(SupervisionRequirement.Cadence.FORTNIGHTLY, experienced.cadence());
        assertEquals(new BigDecimal("48.00"), experienced.minutesPerSession());
        assertEquals(new BigDecimal("24.00"), experienced.minutesPerWeek());
    }

    @Test
    void practitioner_wteMustBeAboveZeroAtMostOne_andScaleIsNormalised() {
        assertThrows(IllegalArgumentException.class, () -> Practitioner.of("P-1", Profession.MIDWIFE, "0", "1"));
        assertThrows(IllegalArgumentException.class, () -> Practitioner.of("P-1", Profession.MIDWIFE, "1.2", "1"));
        assertThrows(IllegalArgumentException.class, () -> Practitioner.of("P-1", Profession.MIDWIFE, "1", "-1"));
        assertEquals(Practitioner.of("P-1", Profession.MIDWIFE, "0.50", "2.0"), Practitioner.of("P-1",
                Profession.MIDWIFE, "0.5", "2"));
    }

    @Test
    void coverage_domainHeldOnlyWhenEveryListedCompetencyAchievedAtThatLevel() {
        Practitioner a = Practitioner.of("P-A", Profession.CLINICAL_PSYCHOLOGIST, "1", "5").withAssessments(List.of(
                SelfAssessment.of("1.01", "level_3", SelfAssessment.Status.ACHIEVED),
                SelfAssessment.of("1.02", "level_3", SelfAssessment.Status.ACHIEVED),
                SelfAssessment.of("1.03", "level_3", SelfAssessment.Status.ACHIEVED),
                SelfAssessment.of("2", "level_2", SelfAssessment.Status.ACHIEVED)));
        Practitioner b = Practitioner.of("P-B", Profession.SPECIALIST_HEALTH_VISITOR, "0.6", "1").withAssessments(List
                .of(SelfAssessment.of("1.01", "level_2", SelfAssessment.Status.ACHIEVED),
                        SelfAssessment.of("1.02", "level_2", SelfAssessment.Status.ACHIEVED),
                        SelfAssessment.of("1.03", "level_2", SelfAssessment.Status.WORKING_TOWARDS),
                        new SelfAssessment("2", "level_3", SelfAssessment.Status.WORKING_TOWARDS, Optional.of(
                                "case notes for family X"))));
        TeamCoverage coverage = TeamCoverage.of(imhcf, List.of(a, b));
        assertTrue(coverage.isHeld("1", "level_3"));
        assertFalse(coverage.isHeld("1", "level_2"), "B has 1.03 only working towards; level 3 does not imply 2");
        assertTrue(coverage.isHeld("2", "level_2"));
        assertFalse(coverage.isHeld("2", "level_3"));
        assertEquals(7 * 3 - 2, coverage.gaps().size());
        assertEquals("1", coverage.gaps().get(0).domain().id());
        assertEquals("level_1", coverage.gaps().get(0).level().id());
        assertFalse(b.assessments().get(3).toString().contains("family X"));
        assertThrows(IllegalArgumentException.class, () -> coverage.isHeld("9", "level_1"));
    }
}
