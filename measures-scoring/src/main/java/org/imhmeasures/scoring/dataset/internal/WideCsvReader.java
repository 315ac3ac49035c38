/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.dataset.DatasetException;

/**
 * Wide CSV: one administration per row, {@code record_id} plus one column per item id, other columns
 * ignored, an empty cell a missing answer. Streams in constant memory.
 */
public final class WideCsvReader implements DatasetReader {

    private static final String RECORD_ID = "record_id";

    private final Scorer scorer;

    /**
     * Creates the reader.
     *
     * @param scorer scores each row
     */
    public WideCsvReader(Scorer scorer) {
        this.scorer = scorer;
    }

    @Override
    public void read(Reader input, Consumer<List<String>> headerListener, RowSink sink) throws IOException {
        Instrument instrument = scorer.instrument();
        int itemCount = instrument.items().size();
        try (CsvInput rows = CsvInput.of(input)) {
            List<String> header = rows.header();
            int recordIdColumn = header.indexOf(RECORD_ID);
            if (recordIdColumn < 0) {
                throw new DatasetException(1, "header must have a record_id column: absent", null);
            }
            int[] itemColumns = new int[itemCount];
            boolean anyItem = false;
            for (int i = 0; i < itemCount; i++) {
                itemColumns[i] = header.indexOf(instrument.items().get(i).id());
                anyItem |= itemColumns[i] >= 0;
            }
            if (!anyItem) {
                throw new DatasetException(1, "header must have at least one item column of " + instrument.id()
                        + " (" + instrument.items().get(0).id() + " ...): none", null);
            }
            headerListener.accept(header);
            String[] codes = new String[itemCount];
            List<String> row;
            while ((row = rows.next()) != null) {
                long line = rows.lastRowLine();
                String recordId = recordIdColumn < row.size() ? row.get(recordIdColumn).strip() : "";
                if (row.size() != header.size()) {
                    sink.reject(line, recordId, "malformed_row", "row must have " + header.size() + " cells: "
                            + row.size());
                } else if (recordId.isEmpty()) {
                    sink.reject(line, "", "missing_record_id", "record_id must not be empty: empty");
                } else {
                    for (int i = 0; i < itemCount; i++) {
                        codes[i] = itemColumns[i] >= 0 ? row.get(itemColumns[i]) : null;
                    }
                    sink.result(line, recordId, "", scorer.scoreCodes(codes), () -> answers(codes));
                }
            }
        }
    }

    /** The wide row's answers as an administration, for handlers that need it. */
    private Administration answers(String[] codes) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 0; i < codes.length; i++) {
            answers.put(scorer.instrument().items().get(i).id(), codes[i]);
        }
        return Administration.of(scorer.instrument().id(), answers);
    }
}
