/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.fhir;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.imhmeasures.core.instrument.ListedAnswer;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.core.instrument.Item;
import org.imhmeasures.core.instrument.ResponseScale;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.Answer;
import org.imhmeasures.scoring.Timepoint;

/** Seeded random administrations; rerun one seed with {@code -Dimh.seed=<seed>}. */
final class RandomAdministrations {

    private static final List<String> ROLES = List.of("birth mother", "father", "foster carer", "clinician");

    private RandomAdministrations() {
    }

    static long baseSeed() {
        String fixed = System.getProperty("imh.seed");
        return fixed != null ? Long.parseLong(fixed) : System.nanoTime();
    }

    /** Every item in form order: mostly a random allowed code, sometimes missing or declined. */
    static Administration of(Instrument instrument, Random random, boolean allowGaps) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        for (Item item : instrument.items()) {
            int roll = random.nextInt(20);
            if (allowGaps && roll == 0) {
                answers.put(item.id(), Answer.MISSING);
            } else if (allowGaps && roll == 1) {
                answers.put(item.id(), Answer.DECLINED);
            } else {
                answers.put(item.id(), new Answer.Given(code(item.scale(), random)));
            }
        }
        Optional<LocalDate> date = random.nextBoolean()
                ? Optional.of(LocalDate.of(2020, 1, 1).plusDays(random.nextInt(3000))) : Optional.empty();
        Optional<Timepoint> timepoint = random.nextBoolean()
                ? Optional.of(Timepoint.values()[random.nextInt(Timepoint.values().length)]) : Optional.empty();
        Optional<String> respondent = random.nextBoolean()
                ? Optional.of(ROLES.get(random.nextInt(ROLES.size()))) : Optional.empty();
        return new Administration(instrument.id(), answers, date, timepoint, respondent);
    }

    static String code(ResponseScale scale, Random random) {
        if (!scale.listedAnswers().isEmpty()) {
            List<ListedAnswer> all = scale.listedAnswers();
            return all.get(random.nextInt(all.size())).code();
        }
        ResponseScale.Rating rating = (ResponseScale.Rating) scale;
        return Integer.toString(rating.min() + random.nextInt(rating.max() - rating.min() + 1));
    }
}
