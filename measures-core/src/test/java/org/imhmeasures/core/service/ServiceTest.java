/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imhmeasures.core.competency.Practitioner;
import org.imhmeasures.core.competency.Profession;
import org.imhmeasures.core.instrument.DefinitionException;
import org.junit.jupiter.api.Test;

class ServiceTest {

    private static final List<Practitioner> TEAM = List.of(
            Practitioner.of("P-1", Profession.CLINICAL_PSYCHOLOGIST, "0.6", "8"),
            Practitioner.of("P-2", Profession.SPECIALIST_HEALTH_VISITOR, "1", "2"),
            Practitioner.of("P-3", Profession.ADMINISTRATOR, "0.5", "0"));

    private static TeamProfile specialised() {
        return new TeamProfile(TEAM, EnumSet.allOf(TeamActivity.class), Set.of("video_interaction_guidance",
                "parent_infant_psychotherapy"), ReferralBasis.RELATIONSHIP_RISK, ServiceFunction.PRIMARY);
    }

    @Test
    void teamDefinition_builtIn_coversEveryCriterionWithASource() {
        TeamDefinition definition = TeamDefinition.builtIn();
        assertEquals(TeamCriterion.values().length, definition.criteria().size());
        definition.criteria().forEach(c -> assertFalse(c.source().citation().isBlank()));
        assertTrue(definition.omissions().stream().anyMatch(o -> o.note().contains("clinical psychologist")));
    }

    @Test
    void evaluate_teamMeetingEveryCriterion_isSpecialised() {
        TeamAssessment assessment = TeamDefinition.builtIn().evaluate(specialised());
        assertEquals(TeamAssessment.Classification.SPECIALISED_PARENT_INFANT_RELATIONSHIP_TEAM, assessment
                .classification());
        assertTrue(assessment.unmet().isEmpty());
        assertTrue(assessment.results().get(0).reason().startsWith("met: "));
    }

    @Test
    void evaluate_perinatalStyleSingleDisciplineTeam_isNotSpecialised_withEveryReason() {
        TeamProfile perinatal = new TeamProfile(List.of(Practitioner.of("P-9",
                Profession.ADULT_MENTAL_HEALTH_PRACTITIONER, "1", "4"), Practitioner.of("P-10",
                        Profession.ADULT_MENTAL_HEALTH_PRACTITIONER, "1", "1"), Practitioner.of("P-11",
                                Profession.SERVICE_MANAGER, "1", "0")), EnumSet.of(TeamActivity.DIRECT_FAMILY_SUPPORT),
                Set.of("circle_of_security_parenting"), ReferralBasis.PARENT_MENTAL_ILLNESS, ServiceFunction.SECONDARY);
        TeamAssessment assessment = TeamDefinition.builtIn().evaluate(perinatal);
        assertEquals(TeamAssessment.Classification.NOT_A_SPECIALISED_TEAM, assessment.classification());
        assertEquals(List.of(TeamCriterion.MULTIDISCIPLINARY, TeamCriterion.THERAPEUTIC_MENTAL_HEALTH_PROFESSIONALS,
                TeamCriterion.SYSTEM_EXPERT_AND_CHAMPION, TeamCriterion.RANGE_OF_INTERVENTIONS,
                TeamCriterion.RELATIONSHIP_FOCUSED_REFERRALS, TeamCriterion.PRIMARY_FUNCTION), assessment.unmet()
                        .stream().map(r -> r.criterion().criterion()).toList());
        assertTrue(assessment.unmet().get(0).reason().startsWith("not met: a multi-disciplinary team"));
    }

    @Test
    void teamDefinition_fileMissingACriterion_isRejected() {
        String json = "{\"format\":\"" + TeamDefinition.FORMAT + "\",\"version\":\"1\",\"criteria\":[{\"id\":"
                + "\"multidisciplinary\",\"statement\":\"s\",\"source\":\"s\"}]}";
        DefinitionException e = assertThrows(DefinitionException.class, () -> TeamDefinition.read(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "t.json"));
        assertTrue(e.getMessage().contains("must cover every criterion"), e.getMessage());
    }

    @Test
    void selfAudit_fiveAreasTwelveCharacteristics() {
        assertEquals(12, SelfAuditCharacteristic.values().length);
        assertEquals(4, SelfAuditCharacteristic.in(SelfAuditCharacteristic.Area
                .TEAM_COMPOSITION_AND_CLINICAL_GOVERNANCE).size());
        for (SelfAuditCharacteristic.Area area : SelfAuditCharacteristic.Area.values()) {
            assertFalse(SelfAuditCharacteristic.in(area).isEmpty(), area.name());
        }
    }

    @Test
    void staffingModels_builtIn_shipsTheGreaterManchesterTable_asPublished() {
        StaffingModel gm = gm();
        assertEquals(280_000, gm.referencePopulation());
        assertEquals(3300, gm.referenceBirths().getAsLong());
        assertEquals(List.of("consultant_lead", "local_lead", "parent_infant_therapist",
                "adult_mental_health_practitioner", "social_worker", "administrator", "outreach_peer_support"),
                gm.roles().stream().map(StaffingModel.Role::id).toList());
        assertEquals(List.of(new BigDecimal("0.33"), BigDecimal.ONE, new BigDecimal("2"), BigDecimal.ONE,
                BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE), gm.roles().stream().map(StaffingModel.Role::wte)
                        .toList());
        assertTrue(gm.source().citation().contains("Rare Jewels"));
    }

    private static StaffingModel gm() {
        return StaffingModels.builtIn().find("greater_manchester").orElseThrow();
    }

    @Test
    void staffingModel_scalesByPopulationAndBirths_andComparesWithEstablishment() {
        StaffingModel gm = gm();
        assertEquals(0, new BigDecimal("7.33").compareTo(gm.totalWte()));
        StaffingModel doubled = gm.scaledToPopulation(560_000);
        assertEquals(0, new BigDecimal("14.66").compareTo(doubled.totalWte()));
        assertEquals(6600, doubled.referenceBirths().getAsLong());
        StaffingModel half = gm.scaledToBirths(1650);
        assertEquals(0, new BigDecimal("0.17").compareTo(half.roles().get(0).wte()), "0.165 rounds half up");
        assertEquals(140_000, half.referencePopulation());
        List<StaffingModel.Line> lines = gm.compare(Map.of("parent_infant_therapist", new BigDecimal("1.5"),
                "local_lead", BigDecimal.ONE, "psychiatrist", BigDecimal.ONE));
        assertEquals(0, new BigDecimal("-0.5").compareTo(lines.get(2).difference()));
        assertEquals(0, BigDecimal.ZERO.compareTo(lines.get(1).difference()));
        assertEquals(0, new BigDecimal("-0.33").compareTo(lines.get(0).difference()));
        assertEquals(List.of("psychiatrist"), gm.unmodelledRoles(Map.of("psychiatrist", BigDecimal.ONE)));
    }

    @Test
    void interventions_formatFactsOnlyWhereSourced_andEifOnlyWhereRead() {
        InterventionCatalogue catalogue = InterventionCatalogue.builtIn();
        Intervention cosp = catalogue.find("circle_of_security_parenting").orElseThrow();
        assertEquals(8, cosp.format().weeksMin().getAsInt());
        assertEquals(10, cosp.format().weeksMax().getAsInt());
        assertEquals(90, cosp.format().sessionMinutes().getAsInt());
        assertEquals(14, catalogue.find("mellow_babies").orElseThrow().format().weeksMax().getAsInt());
        assertTrue(catalogue.find("parent_infant_psychotherapy").orElseThrow().format().weeksMin().isEmpty());
        assertEquals(List.of("infant_parent_psychotherapy", "watch_wait_and_wonder", "circle_of_security_parenting",
                "family_nurse_partnership"), catalogue.interventions().stream().filter(i -> i.eif().isPresent())
                        .map(Intervention::id).toList());
        assertEquals(EifRating.LEVEL_4_PLUS, catalogue.find("family_nurse_partnership").orElseThrow().eif()
                .orElseThrow().rating());
        assertTrue(catalogue.omissions().stream().anyMatch(o -> o.note().contains("not a specific programme")));
    }

    @Test
    void interventions_rareJewelsFormats() {
        InterventionCatalogue catalogue = InterventionCatalogue.builtIn();
        Intervention www = catalogue.find("watch_wait_and_wonder").orElseThrow();
        assertTrue(www.format().sessionsMin().isEmpty(), "an 'at most' figure only");
        assertEquals(18, www.format().sessionsMax().getAsInt());
        assertEquals(Intervention.Frequency.WEEKLY, www.format().frequency().orElseThrow());
        assertEquals(Set.of(Intervention.Mode.INDIVIDUAL, Intervention.Mode.GROUP), www.modes());
        assertEquals(EifRating.LEVEL_2_PLUS, www.eif().orElseThrow().rating());
        Intervention cos = catalogue.find("circle_of_security").orElseThrow();
        assertEquals(20, cos.format().sessionsMin().getAsInt());
        assertEquals(20, cos.format().sessionsMax().getAsInt());
        assertEquals("conception to 5 years", cos.ageRange().orElseThrow());
        Intervention cosp = catalogue.find("circle_of_security_parenting").orElseThrow();
        assertEquals(8, cosp.format().sessionsMin().getAsInt());
        assertEquals(10, cosp.format().sessionsMax().getAsInt());
        assertEquals(EifRating.LEVEL_2_PLUS, cosp.eif().orElseThrow().rating());
        Intervention vipp = catalogue.find("vipp_sd").orElseThrow();
        assertEquals(120, vipp.format().sessionMinutes().getAsInt());
        assertEquals(Set.of(Intervention.Mode.HOME_VISITING), vipp.modes());
        Intervention ipip = catalogue.find("infant_parent_psychotherapy").orElseThrow();
        assertEquals(60, ipip.format().sessionMinutes().getAsInt());
        assertEquals(Intervention.Frequency.WEEKLY, ipip.format().frequency().orElseThrow());
        assertEquals(EifRating.LEVEL_3_PLUS, ipip.eif().orElseThrow().rating());
        assertTrue(catalogue.interventions().stream().filter(i -> i.eif().isPresent())
                .allMatch(i -> !i.eif().orElseThrow().source().citation().isBlank()));
    }

    @Test
    void teamDefinition_rareJewelsCharacteristicsAndExclusions_linkedToCriteria() {
        TeamDefinition definition = TeamDefinition.builtIn();
        assertEquals(7, definition.characteristics().size());
        assertEquals(6, definition.exclusions().size());
        assertEquals(List.of("relationship_focus", "accepts_conception_or_birth_to_two"), definition.characteristics()
                .stream().filter(c -> !c.isEvaluated()).map(TeamDefinition.Characteristic::id).toList(),
                "documented, not evaluated: a TeamProfile does not record them");
        java.util.EnumSet<TeamCriterion> covered = java.util.EnumSet.noneOf(TeamCriterion.class);
        definition.characteristics().forEach(c -> covered.addAll(c.evaluatedBy()));
        java.util.EnumSet<TeamCriterion> expected = java.util.EnumSet.allOf(TeamCriterion.class);
        expected.remove(TeamCriterion.PRIMARY_FUNCTION);
        assertEquals(expected, covered, "every criterion but primary function operationalises a characteristic");
        assertTrue(definition.exclusions().stream().anyMatch(e -> e.relatesTo().contains(TeamCriterion.PRIMARY_FUNCTION)),
                "primary function comes from the exclusions");
        definition.characteristics().forEach(c -> assertTrue(c.source().citation().contains("Rare Jewels"), c.id()));
        definition.exclusions().forEach(e -> assertTrue(e.source().citation().contains("Rare Jewels"), e.id()));
    }

    @Test
    void exclusionsFor_singleInterventionTeamInsidePerinatalService_namesThePublishedReasons() {
        TeamProfile embedded = new TeamProfile(TEAM, EnumSet.allOf(TeamActivity.class), Set.of(
                "circle_of_security_parenting"), ReferralBasis.PARENT_MENTAL_ILLNESS, ServiceFunction.SECONDARY);
        TeamDefinition definition = TeamDefinition.builtIn();
        List<String> reasons = definition.exclusionsFor(definition.evaluate(embedded)).stream()
                .map(TeamDefinition.Exclusion::id).toList();
        assertEquals(List.of("not_a_multidisciplinary_team", "single_intervention",
                "not_commissioned_for_parent_infant_work", "inside_perinatal_mental_health_team"), reasons);
        assertTrue(definition.exclusionsFor(definition.evaluate(specialised())).isEmpty());
    }

    @Test
    void teamDefinition_unknownCriterionInCharacteristic_namesField() {
        String json = "{\"format\":\"" + TeamDefinition.FORMAT + "\",\"version\":\"1\",\"criteria\":[],"
                + "\"characteristics\":[{\"id\":\"x\",\"statement\":\"s\",\"evaluatedBy\":[\"nope\"],"
                + "\"source\":\"s\"}]}";
        DefinitionException e = assertThrows(DefinitionException.class, () -> TeamDefinition.read(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "t.json"));
        assertEquals("characteristics[0].evaluatedBy", e.field(), e.getMessage());
    }

    @Test
    void interventionFormat_maximumAlone_isAccepted_minimumAboveMaximum_isNot() {
        assertEquals(18, new Intervention.Format(java.util.OptionalInt.empty(), java.util.OptionalInt.of(18),
                java.util.OptionalInt.empty(), java.util.OptionalInt.empty(), java.util.Optional.empty(),
                java.util.OptionalInt.empty()).sessionsMax().getAsInt());
        assertThrows(IllegalArgumentException.class, () -> new Intervention.Format(java.util.OptionalInt.of(0),
                java.util.OptionalInt.empty(), java.util.OptionalInt.empty(), java.util.OptionalInt.empty(),
                java.util.Optional.empty(), java.util.OptionalInt.empty()));
    }

    @Test
    void interventionFormat_minAboveMax_isRejected() {
        String json = "{\"format\":\"" + InterventionCatalogue.FORMAT + "\",\"version\":\"1\",\"interventions\":[{"
                + "\"id\":\"x\",\"name\":\"X\",\"description\":\"d\",\"modes\":[\"group\"],\"source\":\"s\","
                + "\"format\":{\"weeksMin\":10,\"weeksMax\":8}}]}";
        DefinitionException e = assertThrows(DefinitionException.class, () -> InterventionCatalogue.read(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "t.json"));
        assertEquals("interventions[0].format", e.field());
    }
}
