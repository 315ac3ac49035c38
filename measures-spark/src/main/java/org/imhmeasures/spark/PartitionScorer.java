/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.spark;

import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.imhmeasures.scoring.AnswerKind;
import org.imhmeasures.scoring.MissingItemPolicy;
import org.imhmeasures.scoring.NotScorable;
import org.imhmeasures.scoring.ScoreResult;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.dataset.DatasetFormat;
import org.imhmeasures.scoring.dataset.Rejection;
import org.imhmeasures.scoring.dataset.RejectsCsv;
import org.imhmeasures.scoring.dataset.ScoresCsv;

/**
 * Scores the rows of one partition: exactly one output row per input row, in the layout of
 * {@link SparkScoring#outcomeSchema}. The cells are those of the CLI's files, from {@link ScoresCsv#cells}
 * and {@link RejectsCsv#cells}.
 */
final class PartitionScorer implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    static final String SCORED = "scored";
    static final String REJECTED = "rejected";

    private final Broadcast<InstrumentSource> source;
    private final AnswerKind kind;
    private final MissingItemPolicy policy;
    private final int recordIdIndex;
    private final int[] itemIndex;
    private final int[] keptIndex;
    private final int scoresWidth;

    PartitionScorer(Broadcast<InstrumentSource> source, AnswerKind kind, MissingItemPolicy policy, int recordIdIndex,
            int[] itemIndex, int[] keptIndex, int scoresWidth) {
        this.source = source;
        this.kind = kind;
        this.policy = policy;
        this.recordIdIndex = recordIdIndex;
        this.itemIndex = itemIndex.clone();
        this.keptIndex = keptIndex.clone();
        this.scoresWidth = scoresWidth;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
        Scorer scorer = Scorers.get(source.value(), kind, policy);
        String[] codes = new String[itemIndex.length];
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return input.hasNext();
            }

            @Override
            public Row next() {
                return score(scorer, codes, input.next());
            }
        };
    }

    /** Layout: status, alerted, unanswered, the scores cells, reason, message, the kept values. */
    private Row score(Scorer scorer, String[] codes, Row row) {
        Object[] out = new Object[3 + scoresWidth + 2 + keptIndex.length];
        String recordId = row.isNullAt(recordIdIndex) ? "" : Cells.text(row.get(recordIdIndex)).strip();
        var where = Cells.where(recordId);
        if (recordId.isEmpty()) {
            reject(out, RejectsCsv.cells(where, Rejection.missingRecordId()), false, false);
        } else {
            for (int i = 0; i < itemIndex.length; i++) {
                int column = itemIndex[i];
                // as in a CSV: an absent column is null, an empty cell (here also a SQL NULL) a missing answer
                codes[i] = column < 0 ? null : row.isNullAt(column) ? "" : Cells.text(row.get(column));
            }
            ScoreResult result = scorer.scoreCodes(codes);
            boolean alerted = !result.criticalAlerts().isEmpty();
            boolean unanswered = !result.criticalUnanswered().isEmpty();
            if (result instanceof Scored scored) {
                out[0] = SCORED;
                out[1] = alerted;
                out[2] = unanswered;
                List<String> cells = ScoresCsv.cells(where, scored, DatasetFormat.WIDE_CSV);
                for (int c = 0; c < scoresWidth; c++) {
                    out[3 + c] = cells.get(c);
                }
            } else {
                reject(out, RejectsCsv.cells(where, Rejection.of((NotScorable) result)), alerted, unanswered);
            }
        }
        int k = 3 + scoresWidth + 2;
        for (int column : keptIndex) {
            out[k++] = row.get(column);
        }
        return RowFactory.create(out);
    }

    /** A rejected row: record id, reason, message and the critical-item cells; the other scores cells null. */
    private void reject(Object[] out, List<String> rejectCells, boolean alerted, boolean unanswered) {
        out[0] = REJECTED;
        out[1] = alerted;
        out[2] = unanswered;
        // RejectsCsv.COLUMNS: line, record_id, reason, message, critical_items, critical_unanswered
        out[3] = rejectCells.get(1);
        out[3 + SparkScoring.CRITICAL_ITEMS] = rejectCells.get(4);
        out[3 + SparkScoring.CRITICAL_UNANSWERED] = rejectCells.get(5);
        out[3 + scoresWidth] = rejectCells.get(2);
        out[3 + scoresWidth + 1] = rejectCells.get(3);
    }
}
