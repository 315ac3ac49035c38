package org.imhmeasures.scoring.dataset;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.core.instrument.Subscale;
import org.imhmeasures.core.internal.Check;
import org.imhmeasures.scoring.CriticalAlert;
import org.imhmeasures.scoring.NotScorable;
import org.imhmeasures.scoring.Problem;
import org.imhmeasures.scoring.ScoreResult;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.SubscaleScore;

/**
 * Scores a wide CSV file (one administration per row) in one streaming pass, in constant memory.
 *
 * <p>Input: a header row with a {@code record_id} column and item-id columns ({@code phq9_1} …); other
 * columns are ignored; an empty cell is a missing answer. Output header, exactly:
 * <pre>record_id,instrument,definition_version,raw_total,total,band,caseness,items_missing,prorated,critical_items</pre>
 * followed by one {@code subscale:<id>} column per subscale. {@code caseness} is {@code true}, {@code false}
 * or empty; {@code items_missing} is the number of unanswered items; {@code critical_items} the ids of
 * critical items at alert level joined by {@code ;}. Rows that cannot be scored go to the rejects as
 * {@code line,record_id,reason,message}; reasons are {@link Problem#code()} values plus
 * {@code malformed_row} (wrong number of cells) and {@code missing_record_id}. A rejected row whose
 * critical item was validly answered at alert level says so in its message: alerts are never dropped.
 *
 * <p>Rows read = rows scored + rows rejected, always ({@link DatasetSummary}). Instances are immutable
 * and thread-safe; each call uses its own reader and writers.
 *
 * @since 0.1.0
 */
public final class WideCsvScoring {

    /** Output columns before the subscale columns. */
    public static final List<String> OUTPUT_COLUMNS = List.of("record_id", "instrument", "definition_version",
            "raw_total", "total", "band", "caseness", "items_missing", "prorated", "critical_items");

    /** Rejects file columns. */
    public static final List<String> REJECT_COLUMNS = List.of("line", "record_id", "reason", "message");

    private static final String RECORD_ID = "record_id";

    private final Scorer scorer;
    private final CsvMapper mapper;

    private WideCsvScoring(Scorer scorer) {
        this.scorer = Check.notNull(scorer, "scorer");
        // quote only where CSV needs it, so output is stable and diff-friendly
        this.mapper = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
        // a hostile cell must not exhaust memory
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxStringLength(100_000).build());
    }

    /**
     * Creates a dataset scorer around a {@link Scorer}.
     *
     * @param scorer the scorer (instrument and options)
     * @return the dataset scorer
     */
    public static WideCsvScoring of(Scorer scorer) {
        return new WideCsvScoring(scorer);
    }

    /**
     * The output header for this instrument.
     *
     * @return column names
     */
    public List<String> outputHeader() {
        List<String> header = new ArrayList<>(OUTPUT_COLUMNS);
        for (Subscale subscale : scorer.instrument().subscales()) {
            header.add("subscale:" + subscale.id());
        }
        return header;
    }

    /**
     * The item ids of the instrument that the header lacks; such items are missing in every row.
     *
     * @param header the input header cells
     * @return absent item ids, in form order
     */
    public List<String> absentItemColumns(List<String> header) {
        List<String> absent = new ArrayList<>();
        scorer.instrument().items().forEach(item -> {
            if (!header.contains(item.id())) {
                absent.add(item.id());
            }
        });
        return absent;
    }

    /**
     * Scores every row of {@code input}, writing scored rows to {@code output} and unusable rows to
     * {@code rejects}. Readers and writers are not closed; writers are flushed.
     *
     * @param input the CSV input
     * @param output where scored rows go (header first)
     * @param rejects where rejected rows go (header first); empty to drop them after counting
     * @param headerListener receives the input header once it has been validated, e.g. to warn about absent
     *        item columns
     * @return the counts
     * @throws DatasetException when the input cannot be read or its header lacks {@code record_id} or
     *         every item column
     * @throws IOException when writing fails
     */
    public DatasetSummary score(Reader input, Writer output, Optional<Writer> rejects,
            java.util.function.Consumer<List<String>> headerListener) throws IOException {
        Instrument instrument = scorer.instrument();
        int itemCount = instrument.items().size();
        CsvSchema plain = CsvSchema.emptySchema();
        try (CsvParser parser = (CsvParser) mapper.getFactory().createParser(input);
                CsvOut out = new CsvOut(mapper, output);
                CsvOut rej = rejects.isPresent() ? new CsvOut(mapper, rejects.get()) : null) {
            parser.setSchema(plain);
            parser.enable(CsvParser.Feature.WRAP_AS_ARRAY);
            out.row(outputHeader());
            if (rej != null) {
                rej.row(REJECT_COLUMNS);
            }
            CsvRows rows = new CsvRows(parser);
            List<String> first = rows.next();
            List<String> header = first == null ? null : List.copyOf(first);
            if (header == null) {
                throw new DatasetException(1, "input must have a header row: empty file", null);
            }
            int recordIdColumn = header.indexOf(RECORD_ID);
            if (recordIdColumn < 0) {
                throw new DatasetException(1, "header must have a record_id column: absent", null);
            }
            Map<String, Integer> seen = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                if (seen.put(header.get(c), c) != null) {
                    throw new DatasetException(1, "header columns must be unique: " + safeColumn(header.get(c))
                            + " repeated", null);
                }
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
            headerListener.accept(List.copyOf(header));
            long read = 0;
            long scored = 0;
            long rejected = 0;
            long alerted = 0;
            String[] codes = new String[itemCount];
            List<String> row;
            while ((row = rows.next()) != null) {
                read++;
                long line = rows.lastRowLine();
                String recordId = recordIdColumn < row.size() ? row.get(recordIdColumn).strip() : "";
                if (row.size() != header.size()) {
                    rejected++;
                    reject(rej, line, recordId, "malformed_row", "row must have " + header.size() + " cells: "
                            + row.size());
                    continue;
                }
                if (recordId.isEmpty()) {
                    rejected++;
                    reject(rej, line, "", "missing_record_id", "record_id must not be empty: empty");
                    continue;
                }
                for (int i = 0; i < itemCount; i++) {
                    codes[i] = itemColumns[i] >= 0 ? row.get(itemColumns[i]) : null;
                }
                ScoreResult result = scorer.scoreCodes(codes);
                if (!result.criticalAlerts().isEmpty()) {
                    alerted++;
                }
                if (result instanceof Scored s) {
                    scored++;
                    writeRow(out, recordId, s);
                } else {
                    NotScorable n = (NotScorable) result;
                    rejected++;
                    reject(rej, line, recordId, n.firstProblem().code(), rejectMessage(n));
                }
            }
            out.flush();
            if (rej != null) {
                rej.flush();
            }
            return new DatasetSummary(read, scored, rejected, alerted);
        } catch (StreamReadException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new DatasetException(line, "input must be well-formed CSV: " + e.getOriginalMessage()
                    .replaceAll("\"[^\"]*\"", "\"...\""), e);
        }
    }

    private static final String[] SMALL_INTS = new String[1001];

    static {
        for (int i = 0; i < SMALL_INTS.length; i++) {
            SMALL_INTS[i] = Integer.toString(i);
        }
    }

    private static String text(int value) {
        return value >= 0 && value < SMALL_INTS.length ? SMALL_INTS[value] : Integer.toString(value);
    }

    /** Plain notation; uses the cached {@code toString()} whenever that is already plain. */
    static String plain(BigDecimal value) {
        boolean exponentForm = value.scale() < 0
                || value.signum() != 0 && value.precision() - value.scale() - 1 < -6;
        return exponentForm ? value.toPlainString() : value.toString();
    }

    private void writeRow(CsvOut out, String recordId, Scored s) throws IOException {
        String[] cells = new String[OUTPUT_COLUMNS.size() + s.subscales().size()];
        cells[0] = recordId;
        cells[1] = s.provenance().instrumentId();
        cells[2] = s.provenance().definitionVersion();
        cells[3] = text(s.rawTotal());
        // BigDecimal caches toString(), and our totals (scale 0 or 2) print without exponent, so the
        // shared complete-answer totals cost no formatting per row
        cells[4] = s.total().map(WideCsvScoring::plain).orElse("");
        cells[5] = s.band().map(b -> b.label()).orElse("");
        cells[6] = s.caseness().csv();
        cells[7] = text(s.itemsMissing().size());
        cells[8] = s.prorated() ? "true" : "false";
        cells[9] = s.criticalAlerts().isEmpty() ? "" : alertIds(s.criticalAlerts());
        int c = OUTPUT_COLUMNS.size();
        for (SubscaleScore sub : s.subscales().values()) {
            cells[c++] = sub.score().map(WideCsvScoring::plain).orElse("");
        }
        out.row(cells);
    }

    private static String rejectMessage(NotScorable n) {
        StringBuilder message = new StringBuilder();
        for (Problem problem : n.problems()) {
            if (message.length() > 0) {
                message.append("; ");
            }
            message.append(problem.message());
        }
        if (!n.criticalAlerts().isEmpty()) {
            message.append("; critical item at alert level: ").append(alertIds(n.criticalAlerts()));
        }
        return message.toString();
    }

    private static String alertIds(List<CriticalAlert> alerts) {
        StringBuilder ids = new StringBuilder();
        for (CriticalAlert alert : alerts) {
            if (ids.length() > 0) {
                ids.append(';');
            }
            ids.append(alert.itemId());
        }
        return ids.toString();
    }

    private static void reject(CsvOut rej, long line, String recordId, String reason, String message)
            throws IOException {
        if (rej != null) {
            rej.row(Long.toString(line), recordId, reason, message);
        }
    }

    private static String safeColumn(String name) {
        return name.matches("[A-Za-z0-9_:.\\-]{1,40}") ? name : "<column of " + name.length() + " characters>";
    }
}
