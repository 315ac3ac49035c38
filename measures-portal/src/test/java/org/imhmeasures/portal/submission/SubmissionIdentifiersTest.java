/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.portal.submission;

import static org.imhmeasures.portal.submission.SubmissionFixtures.administration;
import static org.imhmeasures.portal.submission.SubmissionFixtures.edited;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Answer keys in submissions are trimmed before duplicates are looked for, blank keys are a violation,
 * and no submitted identifier (NHS number, name, date of birth) appears in any violation, whichever field
 * or key it was planted in.
 */
class SubmissionIdentifiersTest {

    private static final SubmissionValidator VALIDATOR = SubmissionValidator.create();
    private static final List<String> PLANTED = List.of("9434765919", "943 476 5919", "943-476-5919", "Jane Smith",
            "Quartermaine", "1987-03-14", "14/03/1987");

    @AfterAll
    static void close() {
        VALIDATOR.close();
    }

    private static List<String> pathsAndCodes(String json) {
        SubmissionResult result = VALIDATOR.validate(json);
        SubmissionResult.Rejected rejected = assertInstanceOf(SubmissionResult.Rejected.class, result);
        assertNoPlanted(rejected.toString() + rejected.violations());
        return rejected.violations().stream().map(v -> v.path() + " " + v.code()).toList();
    }

    static void assertNoPlanted(String text) {
        for (String planted : PLANTED) {
            assertFalse(text.contains(planted), planted + " leaked: " + text);
        }
        assertFalse(text.contains("5919"), "NHS number leaked: " + text);
        assertFalse(text.contains("1987"), "date of birth leaked: " + text);
    }

    @Test
    void answers_keysDifferingOnlyBySpace_areDuplicateItemAtEachPosition() {
        String json = edited(doc -> ((ObjectNode) administration(doc, 0).get("answers")).put("phq9_9 ", "3"));
        assertEquals(List.of("administrations[0].answers.<key#8> answers.duplicate_item",
                "administrations[0].answers.<key#9> answers.duplicate_item"), pathsAndCodes(json));
    }

    @Test
    void answers_blankKey_isUnknownItemByPosition_neverAnException() {
        for (String blank : List.of("", " ", "\t")) {
            String json = edited(doc -> ((ObjectNode) administration(doc, 1).get("answers")).put(blank, "1"));
            assertEquals(List.of("administrations[1].answers.<key#9> answers.unknown_item"), pathsAndCodes(json));
        }
    }

    @Test
    void answers_plantedKeysAndCodes_neverEchoed() {
        String json = edited(doc -> {
            ObjectNode answers = (ObjectNode) administration(doc, 0).get("answers");
            answers.put("Jane Smith", "1");
            answers.put("9434765919", "2");
            answers.put("phq9_1", "Quartermaine");
            answers.put("phq9_2", "1987-03-14");
            answers.put(" Quartermaine ", "1");
        });
        List<String> violations = pathsAndCodes(json);
        assertEquals(5, violations.size(), violations.toString());
    }

    @Test
    void unknownFieldsAndValues_plantedEverywhere_neverEchoed() {
        List<Consumer<ObjectNode>> edits = new ArrayList<>();
        for (String planted : PLANTED) {
            edits.add(doc -> everyObject(doc, o -> o.put(planted, planted)));
            edits.add(doc -> everyTextField(doc, planted));
        }
        edits.add(doc -> ((ObjectNode) doc.get("infant")).put("id", "943-476-5919"));
        edits.add(doc -> ((ObjectNode) doc.get("infant")).put("id", "1987-03-14"));
        edits.add(doc -> ((ObjectNode) doc.get("referral")).put("id", "14.03.1987"));
        edits.add(doc -> doc.put("team", "9434765919"));
        edits.add(doc -> ((ObjectNode) doc.get("infant")).put("nhsNumber", "9434765918"));
        edits.add(doc -> ((ObjectNode) doc.get("infant")).put("dateOfBirth", "1987-03-14T25:00"));
        for (Consumer<ObjectNode> edit : edits) {
            pathsAndCodes(edited(edit));
        }
    }

    @Test
    void pseudonyms_nhsNumberOrDateShaped_areRejected() {
        for (String id : List.of("943-476-5919", "943.476.5919", "1987-03-14", "19870314", "14-03-1987")) {
            List<String> violations = pathsAndCodes(edited(doc -> ((ObjectNode) doc.get("infant")).put("id", id)));
            assertEquals(List.of("infant.id pseudonym"), violations, id);
        }
    }

    @Test
    void nhsNumber_oneRepeatedDigit_isRejected() {
        assertEquals(List.of("infant.nhsNumber nhs_number"), pathsAndCodes(edited(doc -> ((ObjectNode) doc.get(
                "infant")).put("nhsNumber", "0000000000"))));
    }

    private static void everyObject(JsonNode node, Consumer<ObjectNode> action) {
        if (node.isObject()) {
            List<JsonNode> children = new ArrayList<>();
            node.elements().forEachRemaining(children::add);
            action.accept((ObjectNode) node);
            children.forEach(child -> everyObject(child, action));
        } else if (node.isArray()) {
            for (JsonNode element : (ArrayNode) node) {
                everyObject(element, action);
            }
        }
    }

    private static void everyTextField(JsonNode node, String value) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (String name : object.properties().stream().map(java.util.Map.Entry::getKey).toList()) {
                JsonNode child = object.get(name);
                if (child.isTextual() && !name.equals("format")) {
                    object.put(name, value);
                } else {
                    everyTextField(child, value);
                }
            }
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, array.textNode(value));
                } else {
                    everyTextField(array.get(i), value);
                }
            }
        }
    }

    @Test
    void numberBombs_areRejectedAtOnce() {
        for (String bomb : List.of("1e999999999", "1e-999999999", "-1E+999999999")) {
            String json = edited(doc -> { }).replace("\"parentAge\":19", "\"parentAge\":" + bomb)
                    .replace("\"phq9_1\":1", "\"phq9_1\":" + bomb);
            List<String> violations = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                    java.time.Duration.ofSeconds(2), () -> pathsAndCodes(json));
            assertEquals(List.of("administrations[1].answers.<key#0> type.answer", "referral.parentAge type.integer"),
                    violations, bomb);
        }
    }
}
