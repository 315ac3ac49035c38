/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.imhmeasures.core.internal.Check;
import org.imhmeasures.core.internal.JsonFields;
import org.imhmeasures.core.internal.JsonFields.FieldException;

/**
 * An immutable set of instruments looked up by id: the built-in catalogue, a user's own instruments,
 * or both.
 *
 * <p>{@link #builtIn()} holds the instruments shipped with the library, each read from its
 * definition file in this jar. Where a licence forbids shipping the item wording (EPDS, WEMWBS,
 * SWEMWBS, HADS, KIPS, ADBB…) the built-in definition has ids, values and structure only; a licensee adds
 * the text with {@link #withWording(InputStream, String)}.
 *
 * <p>Instances are immutable and safe to share between threads.
 *
 * @since 0.1.0
 */
public final class Catalogue {

    /** The format tag of a wording supplement file. */
    public static final String WORDING_FORMAT = "imh-measures/wording@1";

    /** Resource names of the built-in definitions, in catalogue order. */
    static final List<String> BUILT_IN_FILES = List.of("phq9.json", "gad7.json", "epds.json", "core10.json",
            "wemwbs.json", "swemwbs.json", "gbo.json", "pirgas.json", "kpcs.json", "pbq.json", "hads.json",
            "kips.json", "phq2.json", "gad2.json", "whooley.json", "adbb.json", "madbb.json", "maas.json");

    private final Map<String, Instrument> byId;

    private Catalogue(Map<String, Instrument> byId) {
        this.byId = Collections.unmodifiableMap(byId);
    }

    /**
     * The instruments shipped with the library, read and validated once.
     *
     * @return the built-in catalogue
     * @throws DefinitionException if a shipped definition is invalid (a build defect)
     */
    public static Catalogue builtIn() {
        Catalogue catalogue = builtIn;
        if (catalogue == null) {
            synchronized (Catalogue.class) {
                catalogue = builtIn;
                if (catalogue == null) {
                    catalogue = BuiltIn.load();
                    builtIn = catalogue;
                }
            }
        }
        return catalogue;
    }

    /** Read on first use; a failure is thrown to every caller as the same typed exception, never cached. */
    private static volatile Catalogue builtIn;

    /**
     * A catalogue of the given instruments.
     *
     * @param instruments instruments with unique ids
     * @return the catalogue
     */
    public static Catalogue of(Collection<Instrument> instruments) {
        Map<String, Instrument> byId = new LinkedHashMap<>();
        for (Instrument instrument : instruments) {
            Check.argument(byId.put(instrument.id(), instrument) == null,
                    "instrument ids must be unique in a catalogue: %s", instrument.id());
        }
        return new Catalogue(byId);
    }

    /**
     * Returns a catalogue with {@code instrument} added, replacing any instrument with the same id.
     *
     * @param instrument a user's own or revised instrument
     * @return a new catalogue
     */
    public Catalogue with(Instrument instrument) {
        Map<String, Instrument> copy = new LinkedHashMap<>(byId);
        copy.put(instrument.id(), instrument);
        return new Catalogue(copy);
    }

    /**
     * Finds an instrument by id, e.g. {@code PHQ-9}.
     *
     * @param id the instrument id, exact
     * @return the instrument, or empty
     */
    public Optional<Instrument> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * Returns the instrument with the id.
     *
     * @param id the instrument id, exact
     * @return the instrument
     * @throws IllegalArgumentException when no instrument has that id
     */
    public Instrument get(String id) {
        Instrument instrument = byId.get(id);
        Check.argument(instrument != null, "instrument must be one of %s: %s", byId.keySet(), id);
        return instrument;
    }

    /**
     * All instruments, in catalogue order.
     *
     * @return an unmodifiable list
     */
    public List<Instrument> instruments() {
        return List.copyOf(byId.values());
    }

    /**
     * Returns a catalogue in which one instrument carries item wording supplied by a licensee.
     *
     * <p>The supplement (format {@value #WORDING_FORMAT}) names the instrument id and the definition
     * version it was written for, and gives text per item id and optionally per option code:
     * <pre>{@code
     * {"format": "imh-measures/wording@1", "instrument": "EPDS", "definitionVersion": "1.0.0",
     *  "items": [{"id": "epds_1", "wording": "...", "options": {"0": "...", "1": "..."}}]}
     * }</pre>
     * Items not named keep what they had. Unknown items or codes, or a version mismatch, fail.
     *
     * @param in the supplement JSON; not closed
     * @param name file name for error messages
     * @return a new catalogue
     * @throws DefinitionException when the supplement is invalid
     */
    public Catalogue withWording(InputStream in, String name) {
        JsonNode root = InstrumentDefinitions.parse(in, name);
        try {
            return with(applyWording(JsonFields.root(root)));
        } catch (FieldException e) {
            throw new DefinitionException(name, e.path(), e.getMessage(), e);
        }
    }

    /**
     * Reads a wording supplement from a file; see {@link #withWording(InputStream, String)}.
     *
     * @param file the supplement
     * @return a new catalogue
     */
    public Catalogue withWording(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return withWording(in, file.getFileName().toString());
        } catch (IOException e) {
            throw new DefinitionException(file.getFileName().toString(), "", "file must be readable: "
                    + e.getClass().getSimpleName(), e);
        }
    }

    private Instrument applyWording(JsonFields root) {
        root.allowOnly(Set.of("format", "instrument", "definitionVersion", "items", "comment"));
        String format = root.text("format");
        if (!WORDING_FORMAT.equals(format)) {
            throw root.fail("format", "format must be " + WORDING_FORMAT + ": \"" + format + "\"");
        }
        String id = root.text("instrument");
        Instrument instrument = find(id).orElseThrow(() -> root.fail("instrument",
                "instrument must be one of " + byId.keySet() + ": \"" + id + "\""));
        String version = root.text("definitionVersion");
        if (!version.equals(instrument.definitionVersion())) {
            throw root.fail("definitionVersion", "definitionVersion must match the loaded " + id + " definition "
                    + instrument.definitionVersion() + ": \"" + version + "\"");
        }
        Map<String, Item> items = new LinkedHashMap<>(instrument.itemsById());
        root.objects("items", entry -> {
            entry.allowOnly(Set.of("id", "wording", "options"));
            String itemId = entry.text("id");
            Item item = items.get(itemId);
            if (item == null) {
                throw entry.fail("id", "id must name an item of " + id + ": \"" + itemId + "\"");
            }
            ResponseScale scale = item.scale();
            Optional<JsonFields> options = entry.optionalObject("options");
            if (options.isPresent()) {
                if (!(scale instanceof ResponseScale.Options coded)) {
                    throw entry.fail("options", "options must only be given for coded items: " + itemId
                            + " is a rating");
                }
                Map<String, String> labels = new HashMap<>();
                for (String code : options.get().fieldNames()) {
                    if (coded.scoreOf(code).isEmpty()) {
                        throw options.get().fail(code, "option code must be one of " + coded.describeAllowed()
                                + ": \"" + code + "\"");
                    }
                    labels.put(code, options.get().text(code));
                }
                List<AnswerOption> relabelled = new ArrayList<>();
                for (AnswerOption option : coded.options()) {
                    String label = labels.get(option.code());
                    relabelled.add(label == null ? option : option.withLabel(label));
                }
                scale = new ResponseScale.Options(relabelled);
            }
            Optional<String> wording = entry.optionalText("wording").or(item::wording);
            ResponseScale labelledScale = scale;
            items.put(itemId, entry.build(() -> item.withWording(wording, labelledScale)));
            return itemId;
        });
        return root.build(() -> new Instrument(instrument.id(), instrument.definitionVersion(), instrument.name(),
                instrument.respondent(), instrument.recallPeriod(), instrument.appliesTo(),
                List.copyOf(items.values()), instrument.itemScoring(), instrument.subscales(), instrument.scoring(),
                instrument.missingItems(), instrument.totalRange(), instrument.direction(), instrument.bands(),
                instrument.caseness(), instrument.reliableChange(), instrument.norms(), instrument.codes(),
                instrument.licence(), instrument.omissions()));
    }

    @Override
    public String toString() {
        return "Catalogue" + byId.keySet();
    }

    /** Reads the built-in definitions from this jar. */
    private static final class BuiltIn {

        private BuiltIn() {
        }

        static Catalogue load() {
            List<Instrument> instruments = new ArrayList<>();
            for (String file : BUILT_IN_FILES) {
                try (InputStream in = Catalogue.class.getResourceAsStream("catalogue/" + file)) {
                    if (in == null) {
                        throw new DefinitionException(file, "", "built-in definition must be in the jar: missing", null);
                    }
                    Instrument instrument = InstrumentDefinitions.read(in, file);
                    checkShippedWording(instrument, file);
                    instruments.add(instrument);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return of(instruments);
        }

        /** A restricted instrument must ship without any item or option text. */
        private static void checkShippedWording(Instrument instrument, String file) {
            if (instrument.licence().wording() != Licence.WordingPolicy.MUST_NOT_SHIP) {
                return;
            }
            for (Item item : instrument.items()) {
                boolean labelled = item.scale() instanceof ResponseScale.Options options
                        && options.options().stream().anyMatch(o -> o.label().isPresent());
                if (item.wording().isPresent() || labelled) {
                    throw new DefinitionException(file, "items[" + (item.position() - 1) + "]",
                            "wording must not ship under the " + instrument.id() + " licence: present", null);
                }
            }
        }
    }
}
