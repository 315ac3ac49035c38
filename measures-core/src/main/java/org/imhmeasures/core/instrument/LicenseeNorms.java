/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.imhmeasures.core.internal.JsonFields;
import org.imhmeasures.core.internal.JsonFields.FieldException;

/**
 * Cut-offs and bands that a licensee supplies for instruments whose numbers are printed only in licensed
 * materials ({@link Instrument#licenseeCutoff()}; ASQ:SE-2: the cut-off and monitoring zone of each
 * interval, from the User's Guide). Read from a JSON file of format {@value #FORMAT}, documented with its
 * JSON Schema in {@code docs/norms.md} and {@code docs/norms.schema.json}:
 *
 * <pre>{@code
 * {
 *   "format": "imh-measures/norms@1",
 *   "source": "where the licensee took the numbers (e.g. the User's Guide edition and page)",
 *   "instruments": {
 *     "ASQ:SE-2:2m": {
 *       "caseness": {"threshold": ..., "comparison": "at_least", "meaning": "...", "source": "..."},
 *       "bands": {"source": "...", "bands": [{"label": "monitoring zone", "from": ..., "to": ...}]}
 *     }
 *   }
 * }
 * }</pre>
 *
 * {@code caseness} and {@code bands} have the same form as in an instrument definition; each is optional,
 * but an entry must give at least one. The numbers are checked against the instrument's total range when
 * applied ({@link #apply(Instrument)}, {@link Catalogue#withNorms(LicenseeNorms)}). The library ships no
 * such file and no such number.
 *
 * <p>Immutable and thread-safe. Values are not patient data; messages name the file and JSON path.
 *
 * @since 0.2.0
 */
public final class LicenseeNorms {

    /** The format tag of a licensee norms file. */
    public static final String FORMAT = "imh-measures/norms@1";

    private final String name;
    private final Source source;
    private final Map<String, Supplied> byInstrument;

    /** What the file gives one instrument. */
    private record Supplied(Optional<Cutoff> caseness, Bands bands) {
    }

    private LicenseeNorms(String name, Source source, Map<String, Supplied> byInstrument) {
        this.name = name;
        this.source = source;
        this.byInstrument = byInstrument;
    }

    /**
     * Reads a norms file.
     *
     * @param file the file
     * @return the norms
     * @throws DefinitionException when the file cannot be read or is not a valid {@value #FORMAT} document
     */
    public static LicenseeNorms read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString());
        } catch (IOException e) {
            throw new DefinitionException(file.getFileName().toString(), "", "file must be readable: "
                    + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * Reads a norms document from a stream (not closed).
     *
     * @param in the document
     * @param name a name for messages, e.g. the file name
     * @return the norms
     * @throws DefinitionException when the document is not a valid {@value #FORMAT} document
     */
    public static LicenseeNorms read(InputStream in, String name) {
        JsonNode root = InstrumentDefinitions.parse(in, name);
        try {
            JsonFields fields = JsonFields.root(root);
            fields.allowOnly(Set.of("format", "source", "instruments", "comment"));
            String format = fields.text("format");
            if (!FORMAT.equals(format)) {
                throw fields.fail("format", "format must be " + FORMAT + ": \"" + format + "\"");
            }
            Source source = fields.build(() -> Source.of(fields.text("source")));
            JsonFields instruments = fields.object("instruments");
            Map<String, Supplied> byInstrument = new LinkedHashMap<>();
            for (String id : instruments.fieldNames()) {
                JsonFields entry = instruments.object(id);
                entry.allowOnly(Set.of("caseness", "bands", "comment"));
                Optional<Cutoff> caseness = entry.optionalObject("caseness").map(InstrumentDefinitions::cutoff);
                Bands bands = entry.optionalObject("bands").map(InstrumentDefinitions::bands).orElse(Bands.none());
                if (caseness.isEmpty() && bands.isEmpty()) {
                    throw instruments.fail(id, "entry must give caseness or bands: neither");
                }
                byInstrument.put(id, new Supplied(caseness, bands));
            }
            if (byInstrument.isEmpty()) {
                throw fields.fail("instruments", "instruments must name at least one instrument: none");
            }
            return new LicenseeNorms(name, source, Map.copyOf(byInstrument));
        } catch (FieldException e) {
            throw new DefinitionException(name, e.path(), e.getMessage(), e);
        }
    }

    /**
     * The name the norms were read under, for messages.
     *
     * @return the file name
     */
    public String name() {
        return name;
    }

    /**
     * Where the licensee took the numbers.
     *
     * @return the source
     */
    public Source source() {
        return source;
    }

    /**
     * The instruments the file supplies numbers for.
     *
     * @return their ids, sorted
     */
    public List<String> instrumentIds() {
        return byInstrument.keySet().stream().sorted().toList();
    }

    /**
     * The instrument with the supplied cut-off and bands, or unchanged when the file names it not.
     *
     * @param instrument an instrument
     * @return the instrument with the licensee's numbers
     * @throws DefinitionException when the instrument takes no licensee cut-off, already has one, or a
     *         supplied number lies outside its total range
     */
    public Instrument apply(Instrument instrument) {
        Supplied supplied = byInstrument.get(instrument.id());
        if (supplied == null) {
            return instrument;
        }
        try {
            return instrument.withSuppliedCutoff(supplied.caseness(), supplied.bands());
        } catch (IllegalArgumentException e) {
            throw new DefinitionException(name, "instruments." + instrument.id(), e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "LicenseeNorms[" + name + ", " + instrumentIds() + "]";
    }
}
