/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.validation.SingleValidationMessage;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.MissingItemPolicy;
import org.imhmeasures.scoring.NotScorable;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.ScoringOptions;
import org.imhmeasures.scoring.Timepoint;
import org.junit.jupiter.api.Test;

/** Stable ids, subject identifier, timepoint and date, and the transaction Bundle of {@link DatasetResources}. */
class DatasetResourcesTest {

    private static final Catalogue CATALOGUE = Catalogue.builtIn();
    private static final Instrument PHQ9 = CATALOGUE.get("PHQ-9");
    private static final String RECORD = "c0018";
    private static final String SYSTEM = "https://trust.example.nhs.uk/Id/client";
    private static final LocalDate DATE = LocalDate.of(2026, 4, 1);

    private static Administration phq9(String... codes) {
        java.util.Map<String, String> answers = new java.util.LinkedHashMap<>();
        for (int i = 0; i < codes.length; i++) {
            answers.put("phq9_" + (i + 1), codes[i].isEmpty() ? null : codes[i]);
        }
        return Administration.of("PHQ-9", answers).withDate(DATE).withTimepoint(Timepoint.BASELINE);
    }

    @Test
    void id_isUuidVersion5OfTheDocumentedName_asPythonUuid5Computes() {
        // python3 -c "import uuid; print(uuid.uuid5(uuid.NAMESPACE_URL, 'https://imh-measures.org/fhir/id'))"
        assertEquals(UUID.fromString("7729bab6-3779-5d25-b258-025c5b4d0992"), AdministrationKey.NAMESPACE);
        // uuid.uuid5(ns, '21:QuestionnaireResponse5:PHQ-95:c00188:baseline10:2026-04-01')
        AdministrationKey key = new AdministrationKey(RECORD, "PHQ-9", Optional.of(Timepoint.BASELINE),
                Optional.of(DATE));
        assertEquals("30343ed0-ac5a-5630-af6c-64c943aa493a", key.id("QuestionnaireResponse"));
        // uuid.uuid5(ns, '11:Observation4:EPDS3:r-70:0:')
        assertEquals("bb99ea0b-dc59-58c2-b1f5-d5024b4f4652",
                new AdministrationKey("r-7", "EPDS", Optional.empty(), Optional.empty()).id("Observation"));
    }

    @Test
    void id_differsForEachPartOfTheKey_andNeverHoldsTheRecordId() {
        AdministrationKey key = new AdministrationKey(RECORD, "PHQ-9", Optional.of(Timepoint.BASELINE),
                Optional.of(DATE));
        Set<String> ids = new HashSet<>();
        ids.add(key.id("QuestionnaireResponse"));
        ids.add(key.id("Observation"));
        ids.add(new AdministrationKey("c0019", "PHQ-9", key.timepoint(), key.date()).id("Observation"));
        ids.add(new AdministrationKey(RECORD, "GAD-7", key.timepoint(), key.date()).id("Observation"));
        ids.add(new AdministrationKey(RECORD, "PHQ-9", Optional.of(Timepoint.DISCHARGE), key.date()).id("Observation"));
        ids.add(new AdministrationKey(RECORD, "PHQ-9", key.timepoint(), Optional.of(DATE.plusDays(1)))
                .id("Observation"));
        ids.add(new AdministrationKey(RECORD, "PHQ-9", Optional.empty(), key.date()).id("Observation"));
        assertEquals(7, ids.size(), ids::toString);
        // the length prefixes keep shifted parts apart: "ab"+"c" and "a"+"bc"
        assertNotEquals(new AdministrationKey("ab", "c", Optional.empty(), Optional.empty()).id("x"),
                new AdministrationKey("b", "c", Optional.empty(), Optional.empty()).id("xa"));
        ids.forEach(id -> assertFalse(id.contains(RECORD), id));
        assertFalse(key.toString().contains(RECORD), key.toString());
    }

    @Test
    void response_andObservation_carryStableIdDateTimepointAndSubjectIdentifier() {
        DatasetResources resources = DatasetResources.defaults().withSubjectSystem(SYSTEM);
        Administration administration = phq9("1", "2", "1", "0", "1", "2", "1", "0", "0");
        AdministrationKey key = AdministrationKey.of(RECORD, administration);
        QuestionnaireResponse response = resources.response(PHQ9, administration, key);
        Observation observation = resources.observation(PHQ9, (Scored) Scorer.of(PHQ9).score(administration),
                response, key);

        assertEquals(key.id("QuestionnaireResponse"), response.getIdElement().getIdPart());
        assertEquals(key.id("Observation"), observation.getIdElement().getIdPart());
        assertEquals("2026-04-01", response.getAuthoredElement().getValueAsString());
        assertEquals("2026-04-01", observation.getEffectiveDateTimeType().getValueAsString());
        assertEquals(SYSTEM, response.getSubject().getIdentifier().getSystem());
        assertEquals(RECORD, response.getSubject().getIdentifier().getValue());
        assertFalse(response.getSubject().hasReference());
        assertEquals(RECORD, observation.getSubject().getIdentifier().getValue());
        assertEquals(DatasetResources.RECORD_ID_SYSTEM, response.getIdentifier().getSystem());
        assertEquals("baseline", ((CodeType) observation.getExtensionByUrl(ResponseMapping.TIMEPOINT_EXTENSION)
                .getValue()).getValue());
        assertEquals("baseline", ((CodeType) response.getExtensionByUrl(ResponseMapping.TIMEPOINT_EXTENSION)
                .getValue()).getValue());
        assertEquals("QuestionnaireResponse/" + key.id("QuestionnaireResponse"),
                observation.getDerivedFromFirstRep().getReference());
    }

    @Test
    void defaults_writeNoSubject() {
        Administration administration = phq9("1", "2", "1", "0", "1", "2", "1", "0", "0");
        QuestionnaireResponse response = DatasetResources.defaults().response(PHQ9, administration,
                AdministrationKey.of(RECORD, administration));
        assertFalse(response.hasSubject());
        assertEquals(RECORD, response.getIdentifier().getValue());
    }

    @Test
    void response_keyOfAnotherAdministration_isRefused() {
        Administration administration = phq9("1", "2", "1", "0", "1", "2", "1", "0", "0");
        AdministrationKey other = new AdministrationKey(RECORD, "PHQ-9", Optional.of(Timepoint.REVIEW),
                Optional.of(DATE));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DatasetResources.defaults().response(PHQ9, administration, other));
        assertFalse(e.getMessage().contains(RECORD), e.getMessage());
    }

    @Test
    void withSubjectSystem_relativeOrBlank_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> DatasetResources.defaults().withSubjectSystem("client"));
        assertThrows(IllegalArgumentException.class, () -> DatasetResources.defaults().withSubjectSystem(" "));
        assertThrows(IllegalArgumentException.class, () -> DatasetResources.defaults().withSubjectSystem(
                "https://x.example/ id"));
    }

    @Test
    void transaction_putsEachResourceByItsStableId_andLinksDerivedFromByUrn() {
        Administration administration = phq9("1", "2", "1", "0", "1", "2", "1", "0", "0");
        AdministrationKey key = AdministrationKey.of(RECORD, administration);
        DatasetResources resources = DatasetResources.defaults();
        QuestionnaireResponse response = resources.response(PHQ9, administration, key);
        Observation observation = resources.observation(PHQ9, (Scored) Scorer.of(PHQ9).score(administration),
                response, key);

        Bundle bundle = DatasetResources.transaction(List.of(response, observation));

        assertEquals(Bundle.BundleType.TRANSACTION, bundle.getType());
        assertEquals(2, bundle.getEntry().size());
        Bundle.BundleEntryComponent qr = bundle.getEntry().get(0);
        assertEquals("urn:uuid:" + key.id("QuestionnaireResponse"), qr.getFullUrl());
        assertEquals(Bundle.HTTPVerb.PUT, qr.getRequest().getMethod());
        assertEquals("QuestionnaireResponse/" + key.id("QuestionnaireResponse"), qr.getRequest().getUrl());
        Observation inBundle = (Observation) bundle.getEntry().get(1).getResource();
        assertEquals("urn:uuid:" + key.id("QuestionnaireResponse"), inBundle.getDerivedFromFirstRep().getReference());
        assertEquals("QuestionnaireResponse/" + key.id("QuestionnaireResponse"),
                observation.getDerivedFromFirstRep().getReference(), "the caller's resource is not changed");
        assertThrows(IllegalArgumentException.class, () -> DatasetResources.transaction(List.of(response, response)));
        QuestionnaireResponse lineId = response.copy();
        lineId.setId("qr-2");
        assertThrows(IllegalArgumentException.class, () -> DatasetResources.transaction(List.of(lineId)));
        assertThrows(IllegalArgumentException.class, () -> DatasetResources.transaction(List.of()));
    }

    /** Zero errors against base R4 and UK Core: response, score (prorated), alert, and their Bundle. */
    @Test
    void resources_andTheirBundle_validateAgainstBaseR4AndUkCore() {
        DatasetResources resources = DatasetResources.defaults().withSubjectSystem(SYSTEM);
        Administration partial = phq9("1", "2", "1", "", "1", "2", "1", "0", "0");
        AdministrationKey key = AdministrationKey.of(RECORD, partial);
        QuestionnaireResponse response = resources.response(PHQ9, partial, key);
        Scored prorated = (Scored) Scorer.of(PHQ9, ScoringOptions.defaults().with(MissingItemPolicy.PRORATE))
                .score(partial);
        assertTrue(prorated.prorated());
        Observation observation = resources.observation(PHQ9, prorated, response, key);
        assertTrue(observation.getNoteFirstRep().getText().contains("prorated"), observation.getNoteFirstRep()::getText);
        Administration alerting = phq9("1", "1", "1", "", "1", "1", "1", "1", "3")
                .withTimepoint(Timepoint.DISCHARGE);
        NotScorable notScorable = (NotScorable) Scorer.of(PHQ9).score(alerting);
        Observation alert = resources.alert(PHQ9, notScorable, AdministrationKey.of(RECORD, alerting));
        assertEquals("2026-04-01", alert.getEffectiveDateTimeType().getValueAsString());
        assertEquals(RECORD, alert.getSubject().getIdentifier().getValue());

        for (Resource resource : List.<Resource>of(response, observation, alert)) {
            assertNoErrors(resource, Optional.empty());
            assertNoErrors(resource, Validation.ukCore(resource.fhirType()));
        }
        Bundle bundle = DatasetResources.transaction(List.of(response, observation, alert));
        assertNoErrors(bundle, Optional.empty());
        assertNoErrors(bundle, Validation.ukCore("Bundle"));
    }

    private static void assertNoErrors(Resource resource, Optional<String> profile) {
        List<SingleValidationMessage> errors = Validation.errors(Validation.validate(resource, profile));
        assertTrue(errors.isEmpty(), () -> resource.fhirType() + " " + profile.orElse("base R4")
                + " must validate without errors:\n" + Validation.describe(errors));
    }
}
