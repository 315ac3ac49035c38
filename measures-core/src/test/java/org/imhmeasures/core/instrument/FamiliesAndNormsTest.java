/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Age-interval families, licensee norms files and derived forms in the built-in catalogue. */
class FamiliesAndNormsTest {

    private static final Catalogue CATALOGUE = Catalogue.builtIn();

    private static LicenseeNorms norms(String json) {
        return LicenseeNorms.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "norms.json");
    }

    private static LicenseeNorms synthetic() throws Exception {
        try (InputStream in = FamiliesAndNormsTest.class.getResourceAsStream("synthetic-norms.json")) {
            return LicenseeNorms.read(in, "synthetic-norms.json");
        }
    }

    @Test
    void asqse2_intervalsAreListedYoungestFirst_withTheConfirmedItemCounts() {
        List<Instrument> intervals = CATALOGUE.intervals("ASQ:SE-2");
        assertEquals(List.of("ASQ:SE-2:2m", "ASQ:SE-2:60m"), intervals.stream().map(Instrument::id).toList());
        assertEquals(16, intervals.get(0).items().size());
        assertEquals(36, intervals.get(1).items().size());
        assertEquals(ScoreRange.of(0, 240), intervals.get(0).totalRange().orElseThrow());
        assertEquals(ScoreRange.of(0, 540), intervals.get(1).totalRange().orElseThrow());
        assertEquals("ASQ:SE-2:60m", CATALOGUE.interval("ASQ:SE-2", 60).orElseThrow().id());
        // unconfirmed item counts: not shipped, and the lookup says so rather than picking a neighbour
        assertEquals(Optional.empty(), CATALOGUE.interval("ASQ:SE-2", 24));
        assertTrue(CATALOGUE.intervals("NO-SUCH-FAMILY").isEmpty());
    }

    @Test
    void asqse2_shipsNoCutoff_andDeclaresThatALicenseeSuppliesIt() {
        for (Instrument asq : CATALOGUE.intervals("ASQ:SE-2")) {
            assertTrue(asq.caseness().isEmpty(), asq.id());
            assertTrue(asq.bands().isEmpty(), asq.id());
            assertTrue(asq.licenseeCutoff().isPresent(), asq.id());
            assertEquals(Licence.WordingPolicy.MUST_NOT_SHIP, asq.licence().wording());
            assertTrue(asq.omissions().stream().anyMatch(o -> o.field().equals("caseness")), asq.id());
            assertTrue(asq.omissions().stream().anyMatch(o -> o.field().equals("age window")), asq.id());
            assertEquals(new MissingItemRule.Unadjusted(2, asq.missingItems().sourceIfAny().orElseThrow()),
                    asq.missingItems());
        }
    }

    @Test
    void licenseeNorms_supplyTheCutoffAndBands_ofTheNamedInterval() throws Exception {
        Catalogue withNorms = CATALOGUE.withNorms(synthetic());
        Instrument two = withNorms.get("ASQ:SE-2:2m");
        assertEquals(0, new BigDecimal(100).compareTo(two.caseness().orElseThrow().threshold()));
        assertEquals("synthetic zone", two.bands().bands().get(0).label());
        assertTrue(two.licenseeCutoff().isPresent());
        // an interval the file does not name keeps no cut-off
        assertTrue(withNorms.get("ASQ:SE-2:60m").caseness().isEmpty());
        assertEquals(List.of("ASQ:SE-2:2m"), synthetic().instrumentIds());
    }

    @Test
    void licenseeNorms_neverReplaceAPublishedCutoff() {
        LicenseeNorms phq9 = norms("{\"format\":\"imh-measures/norms@1\",\"source\":\"x\",\"instruments\":{\"PHQ-9\":"
                + "{\"caseness\":{\"threshold\":12,\"comparison\":\"at_least\",\"meaning\":\"m\",\"source\":\"s\"}}}}");
        DefinitionException e = assertThrows(DefinitionException.class, () -> CATALOGUE.withNorms(phq9));
        assertTrue(e.getMessage().contains("takes one"), e.getMessage());
    }

    @Test
    void licenseeNorms_refuseBadFiles_withTheirLocation() {
        String outOfRange = "{\"format\":\"imh-measures/norms@1\",\"source\":\"x\",\"instruments\":{\"ASQ:SE-2:2m\":"
                + "{\"caseness\":{\"threshold\":999,\"comparison\":\"at_least\",\"meaning\":\"m\",\"source\":\"s\"}}}}";
        DefinitionException range = assertThrows(DefinitionException.class, () -> CATALOGUE.withNorms(norms(outOfRange)));
        assertTrue(range.getMessage().contains("0..240"), range.getMessage());
        assertThrows(DefinitionException.class, () -> norms("{\"format\":\"imh-measures/norms@2\",\"source\":\"x\","
                + "\"instruments\":{}}"));
        assertThrows(DefinitionException.class, () -> norms("{\"format\":\"imh-measures/norms@1\",\"source\":\"x\","
                + "\"instruments\":{\"ASQ:SE-2:2m\":{}}}"));
        assertThrows(DefinitionException.class, () -> norms("{\"format\":\"imh-measures/norms@1\",\"source\":\"x\","
                + "\"instruments\":{}}"));
        String unknown = "{\"format\":\"imh-measures/norms@1\",\"source\":\"x\",\"instruments\":{\"ASQ:SE-2:24m\":"
                + "{\"bands\":{\"source\":\"s\",\"bands\":[{\"label\":\"z\",\"from\":1,\"to\":2}]}}}}";
        DefinitionException missing = assertThrows(DefinitionException.class, () -> CATALOGUE.withNorms(norms(unknown)));
        assertTrue(missing.getMessage().contains("instruments.ASQ:SE-2:24m"), missing.getMessage());
    }

    @Test
    void twoItemScreens_areDerivedFromTheFirstTwoItemsOfTheirParent() {
        assertEquals(List.of("PHQ-2"), CATALOGUE.derivedForms("PHQ-9").stream().map(Instrument::id).toList());
        assertEquals(List.of("GAD-2"), CATALOGUE.derivedForms("GAD-7").stream().map(Instrument::id).toList());
        assertEquals(Map.of("phq2_1", "phq9_1", "phq2_2", "phq9_2"),
                CATALOGUE.get("PHQ-2").derivedFrom().orElseThrow().items());
        // same options and scores as the parent's items, and the wording copied verbatim
        for (String[] pair : new String[][] {{"PHQ-2", "PHQ-9"}, {"GAD-2", "GAD-7"}}) {
            Instrument screen = CATALOGUE.get(pair[0]);
            Instrument parent = CATALOGUE.get(pair[1]);
            screen.derivedFrom().orElseThrow().items().forEach((own, from) -> {
                Item mine = screen.item(own).orElseThrow();
                Item theirs = parent.item(from).orElseThrow();
                assertEquals(theirs.scale(), mine.scale(), own);
                assertEquals(theirs.wording(), mine.wording(), own);
            });
        }
        assertTrue(CATALOGUE.derivedForms("EPDS").isEmpty());
    }

    @Test
    void derivedForm_mustMapEveryItemInOrder() {
        Instrument phq2 = CATALOGUE.get("PHQ-2");
        DerivedForm partial = new DerivedForm("PHQ-9", Map.of("phq2_1", "phq9_1"), Source.of("s"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Instrument(phq2.id(),
                phq2.definitionVersion(), phq2.name(), phq2.respondent(), phq2.recallPeriod(), phq2.appliesTo(),
                phq2.items(), phq2.itemScoring(), phq2.subscales(), phq2.scoring(), phq2.missingItems(),
                phq2.totalRange(), phq2.direction(), phq2.bands(), phq2.caseness(), phq2.reliableChange(),
                phq2.norms(), phq2.codes(), phq2.licence(), phq2.omissions(), Optional.of(partial), Optional.empty(),
                Optional.empty()));
        assertTrue(e.getMessage().contains("derived-from items"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DerivedForm("PHQ-9",
                Map.of("a", "phq9_1", "b", "phq9_1"), Source.of("s")));
    }

    @Test
    void wordingSupplement_keepsTheLinks_andLabelsTheLoafLevels() {
        String loafLabels = "{\"format\":\"imh-measures/wording@1\",\"instrument\":\"LOAF\",\"definitionVersion\":"
                + "\"1.0.0\",\"items\":[{\"id\":\"loaf_1\",\"options\":{\"1\":\"licensee label one\"}}]}";
        Catalogue labelled = CATALOGUE.withWording(new ByteArrayInputStream(loafLabels.getBytes(StandardCharsets.UTF_8)),
                "loaf-wording.json");
        ResponseScale.Options levels = (ResponseScale.Options) labelled.get("LOAF").item("loaf_1").orElseThrow().scale();
        assertEquals(Optional.of("licensee label one"), levels.options().get(0).label());
        String asqWording = "{\"format\":\"imh-measures/wording@1\",\"instrument\":\"ASQ:SE-2:2m\","
                + "\"definitionVersion\":\"1.0.0\",\"items\":[{\"id\":\"asqse22m_1\",\"wording\":\"licensee text\"}]}";
        Instrument asq = CATALOGUE.withWording(new ByteArrayInputStream(asqWording.getBytes(StandardCharsets.UTF_8)),
                "asq-wording.json").get("ASQ:SE-2:2m");
        assertEquals(CATALOGUE.get("ASQ:SE-2:2m").ageInterval(), asq.ageInterval());
        assertTrue(asq.licenseeCutoff().isPresent());
        String phq2Wording = "{\"format\":\"imh-measures/wording@1\",\"instrument\":\"PHQ-2\","
                + "\"definitionVersion\":\"1.0.0\",\"items\":[{\"id\":\"phq2_1\",\"wording\":\"translated\"}]}";
        assertEquals(CATALOGUE.get("PHQ-2").derivedFrom(), CATALOGUE.withWording(new ByteArrayInputStream(
                phq2Wording.getBytes(StandardCharsets.UTF_8)), "phq2.json").get("PHQ-2").derivedFrom());
    }

    @Test
    void loaf_hasTwoRatings_andNoTotal() {
        Instrument loaf = CATALOGUE.get("LOAF");
        assertFalse(loaf.reportsTotal());
        assertEquals(List.of("caregiving_relationship", "caregiving_environment"),
                loaf.subscales().stream().map(Subscale::id).toList());
        for (Subscale rating : loaf.subscales()) {
            assertEquals(1, rating.itemIds().size());
            assertEquals(ScoreRange.of(1, 4), rating.range());
        }
        assertTrue(loaf.omissions().stream().anyMatch(o -> o.field().equals("level labels")));
    }
}
