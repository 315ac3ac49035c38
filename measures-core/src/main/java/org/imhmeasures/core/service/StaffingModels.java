/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.service;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.imhmeasures.core.instrument.Omission;
import org.imhmeasures.core.instrument.Source;
import org.imhmeasures.core.internal.Check;
import org.imhmeasures.core.internal.DataFiles;
import org.imhmeasures.core.internal.JsonFields;

/**
 * A versioned file of {@link StaffingModel}s (format {@value #FORMAT}).
 *
 * <p>The built-in file ships the Greater Manchester model ({@code greater_manchester}: the suggested
 * staffing of the Greater Manchester parent-infant service specification for 280,000 people and about
 * 3,300 births a year, 7.33 WTE, as tabulated in Rare Jewels, PIP UK 2019); what was not confirmed is
 * recorded in {@link #omissions()}. A service reads its own models with {@link #read(InputStream, String)}.
 *
 * @param version the data version
 * @param models the models
 * @param omissions models left out, with why
 * @since 0.1.0
 */
public record StaffingModels(String version, List<StaffingModel> models, List<Omission> omissions) {

    /** The format tag. */
    public static final String FORMAT = "imh-measures/staffing-models@1";

    private static final class BuiltIn {
        static final StaffingModels INSTANCE = DataFiles.resource(StaffingModels.class, "staffing-models.json", FORMAT,
                StaffingModels::read);
    }

    /**
     * Validates and copies.
     *
     * @param version the data version
     * @param models the models
     * @param omissions models left out, with why
     */
    public StaffingModels {
        version = Check.notBlank(version, "version");
        models = List.copyOf(Check.notNull(models, "models"));
        omissions = List.copyOf(Check.notNull(omissions, "omissions"));
    }

    /**
     * The built-in file.
     *
     * @return the models shipped with the omissions
     */
    public static StaffingModels builtIn() {
        return BuiltIn.INSTANCE;
    }

    /**
     * The model with {@code id}.
     *
     * @param id the model id, e.g. {@code greater_manchester}
     * @return the model, or empty
     */
    public Optional<StaffingModel> find(String id) {
        return models.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /**
     * Reads a file; the stream is not closed.
     *
     * @param in the document
     * @param name the file name for messages
     * @return the models
     */
    public static StaffingModels read(InputStream in, String name) {
        return DataFiles.read(in, name, FORMAT, StaffingModels::read);
    }

    private static StaffingModels read(JsonFields doc) {
        doc.allowOnly(Set.of("format", "version", "comment", "models", "omissions"));
        List<StaffingModel> models = doc.objects("models", m -> {
            m.allowOnly(Set.of("id", "name", "referencePopulation", "referenceBirths", "roles", "source"));
            List<StaffingModel.Role> roles = m.objects("roles", r -> r.allowOnly(Set.of("id", "label", "wte")).build(
                    () -> new StaffingModel.Role(r.text("id"), r.text("label"), r.decimal("wte"))));
            return m.build(() -> new StaffingModel(m.text("id"), m.text("name"), m.integer("referencePopulation"),
                    m.optionalInteger("referenceBirths").map(b -> OptionalLong.of(b)).orElse(OptionalLong.empty()),
                    roles, Source.of(m.text("source"))));
        });
        List<Omission> omissions = doc.objects("omissions", o -> o.allowOnly(Set.of("field", "note")).build(
                () -> new Omission(o.text("field"), o.text("note"))));
        return doc.build(() -> new StaffingModels(doc.text("version"), models, omissions));
    }
}
