package org.imhmeasures.core.service;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
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
 * {@link TeamCriterion} with its published statement and source, and what was left out unconfirmed.
 *
 * <p>{@link #evaluate(TeamProfile)} classifies a team as specialised only when every criterion is met,
 * and reports every criterion with its outcome, so a team sees each reason. Read from
 * {@code team-definition.json} (format {@value #FORMAT}).
 *
 * @param version the data version
 * @param criteria every criterion once, in checklist order
 * @param omissions criteria left out for want of confirmation
 * @since 0.1.0
 */
public record TeamDefinition(String version, List<Criterion> criteria, List<Omission> omissions) {

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
        /** Validates. */
        public Criterion {
            Check.notNull(criterion, "criterion");
            statement = Check.notBlank(statement, "statement");
            Check.notNull(source, "source");
        }
    }

    /** Validates: every {@link TeamCriterion} exactly once. */
    public TeamDefinition {
        version = Check.notBlank(version, "version");
        criteria = List.copyOf(Check.notNull(criteria, "criteria"));
        omissions = List.copyOf(Check.notNull(omissions, "omissions"));
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
        doc.allowOnly(Set.of("format", "version", "comment", "criteria", "omissions"));
        List<Criterion> criteria = doc.objects("criteria", c -> {
            c.allowOnly(Set.of("id", "statement", "source"));
            String id = c.text("id");
            TeamCriterion criterion;
            try {
                criterion = TeamCriterion.valueOf(id.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw c.fail("id", "id must name a known criterion: \"" + id + "\"");
            }
            return c.build(() -> new Criterion(criterion, c.text("statement"), Source.of(c.text("source"))));
        });
        List<Omission> omissions = doc.objects("omissions", o -> o.allowOnly(Set.of("field", "note")).build(
                () -> new Omission(o.text("field"), o.text("note"))));
        return doc.build(() -> new TeamDefinition(doc.text("version"), criteria, omissions));
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
}
