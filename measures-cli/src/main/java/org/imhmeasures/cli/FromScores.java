/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.List;
import java.util.Optional;
import org.imhmeasures.scoring.cohort.CohortAccumulator;
import org.imhmeasures.scoring.cohort.Suppression;
import org.imhmeasures.scoring.dataset.ChangeCsv;
import org.imhmeasures.scoring.dataset.ScorePairing;

/**
 * Change from a score file, the one code path of {@code change --from-scores} and {@code report}: pair the
 * rows ({@link ScorePairing}), assess the pairs ({@link ChangeCsv#run(ScorePairing.Result, Writer, Optional)})
 * and, for the summary, {@link SummaryJson#withRecords}. The report shows what {@code change --summary}
 * writes because both call this.
 */
final class FromScores {

    /**
     * One run.
     *
     * @param paired the pairing's result and accounting
     * @param run the change run over the pairs
     */
    record Outcome(ScorePairing.Result paired, ChangeCsv.Run run) {

        /** The {@code --summary} JSON of this run. */
        String summaryJson(Suppression suppression) {
            return SummaryJson.withRecords(run.cohort(), suppression, paired.counts(), run.summary());
        }
    }

    private FromScores() {
    }

    /** The input columns that group dimensions read (a crossed {@code team*age_band} reads both). */
    static List<String> groupColumns(List<String> groups) {
        return groups.stream().flatMap(g -> CohortAccumulator.columns(g).stream()).distinct().toList();
    }

    /** Pairs {@code scores} (closed here) and assesses the pairs; the change rows go to {@code output}. */
    static Outcome run(ChangeCsv job, ScorePairing pairing, Reader scores, Writer output, Optional<Writer> rejects)
            throws IOException {
        ScorePairing.Result paired;
        try (Reader in = scores) {
            paired = pairing.pair(in);
        }
        return new Outcome(paired, job.run(paired, output, rejects));
    }
}
