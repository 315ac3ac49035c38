/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli.report;

import java.util.List;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.scoring.change.ChangeModel;
import org.imhmeasures.scoring.cohort.CohortReport;
import org.imhmeasures.scoring.dataset.DatasetSummary;
import org.imhmeasures.scoring.dataset.ScorePairing;

/** What the report shows of one measure: its change, or why there is none. */
public sealed interface MeasureData permits MeasureData.Assessed, MeasureData.NotAssessed {

    /**
     * The measure.
     *
     * @return the instrument
     */
    Instrument instrument();

    /**
     * The score file's own counts.
     *
     * @return scored and rejected rows
     */
    ScoreFile scoreFile();

    /**
     * Rows of one measure's score output: {@code <key>.csv} (scored) and {@code <key>-rejects.csv}.
     *
     * @param scored data rows of the score file
     * @param rejected data rows of the rejects file, 0 when it is absent
     * @param rejectsFound whether the rejects file was there
     */
    record ScoreFile(long scored, long rejected, boolean rejectsFound) {

        /**
         * Validates.
         *
         * @param scored data rows of the score file
         * @param rejected data rows of the rejects file
         * @param rejectsFound whether the rejects file was there
         */
        public ScoreFile {
            if (scored < 0 || rejected < 0) {
                throw new IllegalArgumentException("rows must not be negative: " + scored + ", " + rejected);
            }
        }
    }

    /**
     * A measure with change: the same objects as {@code change --from-scores --summary} computes.
     *
     * @param instrument the measure
     * @param scoreFile the score file's counts
     * @param counts the pairing's accounting
     * @param pairs the change run's counts over the pairs
     * @param cohort the cohort report
     * @param model the change model of the run, for the plot's reliable-change band
     * @param points every assessed pair, from the change output
     * @param summaryJson the {@code change --summary} JSON of the same run
     */
    record Assessed(Instrument instrument, ScoreFile scoreFile, ScorePairing.Counts counts, DatasetSummary pairs,
            CohortReport cohort, ChangeModel model, List<Point> points, String summaryJson) implements MeasureData {

        /**
         * Copies.
         *
         * @param instrument the measure
         * @param scoreFile the score file's counts
         * @param counts the pairing's accounting
         * @param pairs the change run's counts over the pairs
         * @param cohort the cohort report
         * @param model the change model of the run
         * @param points every assessed pair
         * @param summaryJson the summary JSON
         */
        public Assessed {
            points = List.copyOf(points);
        }

        @Override
        public String toString() {
            return "Assessed[" + instrument.id() + ", " + points.size() + " points]";
        }
    }

    /**
     * A measure the report cannot assess (no published parameter, no total …).
     *
     * @param instrument the measure
     * @param scoreFile the score file's counts
     * @param reason why, one line naming the rule (never a value)
     */
    record NotAssessed(Instrument instrument, ScoreFile scoreFile, String reason) implements MeasureData {
    }
}
