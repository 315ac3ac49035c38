package org.imhmeasures.benchmarks;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.dataset.DatasetScoring;
import org.imhmeasures.scoring.dataset.DatasetSummary;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * P2, warm and in memory: 100,000 PHQ-9 rows (about 1% empty cells) read, scored and written by the
 * library, against Jackson CSV reading the same rows and writing rows of the same width with the same
 * parser and generator calls. Complements the whole-command timings of {@code scripts/bench_csv.py},
 * which include JVM start-up and JIT warm-up. Output goes to a discarding writer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CsvBenchmark {

    private static final int ROWS = 100_000;

    private String csv;
    private DatasetScoring scoring;
    private CsvMapper mapper;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(1);
        StringBuilder text = new StringBuilder("record_id,phq9_1,phq9_2,phq9_3,phq9_4,phq9_5,phq9_6,phq9_7,phq9_8,"
                + "phq9_9\n");
        for (int r = 0; r < ROWS; r++) {
            text.append('R').append(r);
            for (int i = 0; i < 9; i++) {
                text.append(',');
                if (random.nextInt(100) != 0) {
                    text.append(random.nextInt(4));
                }
            }
            text.append('\n');
        }
        csv = text.toString();
        scoring = DatasetScoring.of(Scorer.of(Catalogue.builtIn().get("PHQ-9")));
        mapper = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
    }

    @Benchmark
    public DatasetSummary library() throws IOException {
        return scoring.score(new StringReader(csv), Writer.nullWriter(), Optional.of(Writer.nullWriter()), h -> { });
    }

    @Benchmark
    public long jacksonAlone() throws IOException {
        long rows = 0;
        try (CsvParser parser = mapper.getFactory().createParser(new StringReader(csv));
                CsvGenerator writer = mapper.getFactory().createGenerator(Writer.nullWriter())) {
            parser.setSchema(CsvSchema.emptySchema());
            parser.enable(CsvParser.Feature.WRAP_AS_ARRAY);
            writer.setSchema(CsvSchema.emptySchema());
            parser.nextToken();
            List<String> cells = new ArrayList<>(16);
            while (parser.nextToken() == JsonToken.START_ARRAY) {
                cells.clear();
                JsonToken token;
                while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
                    cells.add(parser.getText());
                }
                writer.writeStartArray();
                for (int c = 0; c < 10; c++) {
                    writer.writeString(c < cells.size() ? cells.get(c) : "");
                }
                writer.writeEndArray();
                rows++;
            }
        }
        return rows;
    }
}
