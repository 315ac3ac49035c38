/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.competency;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imhmeasures.core.care.PseudonymousId;
import org.imhmeasures.core.internal.Check;

/**
 * Which framework domains are held at which level across a team, and the gaps.
 *
 * <p>A practitioner holds a domain at a level when they have self-assessed {@code ACHIEVED} at that
 * level for every competency the framework lists in the domain; for a domain without listed
 * competencies (the shipped AIMH UK data lists only 1.01-1.03), a domain-level assessment (target = the
 * domain id) counts. Levels are not inferred from one another: holding level 3 does not imply level 1,
 * because the framework grades each competency at each level.
 *
 * @param framework the framework
 * @param holders for each domain id and level id (in framework order), the practitioners holding it
 * @since 0.1.0
 */
public record TeamCoverage(CompetencyFramework framework, Map<String, Map<String, List<PseudonymousId>>> holders) {

    /**
     * A domain held by nobody at a level.
     *
     * @param domain the domain
     * @param level the level at which nobody holds it
     */
    public record Gap(FrameworkDomain domain, FrameworkLevel level) {
        /**
         * Validates.
         *
         * @param domain the domain
         * @param level the level at which nobody holds it
         */
        public Gap {
            Check.notNull(domain, "domain");
            Check.notNull(level, "level");
        }
    }

    /**
     * Validates and copies deeply.
     *
     * @param framework the framework
     * @param holders for each domain id and level id (in framework order), the practitioners holding it
     */
    public TeamCoverage {
        Check.notNull(framework, "framework");
        Map<String, Map<String, List<PseudonymousId>>> copy = new LinkedHashMap<>();
        Check.notNull(holders, "holders").forEach((d, byLevel) -> {
            Map<String, List<PseudonymousId>> inner = new LinkedHashMap<>();
            byLevel.forEach((l, ids) -> inner.put(l, List.copyOf(ids)));
            copy.put(d, Collections.unmodifiableMap(inner));
        });
        holders = Collections.unmodifiableMap(copy);
    }

    /**
     * Computes the coverage of a team.
     *
     * @param framework the framework assessed against
     * @param team the practitioners
     * @return the coverage
     */
    public static TeamCoverage of(CompetencyFramework framework, Collection<Practitioner> team) {
        Check.notNull(framework, "framework");
        Check.notNull(team, "team");
        Map<String, Map<String, List<PseudonymousId>>> holders = new LinkedHashMap<>();
        for (FrameworkDomain domain : framework.domains()) {
            Map<String, List<PseudonymousId>> byLevel = new LinkedHashMap<>();
            List<Competency> competencies = framework.competenciesIn(domain.id());
            for (FrameworkLevel level : framework.levels()) {
                List<PseudonymousId> ids = new ArrayList<>();
                for (Practitioner p : team) {
                    if (holds(p, domain, competencies, level)) {
                        ids.add(p.id());
                    }
                }
                byLevel.put(level.id(), ids);
            }
            holders.put(domain.id(), byLevel);
        }
        return new TeamCoverage(framework, holders);
    }

    private static boolean holds(Practitioner p, FrameworkDomain domain, List<Competency> competencies,
            FrameworkLevel level) {
        if (competencies.isEmpty()) {
            return achieved(p, domain.id(), level);
        }
        return competencies.stream().allMatch(c -> achieved(p, c.id(), level));
    }

    private static boolean achieved(Practitioner p, String target, FrameworkLevel level) {
        return p.assessments().stream().anyMatch(a -> a.targetId().equals(target) && a.levelId().equals(level.id())
                && a.status() == SelfAssessment.Status.ACHIEVED);
    }

    /**
     * Whether anyone holds {@code domainId} at {@code levelId}.
     *
     * @param domainId the domain id
     * @param levelId the level id
     * @return true when held
     */
    public boolean isHeld(String domainId, String levelId) {
        Map<String, List<PseudonymousId>> byLevel = holders.get(domainId);
        Check.argument(byLevel != null && byLevel.containsKey(levelId), "domain and level must be in the framework: %s"
                + " at %s", domainId, levelId);
        return !byLevel.get(levelId).isEmpty();
    }

    /**
     * Every domain and level held by nobody, in framework order (domain, then level).
     *
     * @return the gaps
     */
    public List<Gap> gaps() {
        List<Gap> gaps = new ArrayList<>();
        for (FrameworkDomain domain : framework.domains()) {
            for (FrameworkLevel level : framework.levels()) {
                if (!isHeld(domain.id(), level.id())) {
                    gaps.add(new Gap(domain, level));
                }
            }
        }
        return gaps;
    }
}
