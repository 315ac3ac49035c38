/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.spark;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.DefinitionException;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.scoring.AmbiguousScoreException;
import org.imhmeasures.scoring.AnswersOnlyException;
import org.imhmeasures.scoring.AnswerKind;
import org.imhmeasures.scoring.MissingItemPolicy;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.dataset.DatasetFormat;
import org.imhmeasures.scoring.dataset.RejectsCsv;
import org.imhmeasures.scoring.dataset.ScoresCsv;

/**
 * Scores a Spark {@code Dataset<Row>} of administrations of one instrument, as the CLI's {@code score}
 * command scores a wide CSV: the same columns, cells, reject reasons and accounting.
 *
 * <p>Input: a {@code record_id} column and one column per item id of the instrument ({@code phq9_1} …),
 * matched by exact name; other columns are not scored (name them in {@link #withKeptColumns} to carry them
 * to both outputs). Item columns may be strings or numbers: a number is read as its decimal text, a
 * {@code double} {@code 2.0} as {@code 2}; a SQL {@code NULL} or an empty string is a missing answer, as an
 * empty CSV cell is; an item without a column is missing in every row. The answers are option codes or item
 * scores, as declared ({@link AnswerKind}, the CLI's {@code --answers codes|scores}; an EPDS item 10 score 3
 * read as code 3 would hide a self-harm alert). A row whose record id is {@code NULL} or blank is rejected
 * as {@code missing_record_id}.
 *
 * <p>Output ({@link #score}): {@link SparkScores#scores()} has exactly the columns of the CLI's scores CSV
 * for wide input ({@link ScoresCsv#header}), as strings holding exactly the CLI's cells
 * ({@link ScoresCsv#cells}, before the CSV layer's formula neutralising, which Parquet does not need), then
 * the kept columns with their own types; {@link SparkScores#rejects()} has the CLI's rejects columns
 * ({@link RejectsCsv#COLUMNS}) but {@code line}, which a distributed dataset does not have: keep a column of
 * your own (a row number, the source file) to find a rejected row. Each input row gives exactly one output
 * row, scored or rejected; {@link #score} checks rows in = scored + rejected.
 *
 * <p>Scorers are not serialised: the definition is broadcast (a built-in instrument as its id, a user
 * definition as its JSON bytes), and each executor JVM builds the scorer once and shares it across tasks.
 * Nothing here logs, and messages never hold a record id or an answer.
 *
 * <p>Instances are immutable: {@code with...} methods return a copy.
 *
 * @since 0.1.0
 */
public final class SparkScoring {

    /** Index of {@code critical_items} among the scores columns. */
    static final int CRITICAL_ITEMS = ScoresCsv.COLUMNS.indexOf("critical_items");
    /** Index of {@code critical_unanswered} among the scores columns. */
    static final int CRITICAL_UNANSWERED = ScoresCsv.COLUMNS.indexOf("critical_unanswered");

    private static final String RECORD_ID = "record_id";
    private static final String STATUS = "imh_status";
    private static final String ALERTED = "imh_alerted";
    private static final String UNANSWERED = "imh_unanswered";
    private static final List<String> REJECT_ONLY = List.of("reason", "message");

    private final InstrumentSource source;
    private final Instrument instrument;
    private final AnswerKind kind;
    private final MissingItemPolicy policy;
    private final List<String> kept;

    private SparkScoring(InstrumentSource source, Instrument instrument, AnswerKind kind, MissingItemPolicy policy,
            List<String> kept) {
        this.source = source;
        this.instrument = instrument;
        this.kind = kind;
        this.policy = policy;
        this.kept = List.copyOf(kept);
        // fails here, on the driver, when the definition cannot be read as scores (KPCS items 1 and 9)
        Scorer.of(instrument, Scorers.options(kind, policy));
    }

    /**
     * Scoring of a built-in instrument under the instrument's own missing-item rule.
     *
     * @param instrumentId the id in the built-in catalogue, e.g. {@code PHQ-9}
     * @param answers whether the item columns hold option codes or item scores
     * @return the scoring
     * @throws IllegalArgumentException when the catalogue has no such instrument
     * @throws AmbiguousScoreException when {@code answers} is
     *         {@link AnswerKind#SCORES} and the definition gives one score to two codes
     */
    public static SparkScoring of(String instrumentId, AnswerKind answers) {
        Checks.notNull(instrumentId, "instrument id");
        Instrument instrument = Catalogue.builtIn().find(instrumentId).orElseThrow(() -> new IllegalArgumentException(
                "instrument must be in the built-in catalogue: " + instrumentId));
        return new SparkScoring(InstrumentSource.builtIn(instrument.id()), instrument,
                Checks.notNull(answers, "answer kind"), MissingItemPolicy.INSTRUMENT_RULE, List.of());
    }

    /**
     * Scoring of a user's instrument definition ({@code imh-measures/instrument@1} JSON), read and validated
     * here on the driver; executors receive the bytes and read them once per JVM.
     *
     * @param definitionJson the definition file's bytes
     * @param name the file name, for error messages
     * @param answers whether the item columns hold option codes or item scores
     * @return the scoring
     * @throws DefinitionException when the definition is invalid
     * @throws AnswersOnlyException when {@code answers} is {@link AnswerKind#SCORES} and the instrument records
     *         answers only (its scores CSV columns then end with one {@code answer:<item id>} per item)
     */
    public static SparkScoring ofDefinition(byte[] definitionJson, String name, AnswerKind answers) {
        InstrumentSource source = InstrumentSource.definition(Checks.notNull(definitionJson, "definition"),
                Checks.notNull(name, "name"));
        return new SparkScoring(source, source.instrument(), Checks.notNull(answers, "answer kind"),
                MissingItemPolicy.INSTRUMENT_RULE, List.of());
    }

    /**
     * Returns a copy with another missing-item policy (the CLI's {@code --missing}).
     *
     * @param missingItems the policy
     * @return a new instance
     */
    public SparkScoring with(MissingItemPolicy missingItems) {
        return new SparkScoring(source, instrument, kind, Checks.notNull(missingItems, "missing-item policy"), kept);
    }

    /**
     * Returns a copy that carries input columns to both outputs, after their own columns, with their types:
     * a team, an age band, a row number to find rejects by.
     *
     * @param columns input column names, none repeating a scores or rejects column
     * @return a new instance
     * @throws IllegalArgumentException when a name repeats an output column or another kept column
     */
    public SparkScoring withKeptColumns(List<String> columns) {
        List<String> names = List.copyOf(Checks.notNull(columns, "kept columns"));
        List<String> taken = new ArrayList<>(outcomeColumns());
        for (String name : names) {
            Checks.argument(!taken.contains(name), "kept column must not repeat an output column: %s", name);
            taken.add(name);
        }
        return new SparkScoring(source, instrument, kind, policy, names);
    }

    /**
     * The instrument scored.
     *
     * @return the instrument
     */
    public Instrument instrument() {
        return instrument;
    }

    /**
     * The columns of the scores dataset before the kept columns: the CLI's scores CSV header for wide input.
     *
     * @return column names
     */
    public List<String> scoresColumns() {
        return ScoresCsv.header(instrument, DatasetFormat.WIDE_CSV);
    }

    /**
     * The columns of the rejects dataset before the kept columns: the CLI's rejects CSV header without
     * {@code line}.
     *
     * @return column names
     */
    public static List<String> rejectsColumns() {
        return RejectsCsv.COLUMNS.subList(1, RejectsCsv.COLUMNS.size());
    }

    /**
     * Scores every row of {@code input}. The scored dataset is persisted (memory, then disk) so that the
     * counts, the scores and the rejects come from one scoring pass; {@link SparkScores#unpersist()} frees it.
     * Runs two Spark jobs here (the counts, and the input's row count they are checked against); writing the
     * outputs runs more.
     *
     * @param input the administrations
     * @return the scores, rejects and checked counts
     * @throws IllegalArgumentException when the input has no {@code record_id} column, no column for any
     *         item, two columns of one name among them, or lacks a kept column
     * @throws IllegalStateException when rows in differ from scored + rejected (a defect)
     */
    public SparkScores score(Dataset<Row> input) {
        Checks.notNull(input, "input");
        StructType schema = input.schema();
        List<String> names = Arrays.asList(schema.fieldNames());
        int recordId = names.indexOf(RECORD_ID);
        Checks.argument(recordId >= 0, "input must have a record_id column: %s", "absent");
        // as the CLI refuses a CSV header that repeats a cell: which of two columns holds the answer is unknown
        Checks.argument(names.lastIndexOf(RECORD_ID) == recordId, "input must have one record_id column: %s",
                "repeated");
        int[] items = new int[instrument.items().size()];
        boolean anyItem = false;
        for (int i = 0; i < items.length; i++) {
            String item = instrument.items().get(i).id();
            items[i] = names.indexOf(item);
            Checks.argument(names.lastIndexOf(item) == items[i], "input must have one column per item: %s repeated",
                    item);
            anyItem |= items[i] >= 0;
        }
        Checks.argument(anyItem, "input must have at least one item column of %s: none", instrument.id());
        int[] keptIndex = new int[kept.size()];
        List<StructField> keptFields = new ArrayList<>();
        for (int k = 0; k < keptIndex.length; k++) {
            keptIndex[k] = names.indexOf(kept.get(k));
            Checks.argument(keptIndex[k] >= 0, "input must have the kept column %s: absent", kept.get(k));
            keptFields.add(schema.fields()[keptIndex[k]]);
        }
        Broadcast<InstrumentSource> definition = JavaSparkContext.fromSparkContext(input.sparkSession().sparkContext())
                .broadcast(source);
        StructType outcome = outcomeSchema(keptFields);
        PartitionScorer scorer = new PartitionScorer(definition, kind, policy, recordId, items, keptIndex,
                scoresColumns().size());
        Dataset<Row> scoredRows = input.mapPartitions(scorer, Encoders.row(outcome))
                .persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> scores = scoredRows.filter(col(STATUS).equalTo(PartitionScorer.SCORED))
                .select(columns(scoresColumns()));
        Dataset<Row> rejects = scoredRows.filter(col(STATUS).equalTo(PartitionScorer.REJECTED))
                .select(columns(rejectsColumns()));
        return SparkScores.of(input, scoredRows, scores, rejects, STATUS, ALERTED, UNANSWERED);
    }

    /** The output columns, then the kept ones, quoted (subscale columns hold a colon). */
    private Column[] columns(List<String> names) {
        List<Column> columns = new ArrayList<>();
        for (String name : names) {
            columns.add(col(quote(name)));
        }
        for (String name : kept) {
            columns.add(col(quote(name)));
        }
        return columns.toArray(Column[]::new);
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /** Every column name of the scored rows before the kept ones. */
    private List<String> outcomeColumns() {
        List<String> names = new ArrayList<>(List.of(STATUS, ALERTED, UNANSWERED));
        names.addAll(scoresColumns());
        names.addAll(REJECT_ONLY);
        return names;
    }

    /** Status, alert flags, the scores cells, reason, message (strings), then the kept columns. */
    StructType outcomeSchema(List<StructField> keptFields) {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField(STATUS, DataTypes.StringType, false));
        fields.add(DataTypes.createStructField(ALERTED, DataTypes.BooleanType, false));
        fields.add(DataTypes.createStructField(UNANSWERED, DataTypes.BooleanType, false));
        for (String name : scoresColumns()) {
            fields.add(DataTypes.createStructField(name, DataTypes.StringType, true));
        }
        for (String name : REJECT_ONLY) {
            fields.add(DataTypes.createStructField(name, DataTypes.StringType, true));
        }
        fields.addAll(keptFields);
        return DataTypes.createStructType(fields);
    }

    /** Names the instrument, answer kind and policy; never data. */
    @Override
    public String toString() {
        return "SparkScoring[instrument=" + instrument.id() + ", answers=" + kind + ", missing=" + policy + "]";
    }
}
