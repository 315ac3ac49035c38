/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.imhmeasures.scoring.cohort.CohortReport;
import org.imhmeasures.scoring.cohort.CohortReports;
import org.imhmeasures.scoring.cohort.Suppression;
import org.imhmeasures.scoring.dataset.DatasetSummary;
import org.imhmeasures.scoring.dataset.ScorePairing;

/**
 * The {@code --summary} JSON of a run from scores: {@link CohortReports#toJson} with a {@code records}
 * object after {@code parameters} that names every count of the pairing's accounting.
 */
final class SummaryJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SummaryJson() {
    }

    static String withRecords(CohortReport report, Suppression suppression, ScorePairing.Counts counts,
            DatasetSummary pairs) {
        try {
            ObjectNode cohort = (ObjectNode) JSON.readTree(CohortReports.toJson(report, suppression));
            ObjectNode root = JSON.createObjectNode();
            for (Map.Entry<String, JsonNode> field : cohort.properties()) {
                root.set(field.getKey(), field.getValue());
                if (field.getKey().equals("parameters")) {
                    root.set("records", records(counts, pairs));
                }
            }
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("summary must serialise: " + e.getOriginalMessage(), e);
        }
    }

    static ObjectNode records(ScorePairing.Counts counts, DatasetSummary pairs) {
        ObjectNode records = JSON.createObjectNode();
        records.put("rowsRead", counts.rowsRead());
        records.put("rowsIgnored", counts.rowsIgnored());
        records.put("records", counts.records());
        records.put("paired", counts.paired());
        records.put("baselineOnly", counts.baselineOnly());
        records.put("postOnly", counts.postOnly());
        records.put("rejected", counts.rejected());
        records.put("pairsAssessed", pairs.rowsScored());
        records.put("pairsRejected", pairs.rowsRejected());
        return records;
    }
}
