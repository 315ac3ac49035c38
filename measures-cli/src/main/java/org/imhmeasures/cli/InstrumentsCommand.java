/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.imhmeasures.core.instrument.AnswerCategory;
import org.imhmeasures.core.instrument.AnswerOption;
import org.imhmeasures.core.instrument.Band;
import org.imhmeasures.core.instrument.Bands;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Cutoff;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.core.instrument.InstrumentReference;
import org.imhmeasures.core.instrument.Item;
import org.imhmeasures.core.instrument.Licence;
import org.imhmeasures.core.instrument.MissingItemRule;
import org.imhmeasures.core.instrument.ReliableChange;
import org.imhmeasures.core.instrument.ResponseScale;
import org.imhmeasures.core.instrument.ScoreRange;
import org.imhmeasures.core.instrument.Subscale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code instruments [--json]}: the catalogue as a table, or as JSON for tools. */
@Command(name = "instruments", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, sortSynopsis = false, separator = " ",
        description = {"List the instrument catalogue: range, cut-off, reliable change, licence, wording shipped.",
            "Then the instruments listed for reference only (identity, licence, confirmed structure; not scorable "
                + "because a value a scorer needs is unconfirmed). In --json every entry has \"scorable\"; "
                + "reference entries carry \"notScorableBecause\" and their omissions instead of scoring fields."},
        footerHeading = "%nExample:%n", footer = "  imh-measures instruments --json",
        exitCodeListHeading = Main.EXIT_HEADING, exitCodeList = {Main.EXIT_0, Main.EXIT_2})
final class InstrumentsCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @ParentCommand
    private Main main;

    @Option(names = "--json", description = "the whole catalogue as JSON, for tools: one array, instruments first, "
            + "then references (\"scorable\": false)")
    private boolean json;

    private InstrumentsCommand() {
    }

    @Override
    public Integer call() {
        return run(main.out);
    }

    private int run(PrintStream out) {
        List<Instrument> instruments = Catalogue.builtIn().instruments();
        List<InstrumentReference> references = Catalogue.builtIn().references();
        if (json) {
            out.println(json(instruments, references));
        } else {
            out.print(table(instruments));
            out.print(references(references));
        }
        return 0;
    }

    static String table(List<Instrument> instruments) {
        String[] header = {"id", "version", "name", "completed by", "range", "cut-off", "reliable change",
            "licence", "wording shipped"};
        List<String[]> rows = instruments.stream().map(i -> new String[] {
            i.id(), i.definitionVersion(), i.name(), i.respondent().name().toLowerCase(Locale.ROOT)
                .replace('_', ' '), range(i), cutoff(i), reliableChange(i), i.licence().kind().name()
                .toLowerCase(Locale.ROOT).replace('_', ' '), wordingShipped(i) ? "yes" : "no"})
            .collect(Collectors.toList());
        int[] widths = new int[header.length];
        for (int c = 0; c < header.length; c++) {
            widths[c] = header[c].length();
            for (String[] row : rows) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder text = new StringBuilder();
        appendRow(text, header, widths);
        String[] rule = new String[header.length];
        for (int c = 0; c < header.length; c++) {
            rule[c] = "-".repeat(widths[c]);
        }
        appendRow(text, rule, widths);
        rows.forEach(row -> appendRow(text, row, widths));
        text.append(instruments.size()).append(" instruments. Option codes: the number printed beside an option on "
                + "the form, or its 0-based position where none is printed.").append(System.lineSeparator());
        return text.toString();
    }

    /** The instruments listed for reference only, each with why it cannot be scored. */
    static String references(List<InstrumentReference> references) {
        if (references.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder(System.lineSeparator()).append("Listed for reference only, not "
                + "scorable (identity, licence and confirmed structure; see --json for the omissions):")
                .append(System.lineSeparator());
        for (InstrumentReference r : references) {
            text.append("  ").append(r.id()).append("  ").append(r.definitionVersion()).append("  ").append(r.name())
                    .append(": ").append(r.notScorableBecause()).append(System.lineSeparator());
        }
        return text.toString();
    }

    private static void appendRow(StringBuilder text, String[] cells, int[] widths) {
        for (int c = 0; c < cells.length; c++) {
            text.append(c == 0 ? "" : "  ").append(cells[c]);
            if (c < cells.length - 1) {
                text.append(" ".repeat(widths[c] - cells[c].length()));
            }
        }
        text.append(System.lineSeparator());
    }

    static boolean wordingShipped(Instrument instrument) {
        return instrument.items().stream().anyMatch(item -> item.wording().isPresent());
    }

    private static String range(Instrument i) {
        if (!i.scored()) {
            return "answers only (no score)";
        }
        if (i.totalRange().isPresent()) {
            return i.totalRange().get().toString();
        }
        return i.subscales().stream().map(s -> s.id() + " " + s.range()).distinct().collect(Collectors.joining(", "));
    }

    private static String cutoff(Instrument i) {
        if (!i.scored()) {
            return "not applicable";
        }
        if (i.caseness().isPresent()) {
            return describe(i.caseness().get());
        }
        String sub = i.subscales().stream().filter(s -> s.cutoff().isPresent())
                .map(s -> s.id() + " " + describe(s.cutoff().get())).collect(Collectors.joining(", "));
        return sub.isEmpty() ? "none published" : sub;
    }

    private static String describe(Cutoff c) {
        return (c.comparison() == Cutoff.Comparison.AT_LEAST ? ">=" : "<=") + c.threshold().toPlainString();
    }

    private static String reliableChange(Instrument i) {
        if (!i.scored()) {
            return "not applicable";
        }
        if (i.reliableChange().isEmpty()) {
            return "none published";
        }
        return i.reliableChange().stream().map(r -> r instanceof ReliableChange.FixedThreshold f
                ? f.threshold().toPlainString() + " points"
                : "from SD/reliability").collect(Collectors.joining(", "));
    }

    static String json(List<Instrument> instruments, List<InstrumentReference> references) {
        ArrayNode array = JSON.createArrayNode();
        for (Instrument i : instruments) {
            ObjectNode node = array.addObject();
            node.put("id", i.id());
            node.put("version", i.definitionVersion());
            node.put("name", i.name());
            node.put("scorable", true);
            node.put("respondent", lower(i.respondent()));
            i.recallPeriod().ifPresent(p -> node.put("recallPeriod", p));
            node.put("appliesTo", i.appliesTo());
            i.totalRange().ifPresentOrElse(r -> range(node.putObject("range"), r), () -> node.putNull("range"));
            node.put("direction", lower(i.direction()));
            node.put("scoring", lower(i.scoring().getClass().getSimpleName()));
            missing(node.putObject("missingItems"), i.missingItems());
            i.caseness().ifPresentOrElse(c -> cutoff(node.putObject("cutoff"), c), () -> node.putNull("cutoff"));
            bands(node.putArray("bands"), i.bands());
            ArrayNode rc = node.putArray("reliableChange");
            for (ReliableChange r : i.reliableChange()) {
                ObjectNode rn = rc.addObject();
                if (r instanceof ReliableChange.FixedThreshold f) {
                    rn.put("kind", "fixed_threshold");
                    rn.put("threshold", f.threshold());
                    f.unrounded().ifPresent(u -> rn.put("unrounded", u));
                    rn.put("scheme", f.scheme());
                } else if (r instanceof ReliableChange.FromReliability fr) {
                    rn.put("kind", "from_reliability");
                    rn.put("sd", fr.sd());
                    rn.put("reliability", fr.reliability());
                    rn.put("reliabilityKind", fr.reliabilityKind());
                }
                rn.put("source", r.source().citation());
            }
            ArrayNode subs = node.putArray("subscales");
            for (Subscale s : i.subscales()) {
                ObjectNode sn = subs.addObject();
                sn.put("id", s.id());
                sn.put("name", s.name());
                s.itemIds().forEach(sn.putArray("items")::add);
                range(sn.putObject("range"), s.range());
                s.cutoff().ifPresent(c -> cutoff(sn.putObject("cutoff"), c));
                bands(sn.putArray("bands"), s.bands());
                s.prorating().ifPresent(p -> sn.putObject("prorating").put("minAnswered", p.minAnswered())
                        .put("source", p.source().citation()));
            }
            // only where present, so the entries of other instruments read as before
            i.derivedFrom().ifPresent(d -> {
                ObjectNode dn = node.putObject("derivedFrom");
                dn.put("instrument", d.parentId());
                ObjectNode map = dn.putObject("items");
                d.items().forEach(map::put);
                dn.put("source", d.source().citation());
            });
            i.ageInterval().ifPresent(a -> node.putObject("ageInterval").put("family", a.family())
                    .put("months", a.months()).put("source", a.source().citation()));
            i.licenseeCutoff().ifPresent(l -> node.putObject("licenseeCutoff").put("note", l.note())
                    .put("supplied", i.caseness().isPresent() || !i.bands().isEmpty()));
            ObjectNode licence = node.putObject("licence");
            licence.put("kind", lower(i.licence().kind()));
            licence.put("holder", i.licence().holder());
            licence.put("wordingMayShip", i.licence().wording() == Licence.WordingPolicy.MAY_SHIP);
            licence.put("wordingShipped", wordingShipped(i));
            licence.put("terms", i.licence().terms());
            licence.put("citation", i.licence().citation());
            ArrayNode items = node.putArray("items");
            for (Item item : i.items()) {
                ObjectNode itemNode = items.addObject();
                itemNode.put("id", item.id());
                itemNode.put("position", item.position());
                item.wording().ifPresent(w -> itemNode.put("wording", w));
                if (item.scale() instanceof ResponseScale.Options options) {
                    ArrayNode opts = itemNode.putArray("options");
                    for (AnswerOption o : options.options()) {
                        ObjectNode on = opts.addObject();
                        on.put("code", o.code());
                        on.put("score", o.score());
                        o.label().ifPresent(l -> on.put("label", l));
                    }
                } else if (item.scale() instanceof ResponseScale.Unscored unscored) {
                    // answers recorded, never scored: the options carry no score field at all
                    ArrayNode opts = itemNode.putArray("options");
                    for (AnswerCategory o : unscored.categories()) {
                        ObjectNode on = opts.addObject();
                        on.put("code", o.code());
                        o.label().ifPresent(l -> on.put("label", l));
                    }
                } else if (item.scale() instanceof ResponseScale.Rating rating) {
                    ObjectNode rn = itemNode.putObject("rating");
                    rn.put("min", rating.min());
                    rn.put("max", rating.max());
                }
                item.critical().ifPresent(c -> {
                    ObjectNode cn = itemNode.putObject("critical");
                    cn.put("minScore", c.minScore());
                    cn.put("reason", c.reason());
                });
            }
            ArrayNode omissions = node.putArray("omissions");
            i.omissions().forEach(o -> omissions.addObject().put("field", o.field()).put("note", o.note()));
        }
        for (InstrumentReference r : references) {
            reference(array.addObject(), r);
        }
        try {
            return JSON.writeValueAsString(array);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("catalogue must serialise to JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A reference's entry: the fields it shares with an instrument's, {@code "scorable": false}, no scoring. */
    private static void reference(ObjectNode node, InstrumentReference r) {
        node.put("id", r.id());
        node.put("version", r.definitionVersion());
        node.put("name", r.name());
        node.put("scorable", false);
        node.put("notScorableBecause", r.notScorableBecause());
        node.put("respondent", lower(r.respondent()));
        node.put("appliesTo", r.appliesTo());
        if (r.itemCount().isPresent()) {
            node.putObject("items").put("count", r.itemCount().getAsInt())
                    .put("source", r.itemSource().orElseThrow().citation());
        } else {
            node.putNull("items");
        }
        r.responseFormat().ifPresent(f -> node.put("responseFormat", f));
        ArrayNode groups = node.putArray("groups");
        for (InstrumentReference.ItemGroup g : r.groups()) {
            ObjectNode gn = groups.addObject();
            gn.put("id", g.id());
            gn.put("name", g.name());
            g.positions().forEach(gn.putArray("items")::add);
            gn.put("source", g.source().citation());
        }
        ObjectNode licence = node.putObject("licence");
        licence.put("kind", lower(r.licence().kind()));
        licence.put("holder", r.licence().holder());
        licence.put("wordingMayShip", r.licence().wording() == Licence.WordingPolicy.MAY_SHIP);
        licence.put("wordingShipped", false);
        licence.put("terms", r.licence().terms());
        licence.put("citation", r.licence().citation());
        ArrayNode omissions = node.putArray("omissions");
        r.omissions().forEach(o -> omissions.addObject().put("field", o.field()).put("note", o.note()));
    }

    private static void range(ObjectNode node, ScoreRange range) {
        node.put("min", range.min());
        node.put("max", range.max());
    }

    private static void cutoff(ObjectNode node, Cutoff c) {
        node.put("threshold", c.threshold());
        node.put("comparison", lower(c.comparison()));
        node.put("meaning", c.meaning());
        node.put("source", c.source().citation());
    }

    private static void bands(ArrayNode array, Bands bands) {
        for (Band b : bands.bands()) {
            array.addObject().put("label", b.label()).put("from", b.from()).put("to", b.to());
        }
    }

    private static void missing(ObjectNode node, MissingItemRule rule) {
        if (rule instanceof MissingItemRule.Prorate p) {
            node.put("rule", "prorate").put("maxMissing", p.maxMissing());
        } else if (rule instanceof MissingItemRule.MinimumAnswered m) {
            node.put("rule", "minimum_answered").put("minAnswered", m.minAnswered());
        } else if (rule instanceof MissingItemRule.Unadjusted u) {
            node.put("rule", "unadjusted").put("maxMissing", u.maxMissing());
        } else {
            node.put("rule", "none_allowed").put("note", ((MissingItemRule.NoneAllowed) rule).note());
        }
        rule.sourceIfAny().ifPresent(s -> node.put("source", s.citation()));
    }

    private static String lower(Object value) {
        String text = value instanceof Enum<?> e ? e.name() : value.toString();
        return text.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
