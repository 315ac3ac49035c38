/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.service;

import java.io.InputStream;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.imhmeasures.core.instrument.Omission;
import org.imhmeasures.core.instrument.Source;
import org.imhmeasures.core.internal.Check;
import org.imhmeasures.core.internal.DataFiles;
import org.imhmeasures.core.internal.JsonFields;

/**
 * The interventions catalogue (format {@value #FORMAT}): interventions used by parent-infant teams with
 * sourced format facts and EIF ratings only where confirmed; unconfirmed facts are listed in
 * {@link #omissions()}.
 *
 * @param version the data version
 * @param interventions the interventions, ids unique
 * @param omissions facts left out, with why
 * @since 0.1.0
 */
public record InterventionCatalogue(String version, List<Intervention> interventions, List<Omission> omissions) {

    /** The format tag. */
    public static final String FORMAT = "imh-measures/interventions@1";

    private static final class BuiltIn {
        static final InterventionCatalogue INSTANCE = DataFiles.resource(InterventionCatalogue.class,
                "interventions.json", FORMAT, InterventionCatalogue::read);
    }

    /**
     * Validates and copies.
     *
     * @param version the data version
     * @param interventions the interventions, ids unique
     * @param omissions facts left out, with why
     */
    public InterventionCatalogue {
        version = Check.notBlank(version, "version");
        interventions = List.copyOf(Check.notNull(interventions, "interventions"));
        omissions = List.copyOf(Check.notNull(omissions, "omissions"));
        Set<String> ids = new HashSet<>();
        interventions.forEach(i -> Check.argument(ids.add(i.id()), "intervention ids must be unique: %s", i.id()));
    }

    /**
     * The built-in catalogue.
     *
     * @return the catalogue
     */
    public static InterventionCatalogue builtIn() {
        return BuiltIn.INSTANCE;
    }

    /**
     * The intervention with {@code id}.
     *
     * @param id the id
     * @return the intervention, or empty
     */
    public Optional<Intervention> find(String id) {
        return interventions.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    /**
     * Reads a catalogue; the stream is not closed.
     *
     * @param in the document
     * @param name the file name for messages
     * @return the catalogue
     */
    public static InterventionCatalogue read(InputStream in, String name) {
        return DataFiles.read(in, name, FORMAT, InterventionCatalogue::read);
    }

    private static InterventionCatalogue read(JsonFields doc) {
        doc.allowOnly(Set.of("format", "version", "comment", "interventions", "omissions"));
        List<Intervention> interventions = doc.objects("interventions", InterventionCatalogue::intervention);
        List<Omission> omissions = doc.objects("omissions", o -> o.allowOnly(Set.of("field", "note")).build(
                () -> new Omission(o.text("field"), o.text("note"))));
        return doc.build(() -> new InterventionCatalogue(doc.text("version"), interventions, omissions));
    }

    private static Intervention intervention(JsonFields i) {
        i.allowOnly(Set.of("id", "name", "description", "format", "modes", "ageRange", "eif", "eifSource", "source"));
        Intervention.Format format = i.optionalObject("format").map(f -> {
            f.allowOnly(Set.of("sessionsMin", "sessionsMax", "weeksMin", "weeksMax", "frequency", "sessionMinutes"));
            return f.build(() -> new Intervention.Format(opt(f, "sessionsMin"), opt(f, "sessionsMax"), opt(f,
                    "weeksMin"), opt(f, "weeksMax"), f.optionalText("frequency").map(x -> f.enumValue("frequency",
                            Intervention.Frequency.class)), opt(f, "sessionMinutes")));
        }).orElse(Intervention.Format.unstated());
        Set<Intervention.Mode> modes = EnumSet.noneOf(Intervention.Mode.class);
        for (String mode : i.texts("modes")) {
            try {
                modes.add(Intervention.Mode.valueOf(mode.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw i.fail("modes", "modes must be individual, group or home_visiting: \"" + mode + "\"");
            }
        }
        Optional<Intervention.Rated> eif = i.optionalText("eif").map(x -> new Intervention.Rated(i.enumValue("eif",
                EifRating.class), Source.of(i.optionalText("eifSource").orElseThrow(() -> i.fail("eifSource",
                        "eifSource must be present with eif: missing")))));
        return i.build(() -> new Intervention(i.text("id"), i.text("name"), i.text("description"), format, modes, i
                .optionalText("ageRange"), eif, Source.of(i.text("source"))));
    }

    private static OptionalInt opt(JsonFields f, String field) {
        return f.optionalInteger(field).map(OptionalInt::of).orElse(OptionalInt.empty());
    }
}
