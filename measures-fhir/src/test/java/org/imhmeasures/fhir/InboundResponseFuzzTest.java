/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.imhmeasures.core.instrument.AnswerOption;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.core.instrument.Item;
import org.imhmeasures.core.instrument.ResponseScale;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.Answer;
import org.imhmeasures.scoring.CriticalAlert;
import org.imhmeasures.scoring.CriticalItemUnanswered;
import org.imhmeasures.scoring.NotScorable;
import org.imhmeasures.scoring.Problem;
import org.imhmeasures.scoring.ScoreResult;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.Timepoint;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of inbound QuestionnaireResponse JSON, the way the {@code fhir-score} command takes it:
 * the command's JSON limits (depth, string and number length, exponents of at most 30: a number bomb never
 * reaches HAPI), HAPI's JSON parser with {@link StrictErrorHandler}, then
 * {@link ResponseMapping#toAdministration}, then {@link Scorer}. Responses are built from the catalogue
 * (every instrument, complete and partial answers, declined items, alerting critical items, groups as form
 * renderers nest them, optional elements present or not) and mutated: codes that are odd numbers
 * ({@code 1e1}, {@code ٣٠}, {@code ２０}, {@code +2}, {@code .5}) or planted identifiers (NHS number, name,
 * date of birth), planted linkIds, systems, questionnaire canonicals, timepoints, respondents and dates,
 * repeated linkIds, two answers, wrong value types, ratings out of range, displays contradicting the code,
 * unscored statuses, unknown elements, huge numbers, and damage to the text.
 *
 * <p>For every input: it is refused by the JSON limits or by HAPI ({@code DataFormatException}: HAPI's
 * own refusal, whose text this library does not write; the command replaces it with its own), or mapped,
 * or refused with a {@link FhirMappingException} whose path starts at {@code QuestionnaireResponse};
 * never any other exception from this library. No planted identifier is in the exception's message,
 * {@code found()}, {@code expected()}, path or {@code toString()}, nor in the administration's or the
 * result's {@code toString()} or any problem message. A mapped response keeps every answer (an answer for
 * every item in form order, declined and missing kept apart) and the score keeps every answered item's
 * score and every critical alert the definition's rule gives, computed independently of the scorer. When
 * a response carries at most one mapping defect, the administration, or the exception class and path, is
 * predicted exactly.
 *
 * <p>Rerun one input: {@code ./mvnw -pl measures-fhir -am verify -Dtest=InboundResponseFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dimh.seed=<seed from the failure> -Dimh.fuzz.cases=1}.
 */
class InboundResponseFuzzTest {

    /** Responses per run; tune here. */
    static final int CASES = 20_000;

    private static final Catalogue CATALOGUE = Catalogue.builtIn();
    // the generator predicts scores; answers-only instruments have their own round trip (AnswersOnlyFhirTest)
    private static final List<Instrument> INSTRUMENTS = CATALOGUE.instruments().stream().filter(Instrument::scored)
            .toList();
    private static final IParser PARSER = FhirContext.forR4Cached().newJsonParser()
            .setParserErrorHandler(new StrictErrorHandler());
    private static final String ROOT = "QuestionnaireResponse";
    private static final List<String> PLANTED = List.of("9434765919", "943 476 5919", "943-476-5919", "Jane Smith",
            "Quartermaine", "1987-03-14", "14/03/1987");
    private static final List<String> FORBIDDEN = List.of("9434765919", "943 476 5919", "943-476-5919", "Jane Smith",
            "Smith", "Quartermaine", "1987-03-14", "14/03/1987");
    private static final List<String> ODD = List.of("1e1", "٣", "٣٠", "２", "２０", "+2", ".5", "5.", "2.0", "-0", "00",
            "02", "−1", "NaN", "1e999999999", "9".repeat(40), "-1", "99", "x", "NA ", "yes ", "Yes");
    private static final Map<String, Integer> ALLOWED_MISSING = new LinkedHashMap<>();
    private static final Map<String, Scorer> SCORERS = new LinkedHashMap<>();

    /** The command's JSON limits (FhirScoreCommand), applied before HAPI sees the text. */
    private static final JsonFactory LIMITED = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).maxStringLength(10_000)
                    .maxNumberLength(32).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    static {
        for (Instrument instrument : INSTRUMENTS) {
            SCORERS.put(instrument.id(), Scorer.of(instrument));
            ALLOWED_MISSING.put(instrument.id(), SCORERS.get(instrument.id()).allowedMissing());
        }
    }

    // -------------------------------------------------------------------------------------------------------
    // JSON text built by hand, so that any token can be written

    /** A JSON token written as is. */
    record Raw(String json) {
    }

    static String render(Object value, Random random, boolean messy) {
        StringBuilder out = new StringBuilder();
        write(out, value, random, messy);
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static void write(StringBuilder out, Object value, Random random, boolean messy) {
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
                out.append(first ? "" : ",").append(ws(random, messy));
                first = false;
                out.append(q(e.getKey())).append(ws(random, messy)).append(':').append(ws(random, messy));
                write(out, e.getValue(), random, messy);
            }
            out.append(ws(random, messy)).append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",").append(ws(random, messy));
                write(out, list.get(i), random, messy);
            }
            out.append(']');
        } else if (value instanceof Raw raw) {
            out.append(raw.json());
        } else if (value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else {
            out.append(q(String.valueOf(value)));
        }
    }

    private static String ws(Random random, boolean messy) {
        if (!messy) {
            return "";
        }
        int roll = random.nextInt(10);
        return roll == 0 ? "\r\n  " : roll == 1 ? "\n" : roll == 2 ? " " : roll == 3 ? "\t" : "";
    }

    static String q(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    // -------------------------------------------------------------------------------------------------------
    // Generated responses

    /** What a response should map to, when it carries no mapping defect. */
    static final class Expected {
        Instrument instrument;
        final Map<String, Answer> answers = new LinkedHashMap<>();
        Optional<LocalDate> date = Optional.empty();
        Optional<Timepoint> timepoint = Optional.empty();
        Optional<String> respondent = Optional.empty();
        /** the one defect planted, as exception class and path; null when the response maps */
        Class<? extends FhirMappingException> failure;
        String failurePath;
        /** whether HAPI is expected to refuse the text (an unknown element, an invalid primitive) */
        boolean parseRefusal;
        /** a defect is planted already: a second would make the outcome order-dependent */
        boolean defect;

        void fail(Class<? extends FhirMappingException> type, String path) {
            defect = true;
            failure = type;
            failurePath = path;
        }
    }

    /** The item entries of a response, each with its path once rendered (set when the tree is laid out). */
    static final class ItemEntry {
        final Map<String, Object> json;
        final Item item;
        ItemEntry(Map<String, Object> json, Item item) {
            this.json = json;
            this.item = item;
        }
    }

    private static Object value(Instrument instrument, Item item, String code, Random random) {
        if (item.scale() instanceof ResponseScale.Options options) {
            Map<String, Object> coding = new LinkedHashMap<>();
            if (random.nextInt(4) != 0) {
                coding.put("system", FhirUris.answers(instrument));
            }
            coding.put("code", random.nextInt(10) == 0 ? " " + code + " " : code);
            Optional<String> label = options.options().stream().filter(o -> o.code().equals(code)).findFirst()
                    .flatMap(AnswerOption::label);
            if (label.isPresent() && random.nextInt(3) == 0) {
                // the option's own label, with other case and spaces: agrees with the code
                String shown = random.nextBoolean() ? label.get().toUpperCase(Locale.ROOT) : label.get().replace(" ",
                        "  ");
                coding.put("display", shown);
            } else if (random.nextInt(8) == 0) {
                coding.put("display", random.nextBoolean() ? "Jane Smith" : "une traduction"); // no label: accepted
            }
            return obj("valueCoding", coding);
        }
        return obj("valueInteger", new Raw(code));
    }

    /** Builds a response and what it maps to; mutations add at most one mapping defect when {@code exact}. */
    private static Map<String, Object> response(Random random, Expected e, boolean mutate) {
        Instrument instrument = INSTRUMENTS.get(random.nextInt(INSTRUMENTS.size()));
        e.instrument = instrument;
        Map<String, Object> qr = new LinkedHashMap<>();
        qr.put("resourceType", "QuestionnaireResponse");
        if (random.nextBoolean()) {
            qr.put("id", "qr-" + random.nextInt(1000));
        }
        qr.put("questionnaire", random.nextInt(3) == 0 ? FhirUris.questionnaire(instrument)
                : FhirUris.versionedQuestionnaire(instrument));
        qr.put("status", List.of("completed", "amended", "in-progress").get(random.nextInt(3)));
        if (random.nextBoolean()) {
            LocalDate date = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(900));
            qr.put("authored", random.nextBoolean() ? date.toString() : date + "T10:15:00+01:00");
            e.date = Optional.of(date);
        }
        if (random.nextBoolean()) {
            qr.put("subject", obj("reference", "Patient/example"));
        }
        if (random.nextBoolean()) {
            String role = List.of("birth mother", "father", " foster carer ").get(random.nextInt(3));
            qr.put("source", obj("display", role));
            e.respondent = Optional.of(role.strip());
        }
        if (random.nextBoolean()) {
            Timepoint timepoint = Timepoint.values()[random.nextInt(Timepoint.values().length)];
            qr.put("extension", new ArrayList<>(List.of(obj("url", ResponseMapping.TIMEPOINT_EXTENSION, "valueCode",
                    ResponseMapping.timepointCode(timepoint)))));
            e.timepoint = Optional.of(timepoint);
        }
        boolean partial = random.nextInt(3) == 0;
        List<ItemEntry> entries = new ArrayList<>();
        for (Item item : instrument.items()) {
            int roll = random.nextInt(20);
            if (partial && roll < 3) {
                e.answers.put(item.id(), Answer.MISSING);
                continue;
            }
            if (partial && roll == 3) {
                Map<String, Object> declined = obj("linkId", item.id(), "extension", List.of(obj("url",
                        FhirUris.DATA_ABSENT_REASON, "valueCode", "asked-declined")));
                entries.add(new ItemEntry(declined, item));
                e.answers.put(item.id(), Answer.DECLINED);
                continue;
            }
            if (partial && roll == 4) {
                entries.add(new ItemEntry(obj("linkId", item.id()), item)); // asked, no answer
                e.answers.put(item.id(), Answer.MISSING);
                continue;
            }
            String code = alertingCode(item, random).filter(c -> random.nextInt(3) == 0)
                    .orElseGet(() -> validCode(item, random));
            Object value = value(instrument, item, code, random);
            Map<String, Object> json = obj("linkId", item.id(), "answer", new ArrayList<>(List.of(value)));
            entries.add(new ItemEntry(json, item));
            e.answers.put(item.id(), new Answer.Given(code));
        }
        if (random.nextInt(4) == 0) {
            Collections.shuffle(entries, random);
        }
        if (mutate) {
            mutate(qr, entries, e, instrument, random);
        }
        // lay the items out, in groups sometimes (a renderer's sections, linkIds that are not items)
        List<Object> top = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        Map<ItemEntry, String> pathOf = new LinkedHashMap<>();
        int i = 0;
        while (i < entries.size()) {
            if (random.nextInt(5) == 0) {
                int size = 1 + random.nextInt(Math.min(4, entries.size() - i));
                List<Object> members = new ArrayList<>();
                String groupPath = ROOT + ".item[" + top.size() + "]";
                for (int k = 0; k < size; k++) {
                    pathOf.put(entries.get(i + k), groupPath + ".item[" + k + "]");
                    members.add(entries.get(i + k).json);
                }
                String groupId = random.nextInt(4) == 0 ? PLANTED.get(random.nextInt(PLANTED.size())) : "section-"
                        + top.size();
                top.add(obj("linkId", groupId, "item", members));
                i += size;
            } else {
                pathOf.put(entries.get(i), ROOT + ".item[" + top.size() + "]");
                top.add(entries.get(i).json);
                i++;
            }
        }
        paths.addAll(pathOf.values());
        if (!top.isEmpty()) {
            qr.put("item", top);
        }
        // a defect located at an item: its path is known only now
        if (e.failurePath != null && e.failurePath.startsWith("@")) {
            int at = e.failurePath.indexOf('.');
            String index = at < 0 ? e.failurePath.substring(1) : e.failurePath.substring(1, at);
            ItemEntry target = entries.get(Integer.parseInt(index));
            e.failurePath = pathOf.get(target) + (at < 0 ? "" : e.failurePath.substring(at));
        }
        if (random.nextInt(3) == 0) {
            // element order does not matter to a JSON parser
            List<Map.Entry<String, Object>> fields = new ArrayList<>(qr.entrySet());
            Collections.shuffle(fields, random);
            qr.clear();
            fields.forEach(f -> qr.put(f.getKey(), f.getValue()));
        }
        return qr;
    }

    private static String planted(Random random) {
        return PLANTED.get(random.nextInt(PLANTED.size()));
    }

    /** Mutations; a mapping defect is planted only while none is, with its exception class and path. */
    @SuppressWarnings("unchecked")
    private static void mutate(Map<String, Object> qr, List<ItemEntry> entries, Expected e, Instrument instrument,
            Random random) {
        int edits = 1 + random.nextInt(2);
        for (int k = 0; k < edits; k++) {
            int pick = random.nextInt(entries.isEmpty() ? 8 : 20);
            int index = entries.isEmpty() ? 0 : random.nextInt(entries.size());
            ItemEntry target = entries.isEmpty() ? null : entries.get(index);
            if (pick >= 8 && e.defect && pick < 18) {
                continue; // a second mapping defect would make the outcome depend on the order of checks
            }
            switch (pick) {
                case 0: // the questionnaire absent, foreign, planted, or another version
                    if (e.defect) {
                        break;
                    }
                    int roll = random.nextInt(4);
                    if (roll == 0) {
                        qr.remove("questionnaire");
                        e.fail(FhirMappingException.MissingElement.class, ROOT + ".questionnaire");
                    } else {
                        qr.put("questionnaire", roll == 1 ? "https://example.org/Questionnaire/" + planted(random)
                                : roll == 2 ? FhirUris.questionnaire(instrument) + "|9.9.9" : planted(random));
                        e.fail(FhirMappingException.UnknownReference.class, ROOT + ".questionnaire");
                    }
                    break;
                case 1: // a status that is not scored, or none
                    if (e.defect) {
                        break;
                    }
                    if (random.nextBoolean()) {
                        qr.put("status", random.nextBoolean() ? "stopped" : "entered-in-error");
                        e.fail(FhirMappingException.InvalidValue.class, ROOT + ".status");
                    } else {
                        qr.remove("status");
                        e.fail(FhirMappingException.MissingElement.class, ROOT + ".status");
                    }
                    break;
                case 2: // a status HAPI does not know: refused by the parser
                    qr.put("status", planted(random));
                    e.parseRefusal = true;
                    break;
                case 3: // an unknown element: refused by the strict parser
                    qr.put(random.nextBoolean() ? planted(random) : "notes", planted(random));
                    e.parseRefusal = true;
                    break;
                case 4: // authored of month precision, or not a date
                    if (random.nextBoolean()) {
                        if (!e.defect) {
                            qr.put("authored", "1987-03");
                            e.fail(FhirMappingException.InvalidValue.class, ROOT + ".authored");
                        }
                    } else {
                        qr.put("authored", random.nextBoolean() ? "14/03/1987" : "1987-03-14T25:00");
                        e.parseRefusal = true;
                    }
                    break;
                case 5: // a date of birth in authored: a valid date, mapped
                    if (e.defect) {
                        break; // authored may be the defect
                    }
                    qr.put("authored", "1987-03-14");
                    e.date = Optional.of(LocalDate.of(1987, 3, 14));
                    break;
                case 6: // a timepoint that is not one, or twice
                    if (e.defect) {
                        break;
                    }
                    String url = ROOT + ".extension('" + ResponseMapping.TIMEPOINT_EXTENSION + "')";
                    if (random.nextBoolean()) {
                        qr.put("extension", new ArrayList<>(List.of(obj("url", ResponseMapping.TIMEPOINT_EXTENSION,
                                "valueCode", planted(random)))));
                        e.fail(FhirMappingException.InvalidValue.class, url + ".valueCode");
                    } else {
                        qr.put("extension", new ArrayList<>(List.of(obj("url", ResponseMapping.TIMEPOINT_EXTENSION,
                                "valueCode", "baseline"), obj("url", ResponseMapping.TIMEPOINT_EXTENSION, "valueCode",
                                "review"))));
                        e.fail(FhirMappingException.InvalidValue.class, url);
                    }
                    break;
                case 7: // a respondent named like a person: kept, never printed
                    qr.put("source", obj("display", "Jane Smith"));
                    e.respondent = Optional.of("Jane Smith");
                    break;
                case 8: { // a linkId that is no item (a name, an NHS number)
                    target.json.put("linkId", planted(random));
                    if (!target.json.containsKey("answer")) {
                        target.json.put("answer", new ArrayList<>(List.of(obj("valueInteger", new Raw("1")))));
                    }
                    e.answers.put(target.item.id(), Answer.MISSING);
                    e.fail(FhirMappingException.UnknownReference.class, "@" + index + ".linkId");
                    break;
                }
                case 9: { // the same linkId twice
                    Map<String, Object> copy = new LinkedHashMap<>(target.json);
                    ItemEntry twin = new ItemEntry(copy, target.item);
                    int at = index + 1 + random.nextInt(entries.size() - index);
                    entries.add(at, twin);
                    e.fail(FhirMappingException.InvalidValue.class, "@" + at + ".linkId");
                    break;
                }
                case 10: { // two answers
                    if (!target.json.containsKey("answer")) {
                        break;
                    }
                    List<Object> answers = (List<Object>) target.json.get("answer");
                    answers.add(value(instrument, target.item, validCode(target.item, random), random));
                    e.fail(FhirMappingException.InvalidValue.class, "@" + index + ".answer[1]");
                    break;
                }
                case 11: { // a code that is not an option: an odd number or a planted identifier
                    if (!(target.item.scale() instanceof ResponseScale.Options)) {
                        break;
                    }
                    String code = random.nextBoolean() ? ODD.get(random.nextInt(ODD.size())) : planted(random);
                    if (oracleScore(target.item, code).isPresent()) {
                        break; // happens to be allowed (e.g. "NA " on KPCS)
                    }
                    target.json.put("answer", new ArrayList<>(List.of(obj("valueCoding", random.nextInt(5) == 0
                            ? obj("system", FhirUris.answers(instrument), "display", planted(random))
                            : obj("code", code)))));
                    e.fail(FhirMappingException.InvalidValue.class, "@" + index + ".answer[0].valueCoding.code");
                    break;
                }
                case 12: { // a system other than ours
                    if (!(target.item.scale() instanceof ResponseScale.Options)) {
                        break;
                    }
                    target.json.put("answer", new ArrayList<>(List.of(obj("valueCoding", obj("system", "urn:"
                            + planted(random).replace(" ", "-"), "code", validCode(target.item, random))))));
                    e.fail(FhirMappingException.InvalidValue.class, "@" + index + ".answer[0].valueCoding.system");
                    break;
                }
                case 13: { // another value type: valueString, valueInteger on a coded item, valueCoding on a rating
                    boolean coded = target.item.scale() instanceof ResponseScale.Options;
                    Object value = random.nextBoolean() ? obj("valueString", planted(random)) : coded
                            ? obj("valueInteger", new Raw("1")) : obj("valueCoding", obj("code", "1"));
                    target.json.put("answer", new ArrayList<>(List.of(value)));
                    e.fail(FhirMappingException.InvalidValue.class, "@" + index + ".answer[0]");
                    break;
                }
                case 14: { // a rating out of range
                    if (!(target.item.scale() instanceof ResponseScale.Rating rating)) {
                        break;
                    }
                    int value = random.nextBoolean() ? rating.max() + 1 + random.nextInt(1000) : rating.min() - 1;
                    target.json.put("answer", new ArrayList<>(List.of(obj("valueInteger", new Raw(Integer.toString(
                            value))))));
                    e.fail(FhirMappingException.InvalidValue.class, "@" + index + ".answer[0].valueInteger");
                    break;
                }
                case 15: { // a display that is the label of another option
                    if (!(target.item.scale() instanceof ResponseScale.Options options)
                            || options.options().stream().anyMatch(o -> o.label().isEmpty())) {
                        break;
                    }
                    AnswerOption coded = options.options().get(random.nextInt(options.options().size()));
                    AnswerOption other = options.options().stream().filter(o -> !o.code().equals(coded.code()))
                            .findFirst().orElseThrow();
                    target.json.put("answer", new ArrayList<>(List.of(obj("valueCoding", obj("code", coded.code(),
                            "display", other.label().orElseThrow())))));
                    e.fail(FhirMappingException.InvalidValue.class, "@" + index + ".answer[0].valueCoding.display");
                    break;
                }
                case 16: { // an answer without a value
                    target.json.put("answer", new ArrayList<>(List.of(obj("extension", List.of(obj("url",
                            "urn:x", "valueString", "x"))))));
                    e.fail(FhirMappingException.MissingElement.class, "@" + index + ".answer[0].value[x]");
                    break;
                }
                case 17: { // a question with items under it
                    target.json.put("item", List.of(obj("linkId", "child")));
                    target.json.remove("answer");
                    e.fail(FhirMappingException.InvalidValue.class, "@" + index + ".item");
                    break;
                }
                case 18: { // an integer written as a non-integer number: HAPI refuses it, or rounds nothing
                    if (target.item.scale() instanceof ResponseScale.Rating) {
                        target.json.put("answer", new ArrayList<>(List.of(obj("valueInteger", new Raw(List.of("1e1",
                                "2.5", "1E+2", "-0.0", "99999999999", "1e30").get(random.nextInt(6)))))));
                        e.parseRefusal = true; // or refused by the mapping: outcome not predicted
                        e.defect = true;
                        e.failure = null;
                    }
                    break;
                }
                default: { // a number bomb: refused by the limits before HAPI
                    qr.put("extension", new ArrayList<>(List.of(obj("url", "urn:x", "valueDecimal",
                            new Raw("1e1000000000")))));
                    e.parseRefusal = true;
                }
            }
        }
    }

    // -------------------------------------------------------------------------------------------------------
    // The oracle, from the definition only

    static OptionalInt oracleScore(Item item, String raw) {
        if (raw == null || raw.strip().isEmpty()) {
            return OptionalInt.empty();
        }
        String code = raw.strip();
        if (item.scale() instanceof ResponseScale.Options options) {
            return options.options().stream().filter(o -> o.code().equals(code)).mapToInt(AnswerOption::score)
                    .findFirst();
        }
        ResponseScale.Rating rating = (ResponseScale.Rating) item.scale();
        if (!code.matches("-?[0-9]{1,9}")) {
            return OptionalInt.empty();
        }
        int value = Integer.parseInt(code);
        return value >= rating.min() && value <= rating.max() ? OptionalInt.of(value) : OptionalInt.empty();
    }

    static String validCode(Item item, Random random) {
        if (item.scale() instanceof ResponseScale.Options options) {
            return options.options().get(random.nextInt(options.options().size())).code();
        }
        ResponseScale.Rating rating = (ResponseScale.Rating) item.scale();
        return Integer.toString(rating.min() + random.nextInt(rating.max() - rating.min() + 1));
    }

    static Optional<String> alertingCode(Item item, Random random) {
        if (item.critical().isEmpty()) {
            return Optional.empty();
        }
        int min = item.critical().get().minScore();
        List<String> codes = new ArrayList<>();
        if (item.scale() instanceof ResponseScale.Options options) {
            options.options().stream().filter(o -> o.score() >= min).forEach(o -> codes.add(o.code()));
        } else {
            ResponseScale.Rating rating = (ResponseScale.Rating) item.scale();
            for (int v = Math.max(min, rating.min()); v <= rating.max(); v++) {
                codes.add(Integer.toString(v));
            }
        }
        return codes.isEmpty() ? Optional.empty() : Optional.of(codes.get(random.nextInt(codes.size())));
    }

    /** Item scores, missing items, alerts and unanswered critical items, as the definition gives them. */
    static void assertAgrees(Instrument instrument, Administration administration, ScoreResult result) {
        List<String> alerts = new ArrayList<>();
        List<String> unanswered = new ArrayList<>();
        Map<String, Integer> scores = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        boolean invalid = false;
        for (Item item : instrument.items()) {
            Answer answer = administration.answers().get(item.id());
            assertNotNull(answer, "an answer for every item: " + item.id());
            OptionalInt score = answer instanceof Answer.Given g ? oracleScore(item, g.code()) : OptionalInt.empty();
            if (score.isPresent()) {
                scores.put(item.id(), score.getAsInt());
                if (item.critical().isPresent() && item.critical().get().minScore() <= score.getAsInt()) {
                    alerts.add(item.id());
                }
            } else {
                if (answer instanceof Answer.Given) {
                    invalid = true;
                } else {
                    missing.add(item.id());
                }
                if (item.critical().isPresent()) {
                    unanswered.add(item.id());
                }
            }
        }
        assertEquals(alerts, result.criticalAlerts().stream().map(CriticalAlert::itemId).toList(), "critical alerts");
        assertEquals(unanswered, result.criticalUnanswered().stream().map(CriticalItemUnanswered::itemId).toList(),
                "critical items without a valid answer");
        assertTrue(!invalid, "a mapped response holds only allowed codes");
        int allowed = ALLOWED_MISSING.get(instrument.id());
        if (missing.size() <= allowed) {
            Scored s = (Scored) result;
            assertEquals(scores, new LinkedHashMap<>(s.itemScores()), "item scores");
            assertEquals(missing, s.itemsMissing(), "missing items");
        } else {
            NotScorable n = (NotScorable) result;
            assertEquals("too_many_missing", n.firstProblem().code());
        }
    }

    // -------------------------------------------------------------------------------------------------------

    private static void assertClean(String what, String text) {
        if (text == null) {
            return;
        }
        for (String forbidden : FORBIDDEN) {
            if (text.contains(forbidden)) {
                fail("planted identifier \"" + forbidden + "\" in " + what + ": " + text);
            }
        }
    }

    /** The command's limits: {@code false} when the text is refused before HAPI. */
    private static boolean withinLimits(String text) {
        try (JsonParser parser = LIMITED.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            int depth = 1;
            while (depth > 0) {
                JsonToken token = parser.nextToken();
                if (token == null) {
                    return false;
                } else if (token.isStructStart()) {
                    depth++;
                } else if (token.isStructEnd()) {
                    depth--;
                } else if (token == JsonToken.VALUE_STRING) {
                    parser.getText();
                } else if (token.isNumeric()) {
                    String number = parser.getText();
                    int exp = Math.max(number.indexOf('e'), number.indexOf('E'));
                    if (exp >= 0) {
                        String digits = number.substring(exp + 1).replaceFirst("^[+-]", "")
                                .replaceFirst("^0+(?=.)", "");
                        if (digits.length() > 2 || Integer.parseInt(digits) > 30) {
                            return false;
                        }
                    }
                }
            }
            return parser.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    private static String damage(String text, Random random) {
        StringBuilder doc = new StringBuilder(text);
        String[] junk = {"\"", ",", "{", "}", "[", "]", ":", "null", "\"Jane Smith\"", "9434765919", "1987-03-14",
            "\"valueInteger\":1e1", "\"item\":[{}]", "\u0000", "\uFEFF", "٣٠", "\"linkId\":\"Quartermaine\","};
        int edits = 1 + random.nextInt(3);
        for (int k = 0; k < edits && doc.length() > 0; k++) {
            int at = random.nextInt(doc.length());
            switch (random.nextInt(4)) {
                case 0:
                    doc.setLength(at);
                    break;
                case 1:
                    doc.deleteCharAt(at);
                    break;
                case 2:
                    doc.insert(at, junk[random.nextInt(junk.length)]);
                    break;
                default:
                    int from = random.nextInt(doc.length());
                    int to = Math.min(doc.length(), from + random.nextInt(60));
                    doc.insert(to, doc.substring(from, to));
            }
        }
        return doc.toString();
    }

    @Test
    void inboundResponses_mapAndScoreWithEveryAnswerAndAlert_orFailWithALocatedMappingException() {
        String test = "InboundResponseFuzzTest.inboundResponses";
        String fixed = System.getProperty("imh.seed");
        long base = fixed != null ? Long.parseLong(fixed.strip()) : System.nanoTime();
        System.out.println("[fuzz] " + test + ": base seed " + base + " (rerun with -Dimh.seed=" + base + ")");
        int cases = Integer.getInteger("imh.fuzz.cases", CASES);
        long start = System.nanoTime();
        long startCpu = cpuNanos();
        int limits = 0;
        int refusedByHapi = 0;
        int otherHapi = 0;
        int mappingFailures = 0;
        int mapped = 0;
        int predicted = 0;
        for (int n = 0; n < cases; n++) {
            long seed = base + n;
            Random random = new Random(seed);
            String input = "";
            try {
                Expected e = new Expected();
                int mode = random.nextInt(10);
                Map<String, Object> qr = response(random, e, mode >= 2);
                input = render(qr, random, random.nextBoolean());
                boolean damaged = mode == 9;
                if (damaged) {
                    input = damage(input, random);
                }
                if (!withinLimits(input)) {
                    limits++;
                    continue;
                }
                QuestionnaireResponse response;
                try {
                    response = PARSER.parseResource(QuestionnaireResponse.class, input);
                } catch (DataFormatException refused) {
                    refusedByHapi++;
                    if (!damaged && !e.parseRefusal) {
                        fail("HAPI refused a response built to parse: " + refused.getMessage());
                    }
                    continue;
                } catch (RuntimeException other) {
                    // HAPI's parser, not this library: some shapes fail with other runtime exceptions, which the
                    // command reports by type only
                    otherHapi++;
                    continue;
                }
                boolean exact = !damaged && !e.parseRefusal;
                Administration administration;
                try {
                    administration = ResponseMapping.toAdministration(CATALOGUE, response);
                } catch (FhirMappingException m) {
                    mappingFailures++;
                    assertTrue(m.path().startsWith(ROOT), "path: " + m.path());
                    assertTrue(m.getMessage().startsWith(m.path() + " must "), "message style: " + m.getMessage());
                    for (String text : List.of(m.getMessage(), m.found(), m.expected(), m.path(), m.toString())) {
                        assertClean("mapping exception", text);
                    }
                    assertTrue(m.getCause() == null, "no cause with patient data");
                    if (exact) {
                        predicted++;
                        assertEquals(e.failure, m.getClass(), "exception class predicted: " + m.getMessage());
                        assertEquals(e.failurePath, m.path(), "path predicted");
                    }
                    continue;
                }
                mapped++;
                assertClean("administration toString", administration.toString());
                Instrument instrument = CATALOGUE.get(administration.instrumentId());
                ScoreResult result = SCORERS.get(instrument.id()).score(administration);
                assertClean("result toString", result.toString());
                if (result instanceof NotScorable notScorable) {
                    for (Problem p : notScorable.problems()) {
                        assertClean("problem message", p.message());
                        assertClean("problem toString", p.toString());
                    }
                }
                assertAgrees(instrument, administration, result);
                if (!response.getIdElement().hasIdPart()) {
                    response.setId("inbound"); // as the command does: derivedFrom needs an id
                }
                if (result instanceof Scored scored) {
                    assertNotNull(ScoreMapping.toObservation(instrument, scored, response));
                } else if (!result.criticalAlerts().isEmpty() || !result.criticalUnanswered().isEmpty()) {
                    assertNotNull(ScoreMapping.toAlertObservation(instrument, (NotScorable) result,
                            Optional.of(response)));
                }
                if (exact) {
                    predicted++;
                    assertTrue(e.failure == null, "expected " + e.failure + " at " + e.failurePath + ", but it mapped");
                    assertEquals(new Administration(e.instrument.id(), e.answers, e.date, e.timepoint, e.respondent),
                            administration, "every answer kept, with date, timepoint and respondent");
                }
            } catch (Throwable t) {
                String shown = input.length() > 4000 ? input.substring(0, 4000) + "..." : input;
                throw new AssertionError("seed " + seed + " (rerun with -Dimh.seed=" + seed
                        + " -Dimh.fuzz.cases=1), case " + n + ": " + t + "\n--- input ---\n" + shown, t);
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        long cpu = cpuNanos();
        String cpuMs = cpu < 0 || startCpu < 0 ? "" : ", " + (cpu - startCpu) / 1_000_000 + " ms CPU";
        System.out.println("[fuzz] " + test + ": " + cases + " inputs in " + ms + " ms" + cpuMs + " (refused by limits " + limits
                + ", by HAPI " + refusedByHapi + " + " + otherHapi + " other HAPI exceptions, mapping exceptions "
                + mappingFailures + ", mapped " + mapped + ", predicted exactly " + predicted + ")");
        if (cases >= 1000) {
            assertTrue(mapped > cases / 5 && mappingFailures > cases / 10, "both outcomes exercised");
        }
    }

    /**
     * CPU time of this thread in nanoseconds, where the JVM measures it (read reflectively: the test module
     * does not read java.management), else -1. Reported next to wall time, which a shared machine stretches.
     */
    private static long cpuNanos() {
        try {
            Object threads = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                    .invoke(null);
            return (Long) Class.forName("java.lang.management.ThreadMXBean").getMethod("getCurrentThreadCpuTime")
                    .invoke(threads);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return -1;
        }
    }
}
