/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.service;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.imhmeasures.core.instrument.Omission;
import org.imhmeasures.core.instrument.Source;
import org.imhmeasures.core.internal.Check;
import org.imhmeasures.core.internal.DataFiles;
import org.imhmeasures.core.internal.JsonFields;

/**
 * The definition of a specialised parent-infant relationship team as an evaluable checklist: every
 * {@link TeamCriterion} with its published statement and source, the published characteristics and
 * classification exclusions it operationalises, and what was left out unconfirmed.
 *
 * <p>{@link #evaluate(TeamProfile)} classifies a team as specialised only when every criterion is met,
 * and reports every criterion with its outcome, so a team sees each reason. The
 * {@link #characteristics()} and {@link #exclusions()} are the published definition (Rare Jewels, PIP UK
 * 2019) in our words, each linked to the criteria that test it; one linked to no criterion is
 * documented but not evaluated, because a {@link TeamProfile} does not record it. Read from
 * {@code team-definition.json} (format {@value #FORMAT}).
 *
 * @param version the data version
 * @param criteria every criterion once, in checklist order
 * @param omissions criteria left out for want of confirmation
 * @param characteristics the published characteristics of a team, in published order, possibly none
 * @param exclusions the published reasons a service doing parent-infant work is not classified as a
 *        team, in published order, possibly none
 * @since 0.1.0
 */
public record TeamDefinition(String version, List<Criterion> criteria, List<Omission> omissions,
        List<Characteristic> characteristics, List<Exclusion> exclusions) {

    /** The format tag of the data file. */
    public static final String FORMAT = "imh-measures/team-definition@1";

    private static final class BuiltIn {
        static final TeamDefinition INSTANCE = DataFiles.resource(TeamDefinition.class, "team-definition.json", FORMAT,
                TeamDefinition::read);
    }

    /**
     * A criterion with its statement and source.
     *
     * @param criterion the criterion
     * @param statement what it requires, paraphrased from the source
     * @param source where it is published
     */
    public record Criterion(TeamCriterion criterion, String statement, Source source) {
        /**
         * Validates.
         *
         * @param criterion the criterion
         * @param statement what it requires, paraphrased from the source
         * @param source where it is published
         */
        public Criterion {
            Check.notNull(criterion, "criterion");
            statement = Check.notBlank(statement, "statement");
            Check.notNull(source, "source");
        }
    }

    /**
     * A published characteristic of a specialised team, with the criteria that test it.
     *
     * @param id stable snake_case id
     * @param statement what it says, paraphrased from the source
     * @param evaluatedBy the criteria that operationalise it; empty when it is documented only
     * @param source where it is published
     * @since 0.1.0
     */
    public record Characteristic(String id, String statement, Set<TeamCriterion> evaluatedBy, Source source) {
        /**
         * Validates and copies.
         *
         * @param id stable snake_case id
         * @param statement what it says, paraphrased from the source
         * @param evaluatedBy the criteria that operationalise it; empty when it is documented only
         * @param source where it is published
         */
        public Characteristic {
            id = checkId(id);
            statement = Check.notBlank(statement, "statement");
            evaluatedBy = criteriaSet(evaluatedBy);
            Check.notNull(source, "source");
        }

        /**
         * Whether {@link TeamDefinition#evaluate(TeamProfile)} tests this characteristic.
         *
         * @return false when no criterion operationalises it
         */
        public boolean isEvaluated() {
            return !evaluatedBy.isEmpty();
        }
    }

    /**
     * A published reason a service that does parent-infant work is not classified as a specialised
     * team, with the criteria a service excluded for that reason fails.
     *
     * @param id stable snake_case id
     * @param statement the reason, paraphrased from the source
     * @param relatesTo the criteria it corresponds to; empty when no criterion tests it
     * @param source where it is published
     * @since 0.1.0
     */
    public record Exclusion(String id, String statement, Set<TeamCriterion> relatesTo, Source source) {
        /**
         * Validates and copies.
         *
         * @param id stable snake_case id
         * @param statement the reason, paraphrased from the source
         * @param relatesTo the criteria it corresponds to; empty when no criterion tests it
         * @param source where it is published
         */
        public Exclusion {
            id = checkId(id);
            statement = Check.notBlank(statement, "statement");
            relatesTo = criteriaSet(relatesTo);
            Check.notNull(source, "source");
        }
    }

    private static String checkId(String id) {
        Check.notBlank(id, "id");
        Check.argument(id.matches("[a-z][a-z0-9_]{0,63}"), "id must be snake_case: %s", id);
        return id;
    }

    private static Set<TeamCriterion> criteriaSet(Set<TeamCriterion> criteria) {
        Check.notNull(criteria, "criteria");
        return Collections.unmodifiableSet(criteria.isEmpty() ? EnumSet.noneOf(TeamCriterion.class)
                : EnumSet.copyOf(criteria));
    }

    /**
     * A definition without characteristics or exclusions.
     *
     * @param version the data version
     * @param criteria every criterion once, in checklist order
     * @param omissions criteria left out for want of confirmation
     */
    public TeamDefinition(String version, List<Criterion> criteria, List<Omission> omissions) {
        this(version, criteria, omissions, List.of(), List.of());
    }

    /**
     * Validates: every {@link TeamCriterion} exactly once; characteristic and exclusion ids unique.
     *
     * @param version the data version
     * @param criteria every criterion once, in checklist order
     * @param omissions criteria left out for want of confirmation
     * @param characteristics the published characteristics of a team, in published order, possibly none
     * @param exclusions the published reasons a service doing parent-infant work is not classified as a
     *     team, in published order, possibly none
     */
    public TeamDefinition {
        version = Check.notBlank(version, "version");
        criteria = List.copyOf(Check.notNull(criteria, "criteria"));
        omissions = List.copyOf(Check.notNull(omissions, "omissions"));
        characteristics = List.copyOf(Check.notNull(characteristics, "characteristics"));
        exclusions = List.copyOf(Check.notNull(exclusions, "exclusions"));
        Set<String> ids = new HashSet<>();
        characteristics.forEach(c -> Check.argument(ids.add(c.id()), "characteristic ids must be unique: %s", c.id()));
        ids.clear();
        exclusions.forEach(e -> Check.argument(ids.add(e.id()), "exclusion ids must be unique: %s", e.id()));
        Set<TeamCriterion> seen = EnumSet.noneOf(TeamCriterion.class);
        for (Criterion c : criteria) {
            Check.argument(seen.add(c.criterion()), "criteria must not repeat: %s", c.criterion());
        }
        Check.argument(seen.size() == TeamCriterion.values().length, "criteria must cover every criterion: %s missing",
                EnumSet.complementOf(EnumSet.copyOf(seen.isEmpty() ? EnumSet.noneOf(TeamCriterion.class) : seen)));
    }

    /**
     * The built-in definition.
     *
     * @return the definition
     */
    public static TeamDefinition builtIn() {
        return BuiltIn.INSTANCE;
    }

    /**
     * Reads a definition file; the stream is not closed.
     *
     * @param in the document
     * @param name the file name for messages
     * @return the definition
     */
    public static TeamDefinition read(InputStream in, String name) {
        return DataFiles.read(in, name, FORMAT, TeamDefinition::read);
    }

    private static TeamDefinition read(JsonFields doc) {
        doc.allowOnly(Set.of("format", "version", "comment", "criteria", "characteristics", "exclusions",
                "omissions"));
        List<Criterion> criteria = doc.objects("criteria", c -> {
            c.allowOnly(Set.of("id", "statement", "source"));
            TeamCriterion criterion = criterion(c, "id", c.text("id"));
            return c.build(() -> new Criterion(criterion, c.text("statement"), Source.of(c.text("source"))));
        });
        List<Characteristic> characteristics = doc.objects("characteristics", c -> {
            c.allowOnly(Set.of("id", "statement", "evaluatedBy", "source"));
            Set<TeamCriterion> by = criteriaNamed(c, "evaluatedBy");
            return c.build(() -> new Characteristic(c.text("id"), c.text("statement"), by, Source.of(c.text("source"))));
        });
        List<Exclusion> exclusions = doc.objects("exclusions", e -> {
            e.allowOnly(Set.of("id", "statement", "relatesTo", "source"));
            Set<TeamCriterion> to = criteriaNamed(e, "relatesTo");
            return e.build(() -> new Exclusion(e.text("id"), e.text("statement"), to, Source.of(e.text("source"))));
        });
        List<Omission> omissions = doc.objects("omissions", o -> o.allowOnly(Set.of("field", "note")).build(
                () -> new Omission(o.text("field"), o.text("note"))));
        return doc.build(() -> new TeamDefinition(doc.text("version"), criteria, omissions, characteristics,
                exclusions));
    }

    private static Set<TeamCriterion> criteriaNamed(JsonFields object, String field) {
        Set<TeamCriterion> out = EnumSet.noneOf(TeamCriterion.class);
        for (String id : object.texts(field)) {
            out.add(criterion(object, field, id));
        }
        return out;
    }

    private static TeamCriterion criterion(JsonFields object, String field, String id) {
        try {
            return TeamCriterion.valueOf(id.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw object.fail(field, field + " must name a known criterion: \"" + id + "\"");
        }
    }

    /**
     * Evaluates a team against every criterion.
     *
     * @param team the team
     * @return the classification with every criterion's outcome
     */
    public TeamAssessment evaluate(TeamProfile team) {
        Check.notNull(team, "team");
        List<TeamAssessment.Result> results = new ArrayList<>();
        for (Criterion c : criteria) {
            results.add(new TeamAssessment.Result(c, c.criterion().test(team) ? TeamAssessment.Outcome.MET
                    : TeamAssessment.Outcome.NOT_MET));
        }
        return new TeamAssessment(results);
    }

    /**
     * The published exclusions that correspond to a criterion the assessed team does not meet: the
     * published words for why such a service is not classified as a team.
     *
     * @param assessment an assessment made with this definition
     * @return the exclusions, in published order, possibly empty
     */
    public List<Exclusion> exclusionsFor(TeamAssessment assessment) {
        Check.notNull(assessment, "assessment");
        Set<TeamCriterion> unmet = EnumSet.noneOf(TeamCriterion.class);
        assessment.unmet().forEach(r -> unmet.add(r.criterion().criterion()));
        return exclusions.stream().filter(e -> e.relatesTo().stream().anyMatch(unmet::contains)).toList();
    }
}
