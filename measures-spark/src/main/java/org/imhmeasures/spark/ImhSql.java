/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.imhmeasures.scoring.AnswerKind;

/**
 * Spark SQL functions for SQL users, registered on a session by {@link #register}:
 * <pre>
 * SELECT record_id, imh_score('PHQ-9', named_struct('phq9_1', phq9_1, 'phq9_2', phq9_2, ...)) AS phq9
 * FROM assessments
 * </pre>
 * <ul>
 * <li>{@code imh_score(instrument, answers)}: {@code answers} a struct whose field names are item ids and
 *     whose values are option codes (strings or numbers; {@code NULL} or empty is a missing answer, an item
 *     without a field is missing); {@code instrument} a built-in instrument id.</li>
 * <li>{@code imh_score_scores(instrument, answers)}: the same with item scores instead of option codes (the
 *     CLI's {@code --answers scores}).</li>
 * </ul>
 * Both return a struct of strings, the cells of the CLI's scores and rejects CSV: {@code instrument},
 * {@code definition_version}, {@code status} ({@code scored} or {@code rejected}), {@code reason} and
 * {@code message} (a rejected administration's reject reason and message, else {@code NULL}),
 * {@code raw_total}, {@code total}, {@code band}, {@code caseness}, {@code items_missing}, {@code prorated}
 * ({@code NULL} when rejected), {@code critical_items} and {@code critical_unanswered} (item ids joined by
 * {@code ;}, filled when rejected too: an alert is never dropped), and {@code subscales}, a map from subscale id
 * to score. A {@code NULL} instrument or struct gives {@code NULL}; an instrument outside the built-in catalogue
 * fails the query. Scorers are built once per executor JVM and instrument.
 *
 * @since 0.1.0
 */
public final class ImhSql {

    /** The name of the function over option codes. */
    public static final String SCORE = "imh_score";
    /** The name of the function over item scores. */
    public static final String SCORE_FROM_SCORES = "imh_score_scores";

    static final List<String> RESULT_FIELDS = List.of("instrument", "definition_version", "status", "reason",
            "message", "raw_total", "total", "band", "caseness", "items_missing", "prorated", "critical_items",
            "critical_unanswered", "subscales");

    private ImhSql() {
    }

    /**
     * Registers {@value #SCORE} and {@value #SCORE_FROM_SCORES} on the session (replacing functions of those
     * names).
     *
     * @param spark the session
     */
    public static void register(SparkSession spark) {
        Checks.notNull(spark, "spark session");
        spark.udf().register(SCORE, new ScoreFunction(AnswerKind.CODES), resultType());
        spark.udf().register(SCORE_FROM_SCORES, new ScoreFunction(AnswerKind.SCORES), resultType());
    }

    /**
     * The type both functions return.
     *
     * @return the struct type
     */
    public static StructType resultType() {
        List<StructField> fields = new ArrayList<>();
        for (String name : RESULT_FIELDS) {
            fields.add(name.equals("subscales")
                    ? DataTypes.createStructField(name, DataTypes.createMapType(DataTypes.StringType,
                            DataTypes.StringType), true)
                    : DataTypes.createStructField(name, DataTypes.StringType, !name.equals("instrument")
                            && !name.equals("definition_version") && !name.equals("status")));
        }
        return DataTypes.createStructType(fields);
    }
}
