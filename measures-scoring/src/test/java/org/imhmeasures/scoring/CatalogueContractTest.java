/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import org.imhmeasures.core.LibraryVersion;
import org.imhmeasures.core.instrument.AnswerOption;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.core.instrument.Item;
import org.imhmeasures.core.instrument.ResponseScale;
import org.imhmeasures.core.instrument.ScoreRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every catalogue instrument passes: range reached at both ends, monotonic in every item
 * (respecting its keying), complete answers never prorated, provenance present. Instruments that record
 * answers only (the catalogue's, and the test fixture {@link TestFeedback}) pass their own contract: every
 * answer of every item is recorded as the definition spells it, and nothing is scored.
 */
class CatalogueContractTest {

    static List<Instrument> instruments() {
        return Catalogue.builtIn().instruments().stream().filter(Instrument::scored).toList();
    }

    static List<Instrument> answersOnlyInstruments() {
        List<Instrument> all = new java.util.ArrayList<>(Catalogue.builtIn().instruments().stream()
                .filter(i -> !i.scored()).toList());
        all.add(TestFeedback.instrument());
        return all;
    }

    @ParameterizedTest
    @MethodSource("answersOnlyInstruments")
    void answersOnly_everyAnswerIsRecorded_andNothingScored(Instrument instrument) {
        Scorer scorer = Scorer.of(instrument);
        Random random = new Random(instrument.id().hashCode());
        for (int trial = 0; trial < 50; trial++) {
            String[] codes = new String[instrument.items().size()];
            java.util.Map<String, String> expected = new java.util.LinkedHashMap<>();
            for (int i = 0; i < codes.length; i++) {
                Item item = instrument.items().get(i);
                ResponseScale.Unscored scale = assertInstanceOf(ResponseScale.Unscored.class, item.scale(), item.id());
                codes[i] = scale.categories().get(random.nextInt(scale.categories().size())).code();
                expected.put(item.id(), codes[i]);
            }
            Scored s = assertInstanceOf(Scored.class, scorer.scoreCodes(codes));
            assertEquals(List.copyOf(expected.entrySet()), List.copyOf(s.recordedAnswers().entrySet()), instrument.id());
            assertTrue(s.itemScores().isEmpty() && s.total().isEmpty() && s.rawTotal().isEmpty()
                    && s.subscales().isEmpty() && s.band().isEmpty() && s.criticalAlerts().isEmpty(), instrument.id());
            assertEquals(Caseness.NOT_DEFINED, s.caseness(), instrument.id());
            assertFalse(s.prorated(), instrument.id());
            assertEquals(new Provenance(instrument.id(), instrument.definitionVersion(), LibraryVersion.current()),
                    s.provenance());
        }
        // each item refuses a code it does not list
        for (int i = 0; i < instrument.items().size(); i++) {
            String[] codes = new String[instrument.items().size()];
            for (int k = 0; k < codes.length; k++) {
                codes[k] = instrument.items().get(k).scale().listedAnswers().get(0).code();
            }
            codes[i] = "not-a-code";
            NotScorable n = assertInstanceOf(NotScorable.class, scorer.scoreCodes(codes));
            assertInstanceOf(Problem.CodeNotAllowed.class, n.firstProblem(), instrument.id());
        }
    }

    /** The code giving the lowest (or highest) score of an item. */
    static String extremeCode(Item item, boolean highest) {
        if (item.scale() instanceof ResponseScale.Rating r) {
            return Integer.toString(highest ? r.max() : r.min());
        }
        List<AnswerOption> options = ((ResponseScale.Options) item.scale()).options();
        AnswerOption best = options.get(0);
        for (AnswerOption o : options) {
            if (highest ? o.score() > best.score() : o.score() < best.score()) {
                best = o;
            }
        }
        return best.code();
    }

    static List<String> codesByScore(Item item) {
        if (item.scale() instanceof ResponseScale.Rating r) {
            List<String> codes = new java.util.ArrayList<>();
            for (int v = r.min(); v <= r.max(); v++) {
                codes.add(Integer.toString(v));
            }
            return codes;
        }
        return ((ResponseScale.Options) item.scale()).options().stream()
                .sorted(java.util.Comparator.comparingInt(AnswerOption::score)).map(AnswerOption::code).toList();
    }

    private static String[] extremes(Instrument instrument, boolean highest) {
        return instrument.items().stream().map(i -> extremeCode(i, highest)).toArray(String[]::new);
    }

    @ParameterizedTest
    @MethodSource("instruments")
    void allLowest_reachesRangeMinimum_allHighest_reachesMaximum(Instrument instrument) {
        Scorer scorer = Scorer.of(instrument);
        Scored low = assertInstanceOf(Scored.class, scorer.scoreCodes(extremes(instrument, false)));
        Scored high = assertInstanceOf(Scored.class, scorer.scoreCodes(extremes(instrument, true)));
        if (instrument.totalRange().isPresent()) {
            ScoreRange range = instrument.totalRange().get();
            assertEquals(0, range.min().compareTo(low.total().orElseThrow()), instrument.id());
            assertEquals(0, range.max().compareTo(high.total().orElseThrow()), instrument.id());
        } else {
            assertTrue(low.total().isEmpty() && high.total().isEmpty(), instrument.id());
        }
        instrument.subscales().forEach(sub -> {
            assertEquals(0, sub.range().min().compareTo(low.subscales().get(sub.id()).score().orElseThrow()));
            assertEquals(0, sub.range().max().compareTo(high.subscales().get(sub.id()).score().orElseThrow()));
        });
    }

    @ParameterizedTest
    @MethodSource("instruments")
    void raisingAnyItemScore_neverLowersTotalOrSubscales(Instrument instrument) {
        Scorer scorer = Scorer.of(instrument);
        Random random = new Random(instrument.id().hashCode());
        for (int trial = 0; trial < 20; trial++) {
            String[] base = randomComplete(instrument, random);
            for (int i = 0; i < base.length; i++) {
                List<String> ordered = codesByScore(instrument.items().get(i));
                Scored previous = null;
                for (String code : ordered) {
                    String[] codes = base.clone();
                    codes[i] = code;
                    Scored current = assertInstanceOf(Scored.class, scorer.scoreCodes(codes));
                    if (previous != null) {
                        assertTrue(itemSum(current) >= itemSum(previous), instrument.id() + " item " + i);
                        if (current.total().isPresent()) {
                            assertTrue(current.total().get().compareTo(previous.total().get()) >= 0,
                                    instrument.id() + " item " + (i + 1) + " code " + code);
                        }
                        for (String sub : current.subscales().keySet()) {
                            assertTrue(current.subscales().get(sub).score().get()
                                    .compareTo(previous.subscales().get(sub).score().get()) >= 0);
                        }
                    }
                    previous = current;
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("instruments")
    void completeAnswers_areNeverProrated_andCarryProvenance(Instrument instrument) {
        Scorer prorating = Scorer.of(instrument, ScoringOptions.defaults().with(MissingItemPolicy.PRORATE));
        Random random = new Random(42);
        for (int trial = 0; trial < 50; trial++) {
            Scored s = assertInstanceOf(Scored.class, prorating.scoreCodes(randomComplete(instrument, random)));
            assertFalse(s.prorated());
            assertTrue(s.itemsMissing().isEmpty());
            assertEquals(new Provenance(instrument.id(), instrument.definitionVersion(), LibraryVersion.current()),
                    s.provenance());
            s.total().ifPresent(t -> assertTrue(instrument.totalRange().orElseThrow().contains(t), instrument.id()));
        }
    }

    @ParameterizedTest
    @MethodSource("instruments")
    void totalEqualsRuleAppliedToItemScores(Instrument instrument) {
        Scorer scorer = Scorer.of(instrument);
        Random random = new Random(7);
        for (int trial = 0; trial < 50; trial++) {
            Scored s = (Scored) scorer.scoreCodes(randomComplete(instrument, random));
            int sum = s.itemScores().values().stream().mapToInt(Integer::intValue).sum();
            assertEquals(instrument.reportsTotal() ? OptionalInt.of(sum) : OptionalInt.empty(), s.rawTotal(),
                    instrument.id() + ": a raw total exactly where the instrument reports a total");
            assertEquals(instrument.items().size(), s.itemScores().size());
            if (instrument.scoring() instanceof org.imhmeasures.core.instrument.ScoringRule.ClinicalScore clinical) {
                // mean item score x multiplier, two decimals (CORE-OM: 10 x S / 34); equal to S for CORE-10
                BigDecimal expected = BigDecimal.valueOf((long) sum * clinical.multiplier())
                        .divide(BigDecimal.valueOf(instrument.items().size()), 2, java.math.RoundingMode.HALF_UP);
                assertEquals(0, expected.compareTo(s.total().orElseThrow()), instrument.id());
            } else if (s.total().isPresent() && !(instrument.scoring()
                    instanceof org.imhmeasures.core.instrument.ScoringRule.ConversionTable)
                    && !(instrument.scoring() instanceof org.imhmeasures.core.instrument.ScoringRule.Mean)) {
                assertEquals(0, BigDecimal.valueOf(sum).compareTo(s.total().get()), instrument.id());
            }
        }
    }

    static String[] randomComplete(Instrument instrument, Random random) {
        String[] codes = new String[instrument.items().size()];
        for (int i = 0; i < codes.length; i++) {
            List<String> options = codesByScore(instrument.items().get(i));
            codes[i] = options.get(random.nextInt(options.size()));
        }
        return codes;
    }

    private static int itemSum(Scored s) {
        return s.itemScores().values().stream().mapToInt(Integer::intValue).sum();
    }
}
