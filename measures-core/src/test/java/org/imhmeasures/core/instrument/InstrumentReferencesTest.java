/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstrumentReferencesTest {

    private static final String VALID = """
            {"format": "imh-measures/instrument-reference@1", "id": "TEST-REF", "definitionVersion": "1.0.0",
             "name": "A test reference", "respondent": "self_report", "appliesTo": "tests",
             "notScorableBecause": "option values unconfirmed",
             "items": {"count": 4, "source": "test paper"},
             "responseFormat": "four-point frequency scale",
             "groups": [{"id": "first", "name": "First", "items": [1, 3], "source": "test table"}],
             "licence": {"kind": "permission_required", "holder": "Test holder", "wording": "must_not_ship",
                         "terms": "ask", "citation": "Test 2020", "source": "test page"},
             "omissions": [{"field": "responseScales", "note": "values unconfirmed"}]}
            """;

    private static InstrumentReference read(String json) {
        return InstrumentReferences.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "ref.json");
    }

    @Test
    void validReference_isReadWithEveryField() {
        InstrumentReference reference = read(VALID);
        assertEquals("TEST-REF", reference.id());
        assertEquals(4, reference.itemCount().getAsInt());
        assertEquals("test paper", reference.itemSource().orElseThrow().citation());
        assertEquals(List.of(1, 3), reference.groups().get(0).positions());
        assertEquals(Respondent.SELF_REPORT, reference.respondent());
        assertEquals("option values unconfirmed", reference.notScorableBecause());
        assertEquals(1, reference.omissions().size());
    }

    @Test
    void builtInMorsSf_listsTwelveConfirmedItemsAndWhyItCannotBeScored() {
        InstrumentReference mors = Catalogue.builtIn().reference("MORS-SF").orElseThrow();
        assertEquals(14, mors.itemCount().getAsInt());
        assertEquals(List.of("warmth", "invasion"), mors.groups().stream().map(InstrumentReference.ItemGroup::id)
                .collect(Collectors.toList()));
        Set<Integer> assigned = new HashSet<>();
        mors.groups().forEach(g -> assigned.addAll(g.positions()));
        // 1-12 are confirmed (Bhopal et al. 2022); 13 and 14 are left out, and an omission says so
        assertEquals(12, assigned.size());
        assertFalse(assigned.contains(13) || assigned.contains(14));
        assertTrue(mors.omissions().stream().anyMatch(o -> o.field().equals("subscales") && o.note().contains("13")));
        assertEquals(Licence.WordingPolicy.MUST_NOT_SHIP, mors.licence().wording());
    }

    @Test
    void everyBuiltInReference_isReadAndIsNoInstrument() {
        Catalogue catalogue = Catalogue.builtIn();
        List<InstrumentReference> references = catalogue.references();
        assertEquals(List.copyOf(Catalogue.BUILT_IN_REFERENCES.keySet()), references.stream()
                .map(InstrumentReference::id).collect(Collectors.toList()));
        for (InstrumentReference reference : references) {
            assertTrue(catalogue.find(reference.id()).isEmpty(), reference.id());
            assertFalse(reference.omissions().isEmpty(), reference.id());
        }
    }

    @Test
    void getOfAReference_saysItIsListedForReferenceOnlyAndWhy() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Catalogue.builtIn().get("MORS-SF"));
        assertTrue(e.getMessage().contains("listed for reference only"), e.getMessage());
        assertTrue(e.getMessage().contains("unconfirmed"), e.getMessage());
    }

    @Test
    void aDefinitionWithTheReferencesId_replacesTheReference() {
        Instrument phq9 = Catalogue.builtIn().get("PHQ-9");
        Catalogue own = Catalogue.of(List.of(phq9));
        assertTrue(own.references().isEmpty());
        assertTrue(own.reference("MORS-SF").isEmpty());
        assertTrue(Catalogue.builtIn().with(phq9).reference("MORS-SF").isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"format\": \"imh-measures/instrument-reference@1\"|\"format\": \"imh-measures/instrument@1\"|format",
        "\"omissions\": [{\"field\": \"responseScales\", \"note\": \"values unconfirmed\"}]|\"omissions\": []|omissions",
        "\"items\": [1, 3]|\"items\": [1, 5]|must name items 1..4",
        "\"items\": [1, 3]|\"items\": [3, 1]|ascending",
        "\"items\": [1, 3]|\"items\": [1, \"3\"]|groups[0].items[1]",
        "\"count\": 4, \"source\": \"test paper\"|\"count\": 4|items.source",
        "\"notScorableBecause\": \"option values unconfirmed\",|\"notScorableBecause\": \" \",|notScorableBecause",
        "\"appliesTo\": \"tests\"|\"appliesTo\": \"tests\", \"scoring\": {}|scoring",
        "\"id\": \"TEST-REF\"|\"id\": \"bad id\"|reference id",
    })
    void invalidReference_isALocatedDefinitionException(String change) {
        String[] parts = change.split("\\|");
        assertTrue(VALID.contains(parts[0]), parts[0]);
        DefinitionException e = assertThrows(DefinitionException.class, () -> read(VALID.replace(parts[0], parts[1])));
        assertTrue(e.getMessage().contains("ref.json"), e.getMessage());
        assertTrue(e.getMessage().contains(parts[2]), e.getMessage());
    }
}
