/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.imhmeasures.core.care.CaregiverRelationship;
import org.imhmeasures.core.care.DischargeReason;
import org.imhmeasures.core.care.EthnicCategory;
import org.imhmeasures.core.care.Household;
import org.imhmeasures.core.care.ReferralSource;
import org.imhmeasures.core.risk.AdverseChildhoodExperience;
import org.imhmeasures.core.risk.RiskTaxonomy;
import org.imhmeasures.core.service.InterventionCatalogue;
import org.imhmeasures.scoring.Timepoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code codes [LIST] [--json]}: the code lists of a portal submission ({@code imh-measures/submission@1}),
 * so that nobody needs the javadoc or {@code javap} to fill one in. Without {@code LIST}: one line per list
 * (name, submission field, count, what it is); with it: one {@code code<TAB>display} line per code, in the
 * order the library defines them. The codes are exactly those the submission validator accepts (the enums of
 * measures-core and the built-in risk taxonomy), except {@code intervention}, which lists the built-in
 * intervention catalogue: a submission may name another intervention by a snake_case id.
 */
@Command(name = "codes", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, sortSynopsis = false, separator = " ",
        description = "Print the code lists of a portal submission (referral source, ethnic category, ...).",
        footerHeading = "%nExample:%n", footer = {"  imh-measures codes", "  imh-measures codes referral_source",
            "  imh-measures codes risk_factor --json"},
        exitCodeListHeading = Main.EXIT_HEADING, exitCodeList = {Main.EXIT_0, Main.EXIT_2})
final class CodesCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One code and its display text. */
    record Code(String code, String display) {
    }

    /** A list: its name, the submission field that takes it, what it is, and its codes. */
    record CodeList(String name, String field, String about, Supplier<List<Code>> codes) {
    }

    /** Every list, in the order of the submission's fields. */
    static final Map<String, CodeList> LISTS = lists();

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "LIST", completionCandidates = Names.class,
            description = "a list name (see: imh-measures codes), e.g. referral_source; - and _ are the same")
    private String list;

    @Option(names = "--json", description = "as JSON, for tools")
    private boolean json;

    private CodesCommand() {
    }

    /** Completion candidates: the list names. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return LISTS.keySet().iterator();
        }
    }

    private static Map<String, CodeList> lists() {
        Map<String, CodeList> all = new LinkedHashMap<>();
        add(all, new CodeList("referral_source", "referral.source", "NHS Data Dictionary source of referral",
                () -> Arrays.stream(ReferralSource.values()).map(s -> new Code(s.code(), s.label())).toList()));
        add(all, new CodeList("referral_reason", "referral.reasons", "MHSDS primary reason for referral (risk "
                + "taxonomy " + RiskTaxonomy.builtIn().version() + ")", () -> RiskTaxonomy.builtIn().referralReasons()
                        .stream().map(r -> new Code(r.code(), r.label())).toList()));
        add(all, new CodeList("risk_factor", "referral.riskFactors", "risk factor ids (risk taxonomy "
                + RiskTaxonomy.builtIn().version() + ")", () -> RiskTaxonomy.builtIn().factors().stream()
                        .map(f -> new Code(f.id(), f.label())).toList()));
        add(all, new CodeList("ace", "referral.parentAces", "adverse childhood experiences of a parent",
                () -> lower(AdverseChildhoodExperience.values())));
        add(all, new CodeList("household", "referral.household", "who brings up the infant",
                () -> lower(Household.values())));
        add(all, new CodeList("ethnic_category", "referral.ethnicCategory", "NHS Data Dictionary ethnic category",
                () -> Arrays.stream(EthnicCategory.values()).map(e -> new Code(e.code(), e.label())).toList()));
        add(all, new CodeList("caregiver_relationship", "caregivers[].relationship", "a caregiver's relationship "
                + "to the infant", () -> lower(CaregiverRelationship.values())));
        add(all, new CodeList("intervention", "episode.interventions[].intervention", "the built-in intervention "
                + "catalogue (other interventions: any snake_case id)", () -> InterventionCatalogue.builtIn()
                        .interventions().stream().map(i -> new Code(i.id(), i.name())).toList()));
        add(all, new CodeList("discharge_reason", "episode.dischargeReason", "why an episode ended",
                () -> lower(DischargeReason.values())));
        add(all, new CodeList("timepoint", "administrations[].timepoint", "when in the episode a measure was taken",
                () -> lower(Timepoint.values())));
        add(all, new CodeList("respondent", "administrations[].respondent", "who answered: a caregiver "
                + "relationship, or practitioner for observer-rated measures", () -> Stream.concat(
                        lower(CaregiverRelationship.values()).stream(), Stream.of(new Code("practitioner",
                                "practitioner"))).toList()));
        return all;
    }

    private static void add(Map<String, CodeList> all, CodeList list) {
        all.put(list.name(), list);
    }

    /** An enum as the submission writes it (lower case) and its name in words. */
    private static List<Code> lower(Enum<?>[] values) {
        List<Code> codes = new ArrayList<>();
        for (Enum<?> value : values) {
            String code = value.name().toLowerCase(Locale.ROOT);
            codes.add(new Code(code, code.replace('_', ' ')));
        }
        return codes;
    }

    @Override
    public Integer call() throws Exception {
        return run(main.out);
    }

    private int run(PrintStream out) throws Exception {
        if (list == null) {
            if (json) {
                ArrayNode lists = JSON.createArrayNode();
                for (CodeList l : LISTS.values()) {
                    lists.addObject().put("name", l.name()).put("field", l.field()).put("about", l.about())
                            .put("count", l.codes().get().size());
                }
                out.println(JSON.writeValueAsString(lists));
                return 0;
            }
            int width = LISTS.keySet().stream().mapToInt(String::length).max().orElse(0);
            for (CodeList l : LISTS.values()) {
                out.println(String.format(Locale.ROOT, "%-" + width + "s  %s, %d codes (%s)", l.name(), l.about(),
                        l.codes().get().size(), l.field()));
            }
            out.println("imh-measures codes LIST prints one list: code, tab, display");
            return 0;
        }
        CodeList chosen = LISTS.get(list.strip().toLowerCase(Locale.ROOT).replace('-', '_'));
        if (chosen == null) {
            throw CatalogueOptions.usage(spec, "LIST must be one of " + List.copyOf(LISTS.keySet()) + ": "
                    + clip(list));
        }
        if (json) {
            ObjectNode root = JSON.createObjectNode().put("name", chosen.name()).put("field", chosen.field())
                    .put("about", chosen.about());
            ArrayNode codes = root.putArray("codes");
            chosen.codes().get().forEach(c -> codes.addObject().put("code", c.code()).put("display", c.display()));
            out.println(JSON.writeValueAsString(root));
            return 0;
        }
        for (Code code : chosen.codes().get()) {
            out.println(code.code() + "\t" + code.display());
        }
        return 0;
    }

    /** An argument for a message: one line, at most 40 characters. */
    private static String clip(String value) {
        String line = value.replaceAll("\\p{Cntrl}", "?");
        return line.length() <= 40 ? line : line.substring(0, 40) + "...";
    }
}
