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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.imhmeasures.core.internal.Check;
import org.imhmeasures.core.internal.JsonFields;
import org.imhmeasures.core.internal.JsonFields.FieldException;
import org.jspecify.annotations.Nullable;

/**
 * An immutable set of instruments looked up by id: the built-in catalogue, a user's own instruments,
 * or both.
 *
 * <p>{@link #builtIn()} holds the instruments shipped with the library, each read from its
 * definition file in this jar. Where a licence forbids shipping the item wording (EPDS, WEMWBS,
 * SWEMWBS, HADS, KIPS, ADBB…) the built-in definition has ids, values and structure only; a licensee adds
 * the text with {@link #withWording(InputStream, String)}.
 *
 * <p>The built-in definitions are read and validated lazily, each on the first call that needs it:
 * {@link #get}, {@link #find} and {@link #withWording} read only the instrument asked for, {@link #ids()}
 * and {@link #toString()} read none, {@link #instruments()} reads them all. A command that scores one
 * instrument therefore starts without reading the others. An invalid definition fails with the same
 * {@link DefinitionException} on every call that needs it (a failure is never cached); one that read
 * cleanly is read once.
 *
 * <p>Instances are immutable and safe to share between threads; a definition read by one thread is
 * visible to every other.
 *
 * @since 0.1.0
 */
public final class Catalogue {

    /** The format tag of a wording supplement file. */
    public static final String WORDING_FORMAT = "imh-measures/wording@1";

    /**
     * The built-in instrument ids and their definition files, in catalogue order: the index that lets the
     * catalogue list its ids without reading a file. Each file's own {@code id} must match (checked when read).
     */
    static final Map<String, String> BUILT_IN_INDEX = builtInIndex("PHQ-9", "phq9.json", "GAD-7", "gad7.json",
            "EPDS", "epds.json", "CORE-10", "core10.json", "WEMWBS", "wemwbs.json", "SWEMWBS", "swemwbs.json",
            "GBO", "gbo.json", "PIR-GAS", "pirgas.json", "KPCS", "kpcs.json", "PBQ", "pbq.json", "HADS", "hads.json",
            "KIPS", "kips.json", "PHQ-2", "phq2.json", "GAD-2", "gad2.json", "WHOOLEY", "whooley.json",
            "ADBB", "adbb.json", "M-ADBB", "madbb.json", "MAAS", "maas.json", "ASQ:SE-2:2m", "asqse2_2m.json",
            "ASQ:SE-2:60m", "asqse2_60m.json", "LOAF", "loaf.json", "CORE-OM", "coreom.json", "BPSES", "bpses.json",
            "FFT", "fft.json", "CHI-ESQ", "chiesq.json");

    /** Resource names of the built-in definitions, in catalogue order. */
    static final List<String> BUILT_IN_FILES = List.copyOf(BUILT_IN_INDEX.values());

    /** Built-in references (instruments listed for identity, licence and structure only): id → file. */
    static final Map<String, String> BUILT_IN_REFERENCES = builtInIndex("MORS-SF", "morssf.json", "MPAS",
            "mpas.json", "PRFQ", "prfq.json", "YP-CORE", "ypcore.json");

    private final Map<String, Entry> byId;
    // ids of the built-in references this catalogue lists: those not replaced by an instrument of the same id
    private final Set<String> referenceIds;

    private Catalogue(Map<String, Entry> byId) {
        this(byId, Set.of());
    }

    private Catalogue(Map<String, Entry> byId, Set<String> referenceIds) {
        this.byId = Collections.unmodifiableMap(byId);
        Set<String> listed = new LinkedHashSet<>(referenceIds);
        listed.removeAll(byId.keySet());
        this.referenceIds = Collections.unmodifiableSet(listed);
    }

    private static Map<String, String> builtInIndex(String... idsAndFiles) {
        Map<String, String> index = new LinkedHashMap<>();
        for (int i = 0; i < idsAndFiles.length; i += 2) {
            index.put(idsAndFiles[i], idsAndFiles[i + 1]);
        }
        return Collections.unmodifiableMap(index);
    }

    /**
     * The instruments shipped with the library, each read and validated once, on first use (see the class
     * description).
     *
     * @return the built-in catalogue
     */
    public static Catalogue builtIn() {
        Catalogue catalogue = builtIn;
        if (catalogue == null) {
            synchronized (Catalogue.class) {
                catalogue = builtIn;
                if (catalogue == null) {
                    catalogue = BuiltIn.index();
                    builtIn = catalogue;
                }
            }
        }
        return catalogue;
    }

    /** The index, built on first use; each definition is read when first asked for ({@link Entry}). */
    private static volatile Catalogue builtIn;

    /**
     * A catalogue of the given instruments.
     *
     * @param instruments instruments with unique ids
     * @return the catalogue
     */
    public static Catalogue of(Collection<Instrument> instruments) {
        Map<String, Entry> byId = new LinkedHashMap<>();
        for (Instrument instrument : instruments) {
            Check.argument(byId.put(instrument.id(), Entry.of(instrument)) == null,
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
        Map<String, Entry> copy = new LinkedHashMap<>(byId);
        copy.put(instrument.id(), Entry.of(instrument));
        // a definition with a reference's id (a licensee holding the scoring key) replaces the reference
        return new Catalogue(copy, referenceIds);
    }

    /**
     * Finds an instrument by id, e.g. {@code PHQ-9}.
     *
     * @param id the instrument id, exact
     * @return the instrument, or empty
     * @throws DefinitionException if it is a built-in instrument whose shipped definition is invalid (a build
     *         defect)
     */
    public Optional<Instrument> find(String id) {
        Entry entry = byId.get(id);
        return entry == null ? Optional.empty() : Optional.of(entry.instrument());
    }

    /**
     * Returns the instrument with the id.
     *
     * @param id the instrument id, exact
     * @return the instrument
     * @throws IllegalArgumentException when no instrument has that id
     * @throws DefinitionException if it is a built-in instrument whose shipped definition is invalid (a build
     *         defect)
     */
    public Instrument get(String id) {
        Entry entry = byId.get(id);
        if (entry == null) {
            Optional<InstrumentReference> reference = reference(id);
            Check.argument(reference.isEmpty(), "instrument %s is listed for reference only and cannot be scored: %s",
                    id, reference.map(InstrumentReference::notScorableBecause).orElse(""));
        }
        Check.argument(entry != null, "instrument must be one of %s: %s", byId.keySet(), id);
        return entry.instrument();
    }

    /**
     * The instruments this catalogue lists for reference only: identity, licence and confirmed structure,
     * with the omissions that keep them from being scored (see {@link InstrumentReference}). The built-in
     * catalogue lists the built-in references; a catalogue made with {@link #of} lists none; adding an
     * instrument with a reference's id ({@link #with}) replaces the reference.
     *
     * @return the references, in catalogue order, unmodifiable
     * @throws DefinitionException if a shipped reference file is invalid (a build defect)
     * @since 0.1.0
     */
    public List<InstrumentReference> references() {
        List<InstrumentReference> references = new ArrayList<>(referenceIds.size());
        for (String id : referenceIds) {
            references.add(BuiltInReferences.get(id));
        }
        return List.copyOf(references);
    }

    /**
     * Finds a reference by id, e.g. {@code MORS-SF}.
     *
     * @param id the id, exact
     * @return the reference, or empty when this catalogue lists none with that id (or has an instrument with it)
     * @throws DefinitionException if a shipped reference file is invalid (a build defect)
     * @since 0.1.0
     */
    public Optional<InstrumentReference> reference(String id) {
        return referenceIds.contains(id) ? Optional.of(BuiltInReferences.get(id)) : Optional.empty();
    }

    /**
     * The instrument ids, in catalogue order, without reading any definition.
     *
     * @return an unmodifiable list
     * @since 0.1.0
     */
    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    /**
     * All instruments, in catalogue order; reads every definition not read yet.
     *
     * @return an unmodifiable list
     * @throws DefinitionException if a shipped definition is invalid (a build defect)
     */
    public List<Instrument> instruments() {
        List<Instrument> instruments = new ArrayList<>(byId.size());
        for (Entry entry : byId.values()) {
            instruments.add(entry.instrument());
        }
        return List.copyOf(instruments);
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
                if (scale instanceof ResponseScale.Rating) {
                    throw entry.fail("options", "options must only be given for coded items: " + itemId
                            + " is a rating");
                }
                Map<String, String> labels = new HashMap<>();
                for (String code : options.get().fieldNames()) {
                    if (!scale.allows(code)) {
                        throw options.get().fail(code, "option code must be one of " + scale.describeAllowed()
                                + ": \"" + code + "\"");
                    }
                    labels.put(code, options.get().text(code));
                }
                scale = relabel(scale, labels);
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
                instrument.licence(), instrument.omissions(), instrument.derivedFrom(), instrument.ageInterval(),
                instrument.licenseeCutoff()));
    }

    /** The scale with the given option labels by code; a rating has none to relabel. */
    private static ResponseScale relabel(ResponseScale scale, Map<String, String> labels) {
        if (scale instanceof ResponseScale.Options coded) {
            List<AnswerOption> relabelled = new ArrayList<>();
            for (AnswerOption option : coded.options()) {
                String label = labels.get(option.code());
                relabelled.add(label == null ? option : option.withLabel(label));
            }
            return new ResponseScale.Options(relabelled);
        }
        if (scale instanceof ResponseScale.Unscored unscored) {
            List<AnswerCategory> relabelled = new ArrayList<>();
            for (AnswerCategory category : unscored.categories()) {
                String label = labels.get(category.code());
                relabelled.add(label == null ? category : category.withLabel(label));
            }
            return new ResponseScale.Unscored(relabelled);
        }
        return scale;
    }

    /**
     * This catalogue with the cut-offs and bands of a licensee norms file applied (format
     * {@value LicenseeNorms#FORMAT}; see {@link LicenseeNorms}). Each instrument the file names must be in the
     * catalogue and take a licensee cut-off ({@link Instrument#licenseeCutoff()}).
     *
     * @param norms the norms read from the licensee's file
     * @return the catalogue with the supplied cut-offs
     * @throws DefinitionException when the file names an instrument that is not here or takes no licensee
     *         cut-off, or a supplied value does not fit the instrument
     * @since 0.2.0
     */
    public Catalogue withNorms(LicenseeNorms norms) {
        Catalogue result = this;
        for (String id : norms.instrumentIds()) {
            Instrument instrument = find(id).orElseThrow(() -> new DefinitionException(norms.name(),
                    "instruments." + id, "instrument must be one of " + byId.keySet() + ": \"" + id + "\"", null));
            result = result.with(norms.apply(instrument));
        }
        return result;
    }

    /**
     * The questionnaires of an age-interval family ({@link Instrument#ageInterval()}), youngest interval first:
     * for {@code ASQ:SE-2} the built-in intervals. Reads every definition.
     *
     * @param family the family id, e.g. {@code ASQ:SE-2}
     * @return the family's instruments by ascending months; empty when no instrument belongs to it
     * @since 0.2.0
     */
    public List<Instrument> intervals(String family) {
        List<Instrument> found = new ArrayList<>();
        for (Instrument instrument : instruments()) {
            if (instrument.ageInterval().filter(a -> a.family().equals(family)).isPresent()) {
                found.add(instrument);
            }
        }
        found.sort(Comparator.comparingInt(i -> i.ageInterval().orElseThrow().months()));
        return List.copyOf(found);
    }

    /**
     * The questionnaire of an age-interval family for the interval the caller has chosen.
     *
     * @param family the family id, e.g. {@code ASQ:SE-2}
     * @param months the interval in months, e.g. {@code 60}
     * @return the instrument, or empty when the catalogue has no such interval
     * @since 0.2.0
     */
    public Optional<Instrument> interval(String family, int months) {
        return intervals(family).stream().filter(i -> i.ageInterval().orElseThrow().months() == months).findFirst();
    }

    /**
     * The shorter instruments asked as part of the given one ({@link Instrument#derivedFrom()}): for
     * {@code PHQ-9} the PHQ-2, for {@code GAD-7} the GAD-2. Reads every definition.
     *
     * @param parentId the longer instrument's id
     * @return the derived instruments in catalogue order, possibly none
     * @since 0.2.0
     */
    public List<Instrument> derivedForms(String parentId) {
        List<Instrument> found = new ArrayList<>();
        for (Instrument instrument : instruments()) {
            if (instrument.derivedFrom().filter(d -> d.parentId().equals(parentId)).isPresent()) {
                found.add(instrument);
            }
        }
        return List.copyOf(found);
    }

    /** A fresh built-in catalogue with nothing read, for tests of lazy reading. */
    static Catalogue builtInUnread() {
        return BuiltIn.index();
    }

    /** The ids whose definitions are read, in catalogue order, for tests of lazy reading. */
    List<String> readIds() {
        List<String> read = new ArrayList<>();
        byId.forEach((id, entry) -> {
            if (entry.isRead()) {
                read.add(id);
            }
        });
        return read;
    }

    @Override
    public String toString() {
        return "Catalogue" + byId.keySet();
    }

    /**
     * One instrument of a catalogue: given (already read), or a built-in definition file read on first use.
     * Reading is serialised per entry and the result published through a volatile field, so concurrent
     * callers read the file at most once when it is valid; a failure is not kept, the next caller reads again.
     */
    private static final class Entry {
        private final String id;
        private final String file;
        private volatile @Nullable Instrument instrument; // null until read

        private Entry(String id, String file, @Nullable Instrument instrument) {
            this.id = id;
            this.file = file;
            this.instrument = instrument;
        }

        static Entry of(Instrument instrument) {
            return new Entry(instrument.id(), "", instrument);
        }

        static Entry builtIn(String id, String file) {
            return new Entry(id, file, null);
        }

        boolean isRead() {
            return instrument != null;
        }

        Instrument instrument() {
            Instrument read = instrument;
            if (read == null) {
                synchronized (this) {
                    read = instrument;
                    if (read == null) {
                        read = BuiltIn.read(id, file);
                        instrument = read;
                    }
                }
            }
            return read;
        }
    }

    /** Reads the built-in definitions from this jar. */
    /** The built-in reference files, each read and checked once, when first asked for. */
    private static final class BuiltInReferences {

        private static final Map<String, InstrumentReference> READ = new ConcurrentHashMap<>();

        private BuiltInReferences() {
        }

        static InstrumentReference get(String id) {
            return READ.computeIfAbsent(id, BuiltInReferences::read);
        }

        private static InstrumentReference read(String id) {
            String file = BUILT_IN_REFERENCES.get(id);
            try (InputStream in = Catalogue.class.getResourceAsStream("catalogue/references/" + file)) {
                if (in == null) {
                    throw new DefinitionException(file, "", "built-in reference must be in the jar: missing", null);
                }
                InstrumentReference reference = InstrumentReferences.read(in, file);
                if (!reference.id().equals(id)) {
                    throw new DefinitionException(file, "id", "id must be the one the catalogue index names, " + id
                            + ": \"" + reference.id() + "\"", null);
                }
                if (BUILT_IN_INDEX.containsKey(id)) {
                    throw new DefinitionException(file, "id", "id must not be a built-in instrument's: " + id, null);
                }
                return reference;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class BuiltIn {

        private BuiltIn() {
        }

        /** The built-in catalogue with no definition read yet. */
        static Catalogue index() {
            Map<String, Entry> entries = new LinkedHashMap<>();
            BUILT_IN_INDEX.forEach((id, file) -> entries.put(id, Entry.builtIn(id, file)));
            return new Catalogue(entries, BUILT_IN_REFERENCES.keySet());
        }

        static Instrument read(String id, String file) {
            try (InputStream in = Catalogue.class.getResourceAsStream("catalogue/" + file)) {
                if (in == null) {
                    throw new DefinitionException(file, "", "built-in definition must be in the jar: missing", null);
                }
                Instrument instrument = InstrumentDefinitions.read(in, file);
                if (!instrument.id().equals(id)) {
                    throw new DefinitionException(file, "id", "id must be the one the catalogue index names, " + id
                            + ": \"" + instrument.id() + "\"", null);
                }
                checkShippedWording(instrument, file);
                return instrument;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** A restricted instrument must ship without any item or option text. */
        private static void checkShippedWording(Instrument instrument, String file) {
            if (instrument.licence().wording() != Licence.WordingPolicy.MUST_NOT_SHIP) {
                return;
            }
            for (Item item : instrument.items()) {
                boolean labelled = item.scale().listedAnswers().stream().anyMatch(o -> o.label().isPresent());
                if (item.wording().isPresent() || labelled) {
                    throw new DefinitionException(file, "items[" + (item.position() - 1) + "]",
                            "wording must not ship under the " + instrument.id() + " licence: present", null);
                }
            }
        }
    }
}
