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
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CatalogueTest {

    /** Licences under which no item or option text may ship (brief and NOTICE). */
    private static final Set<String> RESTRICTED = Set.of("EPDS", "WEMWBS", "SWEMWBS", "HADS", "KIPS", "PIR-GAS", "ADBB",
            "M-ADBB", "WHOOLEY", "ASQ:SE-2:2m", "ASQ:SE-2:60m", "LOAF", "CORE-OM", "BPSES", "CHI-ESQ");

    static List<Instrument> instruments() {
        return Catalogue.builtIn().instruments();
    }

    @Test
    void builtIn_holdsTheFoundationInstrumentsInOrder() {
        assertEquals(List.of("PHQ-9", "GAD-7", "EPDS", "CORE-10", "WEMWBS", "SWEMWBS", "GBO", "PIR-GAS", "KPCS", "PBQ",
                "HADS", "KIPS", "PHQ-2", "GAD-2", "WHOOLEY", "ADBB", "M-ADBB", "MAAS", "ASQ:SE-2:2m", "ASQ:SE-2:60m",
                "LOAF", "CORE-OM", "BPSES", "FFT", "CHI-ESQ"),
                instruments().stream().map(Instrument::id).collect(Collectors.toList()));
    }

    @Test
    void builtIn_isReadOnce() {
        assertTrue(Catalogue.builtIn() == Catalogue.builtIn());
    }

    @ParameterizedTest
    @MethodSource("instruments")
    void restrictedInstruments_shipNoWordingOrOptionLabels(Instrument instrument) {
        if (!RESTRICTED.contains(instrument.id())) {
            return;
        }
        assertEquals(Licence.WordingPolicy.MUST_NOT_SHIP, instrument.licence().wording(), instrument.id());
        for (Item item : instrument.items()) {
            assertTrue(item.wording().isEmpty(), item.id());
            if (item.scale() instanceof ResponseScale.Options options) {
                assertTrue(options.options().stream().allMatch(o -> o.label().isEmpty()), item.id());
            }
        }
    }

    /** The guard follows the licence, not only the list: no instrument whose wording must not ship carries any. */
    @ParameterizedTest
    @MethodSource("instruments")
    void everyMustNotShipInstrument_shipsNoWordingOrOptionLabels(Instrument instrument) {
        if (instrument.licence().wording() != Licence.WordingPolicy.MUST_NOT_SHIP) {
            return;
        }
        for (Item item : instrument.items()) {
            assertTrue(item.wording().isEmpty(), item.id());
            if (item.scale() instanceof ResponseScale.Options options) {
                assertTrue(options.options().stream().allMatch(o -> o.label().isEmpty()), item.id());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("instruments")
    void everyInstrument_hasSourcesAndLicence(Instrument instrument) {
        assertFalse(instrument.itemScoring().citation().isBlank());
        assertFalse(instrument.scoring().source().citation().isBlank());
        assertFalse(instrument.licence().holder().isBlank());
        instrument.caseness().ifPresent(c -> assertFalse(c.source().citation().isBlank()));
        instrument.reliableChange().forEach(r -> assertFalse(r.source().citation().isBlank()));
        if (!instrument.bands().isEmpty()) {
            assertTrue(instrument.bands().source().isPresent());
        }
    }

    @ParameterizedTest
    @MethodSource("instruments")
    void everyInstrument_recordsWhatItLeavesOutWhenNoRelChangeOrCutoff(Instrument instrument) {
        Set<String> omitted = instrument.omissions().stream().map(Omission::field).collect(Collectors.toSet());
        if (!instrument.scored()) {
            // answers only (FFT, CHI-ESQ): no score at all, so one omission says why there is none
            assertTrue(omitted.contains("score"), instrument.id() + " must say why it has no score");
            return;
        }
        if (instrument.reliableChange().isEmpty()) {
            assertTrue(omitted.stream().anyMatch(f -> f.contains("reliableChange")),
                    instrument.id() + " must say why it has no reliable-change value");
        }
        boolean anyCutoff = instrument.caseness().isPresent()
                || instrument.subscales().stream().anyMatch(s -> s.cutoff().isPresent());
        if (!anyCutoff) {
            assertTrue(omitted.stream().anyMatch(f -> f.contains("caseness")),
                    instrument.id() + " must say why it has no cut-off");
        }
    }

    @Test
    void publicDomainInstruments_shipTheirWording() {
        for (String id : List.of("PHQ-9", "GAD-7", "PHQ-2", "GAD-2")) {
            Instrument instrument = Catalogue.builtIn().get(id);
            assertTrue(instrument.items().stream().allMatch(i -> i.wording().isPresent()), id);
        }
    }

    @Test
    void get_unknownId_throwsListingIds() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Catalogue.builtIn().get("PHQ9"));
        assertTrue(e.getMessage().startsWith("instrument must be one of [PHQ-9, GAD-7"), e.getMessage());
        assertTrue(e.getMessage().endsWith(": PHQ9"), e.getMessage());
    }

    @Test
    void swemwbs_conversionTable_matchesPublishedTableEnds() {
        ScoringRule.ConversionTable table = (ScoringRule.ConversionTable) Catalogue.builtIn().get("SWEMWBS").scoring();
        assertEquals(new BigDecimal("7.00"), table.table().get(7));
        assertEquals(new BigDecimal("26.02"), table.table().get(29));
        assertEquals(new BigDecimal("35.00"), table.table().get(35));
        assertEquals(29, table.table().size());
    }

    @Test
    void snomedCodes_carryTheLicenceNote() {
        assertTrue(Codes.SNOMED_LICENCE_NOTE.contains("licence"));
        assertEquals("720433000", Catalogue.builtIn().get("PHQ-9").codes().snomedScore().orElseThrow().id());
    }

    // --- licensee wording ------------------------------------------------------------------------

    private static Catalogue withWording(String json) {
        return Catalogue.builtIn().withWording(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                "wording.json");
    }

    @Test
    void withWording_licenseeText_isAddedWithoutChangingScores() {
        Catalogue licensed = withWording("{\"format\":\"imh-measures/wording@1\",\"instrument\":\"EPDS\","
                + "\"definitionVersion\":\"" + Catalogue.builtIn().get("EPDS").definitionVersion() + "\","
                + "\"items\":[{\"id\":\"epds_1\",\"wording\":\"(licensed text 1)\",\"options\":{\"0\":\"(a)\",\"3\":\"(d)\"}}]}");
        Instrument epds = licensed.get("EPDS");
        assertEquals("(licensed text 1)", epds.items().get(0).wording().orElseThrow());
        ResponseScale.Options options = (ResponseScale.Options) epds.items().get(0).scale();
        assertEquals("(a)", options.options().get(0).label().orElseThrow());
        assertTrue(options.options().get(1).label().isEmpty());
        assertEquals(Catalogue.builtIn().get("EPDS").items().get(0).scoredScale().orElseThrow().scoreOf("3"), options.scoreOf("3"));
        assertTrue(Catalogue.builtIn().get("EPDS").items().get(0).wording().isEmpty(), "built-in stays untouched");
    }

    @Test
    void withWording_versionMismatch_namesField() {
        DefinitionException e = assertThrows(DefinitionException.class, () -> withWording(
                "{\"format\":\"imh-measures/wording@1\",\"instrument\":\"EPDS\",\"definitionVersion\":\"9.9.9\",\"items\":[]}"));
        assertEquals("definitionVersion", e.field());
    }

    @Test
    void withWording_unknownItemOrCode_namesPath() {
        String version = Catalogue.builtIn().get("EPDS").definitionVersion();
        DefinitionException unknownItem = assertThrows(DefinitionException.class, () -> withWording(
                "{\"format\":\"imh-measures/wording@1\",\"instrument\":\"EPDS\",\"definitionVersion\":\"" + version
                        + "\",\"items\":[{\"id\":\"epds_11\",\"wording\":\"x\"}]}"));
        assertEquals("items[0].id", unknownItem.field());
        DefinitionException unknownCode = assertThrows(DefinitionException.class, () -> withWording(
                "{\"format\":\"imh-measures/wording@1\",\"instrument\":\"EPDS\",\"definitionVersion\":\"" + version
                        + "\",\"items\":[{\"id\":\"epds_2\",\"options\":{\"4\":\"x\"}}]}"));
        assertEquals("items[0].options.4", unknownCode.field());
    }
}
