/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.portal.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.imhmeasures.core.care.AgeBand;
import org.imhmeasures.core.care.Household;
import org.imhmeasures.core.care.Referral;
import org.imhmeasures.core.internal.Check;
import org.imhmeasures.core.internal.Json;
import org.imhmeasures.portal.submission.Submission;

/**
 * The pooled referral profile of a set of referrals, per team and for all teams: the percentage of
 * parents aged 20 and under, of single-parent households, the NHS ethnic category breakdown, the
 * top-N risk factors, the sources of referral and the infant age bands at referral.
 *
 * <p>Aggregates only: no identifier, date or age of any referral is kept. Percentages are rounded half
 * up to one decimal; see {@link ProfileFigures} for denominators. An empty set gives zero referrals and
 * empty percentages. Immutable.
 *
 * @param topN how many risk factors are listed, at least 1
 * @param pooled the figures for all referrals
 * @param byTeam the figures per team pseudonym, in team order
 * @since 0.1.0
 */
public record ReferralProfile(int topN, ProfileFigures pooled, Map<String, ProfileFigures> byTeam) {

    /** The default number of risk factors listed. */
    public static final int DEFAULT_TOP_N = 5;

    private static final ObjectMapper JSON = Json.reports();

    /**
     * Validates and copies.
     *
     * @param topN how many risk factors are listed, at least 1
     * @param pooled the figures for all referrals
     * @param byTeam the figures per team pseudonym, in team order
     */
    public ReferralProfile {
        Check.argument(topN >= 1, "top n must be at least 1: %d", topN);
        Check.notNull(pooled, "pooled");
        byTeam = Collections.unmodifiableMap(new LinkedHashMap<>(Check.notNull(byTeam, "by team")));
    }

    /**
     * Profiles accepted submissions, grouping by team.
     *
     * @param submissions the submissions
     * @param topN how many risk factors to list
     * @return the profile
     */
    public static ReferralProfile of(Collection<Submission> submissions, int topN) {
        Check.argument(topN >= 1, "top n must be at least 1: %d", topN);
        Map<String, List<Referral>> teams = new TreeMap<>();
        List<Referral> all = new ArrayList<>();
        for (Submission s : Check.notNull(submissions, "submissions")) {
            teams.computeIfAbsent(s.team().value(), t -> new ArrayList<>()).add(s.referral());
            all.add(s.referral());
        }
        Map<String, ProfileFigures> byTeam = new LinkedHashMap<>();
        teams.forEach((team, referrals) -> byTeam.put(team, figures(referrals, topN)));
        return new ReferralProfile(topN, figures(all, topN), byTeam);
    }

    /**
     * The figures of one group of referrals.
     *
     * @param referrals the referrals
     * @param topN how many risk factors to list
     * @return the figures
     */
    public static ProfileFigures figures(Collection<Referral> referrals, int topN) {
        int n = referrals.size();
        int agesRecorded = (int) referrals.stream().filter(r -> r.parentAge().isPresent()).count();
        int young = (int) referrals.stream().filter(Referral::youngParent).count();
        int householdKnown = (int) referrals.stream().filter(r -> r.household() != Household.NOT_KNOWN).count();
        int single = (int) referrals.stream().filter(r -> r.household() == Household.SINGLE_PARENT).count();
        List<Tally> ethnic = frequent(referrals, r -> List.of(r.ethnicCategory().code() + "|" + r.ethnicCategory()
                .label()), n, Integer.MAX_VALUE);
        List<Tally> risks = frequent(referrals, r -> r.risks().factors().stream().map(f -> f.id() + "|" + f.label())
                .toList(), n, topN);
        List<Tally> sources = frequent(referrals, r -> List.of(r.source().code() + "|" + r.source().label()), n,
                Integer.MAX_VALUE);
        List<Tally> bands = new ArrayList<>();
        for (AgeBand band : AgeBand.values()) {
            int count = (int) referrals.stream().filter(r -> r.ageBand() == band).count();
            bands.add(new Tally(band.name(), band.label(), count, new Share(count, n)));
        }
        return new ProfileFigures(n, new Share(young, agesRecorded), new Share(single, householdKnown), ethnic, risks,
                sources, bands);
    }

    private static List<Tally> frequent(Collection<Referral> referrals, Function<Referral, List<String>> keys, int n,
            int limit) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Referral r : referrals) {
            for (String key : keys.apply(r)) {
                counts.merge(key, 1, Integer::sum);
            }
        }
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(
                Map.Entry.comparingByKey()));
        List<Tally> out = new ArrayList<>();
        for (Map.Entry<String, Integer> e : entries.subList(0, Math.min(limit, entries.size()))) {
            String[] parts = e.getKey().split("\\|", 2);
            out.add(new Tally(parts[0], parts[1], e.getValue(), new Share(e.getValue(), n)));
        }
        return out;
    }


    /**
     * The profile as a JSON document (format {@code imh-measures/referral-profile@1}).
     *
     * @return indented JSON
     */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "imh-measures/referral-profile@1");
        root.put("topN", topN);
        root.set("pooled", json(pooled));
        ObjectNode teams = root.putObject("teams");
        byTeam.forEach((team, figures) -> teams.set(team, json(figures)));
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("profile must serialise", e);
        }
    }

    private static ObjectNode json(ProfileFigures f) {
        ObjectNode node = JSON.createObjectNode();
        node.put("referrals", f.referrals());
        node.set("youngParents", json(f.youngParents()));
        node.set("singleParents", json(f.singleParents()));
        node.set("ethnicCategories", json(f.ethnicCategories()));
        node.set("topRiskFactors", json(f.topRiskFactors()));
        node.set("referralSources", json(f.referralSources()));
        node.set("ageBands", json(f.ageBands()));
        return node;
    }

    private static ObjectNode json(Share s) {
        ObjectNode node = JSON.createObjectNode();
        node.put("count", s.count());
        node.put("of", s.denominator());
        s.percent().ifPresentOrElse(p -> node.put("percent", p), () -> node.putNull("percent"));
        return node;
    }

    private static ArrayNode json(List<Tally> tallies) {
        ArrayNode array = JSON.createArrayNode();
        for (Tally t : tallies) {
            ObjectNode node = array.addObject();
            node.put("code", t.code());
            node.put("label", t.label());
            node.put("count", t.count());
            t.percent().ifPresentOrElse(p -> node.put("percent", p), () -> node.putNull("percent"));
        }
        return array;
    }

    /**
     * The profile as readable plain-text tables: the pooled figures, then each team's.
     *
     * @return the text, lines separated by {@code \n}
     */
    public String toText() {
        StringBuilder out = new StringBuilder();
        section(out, "All teams", pooled);
        byTeam.forEach((team, figures) -> section(out, "Team " + team, figures));
        return out.toString();
    }

    private void section(StringBuilder out, String title, ProfileFigures f) {
        out.append(title).append(" (").append(f.referrals()).append(f.referrals() == 1 ? " referral" : " referrals")
                .append(")\n");
        out.append(String.format(Locale.ROOT, "  %-38s %s%n", "Parents aged 20 and under", f.youngParents()
                .describe()).replace(System.lineSeparator(), "\n"));
        out.append(String.format(Locale.ROOT, "  %-38s %s%n", "Single-parent households", f.singleParents()
                .describe()).replace(System.lineSeparator(), "\n"));
        table(out, "Ethnic category", f.ethnicCategories(), true);
        table(out, "Top " + topN + " risk factors", f.topRiskFactors(), false);
        table(out, "Source of referral", f.referralSources(), true);
        table(out, "Infant age at referral", f.ageBands(), false);
        out.append('\n');
    }

    private static void table(StringBuilder out, String title, List<Tally> rows, boolean withCode) {
        out.append("  ").append(title).append('\n');
        if (rows.isEmpty()) {
            out.append("    (none)\n");
        }
        for (Tally t : rows) {
            String label = withCode ? t.code() + " " + t.label() : t.label();
            if (label.length() > 56) {
                label = label.substring(0, 53) + "...";
            }
            out.append(String.format(Locale.ROOT, "    %-56s %5d %7s", label, t.count(), t.percent().map(
                    p -> p.toPlainString() + "%").orElse("-"))).append('\n');
        }
    }
}
