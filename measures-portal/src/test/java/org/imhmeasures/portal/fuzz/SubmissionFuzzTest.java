/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.portal.fuzz;

import static org.imhmeasures.portal.fuzz.FuzzSupport.assertClean;
import static org.imhmeasures.portal.fuzz.FuzzSupport.assertConsistent;
import static org.imhmeasures.portal.fuzz.FuzzSupport.odd;
import static org.imhmeasures.portal.fuzz.FuzzSupport.pick;
import static org.imhmeasures.portal.fuzz.FuzzSupport.planted;
import static org.imhmeasures.portal.fuzz.FuzzSupport.space;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.imhmeasures.core.care.Caregiver;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.core.instrument.Item;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.Answer;
import org.imhmeasures.scoring.ScoreResult;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.portal.submission.Submission;
import org.imhmeasures.portal.submission.SubmissionResult;
import org.imhmeasures.portal.submission.SubmissionValidator;
import org.imhmeasures.portal.submission.Violation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of portal submissions ({@code imh-measures/submission@1}) through
 * {@link SubmissionValidator}: realistic documents built from the whole catalogue (every instrument,
 * complete and partial answers, alerting critical items), then mutated — odd numbers ({@code 1e1},
 * {@code ٣٠}, {@code ２０}, {@code +20}, {@code .5}), wrong JSON types, answer keys trimmed, blank,
 * duplicated after trimming or unknown, unknown fields, planted identifiers (NHS number, name, date of
 * birth) in answer values, answer keys, field names, ids, dates, timepoints and instrument ids, and damage
 * to the text (truncation, junk, invalid UTF-8, BOM, CRLF).
 *
 * <p>For every document: the result is {@code Accepted} or {@code Rejected} with violations, never an
 * exception; no planted identifier is in any violation (path, code, message, {@code toString()}) or in the
 * accepted result's {@code toString()} (pseudonyms, which a submission means to show, excepted); an accepted
 * submission keeps every answer and every critical alert the definition says its answers raise. When the
 * mutations are confined to answers and administration fields, the exact set of violations is predicted
 * from the definition and compared.
 *
 * <p>Rerun one input: {@code ./mvnw -pl measures-scoring -am verify -Dtest=SubmissionFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dimh.seed=<seed from the failure> -Dimh.fuzz.cases=1}.
 */
class SubmissionFuzzTest {

    /** Documents per run; tune here. */
    static final int CASES = 10_000;

    private static final SubmissionValidator VALIDATOR = SubmissionValidator.create();
    private static final List<Instrument> INSTRUMENTS = Catalogue.builtIn().instruments().stream().filter(Instrument::scored).toList();
    private static final Map<String, Integer> ALLOWED_MISSING = new HashMap<>();
    private static final LocalDate START = LocalDate.of(2025, 5, 20);
    private static final LocalDate END = LocalDate.of(2025, 11, 28);
    private static final List<String> TIMEPOINTS = List.of("baseline", "discharge", "follow_up", "review");
    private static final List<String> RESPONDENTS = List.of("birth_mother", "birth_father", "practitioner");
    /** JSON values that are not answers: wrong types, too long, fractions, overflow. */
    private static final List<String> NOT_ANSWERS = List.of("true", "false", "[]", "{}", "2.5", "1e1", "-1.0", "2.0",
            "99999999999", "-2147483649", "1e999999999", "1e99999999921", "-1e-99999999921", "[\"Jane Smith\"]",
            "{\"Quartermaine\": 1}",
            "\"Jane Smith Jane Smith\"", "\"9434765919 9434765919\"", "\"" + "x".repeat(21) + "\"");

    static {
        for (Instrument instrument : INSTRUMENTS) {
            ALLOWED_MISSING.put(instrument.id(), Scorer.of(instrument).allowedMissing());
        }
    }

    @AfterAll
    static void close() {
        VALIDATOR.close();
    }

    // -------------------------------------------------------------------------------------------------------
    // A document model that renders to JSON text exactly as generated (odd tokens, keys with spaces)

    /** A JSON object as a list of raw key and value text, in order. */
    static final class Obj {
        final List<String[]> fields = new ArrayList<>();

        Obj put(String key, String valueJson) {
            fields.add(new String[] {key, valueJson});
            return this;
        }

        Obj set(String key, String valueJson) {
            for (String[] f : fields) {
                if (f[0].equals(key)) {
                    f[1] = valueJson;
                    return this;
                }
            }
            return put(key, valueJson);
        }

        void remove(String key) {
            fields.removeIf(f -> f[0].equals(key));
        }

        String render(Random random, boolean messy) {
            StringBuilder out = new StringBuilder("{");
            for (int i = 0; i < fields.size(); i++) {
                out.append(i == 0 ? "" : ",").append(ws(random, messy)).append(q(fields.get(i)[0], random, messy))
                        .append(ws(random, messy)).append(':').append(ws(random, messy)).append(fields.get(i)[1]);
            }
            return out.append(ws(random, messy)).append('}').toString();
        }
    }

    /** JSON white space between tokens: CRLF, tabs, nothing. */
    static String ws(Random random, boolean messy) {
        if (!messy) {
            return "";
        }
        switch (random.nextInt(8)) {
            case 0:
                return "\r\n";
            case 1:
                return "\n  ";
            case 2:
                return "\t";
            case 3:
                return " ";
            default:
                return "";
        }
    }

    /** A JSON string literal; with {@code messy}, some characters as {@code \\uXXXX} escapes (same string). */
    static String q(String s, Random random, boolean messy) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || messy && random != null && random.nextInt(30) == 0) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    static String q(String s) {
        return q(s, null, false);
    }

    static String array(List<String> valuesJson) {
        return "[" + String.join(",", valuesJson) + "]";
    }

    /** How an answer was written. */
    enum Kind { CODE, NULL, NOT_AN_ANSWER }

    /** One answer as written: key, JSON value, and for a code the code as the validator reads it. */
    record Entry(String key, String json, Kind kind, String code) {
    }

    /** One administration as generated. */
    static final class Admin {
        Instrument instrument;
        String instrumentText;
        boolean instrumentKnown = true;
        String timepoint;
        LocalDate date;
        String respondent;
        List<Entry> answers = new ArrayList<>();
        /** unknown fields: key, value JSON, inserted at this position among the administration's fields */
        List<String[]> extra = new ArrayList<>();
        List<Integer> extraAt = new ArrayList<>();

        String render(Random random, boolean messy) {
            Obj answersObj = new Obj();
            answers.forEach(e -> answersObj.put(e.key, e.json));
            Obj obj = new Obj().put("instrument", q(instrumentText)).put("timepoint", q(timepoint))
                    .put("date", q(date.toString()));
            if (respondent != null) {
                obj.put("respondent", q(respondent));
            }
            obj.put("answers", answersObj.render(random, messy));
            for (int k = 0; k < extra.size(); k++) {
                obj.fields.add(Math.min(extraAt.get(k), obj.fields.size()), extra.get(k));
            }
            return obj.render(random, messy);
        }

        /** Positions of the unknown fields once inserted, as the validator counts them. */
        List<Integer> extraPositions() {
            List<String> order = new ArrayList<>(List.of("instrument", "timepoint", "date"));
            if (respondent != null) {
                order.add("respondent");
            }
            order.add("answers");
            List<Integer> positions = new ArrayList<>();
            List<Object> fields = new ArrayList<>(order);
            for (int k = 0; k < extra.size(); k++) {
                int at = Math.min(extraAt.get(k), fields.size());
                fields.add(at, extra.get(k));
            }
            for (int i = 0; i < fields.size(); i++) {
                if (fields.get(i) instanceof String[]) {
                    positions.add(i);
                }
            }
            return positions;
        }
    }

    /** One generated document. */
    static final class Doc {
        String team = "team-north";
        Obj infant;
        Obj referral;
        Obj episode;
        List<Obj> caregivers = new ArrayList<>();
        List<Admin> admins = new ArrayList<>();
        /** unknown top-level fields */
        List<String[]> extra = new ArrayList<>();
        /** whether only answers and administration fields were mutated, so violations can be predicted */
        boolean predictable = true;
        /** set when two answer keys are identical as written: a duplicate JSON key */
        boolean duplicateJsonKey;
    }

    private static Doc document(Random random) {
        Doc doc = new Doc();
        doc.infant = new Obj().put("id", q("INF-0042")).put("nhsNumber", q("943 476 5919"))
                .put("dateOfBirth", q("2025-03-15"));
        doc.caregivers.add(new Obj().put("id", q("CG-0042-1")).put("relationship", q("birth_mother")));
        if (random.nextBoolean()) {
            doc.caregivers.add(new Obj().put("id", q("CG-0042-2")).put("relationship", q("birth_father")));
        }
        doc.referral = new Obj().put("id", q("REF-0042")).put("date", q("2025-05-02")).put("source", q("A2"))
                .put("reasons", array(List.of(q("21"), q("13"))))
                .put("riskFactors", array(List.of(q("perinatal_mental_illness"), q("young_parent"))))
                .put("parentAces", array(List.of(q("emotional_neglect")))).put("parentAge", "19")
                .put("household", q("shared_care")).put("ethnicCategory", q("A"));
        doc.episode = new Obj().put("id", q("EP-0042")).put("start", q(START.toString())).put("end", q(END.toString()))
                .put("dischargeReason", q("work_completed")).put("interventions", array(List.of(new Obj()
                        .put("intervention", q("video_interaction_guidance")).put("sessionsOffered", "8")
                        .put("sessionsAttended", "6").put("sessionsNotAttended", "2").render(random, false))));
        int count = random.nextInt(12) == 0 ? 0 : 1 + random.nextInt(3);
        Map<String, Set<String>> used = new HashMap<>();
        for (int a = 0; a < count; a++) {
            Admin admin = new Admin();
            admin.instrument = pick(random, INSTRUMENTS);
            Set<String> taken = used.computeIfAbsent(admin.instrument.id(), k -> new HashSet<>());
            List<String> free = TIMEPOINTS.stream().filter(t -> !taken.contains(t)).toList();
            admin.timepoint = pick(random, free);
            taken.add(admin.timepoint);
            admin.instrumentText = admin.instrument.id();
            admin.date = START.plusDays(random.nextInt((int) (END.toEpochDay() - START.toEpochDay()) + 1));
            admin.respondent = random.nextInt(3) == 0 ? null : pick(random, RESPONDENTS);
            boolean partial = random.nextInt(3) == 0;
            List<Item> items = new ArrayList<>(admin.instrument.items());
            if (random.nextInt(4) == 0) {
                java.util.Collections.shuffle(items, random);
            }
            for (Item item : items) {
                int roll = random.nextInt(20);
                if (partial && roll < 3) {
                    continue; // absent
                }
                if (partial && roll == 3) {
                    admin.answers.add(new Entry(item.id(), "null", Kind.NULL, null));
                    continue;
                }
                if (partial && roll == 4) {
                    String blank = random.nextBoolean() ? "" : space(random);
                    admin.answers.add(new Entry(item.id(), q(blank), Kind.CODE, blank));
                    continue;
                }
                String code = FuzzSupport.alertingCode(item, random).filter(c -> random.nextInt(3) == 0)
                        .orElseGet(() -> FuzzSupport.validCode(item, random));
                admin.answers.add(codeEntry(item.id(), code, random));
            }
            doc.admins.add(admin);
        }
        return doc;
    }

    /** A code as JSON: a string (sometimes padded with space) or, for a plain whole number, a number. */
    private static Entry codeEntry(String key, String code, Random random) {
        if (code.matches("0|-?[1-9][0-9]{0,8}") && random.nextInt(3) == 0) {
            return new Entry(key, code, Kind.CODE, code);
        }
        String written = random.nextInt(6) == 0 ? space(random) + code + (random.nextBoolean() ? space(random) : "")
                : code;
        return new Entry(key, q(written), Kind.CODE, written);
    }

    private static String render(Doc doc, Random random, boolean messy) {
        Obj root = new Obj().put("format", q(SubmissionValidator.FORMAT)).put("team", q(doc.team))
                .put("infant", doc.infant.render(random, messy))
                .put("caregivers", array(doc.caregivers.stream().map(c -> c.render(random, messy)).toList()))
                .put("referral", doc.referral.render(random, messy)).put("episode", doc.episode.render(random, messy))
                .put("administrations", array(doc.admins.stream().map(a -> a.render(random, messy)).toList()));
        for (String[] e : doc.extra) {
            root.fields.add(e);
        }
        return root.render(random, messy);
    }

    // -------------------------------------------------------------------------------------------------------
    // Mutations

    /** Answer-level mutations: their effect on validation is predicted exactly. */
    private static void mutateAnswers(Admin admin, Random random) {
        List<Entry> answers = admin.answers;
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = answers.isEmpty() ? 0 : random.nextInt(answers.size());
            Entry target = answers.isEmpty() ? null : answers.get(at);
            switch (random.nextInt(11)) {
                case 0: // odd number as a string
                    if (target != null) {
                        String code = odd(random);
                        answers.set(at, new Entry(target.key, q(code), Kind.CODE, code));
                    }
                    break;
                case 1: // planted identifier as the value
                    if (target != null) {
                        String code = planted(random);
                        answers.set(at, new Entry(target.key, q(code), Kind.CODE, code));
                    }
                    break;
                case 2: // a value that is not an answer
                    if (target != null) {
                        answers.set(at, new Entry(target.key, pick(random, NOT_ANSWERS), Kind.NOT_AN_ANSWER, null));
                    }
                    break;
                case 3: // the same item again under a key with surrounding space
                    if (target != null) {
                        String key = random.nextBoolean() ? target.key + space(random) : space(random) + target.key;
                        answers.add(random.nextInt(answers.size() + 1), codeEntry(key,
                                FuzzSupport.validCode(admin.instrument.items().get(0), random), random));
                    }
                    break;
                case 4: // a blank key
                    answers.add(random.nextInt(answers.size() + 1), codeEntry(random.nextBoolean() ? ""
                            : space(random), "1", random));
                    break;
                case 5: // a planted key
                    answers.add(random.nextInt(answers.size() + 1), codeEntry(planted(random), random.nextBoolean()
                            ? "1" : planted(random), random));
                    break;
                case 6: { // an item id that is not this instrument's, or differs by case
                    Instrument other = pick(random, INSTRUMENTS);
                    int beyond = admin.instrument.items().size() + 1;
                    String key = random.nextInt(3) == 0 ? admin.instrument.items().get(0).id().toUpperCase(Locale.ROOT)
                            : random.nextBoolean() ? admin.instrument.key() + "_" + beyond
                            : pick(random, other.items()).id();
                    answers.add(random.nextInt(answers.size() + 1), codeEntry(key, "1", random));
                    break;
                }
                case 7: // an answer dropped
                    if (target != null) {
                        answers.remove(at);
                    }
                    break;
                case 8: // an unknown field in the administration, named like a patient
                    admin.extra.add(new String[] {random.nextBoolean() ? planted(random) : "notes",
                        q(planted(random))});
                    admin.extraAt.add(random.nextInt(6));
                    break;
                case 9: // the key of an item written with odd unicode that strip() keeps (no-break space)
                    if (target != null) {
                        answers.set(at, new Entry(target.key + "\u00a0", target.json, target.kind, target.code));
                    }
                    break;
                default: // a critical item at alert level
                    for (Item item : admin.instrument.items()) {
                        if (item.critical().isPresent()) {
                            String code = FuzzSupport.alertingCode(item, random).orElse("1");
                            answers.removeIf(x -> x.key.equals(item.id()));
                            answers.add(random.nextInt(answers.size() + 1), codeEntry(item.id(), code, random));
                        }
                    }
            }
        }
    }

    /** Field-level mutations outside the answers: the outcome is not predicted, only the properties. */
    private static void mutateFields(Doc doc, Random random) {
        List<Consumer<Doc>> edits = List.of(
            d -> d.infant.set("id", q(planted(random))),
            d -> d.infant.set("nhsNumber", q(pick(random, List.of("9434765919", "943 476 5919", "943-476-5919",
                    "Jane Smith", "1987-03-14", "0000000000", "9434765918", " 9434765919 ")))),
            d -> d.infant.set("dateOfBirth", q(random.nextBoolean() ? "1987-03-14" : "14/03/1987")),
            d -> {
                d.infant.remove("dateOfBirth");
                d.infant.set("expectedDate", q(random.nextBoolean() ? "1987-03-14" : "2025-09-01"));
            },
            d -> d.referral.set("id", q(planted(random))),
            d -> d.referral.set("date", q(pick(random, List.of("1987-03-14", "14/03/1987", "2025-02-30", "2025-5-2")))),
            d -> d.referral.set("ethnicCategory", q(planted(random))),
            d -> d.referral.set("household", q(planted(random))),
            d -> d.referral.set("source", q(planted(random))),
            d -> d.referral.set("parentAge", pick(random, List.of("1987", "\"1987-03-14\"", "19.5", "1e1", "-19",
                    "9434765919", "\"Jane Smith\"", "null"))),
            d -> d.referral.set("reasons", array(List.of(q(planted(random)), q("21")))),
            d -> d.referral.set("riskFactors", array(List.of(q(planted(random))))),
            d -> d.referral.put(planted(random), q(planted(random))),
            d -> d.episode.set("id", q(planted(random))),
            d -> d.episode.set("start", q(random.nextBoolean() ? "1987-03-14" : "14/03/1987")),
            d -> d.episode.set("dischargeReason", q(planted(random))),
            d -> d.episode.remove("end"),
            d -> d.caregivers.get(0).set("id", q(planted(random))),
            d -> d.caregivers.get(0).set("relationship", q(planted(random))),
            d -> d.caregivers.get(0).put(planted(random), "1"),
            d -> d.extra.add(new String[] {planted(random), q(planted(random))}),
            d -> d.extra.add(new String[] {"team ", q("Quartermaine")}),
            d -> {
                if (!d.admins.isEmpty()) {
                    Admin a = pick(random, d.admins);
                    switch (random.nextInt(5)) {
                        case 0:
                            a.instrumentText = planted(random);
                            break;
                        case 1:
                            a.instrumentText = a.instrument.id().toLowerCase(Locale.ROOT);
                            break;
                        case 2:
                            a.timepoint = planted(random);
                            break;
                        case 3:
                            a.respondent = planted(random);
                            break;
                        default:
                            a.date = LocalDate.of(1987, 3, 14);
                    }
                }
            });
        int count = 1 + random.nextInt(2);
        for (int i = 0; i < count; i++) {
            pick(random, edits).accept(doc);
        }
        if (random.nextInt(4) == 0) {
            // a team pseudonym that is a surname, or an NHS number or a date: only the surname is a valid pseudonym
            doc.team = planted(random);
        }
    }

    /** Damage to the text: truncation, junk, deletions, BOM, CRLF, invalid UTF-8. */
    private static byte[] damage(String text, Random random) {
        StringBuilder doc = new StringBuilder(text);
        String[] junk = {"null", "1e999999999", "-1", "\"\"", "[]", "{}", "\"Jane Smith\"", "true", "9434765919",
            "{\"Quartermaine\":", "\u0000", "\"\\ud800\"", ",", "}", "\"1987-03-14\"", "\uFEFF", "٣٠", "\"\\u0000\""};
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && doc.length() > 0; e++) {
            int at = random.nextInt(doc.length());
            switch (random.nextInt(6)) {
                case 0:
                    doc.setLength(at);
                    break;
                case 1:
                    doc.deleteCharAt(at);
                    break;
                case 2:
                    doc.insert(at, junk[random.nextInt(junk.length)]);
                    break;
                case 3: {
                    int colon = doc.indexOf(":", at);
                    if (colon > 0) {
                        int end = colon + 1;
                        while (end < doc.length() && ",}]".indexOf(doc.charAt(end)) < 0) {
                            end++;
                        }
                        doc.replace(colon + 1, end, junk[random.nextInt(junk.length)]);
                    }
                    break;
                }
                case 4:
                    doc.insert(0, '\uFEFF');
                    break;
                default: {
                    int from = random.nextInt(doc.length());
                    int to = Math.min(doc.length(), from + random.nextInt(40));
                    doc.insert(to, doc.substring(from, to));
                }
            }
        }
        byte[] bytes = doc.toString().replace("\n", random.nextBoolean() ? "\r\n" : "\n")
                .getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(5) == 0 && bytes.length > 0) {
            // invalid UTF-8: a lone continuation byte or a truncated sequence
            bytes[random.nextInt(bytes.length)] = (byte) (random.nextBoolean() ? 0x80 : 0xC3);
        }
        return bytes;
    }

    // -------------------------------------------------------------------------------------------------------
    // The oracle

    /** The violations ("path code") predicted for a document whose mutations were confined to administrations. */
    private static List<String> expectedViolations(Doc doc) {
        if (doc.duplicateJsonKey) {
            return List.of(" json.malformed");
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < doc.admins.size(); i++) {
            Admin admin = doc.admins.get(i);
            String path = "administrations[" + i + "]";
            for (int p : admin.extraPositions()) {
                expected.add(path + ".<key#" + p + "> field.unknown");
            }
            boolean typeErrors = false;
            for (int p = 0; p < admin.answers.size(); p++) {
                Entry entry = admin.answers.get(p);
                // a string answer of more than 20 characters is not a code (TreeReader)
                if (entry.kind == Kind.NOT_AN_ANSWER || entry.kind == Kind.CODE && entry.code.length() > 20) {
                    expected.add(path + ".answers.<key#" + p + "> type.answer");
                    typeErrors = true;
                }
            }
            if (typeErrors) {
                continue;
            }
            if (!admin.instrumentKnown) {
                expected.add(path + ".instrument answers.instrument_unknown");
                continue;
            }
            Map<String, Integer> count = new HashMap<>();
            admin.answers.forEach(e -> count.merge(e.key.strip(), 1, Integer::sum));
            for (int p = 0; p < admin.answers.size(); p++) {
                Entry entry = admin.answers.get(p);
                String key = entry.key.strip();
                var item = admin.instrument.item(key);
                if (key.isEmpty() || item.isEmpty()) {
                    expected.add(path + ".answers.<key#" + p + "> answers.unknown_item");
                } else if (count.get(key) > 1) {
                    expected.add(path + ".answers.<key#" + p + "> answers.duplicate_item");
                } else if (entry.kind == Kind.CODE && !FuzzSupport.blank(entry.code)
                        && FuzzSupport.oracleScore(item.get(), entry.code).isEmpty()) {
                    expected.add(path + ".answers." + key + " answers.code_not_allowed");
                }
            }
        }
        return expected.stream().sorted().toList();
    }

    /** The raw code of every item of an administration as generated, in form order. */
    private static String[] codes(Admin admin) {
        String[] codes = new String[admin.instrument.items().size()];
        for (Entry e : admin.answers) {
            int index = admin.instrument.items().indexOf(admin.instrument.item(e.key.strip()).orElseThrow());
            codes[index] = e.kind == Kind.CODE ? e.code : null;
        }
        return codes;
    }

    private static void checkRejected(SubmissionResult.Rejected rejected) {
        assertFalse(rejected.violations().isEmpty(), "a rejection has violations");
        for (Violation v : rejected.violations()) {
            assertTrue(v.code().matches("[a-z_.]+"), "violation code: " + v.code());
            assertTrue(v.message().contains(" must "), "violation message style: " + v.message());
            assertClean("violation path", v.path());
            assertClean("violation message", v.message());
            assertClean("violation toString", v.toString());
        }
        assertClean("rejection toString", rejected.toString());
    }

    private static void checkAccepted(SubmissionResult.Accepted accepted) {
        Submission submission = accepted.submission();
        assertEquals(submission.administrations().size(), accepted.scores().size(), "one score per administration");
        // pseudonyms are meant to be shown (PseudonymousId#toString): a valid one may be a surname
        String shown = accepted.toString();
        List<String> pseudonyms = new ArrayList<>(List.of(submission.team().value(), submission.referral().id().value(),
                submission.referral().unit().infant().id().value()));
        submission.episode().ifPresent(e -> pseudonyms.add(e.id().value()));
        submission.referral().unit().caregivers().stream().map(Caregiver::id).forEach(id -> pseudonyms.add(id.value()));
        for (String pseudonym : pseudonyms) {
            shown = shown.replace(pseudonym, "<pseudonym>");
        }
        assertClean("accepted toString", shown);
        for (int i = 0; i < submission.administrations().size(); i++) {
            Administration administration = submission.administrations().get(i);
            ScoreResult score = accepted.scores().get(i);
            assertClean("administration toString", administration.toString());
            assertTrue(administration.allPlaced(), "an accepted administration has no unplaced answers");
            Instrument instrument = Catalogue.builtIn().get(administration.instrumentId());
            Map<String, String> codes = new LinkedHashMap<>();
            administration.answers().forEach((k, a) -> codes.put(k, a instanceof Answer.Given g ? g.code() : null));
            assertConsistent(instrument, codes, score, ALLOWED_MISSING.get(instrument.id()));
        }
    }

    /** An accepted predictable document keeps exactly the generated answers, alerts and missing items. */
    private static void checkAgainstGenerated(Doc doc, SubmissionResult.Accepted accepted) {
        assertEquals(doc.admins.size(), accepted.submission().administrations().size(), "administrations kept");
        for (int i = 0; i < doc.admins.size(); i++) {
            Admin admin = doc.admins.get(i);
            Administration read = accepted.submission().administrations().get(i);
            assertEquals(admin.instrument.id(), read.instrumentId());
            assertEquals(admin.date, read.date().orElseThrow(), "administration date");
            Map<String, Answer> expected = new LinkedHashMap<>();
            for (Entry e : admin.answers) {
                expected.put(e.key.strip(), e.kind == Kind.CODE && !FuzzSupport.blank(e.code)
                        ? new Answer.Given(e.code.strip()) : Answer.MISSING);
            }
            assertEquals(expected, read.answers(), "every answer kept as given (keys and codes trimmed)");
            FuzzSupport.assertAgrees(admin.instrument, codes(admin), accepted.scores().get(i),
                    ALLOWED_MISSING.get(admin.instrument.id()), false);
        }
    }

    // -------------------------------------------------------------------------------------------------------

    @Test
    void submissions_acceptedWithEveryAnswerAndAlert_orRejectedWithCleanViolations() {
        String test = "SubmissionFuzzTest.submissions";
        long base = FuzzSupport.baseSeed(test);
        int cases = FuzzSupport.cases(CASES);
        long start = System.nanoTime();
        long startCpu = FuzzSupport.cpuNanos();
        int accepted = 0;
        int rejected = 0;
        int predicted = 0;
        for (int n = 0; n < cases; n++) {
            long seed = base + n;
            Random random = new Random(seed);
            String input = "";
            try {
                Doc doc = document(random);
                int mode = random.nextInt(20);
                boolean messy = random.nextBoolean();
                byte[] bytes;
                if (mode < 2) {
                    // unmutated: must be accepted
                    input = render(doc, random, messy);
                    bytes = input.getBytes(StandardCharsets.UTF_8);
                } else if (mode < 12) {
                    for (Admin admin : doc.admins) {
                        if (random.nextBoolean()) {
                            mutateAnswers(admin, random);
                        }
                    }
                    for (Admin admin : doc.admins) {
                        Set<String> keys = new HashSet<>();
                        admin.answers.forEach(e -> doc.duplicateJsonKey |= !keys.add(e.key));
                        Set<String> fields = new HashSet<>(List.of("instrument", "timepoint", "date", "respondent",
                                "answers"));
                        admin.extra.forEach(e -> doc.duplicateJsonKey |= !fields.add(e[0]));
                    }
                    input = render(doc, random, messy);
                    bytes = input.getBytes(StandardCharsets.UTF_8);
                } else if (mode < 16) {
                    doc.predictable = false;
                    mutateFields(doc, random);
                    if (random.nextBoolean() && !doc.admins.isEmpty()) {
                        mutateAnswers(pick(random, doc.admins), random);
                    }
                    input = render(doc, random, messy);
                    bytes = input.getBytes(StandardCharsets.UTF_8);
                } else {
                    doc.predictable = false;
                    String text = render(doc, random, messy);
                    bytes = damage(text, random);
                    input = new String(bytes, StandardCharsets.UTF_8);
                }
                SubmissionResult result = switch (random.nextInt(3)) {
                    case 0 -> VALIDATOR.validate(bytes);
                    case 1 -> VALIDATOR.validate(new ByteArrayInputStream(bytes));
                    default -> VALIDATOR.validate(new String(bytes, StandardCharsets.UTF_8));
                };
                if (doc.predictable) {
                    predicted++;
                    List<String> expected = expectedViolations(doc);
                    List<String> actual = result instanceof SubmissionResult.Rejected r ? r.violations().stream()
                            .map(v -> v.path() + " " + v.code()).sorted().toList() : List.of();
                    assertEquals(expected, actual, "violations predicted from the definitions");
                }
                if (result instanceof SubmissionResult.Accepted a) {
                    accepted++;
                    checkAccepted(a);
                    if (doc.predictable) {
                        checkAgainstGenerated(doc, a);
                    }
                } else {
                    rejected++;
                    checkRejected((SubmissionResult.Rejected) result);
                }
            } catch (Throwable t) {
                throw FuzzSupport.failure(seed, n, input, t);
            }
        }
        FuzzSupport.report(test, cases, start, startCpu, "accepted " + accepted + ", rejected " + rejected + ", predicted "
                + predicted);
        if (cases >= 1000) {
            assertTrue(accepted > cases / 10 && rejected > cases / 4, "both outcomes exercised: accepted " + accepted
                    + ", rejected " + rejected);
        }
    }

    /** The set of codes the predicted violations cover; documents the contract the oracle relies on. */
    static Set<String> predictedCodes() {
        return new TreeSet<>(List.of("json.malformed", "field.unknown", "type.answer", "answers.instrument_unknown",
                "answers.unknown_item", "answers.duplicate_item", "answers.code_not_allowed"));
    }
}
