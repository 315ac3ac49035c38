/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden cases of the built-in answers-only instruments (FFT, CHI-ESQ): what is recorded, worked out by hand
 * from each definition's published answer list. Format in the files' headers.
 */
class AnswersOnlyGoldenTest {

    private static final List<Instrument> ANSWERS_ONLY = Catalogue.builtIn().instruments().stream()
            .filter(i -> !i.scored()).toList();

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        for (Instrument instrument : ANSWERS_ONLY) {
            for (String line : GoldenScoringTest.lines("golden/" + instrument.key() + ".golden")) {
                String[] f = line.split("\\|", -1);
                assertEquals(5, f.length, instrument.key() + ": " + line);
                cases.add(Arguments.of(instrument.key() + ": " + f[0].strip(), f));
            }
        }
        return cases.stream();
    }

    @Test
    void everyAnswersOnlyInstrument_hasGoldenCasesThatRecordAndRefuse() throws IOException {
        assertTrue(ANSWERS_ONLY.size() >= 2, "FFT and CHI-ESQ");
        for (Instrument instrument : ANSWERS_ONLY) {
            List<String> lines = GoldenScoringTest.lines("golden/" + instrument.key() + ".golden");
            assertTrue(lines.stream().anyMatch(l -> !l.contains("not recorded")), instrument.id() + ": a recorded case");
            assertTrue(lines.stream().anyMatch(l -> l.contains("not recorded")), instrument.id() + ": a refused case");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void record_matchesHandWorkedAnswers(String name, String[] f) {
        Instrument instrument = Catalogue.builtIn().get(f[1].strip());
        String[] codes = f[2].strip().split("\\s+");
        assertEquals(instrument.items().size(), codes.length, name + ": answer count");
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 0; i < codes.length; i++) {
            answers.put(instrument.items().get(i).id(), codes[i].equals(".") ? "" : codes[i]);
        }
        ScoreResult result = Scorer.of(instrument).score(Administration.of(instrument.id(), answers));
        String expected = f[3].strip();
        String missing = f[4].strip();
        if (expected.startsWith("not recorded: ")) {
            NotScorable refused = assertInstanceOf(NotScorable.class, result, name);
            assertTrue(refused.problems().stream().anyMatch(p -> p.code().equals(expected.substring(14))),
                    name + ": " + refused.problems().stream().map(Problem::code).collect(Collectors.toList()));
            return;
        }
        Scored s = assertInstanceOf(Scored.class, result, name + ": " + result);
        assertEquals(expected, s.recordedAnswers().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(";")), name + ": recorded");
        assertEquals(missing, String.join(";", s.itemsMissing()), name + ": missing");
        assertTrue(s.total().isEmpty() && s.rawTotal().isEmpty() && s.subscales().isEmpty()
                && s.itemScores().isEmpty(), name + ": nothing computed");
        assertEquals(Caseness.NOT_DEFINED, s.caseness(), name + ": no caseness");
    }
}
