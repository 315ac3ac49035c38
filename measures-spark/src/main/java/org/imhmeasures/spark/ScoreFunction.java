/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.spark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.StructType;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
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
import org.jspecify.annotations.Nullable;

/** The {@code imh_score} SQL function: one administration, given as a struct of item answers, scored. */
final class ScoreFunction implements UDF2<String, Row, Row> {

    private static final long serialVersionUID = 1L;

    private final AnswerKind kind;

    ScoreFunction(AnswerKind kind) {
        this.kind = kind;
    }

    @Override
    public @Nullable Row call(@Nullable String instrumentId, @Nullable Row answers) {
        if (instrumentId == null || answers == null) {
            return null;
        }
        Checks.argument(Catalogue.builtIn().find(instrumentId).isPresent(),
                "instrument must be in the built-in catalogue: %s", instrumentId);
        Scorer scorer = Scorers.get(InstrumentSource.builtIn(instrumentId), kind, MissingItemPolicy.INSTRUMENT_RULE);
        Instrument instrument = scorer.instrument();
        StructType fields = answers.schema();
        String[] codes = new String[instrument.items().size()];
        for (int i = 0; i < codes.length; i++) {
            int column = fieldIndex(fields, instrument.items().get(i).id());
            codes[i] = column < 0 ? null : answers.isNullAt(column) ? "" : Cells.text(answers.get(column));
        }
        ScoreResult result = scorer.scoreCodes(codes);
        var where = Cells.where("");
        Object[] out = new Object[ImhSql.RESULT_FIELDS.size()];
        out[0] = instrument.id();
        out[1] = instrument.definitionVersion();
        if (result instanceof Scored scored) {
            List<String> cells = ScoresCsv.cells(where, scored, DatasetFormat.WIDE_CSV);
            out[2] = PartitionScorer.SCORED;
            // raw_total .. critical_unanswered, as in the scores CSV
            for (int c = 3; c < ScoresCsv.COLUMNS.size(); c++) {
                out[c + 2] = cells.get(c);
            }
            Map<String, String> subscales = new LinkedHashMap<>();
            int c = ScoresCsv.COLUMNS.size();
            for (String id : scored.subscales().keySet()) {
                subscales.put(id, cells.get(c++));
            }
            out[out.length - 1] = subscales;
        } else {
            List<String> cells = RejectsCsv.cells(where, Rejection.of((NotScorable) result));
            out[2] = PartitionScorer.REJECTED;
            out[3] = cells.get(2);
            out[4] = cells.get(3);
            out[ImhSql.RESULT_FIELDS.indexOf("critical_items")] = cells.get(4);
            out[ImhSql.RESULT_FIELDS.indexOf("critical_unanswered")] = cells.get(5);
        }
        return RowFactory.create(out);
    }

    private static int fieldIndex(StructType fields, String name) {
        String[] names = fields.fieldNames();
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
