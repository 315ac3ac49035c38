/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.competency;

import java.io.InputStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.imhmeasures.core.instrument.Omission;
import org.imhmeasures.core.instrument.Source;
import org.imhmeasures.core.internal.Check;
import org.imhmeasures.core.internal.DataFiles;
import org.imhmeasures.core.internal.JsonFields;

/**
 * A competency framework as data: levels, domains and competencies, read from a versioned JSON file
 * (format {@value #FORMAT}).
 *
 * <p>Two are built in: {@link #imhcf()}, the AIMH UK Infant Mental Health Competency Framework (3 levels,
 * 7 domains, the competency ids that could be confirmed, no statements because the wording is
 * copyright), and {@link #miAimhEndorsement()}, the MI-AIMH endorsement categories (as levels, not
 * hierarchical) and competency domains. A licensee loads the full framework with its statements in the
 * same format through {@link #read(InputStream, String)}. Immutable and thread-safe.
 *
 * @param id stable id, e.g. {@code aimh-uk-imhcf}
 * @param name the framework name
 * @param version the framework version
 * @param levelOrdering whether levels are ordered
 * @param levels the levels (or endorsement categories), in published order
 * @param domains the domains, in published order
 * @param competencies the competencies known, in id order as given
 * @param omissions content deliberately left out, with why
 * @param source where the framework is published
 * @since 0.1.0
 */
public record CompetencyFramework(String id, String name, String version, LevelOrdering levelOrdering,
        List<FrameworkLevel> levels, List<FrameworkDomain> domains, List<Competency> competencies,
        List<Omission> omissions, Source source) {

    /** The format tag of framework files. */
    public static final String FORMAT = "imh-measures/competency-framework@1";

    /** Whether a framework's levels build on each other. */
    public enum LevelOrdering {
        /** Levels are ordered from first to last (AIMH UK levels 1 to 3). */
        ORDERED,
        /** Levels are parallel categories, not a hierarchy (MI-AIMH endorsement). */
        NOT_HIERARCHICAL
    }

    private static final class BuiltIn {
        static final CompetencyFramework IMHCF = DataFiles.resource(CompetencyFramework.class, "imhcf.json", FORMAT,
                CompetencyFramework::read);
        static final CompetencyFramework MI_AIMH = DataFiles.resource(CompetencyFramework.class,
                "mi-aimh-endorsement.json", FORMAT, CompetencyFramework::read);
    }

    /**
     * Validates: unique ids, competencies in known domains, statements for known levels.
     *
     * @param id stable id, e.g. {@code aimh-uk-imhcf}
     * @param name the framework name
     * @param version the framework version
     * @param levelOrdering whether levels are ordered
     * @param levels the levels (or endorsement categories), in published order
     * @param domains the domains, in published order
     * @param competencies the competencies known, in id order as given
     * @param omissions content deliberately left out, with why
     * @param source where the framework is published
     */
    public CompetencyFramework {
        id = Check.notBlank(id, "framework id");
        name = Check.notBlank(name, "framework name");
        version = Check.notBlank(version, "framework version");
        Check.notNull(levelOrdering, "level ordering");
        levels = List.copyOf(Check.notNull(levels, "levels"));
        domains = List.copyOf(Check.notNull(domains, "domains"));
        competencies = List.copyOf(Check.notNull(competencies, "competencies"));
        omissions = List.copyOf(Check.notNull(omissions, "omissions"));
        Check.notNull(source, "framework source");
        Check.argument(!levels.isEmpty(), "levels must not be empty: none");
        Check.argument(!domains.isEmpty(), "domains must not be empty: none");
        Set<String> levelIds = unique(levels.stream().map(FrameworkLevel::id).toList(), "level");
        Set<String> domainIds = unique(domains.stream().map(FrameworkDomain::id).toList(), "domain");
        unique(competencies.stream().map(Competency::id).toList(), "competency");
        for (Competency c : competencies) {
            Check.argument(domainIds.contains(c.domainId()), "competency %s must be in a known domain: %s", c.id(),
                    c.domainId());
            for (String level : c.statements().keySet()) {
                Check.argument(levelIds.contains(level), "statement level of %s must be a known level: %s", c.id(),
                        level);
            }
        }
    }

    private static Set<String> unique(List<String> ids, String what) {
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            Check.argument(seen.add(id), "%s ids must be unique: %s", what, id);
        }
        return seen;
    }

    /**
     * The AIMH UK Infant Mental Health Competency Framework, structure only.
     *
     * @return the built-in framework
     */
    public static CompetencyFramework imhcf() {
        return BuiltIn.IMHCF;
    }

    /**
     * The MI-AIMH endorsement categories and competency domains, structure only.
     *
     * @return the built-in framework
     */
    public static CompetencyFramework miAimhEndorsement() {
        return BuiltIn.MI_AIMH;
    }

    /**
     * The level with {@code id}.
     *
     * @param id the level id
     * @return the level, or empty
     */
    public Optional<FrameworkLevel> level(String id) {
        return levels.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /**
     * The domain with {@code id}.
     *
     * @param id the domain id
     * @return the domain, or empty
     */
    public Optional<FrameworkDomain> domain(String id) {
        return domains.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /**
     * The competency with {@code id}.
     *
     * @param id the competency id
     * @return the competency, or empty
     */
    public Optional<Competency> competency(String id) {
        return competencies.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /**
     * The competencies of a domain, in file order.
     *
     * @param domainId the domain id
     * @return the competencies, possibly none
     */
    public List<Competency> competenciesIn(String domainId) {
        return competencies.stream().filter(c -> c.domainId().equals(domainId)).toList();
    }

    /**
     * Reads a framework file; the stream is not closed.
     *
     * @param in the JSON document
     * @param name the file name for messages
     * @return the framework
     * @throws org.imhmeasures.core.instrument.DefinitionException naming the file and field when the document is
     *         not a valid framework
     */
    public static CompetencyFramework read(InputStream in, String name) {
        return DataFiles.read(in, name, FORMAT, CompetencyFramework::read);
    }

    private static CompetencyFramework read(JsonFields doc) {
        doc.allowOnly(Set.of("format", "id", "name", "version", "levelOrdering", "source", "licence", "levels",
                "domains", "competencies", "omissions", "comment"));
        doc.text("licence");
        List<FrameworkLevel> levels = doc.objects("levels", l -> l.allowOnly(Set.of("id", "label", "description",
                "source")).build(() -> new FrameworkLevel(l.text("id"), l.text("label"), l.text("description"),
                        Source.of(l.text("source")))));
        List<FrameworkDomain> domains = doc.objects("domains", d -> d.allowOnly(Set.of("id", "number", "label",
                "source")).build(() -> new FrameworkDomain(d.text("id"), d.optionalInteger("number").map(
                        OptionalInt::of).orElse(OptionalInt.empty()), d.text("label"), Source.of(d.text("source")))));
        List<Competency> competencies = doc.objects("competencies", CompetencyFramework::competency);
        List<Omission> omissions = doc.objects("omissions", o -> o.allowOnly(Set.of("field", "note"))
                .build(() -> new Omission(o.text("field"), o.text("note"))));
        return doc.build(() -> new CompetencyFramework(doc.text("id"), doc.text("name"), doc.text("version"),
                doc.enumValue("levelOrdering", LevelOrdering.class), levels, domains, competencies, omissions,
                Source.of(doc.text("source"))));
    }

    private static Competency competency(JsonFields c) {
        c.allowOnly(Set.of("id", "domain", "theme", "statements", "source"));
        Optional<Competency.Theme> theme = c.optionalObject("theme").map(t -> t.allowOnly(Set.of("id", "label"))
                .build(() -> new Competency.Theme(t.text("id"), t.text("label"))));
        Map<String, Competency.Statement> statements = new LinkedHashMap<>();
        c.optionalObject("statements").ifPresent(all -> {
            for (String level : all.fieldNames()) {
                JsonFields s = all.object(level).allowOnly(Set.of("knowledge", "ability"));
                statements.put(level, s.build(() -> new Competency.Statement(s.text("knowledge"), s.text("ability"))));
            }
        });
        return c.build(() -> new Competency(c.text("id"), c.text("domain"), theme, statements, Source.of(c.text(
                "source"))));
    }

    /** Summary. */
    @Override
    public String toString() {
        return "CompetencyFramework[id=" + id + ", levels=" + levels.size() + ", domains=" + domains.size()
                + ", competencies=" + competencies.size() + "]";
    }
}
