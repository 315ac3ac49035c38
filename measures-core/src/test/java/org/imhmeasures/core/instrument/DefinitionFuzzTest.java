/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of instrument definitions ({@link InstrumentDefinitions#read}): every built-in definition
 * file, mutated as a tree — fields deleted, duplicated (as JSON keys and as array elements: repeated items,
 * options, bands), retyped (string, number, boolean, null, array, object), set to huge or odd numbers
 * ({@code 1e999999999}, {@code 1e-999999999}, {@code 123456789012}, {@code 0.1234567}, {@code -0.0},
 * {@code 2147483648}), to unicode and odd strings (full-width, right-to-left, NUL, emoji, empty, 20,001
 * characters, a name, an NHS number), unknown fields added, sibling values swapped, ratings widened — and as
 * text (truncated, characters deleted or inserted, a lone surrogate, a BOM, invalid UTF-8).
 *
 * <p>For every input: a valid {@link Instrument} (which a {@link Catalogue} accepts) or a
 * {@link DefinitionException} naming the file and, where there is one, the field, with a message of the
 * form {@code <file>: <field>: <what> must <rule>: <value>} and of bounded length (a number or a string is
 * never expanded into the message), within seconds at worst; never any other exception. A definition is
 * written by the service, not a patient: the exception quotes the offending value (clipped), as its
 * documentation says, so planted identifiers are not checked here — they are in the fuzz tests of the inputs that carry
 * patient data (datasets, change CSV, submissions, inbound FHIR).
 *
 * <p>Rerun one input: {@code ./mvnw -pl measures-core verify -Dtest=DefinitionFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dimh.seed=<seed from the failure> -Dimh.fuzz.cases=1}.
 */
class DefinitionFuzzTest {

    /** Mutated definitions per run; tune here. */
    static final int CASES = 10_000;

    /** The longest message accepted: file, path and a clipped value. */
    private static final int MAX_MESSAGE = 800;

    /** Every built-in definition, and the answers-only test fixture (the catalogue ships none yet). */
    private static final List<String> FILES = new ArrayList<>(Catalogue.BUILT_IN_FILES);
    private static final List<ObjectNode> TREES = new ArrayList<>();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance; // since Jackson 2.15 the factory keeps BigDecimal scale as given
    private static final List<String> NUMBERS = List.of("1e999999999", "-1e999999999", "1e-999999999", "0e-999999999",
            "1e40", "123456789012", "0.1234567", "-0.0", "2147483648", "-2147483649", "999999999", "1e9", "4.0000001",
            "-1", "0", "1", "3", "100", "1000000", "99999", "-99999", "1.5", "7.00", "1E+2");
    private static final List<String> TEXTS = List.of("", " ", "x", "Jane Smith", "9434765919", "1987-03-14",
            "ＰＨＱ-９", "\u202eevil", "\u0000", "🙂", "phq9_1", "phq9_1 ", "sum", "mean", "none_allowed", "prorate",
            "higher_is_worse", "unknown", "A".repeat(300), "imh-measures/instrument@1", "٣", "NA");

    static {
        for (String file : Catalogue.BUILT_IN_FILES) {
            TREES.add(DefinitionFixtures.builtInTree(file));
        }
        FILES.add(DefinitionFixtures.ANSWERS_ONLY_FIXTURE);
        TREES.add(DefinitionFixtures.fixtureTree(DefinitionFixtures.ANSWERS_ONLY_FIXTURE));
    }

    /** A place in a tree: a field of an object or an element of an array. */
    record Slot(JsonNode container, String field, int index) {
        JsonNode get() {
            return field != null ? container.get(field) : container.get(index);
        }

        void set(JsonNode value) {
            if (field != null) {
                ((ObjectNode) container).set(field, value);
            } else {
                ((ArrayNode) container).set(index, value);
            }
        }

        void remove() {
            if (field != null) {
                ((ObjectNode) container).remove(field);
            } else {
                ((ArrayNode) container).remove(index);
            }
        }
    }

    private static void slots(JsonNode node, List<Slot> out) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                out.add(new Slot(node, name, -1));
                slots(node.get(name), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(new Slot(node, null, i));
                slots(node.get(i), out);
            }
        }
    }

    private static JsonNode number(String text) {
        return NODES.numberNode(new BigDecimal(text));
    }

    private static JsonNode otherValue(Random random) {
        switch (random.nextInt(10)) {
            case 0:
                return NODES.nullNode();
            case 1:
                return NODES.booleanNode(random.nextBoolean());
            case 2:
                return NODES.arrayNode();
            case 3:
                return NODES.objectNode();
            case 4:
                return NODES.arrayNode().add(1).add("x");
            case 5:
                return NODES.objectNode().put("Quartermaine", 1);
            case 6: {
                String text = NUMBERS.get(random.nextInt(NUMBERS.size()));
                return text.contains("e") || text.contains("E") || text.contains(".") ? number(text)
                        : NODES.numberNode(new java.math.BigInteger(text));
            }
            case 7:
                return NODES.textNode("x".repeat(20_001));
            default:
                return NODES.textNode(TEXTS.get(random.nextInt(TEXTS.size())));
        }
    }

    /** One to three tree mutations. */
    private static void mutate(ObjectNode root, Random random) {
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            List<Slot> slots = new ArrayList<>();
            slots(root, slots);
            if (slots.isEmpty()) {
                return;
            }
            Slot slot = slots.get(random.nextInt(slots.size()));
            JsonNode value = slot.get();
            switch (random.nextInt(10)) {
                case 0:
                    slot.remove();
                    break;
                case 9: // the scoring kind flipped, or an option given or denied a score
                    if (value.isObject() && value.has("method")) {
                        ((ObjectNode) value).put("method", value.get("method").asText().equals("answers_only") ? "sum"
                                : "answers_only");
                    } else if (value.isObject() && value.has("code")) {
                        if (value.has("score")) {
                            ((ObjectNode) value).remove("score");
                        } else {
                            ((ObjectNode) value).put("score", random.nextInt(4));
                        }
                    }
                    break;
                case 1:
                    slot.set(otherValue(random));
                    break;
                case 2:
                    if (value.isNumber() || random.nextBoolean()) {
                        String text = NUMBERS.get(random.nextInt(NUMBERS.size()));
                        slot.set(text.contains("e") || text.contains("E") || text.contains(".") ? number(text)
                                : NODES.numberNode(new java.math.BigInteger(text)));
                    } else {
                        slot.set(NODES.textNode(TEXTS.get(random.nextInt(TEXTS.size()))));
                    }
                    break;
                case 3:
                    if (value.isTextual()) {
                        String text = value.asText();
                        slot.set(NODES.textNode(switch (random.nextInt(4)) {
                            case 0 -> text.toUpperCase(java.util.Locale.ROOT);
                            case 1 -> " " + text + "\t";
                            case 2 -> text + "\u00a0";
                            default -> text.isEmpty() ? text : text.substring(0, random.nextInt(text.length()));
                        }));
                    }
                    break;
                case 4: // an array element twice: a repeated item, option, band, subscale
                    if (slot.field == null) {
                        ((ArrayNode) slot.container).insert(slot.index, value.deepCopy());
                    }
                    break;
                case 5:
                    if (slot.container.isObject()) {
                        ((ObjectNode) slot.container).put(random.nextBoolean() ? "Jane Smith" : "comments", "x");
                    }
                    break;
                case 6: { // a sibling's value
                    Slot other = slots.get(random.nextInt(slots.size()));
                    if (other.container == slot.container && other != slot) {
                        JsonNode a = slot.get().deepCopy();
                        slot.set(other.get().deepCopy());
                        other.set(a);
                    }
                    break;
                }
                case 7: // a rating made wide, or a score made huge
                    if (value.isObject() && value.has("min") && value.has("max")) {
                        ((ObjectNode) value).put("max", random.nextBoolean() ? 999_999_999 : 1_000_000);
                    } else if (value.isObject() && value.has("score")) {
                        ((ObjectNode) value).put("score", random.nextBoolean() ? Integer.MAX_VALUE : -1_000_000);
                    }
                    break;
                default: // an array emptied
                    if (value.isArray()) {
                        ((ArrayNode) value).removeAll();
                    }
            }
        }
    }

    /** Damage to the text: truncation, deletions, insertions, a key twice, a lone surrogate, BOM, bad bytes. */
    private static byte[] damage(String text, Random random) {
        StringBuilder doc = new StringBuilder(text);
        String[] junk = {"\"", ",", "{", "}", "[", "]", ":", "null", "1e999999999", "\"\\ud800\"", "\\u0000",
            "\"id\":\"X\",", "\"items\":[],", "// comment", "NaN", "'x'", "0x10", "01"};
        int edits = 1 + random.nextInt(2);
        for (int e = 0; e < edits && doc.length() > 0; e++) {
            int at = random.nextInt(doc.length());
            switch (random.nextInt(5)) {
                case 0:
                    doc.setLength(at);
                    break;
                case 1:
                    doc.deleteCharAt(at);
                    break;
                case 2:
                    doc.insert(at, junk[random.nextInt(junk.length)]);
                    break;
                case 3: // a key twice at the top level
                    doc.insert(1, "\"id\":\"DUP\",");
                    break;
                default:
                    doc.insert(0, '\uFEFF');
            }
        }
        byte[] bytes = doc.toString().getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(4) == 0 && bytes.length > 0) {
            bytes[random.nextInt(bytes.length)] = (byte) 0xC3;
        }
        return bytes;
    }

    @Test
    void mutatedDefinitions_loadValidOrFailWithLocatedDefinitionException() {
        String test = "DefinitionFuzzTest.mutatedDefinitions";
        String fixed = System.getProperty("imh.seed");
        long base = fixed != null ? Long.parseLong(fixed.strip()) : System.nanoTime();
        System.out.println("[fuzz] " + test + ": base seed " + base + " (rerun with -Dimh.seed=" + base + ")");
        int cases = Integer.getInteger("imh.fuzz.cases", CASES);
        long start = System.nanoTime();
        long startCpu = cpuNanos();
        int loaded = 0;
        int refused = 0;
        long slowest = 0;
        for (int n = 0; n < cases; n++) {
            long seed = base + n;
            Random random = new Random(seed);
            String input = "";
            try {
                int which = random.nextInt(FILES.size());
                String name = "fuzz-" + FILES.get(which);
                ObjectNode tree = TREES.get(which).deepCopy();
                int mode = random.nextInt(10);
                if (mode > 0) {
                    mutate(tree, random);
                }
                input = tree.toString();
                byte[] bytes = mode >= 8 ? damage(input, random) : input.getBytes(StandardCharsets.UTF_8);
                if (mode >= 8) {
                    input = new String(bytes, StandardCharsets.UTF_8);
                }
                long t0 = System.nanoTime();
                try {
                    Instrument instrument = InstrumentDefinitions.read(new ByteArrayInputStream(bytes), name);
                    loaded++;
                    if (mode == 0 && instrument.scored()) {
                        assertEquals(Catalogue.builtIn().get(instrument.id()).id(), instrument.id());
                    }
                    // a valid instrument: a catalogue takes it, its items are well formed
                    Catalogue.of(List.of(instrument)).get(instrument.id());
                    assertFalse(instrument.items().isEmpty() && instrument.reportsTotal(), "a total needs items");
                    for (Item item : instrument.items()) {
                        // answers-only exactly when no item carries a score
                        assertEquals(instrument.scored(), item.scoredScale().isPresent(), item.id());
                        item.scoredScale().ifPresent(scored -> assertTrue(scored.minScore() <= scored.maxScore(),
                                item.id()));
                        assertTrue(item.id().startsWith(instrument.key() + "_"), item.id());
                    }
                    if (!instrument.scored()) {
                        assertTrue(instrument.subscales().isEmpty() && instrument.bands().isEmpty()
                                && instrument.caseness().isEmpty() && !instrument.reportsTotal()
                                && instrument.reliableChange().isEmpty() && instrument.norms().isEmpty()
                                && instrument.derivedFrom().isEmpty() && instrument.ageInterval().isEmpty()
                                && instrument.items().stream().noneMatch(i -> i.critical().isPresent())
                                && instrument.direction() == Direction.NOT_APPLICABLE, "answers only: nothing scored");
                    }
                    assertFalse(instrument.toString().isEmpty());
                } catch (DefinitionException e) {
                    refused++;
                    assertEquals(name, e.file(), "the exception names the file");
                    assertTrue(e.getMessage().startsWith(name + ": "), "message names the file: " + e.getMessage());
                    if (!e.field().isEmpty()) {
                        assertTrue(e.getMessage().startsWith(name + ": " + e.field() + ": "),
                                "message names the field: " + e.getMessage());
                    }
                    String message = e.getMessage();
                    assertTrue(message.contains(" must "), "message style: " + message);
                    assertTrue(message.length() <= MAX_MESSAGE, () -> "message length " + message.length() + ": "
                            + message.substring(0, 300));
                    assertTrue(mode > 0, "an unmutated built-in definition must load: " + e.getMessage());
                }
                long took = System.nanoTime() - t0;
                slowest = Math.max(slowest, took);
                // generous for a shared machine (a read takes about a millisecond); an expanded number bomb
                // or a per-value table would take minutes or run out of memory
                assertTrue(took < 3_000_000_000L, "read within three seconds: " + took / 1_000_000 + " ms");
            } catch (Throwable t) {
                String shown = input.length() > 3000 ? input.substring(0, 3000) + "..." : input;
                throw new AssertionError("seed " + seed + " (rerun with -Dimh.seed=" + seed
                        + " -Dimh.fuzz.cases=1), case " + n + ": " + t + "\n--- input ---\n" + shown, t);
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        long cpu = cpuNanos();
        String cpuMs = cpu < 0 || startCpu < 0 ? "" : ", " + (cpu - startCpu) / 1_000_000 + " ms CPU";
        System.out.println("[fuzz] " + test + ": " + cases + " inputs in " + ms + " ms" + cpuMs + " (loaded " + loaded + ", refused "
                + refused + ", slowest read " + slowest / 1_000_000 + " ms)");
        if (cases >= 1000) {
            assertTrue(loaded > cases / 20 && refused > cases / 2, "both outcomes exercised: " + loaded + " loaded");
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
