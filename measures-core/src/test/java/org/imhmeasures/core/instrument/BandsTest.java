/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BandsTest {

    private static final Source SOURCE = Source.of("test");

    private static final Bands PHQ9_LIKE = Bands.of(SOURCE, List.of(Band.of("minimal", 0, 4), Band.of("mild", 5, 9),
            Band.of("moderate", 10, 14)));

    private static Optional<String> label(Bands bands, String score) {
        return bands.classify(new BigDecimal(score)).map(Band::label);
    }

    @Test
    void classify_wholeNumberEdges_inclusiveBothEnds() {
        assertEquals(Optional.of("minimal"), label(PHQ9_LIKE, "0"));
        assertEquals(Optional.of("minimal"), label(PHQ9_LIKE, "4"));
        assertEquals(Optional.of("mild"), label(PHQ9_LIKE, "5"));
        assertEquals(Optional.of("mild"), label(PHQ9_LIKE, "9"));
        assertEquals(Optional.of("moderate"), label(PHQ9_LIKE, "10"));
        assertEquals(Optional.of("moderate"), label(PHQ9_LIKE, "14"));
    }

    @Test
    void classify_proratedValueBetweenBands_staysInBandReached() {
        assertEquals(Optional.of("minimal"), label(PHQ9_LIKE, "4.99"));
        assertEquals(Optional.of("mild"), label(PHQ9_LIKE, "9.6"));
    }

    @Test
    void classify_outsideAllBands_isEmpty() {
        assertEquals(Optional.empty(), label(PHQ9_LIKE, "-1"));
        assertEquals(Optional.empty(), label(PHQ9_LIKE, "14.5"));
    }

    @Test
    void classify_partialCoverage_leavesUnconfirmedRangeEmpty() {
        Bands upperOnly = Bands.of(SOURCE, List.of(Band.of("significantly perturbed", 61, 70),
                Band.of("perturbed", 71, 80)));
        assertEquals(Optional.empty(), label(upperOnly, "60"));
        assertEquals(Optional.of("significantly perturbed"), label(upperOnly, "61"));
        assertEquals(Optional.of("perturbed"), label(upperOnly, "80"));
        assertEquals(Optional.empty(), label(upperOnly, "81"));
    }

    @Test
    void status_partialCoverage_saysWhichSideOfTheConfirmedBands() {
        Bands gapped = Bands.of(SOURCE, List.of(Band.of("significantly perturbed", 61, 70),
                Band.of("adapted", 81, 90)));
        assertEquals(BandStatus.BELOW_CONFIRMED_BANDS, gapped.status(new BigDecimal("1")));
        assertEquals(BandStatus.BELOW_CONFIRMED_BANDS, gapped.status(new BigDecimal("60")));
        assertEquals(BandStatus.BELOW_CONFIRMED_BANDS, gapped.status(new BigDecimal("60.99")));
        assertEquals(BandStatus.IN_BAND, gapped.status(new BigDecimal("61")));
        assertEquals(BandStatus.IN_BAND, gapped.status(new BigDecimal("70")));
        assertEquals(BandStatus.BETWEEN_CONFIRMED_BANDS, gapped.status(new BigDecimal("75")));
        assertEquals(BandStatus.IN_BAND, gapped.status(new BigDecimal("90")));
        assertEquals(BandStatus.ABOVE_CONFIRMED_BANDS, gapped.status(new BigDecimal("90.5")));
        assertTrue(BandStatus.BELOW_CONFIRMED_BANDS.outsideConfirmedBands());
        assertTrue(BandStatus.BETWEEN_CONFIRMED_BANDS.outsideConfirmedBands());
        assertTrue(!BandStatus.IN_BAND.outsideConfirmedBands() && !BandStatus.NO_BANDS.outsideConfirmedBands());
    }

    @Test
    void status_noBands_isNoBands_andStatusAgreesWithClassify() {
        assertEquals(BandStatus.NO_BANDS, Bands.none().status(BigDecimal.TEN));
        for (int score = -2; score <= 16; score++) {
            BigDecimal value = BigDecimal.valueOf(score);
            assertEquals(PHQ9_LIKE.classify(value).isPresent(), PHQ9_LIKE.status(value) == BandStatus.IN_BAND,
                    "score " + score);
        }
        assertEquals(BandStatus.BELOW_CONFIRMED_BANDS, PHQ9_LIKE.status(new BigDecimal("-1")));
        assertEquals(BandStatus.ABOVE_CONFIRMED_BANDS, PHQ9_LIKE.status(new BigDecimal("14.5")));
    }

    @Test
    void classify_decimalBands_kipsStyle() {
        Bands kips = Bands.of(SOURCE, List.of(new Band("low", new BigDecimal("1.0"), new BigDecimal("2.9")),
                new Band("moderate", new BigDecimal("3.0"), new BigDecimal("3.9")),
                new Band("high", new BigDecimal("4.0"), new BigDecimal("5.0"))));
        assertEquals(Optional.of("low"), label(kips, "2.95"));
        assertEquals(Optional.of("moderate"), label(kips, "3.00"));
        assertEquals(Optional.of("moderate"), label(kips, "3.99"));
        assertEquals(Optional.of("high"), label(kips, "5"));
    }

    @Test
    void of_overlap_throwsWithRule() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Bands.of(SOURCE, List.of(Band.of("a", 0, 5), Band.of("b", 5, 9))));
        assertEquals("band b must start above the end of band a: 5 <= 5", e.getMessage());
    }

    @Test
    void new_bandsWithoutSource_throws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Bands(List.of(Band.of("a", 0, 5)), Optional.empty()));
        assertTrue(e.getMessage().startsWith("bands must have a source"));
    }

    @Test
    void band_equality_normalisesScale() {
        assertEquals(Band.of("a", 1, 2), new Band("a", new BigDecimal("1.00"), new BigDecimal("2.0")));
        assertEquals(ScoreRange.of(0, 10), new ScoreRange(new BigDecimal("0.0"), new BigDecimal("1E+1")));
        assertEquals("0..10", new ScoreRange(new BigDecimal("0.0"), new BigDecimal("1E+1")).toString());
    }
}
