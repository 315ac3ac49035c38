/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The catalogue round 2 (issue 13): audit fixes and the instruments added with them. */
class CatalogueRoundTwoTest {

    private static Instrument get(String id) {
        return Catalogue.builtIn().get(id);
    }

    // --- screens that are the first items of a longer form ------------------------------------

    @ParameterizedTest
    @CsvSource({"PHQ-2, PHQ-9", "GAD-2, GAD-7"})
    void twoItemScreen_isItsParentsFirstTwoItems_verbatim(String screenId, String parentId) {
        Instrument screen = get(screenId);
        Instrument parent = get(parentId);
        assertEquals(2, screen.items().size());
        for (int i = 0; i < 2; i++) {
            Item item = screen.items().get(i);
            Item original = parent.items().get(i);
            assertEquals(original.wording(), item.wording(), item.id() + " wording = " + original.id());
            assertEquals(original.scale(), item.scale(), item.id() + " options, scores and labels = " + original.id());
            assertEquals(parent.codes().loincItems().get(original.id()), screen.codes().loincItems().get(item.id()),
                    item.id() + " LOINC item code");
        }
        assertEquals(parent.licence().kind(), screen.licence().kind());
        assertEquals(parent.recallPeriod(), screen.recallPeriod());
    }

    @Test
    void perinatalScreens_positiveScreenCutoffs_asPublished() {
        assertCutoff(get("PHQ-2"), "3");
        assertCutoff(get("GAD-2"), "3");
        assertCutoff(get("WHOOLEY"), "1");
        assertTrue(get("WHOOLEY").caseness().orElseThrow().meaning().contains("either question"));
        assertTrue(get("GAD-2").omissions().stream().anyMatch(o -> o.note().contains("NICE CG192")));
        assertTrue(get("WHOOLEY").caseness().orElseThrow().source().citation().contains("NICE CG192"));
    }

    private static void assertCutoff(Instrument instrument, String threshold) {
        Cutoff cutoff = instrument.caseness().orElseThrow();
        assertEquals(0, new BigDecimal(threshold).compareTo(cutoff.threshold()), instrument.id());
        assertEquals(Cutoff.Comparison.AT_LEAST, cutoff.comparison(), instrument.id());
    }

    @Test
    void whooley_codesAreTheAnswers_andNoWordingShips() {
        Instrument whooley = get("WHOOLEY");
        for (Item item : whooley.items()) {
            ResponseScale.ScoredScale scale = item.scoredScale().orElseThrow();
            assertEquals(0, scale.scoreOf("no").orElseThrow());
            assertEquals(1, scale.scoreOf("yes").orElseThrow());
            assertTrue(scale.scoreOf("1").isEmpty(), "numbers are not Whooley answers");
            assertTrue(item.wording().isEmpty());
        }
        assertEquals(Licence.WordingPolicy.MUST_NOT_SHIP, whooley.licence().wording());
    }

    // --- infant and relationship measures ------------------------------------------------------

    @Test
    void adbbFamily_ratingsSumsAndCutoffs() {
        Instrument adbb = get("ADBB");
        assertEquals(8, adbb.items().size());
        assertTrue(adbb.items().stream().allMatch(i -> i.scale().equals(new ResponseScale.Rating(0, 4))));
        assertEquals(ScoreRange.of(0, 32), adbb.totalRange().orElseThrow());
        assertCutoff(adbb, "5");
        Instrument madbb = get("M-ADBB");
        assertEquals(5, madbb.items().size());
        assertTrue(madbb.items().stream().allMatch(i -> i.scale().equals(new ResponseScale.Rating(0, 2))));
        assertEquals(ScoreRange.of(0, 10), madbb.totalRange().orElseThrow());
        assertCutoff(madbb, "2");
        for (Instrument instrument : List.of(adbb, madbb)) {
            assertEquals(Respondent.CLINICIAN_RATED, instrument.respondent());
            assertEquals(Licence.WordingPolicy.MUST_NOT_SHIP, instrument.licence().wording());
            assertEquals(Direction.HIGHER_IS_WORSE, instrument.direction());
        }
    }

    @Test
    void maas_reversePrintedItems_scoreFiveForTheTopBox() {
        Instrument maas = get("MAAS");
        Set<Integer> highFirst = Set.of(1, 3, 5, 6, 7, 9, 10, 12, 15, 16, 18);
        for (Item item : maas.items()) {
            int expectedTop = highFirst.contains(item.position()) ? 5 : 1;
            assertEquals(expectedTop, item.scoredScale().orElseThrow().scoreOf("0").orElseThrow(), item.id());
            assertEquals(6 - expectedTop, item.scoredScale().orElseThrow().scoreOf("4").orElseThrow(), item.id());
        }
        assertEquals(ScoreRange.of(19, 95), maas.totalRange().orElseThrow());
        assertTrue(maas.subscales().isEmpty(), "subscale membership is in conflict and not shipped");
        assertTrue(maas.omissions().stream().anyMatch(o -> o.field().equals("subscales")));
        assertEquals(Licence.WordingPolicy.MAY_SHIP, maas.licence().wording());
        assertTrue(maas.items().stream().allMatch(i -> i.wording().isEmpty()), "no verified verbatim copy held");
    }

    // --- audit fixes ---------------------------------------------------------------------------

    @Test
    void gad7_zeroToFour_isMinimal_asOnThePublishersForm() {
        Bands bands = get("GAD-7").bands();
        assertEquals("minimal", bands.classify(BigDecimal.ZERO).orElseThrow().label());
        assertEquals("minimal", bands.classify(BigDecimal.valueOf(4)).orElseThrow().label());
        assertEquals("mild", bands.classify(BigDecimal.valueOf(5)).orElseThrow().label());
        assertTrue(bands.source().orElseThrow().citation().contains("No anxiety"), "alternatives are noted");
        assertEquals("1.1.0", get("GAD-7").definitionVersion(), "a clinical number changed");
    }

    @Test
    void hads_snomedPerSubscale_noInstrumentLevelConcept_andHolder() {
        Instrument hads = get("HADS");
        assertTrue(hads.codes().snomedScore().isEmpty());
        assertEquals(List.of("401319005", "401320004"), hads.subscales().stream()
                .map(s -> s.codes().snomedScore().orElseThrow().id()).collect(Collectors.toList()));
        assertTrue(hads.subscales().get(0).codes().snomedScore().orElseThrow().term().orElseThrow()
                .contains("anxiety score"));
        assertTrue(hads.licence().holder().startsWith("GL Assessment"));
        assertTrue(hads.omissions().stream().anyMatch(o -> o.note().contains("Bell et al. (2016)")),
                "the published prorating rule is recorded as left out");
    }

    @Test
    void subscaleCodes_mustBeScoreCodes() {
        DefinitionException e = assertThrows(DefinitionException.class, () -> DefinitionFixtures.readEdited(
                "hads.json", tree -> ((ObjectNode) tree.get("subscales").get(0).get("codes")).putObject("loincItems")
                        .put("hads_1", "12345-6")));
        assertEquals("subscales[0].codes.loincItems", e.field(), e.getMessage());
        Subscale plain = get("PBQ").subscales().get(0);
        assertEquals(Codes.none(), plain.codes(), "subscales without codes carry none");
    }

    @Test
    void wellbeingScales_snomedTerms_andSwemwbsItemsAreWemwbsItems() {
        assertEquals("Warwick-Edinburgh Mental Well-being Scale score",
                get("WEMWBS").codes().snomedScore().orElseThrow().term().orElseThrow());
        assertEquals("Short Warwick-Edinburgh Mental Well-being Scale score",
                get("SWEMWBS").codes().snomedScore().orElseThrow().term().orElseThrow());
        assertTrue(get("SWEMWBS").itemScoring().citation().contains("WEMWBS items 1, 2, 3, 6, 7, 9 and 11"));
        assertFalse(get("SWEMWBS").omissions().stream().anyMatch(o -> o.field().contains("snomedScore.term")));
    }

    @Test
    void kpcs_holderIsTheManualPublisher() {
        assertTrue(get("KPCS").licence().holder().contains("Sydney South West Area Health Service"));
    }

    @Test
    void core10_optionLabels_stillLeftOut_withTheReason() {
        Instrument core10 = get("CORE-10");
        assertTrue(core10.items().stream().allMatch(i -> ((ResponseScale.Options) i.scale()).options().stream()
                .allMatch(o -> o.label().isEmpty())));
        assertTrue(core10.omissions().stream().anyMatch(o -> o.field().equals("option labels")
                && o.note().contains("wording supplement")));
    }

    /**
     * A cut-off meaning describes the case; the FHIR mapping and other readers put "case: " or "not a case: "
     * before it, so a meaning that starts with "case" reads doubled ("case: case: ...").
     */
    @Test
    void cutoffMeanings_neverStartWithCase() {
        for (Instrument instrument : Catalogue.builtIn().instruments()) {
            List<Cutoff> cutoffs = new ArrayList<>();
            instrument.caseness().ifPresent(cutoffs::add);
            instrument.subscales().forEach(sub -> sub.cutoff().ifPresent(cutoffs::add));
            for (Cutoff cutoff : cutoffs) {
                String meaning = cutoff.meaning().toLowerCase(Locale.ROOT);
                assertTrue(!meaning.startsWith("case") && !meaning.startsWith("not a case"),
                        instrument.id() + ": " + cutoff.meaning());
            }
        }
    }

    /** HADS: strict by default, with the published half rule (Bell et al. 2016) on each subscale as an opt-in. */
    @Test
    void hads_subscalesCarryTheHalfRule_strictByDefault() {
        Instrument hads = get("HADS");
        assertTrue(hads.missingItems() instanceof MissingItemRule.NoneAllowed);
        for (Subscale subscale : hads.subscales()) {
            SubscaleProrating rule = subscale.prorating().orElseThrow();
            assertEquals(4, rule.minAnswered(), subscale.id());
            assertTrue(rule.source().citation().contains("BMC Res Notes 9:479"), subscale.id());
        }
    }

    /** Per-subscale prorating decides every missing item: every subscale has a rule, and they split the items. */
    @Test
    void subscaleProrating_onOneSubscaleOnly_orAboveItsSize_isRejected() {
        DefinitionException one = assertThrows(DefinitionException.class, () -> DefinitionFixtures.readEdited(
                "hads.json", tree -> ((ObjectNode) tree.get("subscales").get(1)).remove("prorating")));
        assertTrue(one.getMessage().contains("subscale depression must have a prorating rule"), one.getMessage());
        DefinitionException big = assertThrows(DefinitionException.class, () -> DefinitionFixtures.readEdited(
                "hads.json", tree -> ((ObjectNode) tree.get("subscales").get(0).get("prorating"))
                        .put("minAnswered", 8)));
        assertTrue(big.getMessage().contains("must be at most 7: 8"), big.getMessage());
        DefinitionException unknown = assertThrows(DefinitionException.class, () -> DefinitionFixtures.readEdited(
                "hads.json", tree -> ((ObjectNode) tree.get("subscales").get(0).get("prorating"))
                        .put("maxMissing", 3)));
        assertTrue(unknown.field().startsWith("subscales[0].prorating"), unknown.field());
    }
}
