package org.imhmeasures.scoring.dataset;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes CSV rows straight to a Jackson {@link CsvGenerator} (no data binding per row). Closing it
 * flushes but leaves the underlying writer open: the caller owns it.
 */
final class CsvOut implements Closeable {

    private final CsvGenerator generator;

    CsvOut(CsvMapper mapper, Writer writer) throws IOException {
        generator = mapper.getFactory().createGenerator(writer);
        generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        generator.setSchema(CsvSchema.emptySchema());
    }

    void row(List<String> cells) throws IOException {
        generator.writeStartArray();
        for (int i = 0; i < cells.size(); i++) {
            generator.writeString(cells.get(i));
        }
        generator.writeEndArray();
    }

    void row(String... cells) throws IOException {
        generator.writeStartArray();
        for (String cell : cells) {
            generator.writeString(cell);
        }
        generator.writeEndArray();
    }

    void flush() throws IOException {
        generator.flush();
    }

    @Override
    public void close() throws IOException {
        generator.close();
    }
}
