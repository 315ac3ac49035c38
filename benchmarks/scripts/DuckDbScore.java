/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The DuckDB peer of {@code imh-measures score --instrument PHQ-9} for the benchmark: DuckDB's JDBC driver,
 * {@code read_csv} → scoring SQL → {@code COPY ... TO}, writing the same scores and rejects CSV as the library
 * for the benchmark's data (a record id in every row, codes 0-3 or empty). Doing the same work: strict PHQ-9
 * rule (no item missing), total, band (Kroenke 2001 bands as in the library's definition), caseness (≥ 10),
 * item 9 alert at any answer above 0, item 9 unanswered, the reject's physical line and message naming the
 * missing items. A code outside 0-3 is rejected as {@code code_not_allowed} too (with a shorter message than
 * the library's; the benchmark's data has none).
 *
 * <p>Usage: {@code DuckDbScore IN.csv OUT.csv REJ.csv THREADS} (needs {@code org.duckdb:duckdb_jdbc} on the
 * class path).
 */
public final class DuckDbScore {

    private DuckDbScore() {
    }

    private static final String[] ITEMS = {"phq9_1", "phq9_2", "phq9_3", "phq9_4", "phq9_5", "phq9_6", "phq9_7",
        "phq9_8", "phq9_9"};

    public static void main(String[] args) throws SQLException {
        String in = args[0];
        String out = args[1];
        String rejects = args[2];
        int threads = Integer.parseInt(args[3]);
        StringBuilder missingCount = new StringBuilder();
        StringBuilder missingIds = new StringBuilder("concat_ws(';'");
        StringBuilder invalid = new StringBuilder();
        StringBuilder total = new StringBuilder();
        for (String item : ITEMS) {
            missingCount.append(missingCount.length() == 0 ? "" : " + ").append("(").append(item).append(" IS NULL)::INT");
            missingIds.append(", CASE WHEN ").append(item).append(" IS NULL THEN '").append(item).append("' END");
            invalid.append(invalid.length() == 0 ? "" : " OR ").append("(").append(item)
                    .append(" IS NOT NULL AND ").append(item).append(" NOT IN ('0','1','2','3'))");
            total.append(total.length() == 0 ? "" : " + ").append("TRY_CAST(").append(item).append(" AS INT)");
        }
        missingIds.append(")");
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = db.createStatement()) {
            sql.execute("SET threads = " + threads);
            sql.execute("SET preserve_insertion_order = true");
            // physical line: the header is line 1 and the benchmark's rows hold no line breaks
            sql.execute("CREATE TEMP TABLE checked AS SELECT row_number() OVER () + 1 AS line, record_id, "
                    + missingCount + " AS missing, " + missingIds + " AS missing_ids, (" + invalid + ") AS invalid, "
                    + total + " AS total, phq9_9 FROM read_csv('" + in.replace("'", "''")
                    + "', header = true, all_varchar = true)");
            sql.execute("COPY (SELECT record_id, 'PHQ-9' AS instrument, '1.0.0' AS definition_version, total AS raw_total,"
                    + " total, CASE WHEN total <= 4 THEN 'minimal' WHEN total <= 9 THEN 'mild' WHEN total <= 14 THEN "
                    + "'moderate' WHEN total <= 19 THEN 'moderately severe' ELSE 'severe' END AS band, "
                    + "CASE WHEN total >= 10 THEN 'true' ELSE 'false' END AS caseness, 0 AS items_missing, "
                    + "'false' AS prorated, CASE WHEN phq9_9 <> '0' THEN 'phq9_9' END AS critical_items, "
                    + "NULL::VARCHAR AS critical_unanswered FROM checked WHERE missing = 0 AND NOT invalid ) "
                    + "TO '" + out.replace("'", "''") + "' (HEADER, DELIMITER ',')");
            sql.execute("COPY (SELECT line, record_id, CASE WHEN missing > 0 THEN 'too_many_missing' ELSE "
                    + "'code_not_allowed' END AS reason, CASE WHEN missing > 0 THEN 'missing items must number at most 0: '"
                    + " || missing || ' (' || missing_ids || ')' ELSE 'answer must be an allowed code' END || CASE WHEN "
                    + "phq9_9 IN ('1','2','3') THEN '; critical item at alert level: phq9_9' ELSE '' END AS message, "
                    + "CASE WHEN phq9_9 IN ('1','2','3') THEN 'phq9_9' END AS critical_items, CASE WHEN phq9_9 IS NULL "
                    + "OR phq9_9 NOT IN ('0','1','2','3') THEN 'phq9_9' END AS critical_unanswered FROM checked "
                    + "WHERE missing > 0 OR invalid ) TO '" + rejects.replace("'", "''")
                    + "' (HEADER, DELIMITER ',')");
            try (ResultSet counts = sql.executeQuery("SELECT count(*), count(*) FILTER (WHERE missing = 0 AND NOT "
                    + "invalid) FROM checked")) {
                counts.next();
                long read = counts.getLong(1);
                long scored = counts.getLong(2);
                System.out.println("rows read " + read + " = scored " + scored + " + rejected " + (read - scored));
            }
        }
    }
}
