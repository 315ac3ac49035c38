package org.imhmeasures.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
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
    void staffingModels_builtIn_shipsNoUnconfirmedModel() {
        assertTrue(StaffingModels.builtIn().models().isEmpty());
        assertTrue(StaffingModels.builtIn().omissions().get(0).note().contains("7.33"));
    }

    private static StaffingModel gm() throws Exception {
        try (InputStream in = ServiceTest.class.getResourceAsStream("gm-staffing-fixture.json")) {
            return StaffingModels.read(in, "gm-staffing-fixture.json").models().get(0);
        }
    }

    @Test
    void staffingModel_scalesByPopulationAndBirths_andComparesWithEstablishment() throws Exception {
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
    void interventions_formatFactsOnlyWhereSourced_andEifOnlyForFnp() {
        InterventionCatalogue catalogue = InterventionCatalogue.builtIn();
        Intervention cosp = catalogue.find("circle_of_security_parenting").orElseThrow();
        assertEquals(8, cosp.format().weeksMin().getAsInt());
        assertEquals(10, cosp.format().weeksMax().getAsInt());
        assertEquals(90, cosp.format().sessionMinutes().getAsInt());
        assertEquals(14, catalogue.find("mellow_babies").orElseThrow().format().weeksMax().getAsInt());
        assertTrue(catalogue.find("watch_wait_and_wonder").orElseThrow().format().sessionsMax().isEmpty());
        assertTrue(catalogue.find("parent_infant_psychotherapy").orElseThrow().format().weeksMin().isEmpty());
        assertEquals(List.of("family_nurse_partnership"), catalogue.interventions().stream().filter(i -> i.eif()
                .isPresent()).map(Intervention::id).toList());
        assertEquals(EifRating.LEVEL_4_PLUS, catalogue.find("family_nurse_partnership").orElseThrow().eif()
                .orElseThrow().rating());
        assertTrue(catalogue.omissions().stream().anyMatch(o -> o.note().contains("18 weekly")));
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
