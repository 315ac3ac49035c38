/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.imhmeasures.core.instrument.Source;
import org.imhmeasures.core.internal.Check;

/**
 * A reference staffing model for a parent-infant team: the WTE of each role for a reference population
 * (and, where given, a reference number of births), scalable to a locality and comparable with a team's
 * actual establishment.
 *
 * <p>Scaling is linear: each role's WTE times {@code target / reference}, rounded half up to two
 * decimals. The Greater Manchester model is built in ({@link StaffingModels#builtIn()}); read others in
 * the {@value StaffingModels#FORMAT} format.
 *
 * @param id stable id
 * @param name the model's name
 * @param referencePopulation the population the WTE figures are for
 * @param referenceBirths the annual births they are for, if given
 * @param roles the roles, ids unique
 * @param source where the model is published
 * @since 0.1.0
 */
public record StaffingModel(String id, String name, long referencePopulation, OptionalLong referenceBirths,
        List<Role> roles, Source source) {

    /**
     * A role and its WTE.
     *
     * @param id stable id, e.g. {@code parent_infant_therapist}
     * @param label label
     * @param wte whole-time equivalent, not negative, scale normalised
     */
    public record Role(String id, String label, BigDecimal wte) {
        /**
         * Validates.
         *
         * @param id stable id, e.g. {@code parent_infant_therapist}
         * @param label label
         * @param wte whole-time equivalent, not negative, scale normalised
         */
        public Role {
            id = Check.notBlank(id, "role id");
            label = Check.notBlank(label, "role label");
            Check.notNull(wte, "wte");
            Check.argument(wte.signum() >= 0, "wte must not be negative: %s", Check.show(wte));
            wte = wte.signum() == 0 ? BigDecimal.ZERO : wte.stripTrailingZeros();
        }
    }

    /**
     * One row of a comparison with an establishment.
     *
     * @param role the role
     * @param modelled the modelled WTE
     * @param actual the team's WTE in that role (0 when absent)
     */
    public record Line(Role role, BigDecimal modelled, BigDecimal actual) {
        /**
         * Actual minus modelled: negative is a shortfall.
         *
         * @return the difference
         */
        public BigDecimal difference() {
            return actual.subtract(modelled);
        }
    }

    /**
     * Validates and copies.
     *
     * @param id stable id
     * @param name the model's name
     * @param referencePopulation the population the WTE figures are for
     * @param referenceBirths the annual births they are for, if given
     * @param roles the roles, ids unique
     * @param source where the model is published
     */
    public StaffingModel {
        id = Check.notBlank(id, "model id");
        name = Check.notBlank(name, "model name");
        Check.argument(referencePopulation > 0, "reference population must be positive: %d", referencePopulation);
        Check.notNull(referenceBirths, "reference births");
        referenceBirths.ifPresent(b -> Check.argument(b > 0, "reference births must be positive: %d", b));
        roles = List.copyOf(Check.notNull(roles, "roles"));
        Set<String> ids = new HashSet<>();
        roles.forEach(r -> Check.argument(ids.add(r.id()), "role ids must be unique: %s", r.id()));
        Check.notNull(source, "source");
    }

    /**
     * The model's total WTE.
     *
     * @return the sum of the roles' WTE
     */
    public BigDecimal totalWte() {
        return roles.stream().map(Role::wte).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * The model scaled to a population.
     *
     * @param population the locality's population
     * @return the scaled model
     */
    public StaffingModel scaledToPopulation(long population) {
        Check.argument(population > 0, "population must be positive: %d", population);
        return scaled(BigDecimal.valueOf(population).divide(BigDecimal.valueOf(referencePopulation), 12,
                RoundingMode.HALF_UP), population, referenceBirths.isPresent() ? OptionalLong.of(Math.round(
                        (double) referenceBirths.getAsLong() * population / referencePopulation)) : OptionalLong.empty());
    }

    /**
     * The model scaled to an annual number of births.
     *
     * @param births the locality's annual births
     * @return the scaled model
     * @throws IllegalArgumentException when the model has no reference births
     */
    public StaffingModel scaledToBirths(long births) {
        Check.argument(births > 0, "births must be positive: %d", births);
        Check.argument(referenceBirths.isPresent(), "model must give reference births to scale by births: %s", id);
        long reference = referenceBirths.getAsLong();
        return scaled(BigDecimal.valueOf(births).divide(BigDecimal.valueOf(reference), 12, RoundingMode.HALF_UP),
                Math.round((double) referencePopulation * births / reference), OptionalLong.of(births));
    }

    private StaffingModel scaled(BigDecimal factor, long population, OptionalLong births) {
        List<Role> scaled = new ArrayList<>();
        for (Role r : roles) {
            scaled.add(new Role(r.id(), r.label(), r.wte().multiply(factor).setScale(2, RoundingMode.HALF_UP)));
        }
        return new StaffingModel(id, name, population, births, scaled, source);
    }

    /**
     * Compares a team's establishment with this model, role by role; establishment roles the model does
     * not have are ignored (see {@link #unmodelledRoles(Map)}).
     *
     * @param establishment the team's WTE by role id
     * @return one line per model role, in model order
     */
    public List<Line> compare(Map<String, BigDecimal> establishment) {
        Check.notNull(establishment, "establishment");
        List<Line> lines = new ArrayList<>();
        for (Role r : roles) {
            BigDecimal actual = establishment.getOrDefault(r.id(), BigDecimal.ZERO);
            Check.argument(actual.signum() >= 0, "establishment wte must not be negative: %s", r.id());
            lines.add(new Line(r, r.wte(), actual));
        }
        return lines;
    }

    /**
     * Establishment role ids the model does not have.
     *
     * @param establishment the team's WTE by role id
     * @return the ids, sorted
     */
    public List<String> unmodelledRoles(Map<String, BigDecimal> establishment) {
        Set<String> modelled = new HashSet<>();
        roles.forEach(r -> modelled.add(r.id()));
        return establishment.keySet().stream().filter(k -> !modelled.contains(k)).sorted().toList();
    }
}
