/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imhmeasures.core.instrument.Codes;
import org.imhmeasures.core.instrument.DefinitionException;
import org.junit.jupiter.api.Test;

class RiskTaxonomyTest {

    private final RiskTaxonomy taxonomy = RiskTaxonomy.builtIn();

    @Test
    void builtIn_everyAreaHasFactors_andEveryFactorHasASource() {
        for (RiskArea area : RiskArea.values()) {
            assertFalse(taxonomy.factorsIn(area).isEmpty(), area.name());
        }
        assertEquals(17, taxonomy.factors().size());
        taxonomy.factors().forEach(f -> assertFalse(f.source().citation().isBlank()));
        assertEquals(RiskArea.CHILD_BIOLOGICAL_VULNERABILITY, taxonomy.factor("prematurity").orElseThrow().area());
        assertEquals(RiskFactor.AreaBasis.STATED_BY_SOURCE, taxonomy.factor("genetic_condition").orElseThrow()
                .areaBasis());
        assertEquals(RiskFactor.AreaBasis.LIBRARY_ASSIGNED, taxonomy.factor("poverty").orElseThrow().areaBasis());
    }

    @Test
    void builtIn_shipsOnlySnomedIdsSeenOnATerminologyBrowser() {
        Set<String> shipped = new java.util.TreeSet<>();
        taxonomy.factors().forEach(f -> f.snomed().forEach(c -> shipped.add(c.id())));
        assertEquals(Set.of("1258898000", "58703003", "288371000119106", "66214007"), shipped);
        assertTrue(taxonomy.factor("domestic_abuse").orElseThrow().snomed().isEmpty());
        assertTrue(taxonomy.omissions().stream().anyMatch(o -> o.note().contains("706893006")));
    }

    @Test
    void builtIn_referralReasonsIncludePerinatalAndAttachmentCodes() {
        assertEquals("Attachment difficulties", taxonomy.referralReason("21").orElseThrow().label());
        assertEquals("Perinatal mental health issues", taxonomy.referralReason("13").orElseThrow().label());
        assertEquals("Relationship difficulties", taxonomy.referralReason("19").orElseThrow().label());
        assertTrue(taxonomy.referralReason("17").isEmpty());
    }

    @Test
    void profile_countsPerAreaIncludeZeros_andDuplicatesCountOnce() {
        RiskProfile profile = RiskProfile.of(taxonomy, List.of("poverty", "single_parent", "prematurity",
                "poverty"));
        Map<RiskArea, Integer> counts = profile.countsByArea();
        assertEquals(2, counts.get(RiskArea.SOCIODEMOGRAPHIC));
        assertEquals(1, counts.get(RiskArea.CHILD_BIOLOGICAL_VULNERABILITY));
        assertEquals(0, counts.get(RiskArea.PARENT_INFANT_INTERACTION));
        assertEquals(4, counts.size());
        assertTrue(profile.has("prematurity"));
        assertFalse(profile.has("disability"));
        assertEquals(3, profile.withParentAces(EnumSet.of(AdverseChildhoodExperience.PHYSICAL_ABUSE,
                AdverseChildhoodExperience.EMOTIONAL_NEGLECT, AdverseChildhoodExperience.HOUSEHOLD_MENTAL_ILLNESS))
                .aceCount());
        assertThrows(IllegalArgumentException.class, () -> RiskProfile.of(taxonomy, List.of("unknown_factor")));
    }

    @Test
    void aces_areTenInThreeGroups() {
        assertEquals(10, AdverseChildhoodExperience.values().length);
        assertEquals(3, java.util.Arrays.stream(AdverseChildhoodExperience.values()).filter(a -> a
                .group() == AdverseChildhoodExperience.Group.ABUSE).count());
        assertEquals(2, java.util.Arrays.stream(AdverseChildhoodExperience.values()).filter(a -> a
                .group() == AdverseChildhoodExperience.Group.NEGLECT).count());
    }

    @Test
    void read_badDocuments_failWithLocatedMessage() {
        String head = "{\"format\":\"" + RiskTaxonomy.FORMAT + "\",\"version\":\"1\",\"snomedLicenceNote\":\""
                + Codes.SNOMED_LICENCE_NOTE + "\",";
        DefinitionException unknownArea = assertThrows(DefinitionException.class, () -> read(head
                + "\"factors\":[{\"id\":\"x\",\"label\":\"X\",\"area\":\"nowhere\",\"areaBasis\":\"library_assigned\","
                + "\"source\":\"s\"}]}"));
        assertEquals("factors[0].area", unknownArea.field());
        DefinitionException duplicate = assertThrows(DefinitionException.class, () -> read(head
                + "\"factors\":[" + factor("x") + "," + factor("x") + "]}"));
        assertTrue(duplicate.getMessage().contains("unique"), duplicate.getMessage());
        DefinitionException extra = assertThrows(DefinitionException.class, () -> read(head + "\"extra\":1}"));
        assertEquals("extra", extra.field());
        DefinitionException note = assertThrows(DefinitionException.class, () -> read(head.replace(
                Codes.SNOMED_LICENCE_NOTE, "free to use") + "\"factors\":[]}"));
        assertEquals("snomedLicenceNote", note.field());
        assertEquals(1, read(head + "\"factors\":[" + factor("y") + "]}").factors().size());
    }

    private static String factor(String id) {
        return "{\"id\":\"" + id + "\",\"label\":\"X\",\"area\":\"sociodemographic\",\"areaBasis\":"
                + "\"library_assigned\",\"source\":\"s\"}";
    }

    private static RiskTaxonomy read(String json) {
        return RiskTaxonomy.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }
}
