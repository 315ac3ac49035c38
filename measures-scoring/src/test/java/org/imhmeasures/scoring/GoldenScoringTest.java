/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.imhmeasures.core.instrument.Band;
import org.imhmeasures.core.instrument.BandStatus;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.core.instrument.Item;
import org.imhmeasures.scoring.internal.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Golden cases from golden/*.golden: expected values worked out by hand from the published rules. */
class GoldenScoringTest {

    /** One golden file per catalogue instrument, named by its key ({@code phq9.golden}, {@code madbb.golden}). */
    private static final List<String> FILES = Catalogue.builtIn().instruments().stream().filter(Instrument::scored)
            .map(Instrument::key).collect(Collectors.toList());

    /** The band field of a total below every confirmed band, as the scores CSV prints it. */
    private static final String BELOW = "(below the confirmed bands)";

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        for (String file : FILES) {
            for (String line : lines("golden/" + file + ".golden")) {
                String[] f = line.split("\\|", -1);
                assertEquals(10, f.length, file + ": " + line);
                cases.add(Arguments.of(file + ": " + f[0].strip(), f));
            }
        }
        return cases.stream();
    }

    static List<String> lines(String resource) throws IOException {
        try (InputStream in = GoldenScoringTest.class.getResourceAsStream(resource)) {
            assertTrue(in != null, "missing resource " + resource);
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).collect(Collectors.toList());
        }
    }

    /**
     * Each instrument's file holds only its own cases, with distinct names, and reaches every outcome the
     * definition can report: each band, both sides of the cut-off, and a critical alert where the instrument has
     * a critical item.
     */
    @Test
    void everyCatalogueInstrument_hasAGoldenFileCoveringEveryOutcome() throws IOException {
        // answers-only instruments (FFT, CHI-ESQ) have theirs in AnswersOnlyGoldenTest
        List<Instrument> scored = Catalogue.builtIn().instruments().stream().filter(Instrument::scored).toList();
        assertEquals(scored.size(), FILES.size());
        for (Instrument instrument : scored) {
            List<String[]> cases = lines("golden/" + instrument.key() + ".golden").stream()
                    .map(line -> line.split("\\|", -1)).collect(Collectors.toList());
            assertTrue(cases.size() >= 2, instrument.key() + ": at least two hand-worked cases");
            Set<String> names = new HashSet<>();
            Set<String> bands = new HashSet<>();
            Set<String> caseness = new HashSet<>();
            boolean alert = false;
            for (String[] f : cases) {
                assertEquals(instrument.id(), f[1].strip(), instrument.key() + ": " + f[0]);
                assertTrue(names.add(f[0].strip()), instrument.key() + ": case name repeated: " + f[0]);
                bands.add(f[5].strip());
                caseness.add(f[6].strip());
                alert |= !f[7].strip().isEmpty();
            }
            for (Band band : instrument.bands().bands()) {
                assertTrue(bands.contains(band.label()), instrument.key() + ": no case in band " + band.label());
            }
            // bands confirmed for part of the range only (PIR-GAS 61-100): a case below them must say so
            if (!instrument.bands().isEmpty() && instrument.totalRange().isPresent()
                    && instrument.bands().bands().get(0).from().compareTo(instrument.totalRange().get().min()) > 0) {
                assertTrue(bands.contains(BELOW), instrument.key() + ": no case below the confirmed bands");
            }
            if (instrument.caseness().isPresent()) {
                assertEquals(Set.of("true", "false"), caseness, instrument.key() + ": both sides of the cut-off");
            }
            if (instrument.items().stream().anyMatch(item -> item.critical().isPresent())) {
                assertTrue(alert, instrument.key() + ": a case with a critical alert");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void score_matchesHandWorkedValue(String name, String[] f) {
        Instrument instrument = Catalogue.builtIn().get(f[1].strip());
        assertMatches(name, f, Scorer.of(instrument));
    }

    static Stream<Arguments> hadsProrateCases() throws IOException {
        return lines("golden/hads_prorate.golden").stream().map(line -> line.split("\\|", -1))
                .map(f -> Arguments.of("hads_prorate: " + f[0].strip(), f));
    }

    /** HADS with the opt-in PRORATE policy: the published half rule per subscale (Bell et al. 2016). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("hadsProrateCases")
    void hadsHalfRule_underProrate_matchesHandWorkedValue(String name, String[] f) {
        assertEquals(10, f.length, name);
        assertMatches(name, f, Scorer.of(Catalogue.builtIn().get("HADS"),
                ScoringOptions.defaults().with(MissingItemPolicy.PRORATE)));
    }

    private static Map<String, String> answers(Instrument instrument, String[] codes) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 0; i < codes.length; i++) {
            answers.put(instrument.items().get(i).id(), codes[i].equals(".") ? "" : codes[i]);
        }
        return answers;
    }

    private static void assertMatches(String name, String[] f, Scorer scorer) {
        Instrument instrument = scorer.instrument();
        assertEquals(instrument.id(), f[1].strip(), name + ": instrument");
        String[] codes = f[2].strip().split("\\s+");
        assertEquals(instrument.items().size(), codes.length, name + ": answer count");
        ScoreResult result = scorer.score(Administration.of(instrument.id(), answers(instrument, codes)));
        Scored s = assertInstanceOf(Scored.class, result, name + ": " + result);

        // the raw column is the sum of the item scores; only instruments with a total report it as rawTotal()
        int raw = Integer.parseInt(f[3].strip());
        assertEquals(raw, s.itemScores().values().stream().mapToInt(Integer::intValue).sum(), name + ": item sum");
        assertEquals(instrument.reportsTotal() ? OptionalInt.of(raw) : OptionalInt.empty(), s.rawTotal(),
                name + ": raw total");
        String total = f[4].strip();
        if (total.isEmpty()) {
            assertTrue(s.total().isEmpty(), name + ": no total expected");
        } else {
            assertEquals(0, new BigDecimal(total).compareTo(s.total().orElseThrow()), name + ": total " + s.total());
            assertEquals(total, s.total().orElseThrow().toPlainString(), name + ": printed total");
        }
        String band = f[5].strip();
        if (band.equals(BELOW)) {
            assertTrue(s.band().isEmpty(), name + ": no band below the confirmed bands");
            assertEquals(BandStatus.BELOW_CONFIRMED_BANDS, s.bandStatus(), name + ": band status");
        } else {
            assertEquals(band, s.band().map(b -> b.label()).orElse(""), name + ": band");
            // an empty band field means the instrument has no bands (or no total): never a silent gap
            assertEquals(band.isEmpty() ? BandStatus.NO_BANDS : BandStatus.IN_BAND, s.bandStatus(),
                    name + ": band status");
        }
        assertEquals(f[6].strip(), Vocabulary.caseness(s.caseness()), name + ": caseness");
        assertEquals(f[7].strip(), s.criticalAlerts().stream().map(CriticalAlert::itemId)
                .collect(Collectors.joining(";")), name + ": critical items");
        assertEquals(Boolean.parseBoolean(f[8].strip()), s.prorated(), name + ": prorated");
        // a "." is a missing item; a missing critical item is flagged as unanswered (the Scorer contract)
        List<String> missing = new ArrayList<>();
        List<String> criticalUnanswered = new ArrayList<>();
        for (int i = 0; i < codes.length; i++) {
            if (codes[i].equals(".")) {
                Item item = instrument.items().get(i);
                missing.add(item.id());
                item.critical().ifPresent(rule -> criticalUnanswered.add(item.id() + " UNANSWERED"));
            }
        }
        assertEquals(missing, s.itemsMissing(), name + ": items missing");
        assertEquals(criticalUnanswered, s.criticalUnanswered().stream().map(u -> u.itemId() + " " + u.cause())
                .collect(Collectors.toList()), name + ": critical items unanswered");
        String subscales = f[9].strip();
        List<String> expectedSubscales = new ArrayList<>();
        if (!subscales.isEmpty()) {
            for (String pair : subscales.split(";")) {
                String[] kv = pair.split("=", -1);
                expectedSubscales.add(kv[0]);
                SubscaleScore sub = s.subscales().get(kv[0]);
                assertTrue(sub != null, name + ": subscale " + kv[0]);
                if (kv[1].isEmpty()) {
                    assertTrue(sub.score().isEmpty(), name + ": subscale " + kv[0] + " expected no score");
                } else {
                    assertEquals(kv[1], sub.score().orElseThrow().toPlainString(),
                            name + ": subscale " + kv[0] + " = " + sub.score());
                }
            }
        }
        assertEquals(expectedSubscales, List.copyOf(s.subscales().keySet()), name + ": subscales reported");
    }

    /** The whole SWEMWBS conversion table, end to end through the scorer. */
    @Test
    void swemwbs_everyRawScore_convertsToPublishedMetric() throws IOException {
        Instrument swemwbs = Catalogue.builtIn().get("SWEMWBS");
        Scorer scorer = Scorer.of(swemwbs);
        List<String> rows = lines("golden/swemwbs_metric.csv");
        assertEquals("raw,metric", rows.get(0));
        assertEquals(29, rows.size() - 1);
        int expectedRaw = 7;
        for (String row : rows.subList(1, rows.size())) {
            int raw = Integer.parseInt(row.split(",")[0]);
            assertEquals(expectedRaw++, raw, "the table lists every raw score 7-35 once, in order");
            String metric = row.split(",")[1];
            String[] codes = new String[7];
            int remaining = raw - 7;
            for (int i = 0; i < 7; i++) {
                int extra = Math.min(4, remaining);
                codes[i] = Integer.toString(1 + extra);
                remaining -= extra;
            }
            Scored s = assertInstanceOf(Scored.class, scorer.scoreCodes(codes), "raw " + raw);
            assertEquals(OptionalInt.of(raw), s.rawTotal());
            assertEquals(metric, s.total().orElseThrow().toPlainString(), "metric for raw " + raw);
        }
    }

    @Test
    void everyPhq9Total_fallsInExactlyThePublishedBand() {
        Scorer scorer = Scorer.of(Catalogue.builtIn().get("PHQ-9"));
        for (int total = 0; total <= 27; total++) {
            String[] codes = new String[9];
            int remaining = total;
            for (int i = 0; i < 9; i++) {
                int v = Math.min(3, remaining);
                codes[i] = Integer.toString(v);
                remaining -= v;
            }
            Scored s = (Scored) scorer.scoreCodes(codes);
            String expected = total <= 4 ? "minimal" : total <= 9 ? "mild" : total <= 14 ? "moderate"
                    : total <= 19 ? "moderately severe" : "severe";
            assertEquals(expected, s.band().orElseThrow().label(), "total " + total);
            assertEquals(total >= 10 ? Caseness.CASE : Caseness.NOT_CASE, s.caseness(), "total " + total);
        }
    }
}
