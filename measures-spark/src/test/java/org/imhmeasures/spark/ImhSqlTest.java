/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ImhSqlTest {

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.session();
        ImhSql.register(spark);
    }

    private static Row score(String sql) {
        return spark.sql("SELECT " + sql + " AS s").first().getStruct(0);
    }

    @Test
    void imhScore_phq9_givesTheCsvCells() {
        Row s = score("imh_score('PHQ-9', named_struct('phq9_1', 3, 'phq9_2', 3, 'phq9_3', 2, 'phq9_4', 2, "
                + "'phq9_5', 2, 'phq9_6', '2', 'phq9_7', 2, 'phq9_8', 2, 'phq9_9', 1))");

        assertEquals("PHQ-9", s.getAs("instrument"));
        assertEquals("scored", s.getAs("status"));
        assertEquals("19", s.getAs("total"));
        assertEquals("true", s.getAs("caseness"));
        assertEquals("phq9_9", s.getAs("critical_items"));
        assertNull(s.getAs("reason"));
    }

    @Test
    void imhScore_epdsItem10_alertsEvenWhenRejected() {
        // item 10 code 0 scores 3 (reversed): an alert, with too many items missing to score
        Row s = score("imh_score('EPDS', named_struct('epds_10', 0))");

        assertEquals("rejected", s.getAs("status"));
        assertEquals("too_many_missing", s.getAs("reason"));
        assertEquals("epds_10", s.getAs("critical_items"));
    }

    @Test
    void imhScoreScores_readsItemScores() {
        Row s = score("imh_score_scores('EPDS', named_struct('epds_1', 0, 'epds_2', 0, 'epds_3', 0, 'epds_4', 0, "
                + "'epds_5', 0, 'epds_6', 0, 'epds_7', 0, 'epds_8', 0, 'epds_9', 0, 'epds_10', 3))");

        assertEquals("3", s.getAs("total"));
        assertEquals("epds_10", s.getAs("critical_items"));
    }

    @Test
    void imhScore_subscales_areAMap() {
        Row s = score("imh_score('HADS', named_struct('hads_1', 1, 'hads_2', 1, 'hads_3', 1, 'hads_4', 1, "
                + "'hads_5', 1, 'hads_6', 1, 'hads_7', 1, 'hads_8', 1, 'hads_9', 1, 'hads_10', 1, 'hads_11', 1, "
                + "'hads_12', 1, 'hads_13', 1, 'hads_14', 1))");

        Map<String, String> subscales = s.getJavaMap(s.fieldIndex("subscales"));
        assertEquals(2, subscales.size(), subscales.toString());
        assertEquals("", s.getAs("total"));
    }

    @Test
    void imhScore_nullStruct_isNull() {
        assertNull(spark.sql("SELECT imh_score('PHQ-9', CAST(NULL AS STRUCT<phq9_1: INT>)) AS s").first().get(0));
    }

    @Test
    void imhScore_unknownInstrument_failsTheQuery() {
        assertThrows(Exception.class, () -> score("imh_score('NOPE', named_struct('x', 1))"));
    }
}
