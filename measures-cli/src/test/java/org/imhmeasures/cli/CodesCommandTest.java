/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.imhmeasures.core.care.ReferralSource;
import org.imhmeasures.portal.submission.SubmissionResult;
import org.imhmeasures.portal.submission.SubmissionValidator;
import org.junit.jupiter.api.Test;

/** {@code codes}: every list it prints is what the submission validator accepts, code by code. */
class CodesCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SubmissionValidator VALIDATOR = SubmissionValidator.create();

    private static ObjectNode submission() throws Exception {
        try (InputStream in = CodesCommandTest.class.getResourceAsStream("/org/imhmeasures/cli/valid-submission.json")) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    private static List<String> codes(String list) throws Exception {
        CliRun r = CliRun.of("codes", list, "--json");
        assertEquals(0, r.status(), r.err());
        List<String> codes = new ArrayList<>();
        JSON.readTree(r.out()).get("codes").forEach(c -> codes.add(c.get("code").asText()));
        assertTrue(!codes.isEmpty(), list);
        return codes;
    }

    @Test
    void codes_alone_listsEveryListWithOneLineEach() {
        CliRun r = CliRun.of("codes");
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(CodesCommand.LISTS.size() + 1, lines.size(), r.out());
        for (String name : List.of("referral_source", "ethnic_category", "discharge_reason", "risk_factor",
                "intervention", "timepoint")) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(name + " ")), name + " in " + r.out());
        }
    }

    @Test
    void codes_list_printsCodeTabDisplay_inTheLibrarysOrder() {
        CliRun r = CliRun.of("codes", "referral-source");
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(ReferralSource.values().length, lines.size());
        assertEquals(ReferralSource.A2.code() + "\t" + ReferralSource.A2.label(), lines.stream()
                .filter(l -> l.startsWith("A2\t")).findFirst().orElseThrow());
        assertEquals("follow_up\tfollow up", CliRun.of("codes", "timepoint").out().lines().toList().get(3));
    }

    @Test
    void codes_unknownList_isAUsageError() {
        CliRun r = CliRun.of("codes", "postcodes");
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("imh-measures: LIST must be one of [referral_source"), r.err());
    }

    /** Each printed code, put into the valid submission's field, is accepted: the lists are the validator's. */
    @Test
    void everyPrintedCode_isAcceptedByTheSubmissionValidator() throws Exception {
        Map<String, BiConsumer<ObjectNode, String>> fields = Map.ofEntries(
                Map.entry("referral_source", (doc, c) -> ((ObjectNode) doc.get("referral")).put("source", c)),
                Map.entry("referral_reason", (doc, c) -> array(doc.get("referral"), "reasons", c)),
                Map.entry("risk_factor", (doc, c) -> array(doc.get("referral"), "riskFactors", c)),
                Map.entry("ace", (doc, c) -> array(doc.get("referral"), "parentAces", c)),
                Map.entry("household", (doc, c) -> ((ObjectNode) doc.get("referral")).put("household", c)),
                Map.entry("ethnic_category", (doc, c) -> ((ObjectNode) doc.get("referral")).put("ethnicCategory", c)),
                Map.entry("caregiver_relationship", (doc, c) -> ((ObjectNode) doc.get("caregivers").get(1))
                        .put("relationship", c)),
                Map.entry("intervention", (doc, c) -> ((ObjectNode) doc.get("episode").get("interventions").get(0))
                        .put("intervention", c)),
                Map.entry("discharge_reason", (doc, c) -> ((ObjectNode) doc.get("episode")).put("dischargeReason", c)),
                Map.entry("timepoint", (doc, c) -> {
                    ((ArrayNode) doc.get("administrations")).remove(1);
                    ((ObjectNode) doc.get("administrations").get(0)).put("timepoint", c);
                }),
                Map.entry("respondent", (doc, c) -> ((ObjectNode) doc.get("administrations").get(0))
                        .put("respondent", c)));
        assertEquals(CodesCommand.LISTS.keySet(), fields.keySet());
        for (Map.Entry<String, BiConsumer<ObjectNode, String>> field : fields.entrySet()) {
            for (String code : codes(field.getKey())) {
                ObjectNode doc = submission();
                field.getValue().accept(doc, code);
                SubmissionResult result = VALIDATOR.validate(JSON.writeValueAsString(doc));
                assertInstanceOf(SubmissionResult.Accepted.class, result, field.getKey() + " " + code + ": " + result);
            }
        }
    }

    private static void array(JsonNode parent, String field, String code) {
        ((ObjectNode) parent).putArray(field).add(code);
    }
}
