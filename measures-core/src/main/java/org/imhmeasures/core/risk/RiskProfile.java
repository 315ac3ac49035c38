/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.risk;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.imhmeasures.core.internal.Check;

/**
 * The risk factors recorded for one referral, and the parent's adverse childhood experiences where
 * recorded.
 *
 * <p>A set: recording a factor twice counts it once. {@link #countsByArea()} gives every area,
 * including those with no factor (count 0). Equality is by the factor and ACE sets.
 *
 * @param factors the factors, in the order first given
 * @param parentAces the parent's ACEs, possibly empty (not recorded or none)
 * @since 0.1.0
 */
public record RiskProfile(Set<RiskFactor> factors, Set<AdverseChildhoodExperience> parentAces) {

    /**
     * Validates and copies.
     *
     * @param factors the factors, in the order first given
     * @param parentAces the parent's ACEs, possibly empty (not recorded or none)
     */
    public RiskProfile {
        factors = Collections.unmodifiableSet(new LinkedHashSet<>(Check.notNull(factors, "factors")));
        Check.notNull(parentAces, "parent aces");
        parentAces = Collections.unmodifiableSet(parentAces.isEmpty()
                ? EnumSet.noneOf(AdverseChildhoodExperience.class) : EnumSet.copyOf(parentAces));
    }

    /**
     * No factors recorded.
     *
     * @return the empty profile
     */
    public static RiskProfile none() {
        return new RiskProfile(Set.of(), Set.of());
    }

    /**
     * A profile from factor ids of {@code taxonomy}.
     *
     * @param taxonomy the taxonomy the ids belong to
     * @param factorIds factor ids
     * @return the profile
     * @throws IllegalArgumentException naming the first unknown id
     */
    public static RiskProfile of(RiskTaxonomy taxonomy, Collection<String> factorIds) {
        Check.notNull(taxonomy, "taxonomy");
        Set<RiskFactor> factors = new LinkedHashSet<>();
        for (String id : Check.notNull(factorIds, "factor ids")) {
            factors.add(taxonomy.factor(id).orElseThrow(() -> new IllegalArgumentException(
                    "risk factor must be in taxonomy " + taxonomy.version() + ": " + id)));
        }
        return new RiskProfile(factors, Set.of());
    }

    /**
     * A copy with the parent's ACEs.
     *
     * @param aces the ACEs
     * @return the profile
     */
    public RiskProfile withParentAces(Set<AdverseChildhoodExperience> aces) {
        return new RiskProfile(factors, aces);
    }

    /**
     * The number of factors in each area; every area is present.
     *
     * @return counts by area, in area order
     */
    public Map<RiskArea, Integer> countsByArea() {
        Map<RiskArea, Integer> counts = new EnumMap<>(RiskArea.class);
        for (RiskArea area : RiskArea.values()) {
            counts.put(area, 0);
        }
        factors.forEach(f -> counts.merge(f.area(), 1, Integer::sum));
        return Collections.unmodifiableMap(counts);
    }

    /**
     * Whether the factor with {@code id} is recorded.
     *
     * @param id the factor id
     * @return true if present
     */
    public boolean has(String id) {
        return factors.stream().anyMatch(f -> f.id().equals(id));
    }

    /**
     * The ACE score: how many of the ten ACEs are recorded.
     *
     * @return 0 to 10
     */
    public int aceCount() {
        return parentAces.size();
    }
}
