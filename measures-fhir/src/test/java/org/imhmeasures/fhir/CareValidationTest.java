/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.fhir;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Resource;
import org.imhmeasures.core.care.Caregiver;
import org.imhmeasures.core.care.CaregiverRelationship;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Offline validation (see {@link Validation}) of the care mappings and of the transaction Bundle of the full
 * synthetic episode ({@link SyntheticEpisode}): zero errors against base R4 and against UKCore-ServiceRequest,
 * UKCore-RelatedPerson, UKCore-EpisodeOfCare, UKCore-Condition and UKCore-Bundle. Warnings are printed once
 * (docs/fhir.md lists them).
 */
class CareValidationTest {

    private static final TreeSet<String> WARNINGS = new TreeSet<>();

    private static void assertNoErrors(String what, Resource resource, Optional<String> profile) {
        List<SingleValidationMessage> messages = Validation.validate(resource, profile);
        messages.stream().filter(m -> m.getSeverity() == ResultSeverityEnum.WARNING)
                .forEach(m -> WARNINGS.add(resource.fhirType() + profile.map(p -> " (" + p.substring(
                        p.lastIndexOf('/') + 1) + ")").orElse(" (base R4)") + ": " + m.getMessage()
                        .replaceAll("#[0-9-]+'", "#<code>'").replaceAll("@[0-9a-f]{6,}", "")
                        .replaceAll("urn:uuid:[0-9a-f-]+", "urn:uuid:<id>")));
        List<SingleValidationMessage> errors = Validation.errors(messages);
        assertTrue(errors.isEmpty(), () -> what + " must validate without errors:\n" + Validation.describe(errors));
    }

    @AfterAll
    static void printWarnings() {
        System.out.println("Care validation warnings (distinct, codes elided):");
        WARNINGS.forEach(w -> System.out.println("  " + w));
    }

    @Test
    void episodeResources_validateAgainstBaseR4AndUkCore() {
        Bundle bundle = SyntheticEpisode.bundle();
        for (BundleEntryComponent entry : bundle.getEntry()) {
            Resource resource = entry.getResource().copy();
            resource.setId("example");
            assertNoErrors(resource.fhirType(), resource, Optional.empty());
            assertNoErrors(resource.fhirType(), resource, Validation.ukCore(resource.fhirType()));
        }
    }

    @Test
    void everyRelationship_relatedPerson_validatesAgainstUkCore() {
        for (CaregiverRelationship relationship : CaregiverRelationship.values()) {
            assertNoErrors(relationship.name(), CareMapping.toRelatedPerson(Caregiver.of("CG-1", relationship),
                    SyntheticEpisode.PATIENT), Validation.ukCore("RelatedPerson"));
        }
    }

    @Test
    void transactionBundle_validatesAgainstBaseR4AndUkCore() {
        Bundle bundle = SyntheticEpisode.bundle();
        assertNoErrors("episode Bundle", bundle, Optional.empty());
        assertNoErrors("episode Bundle", bundle, Validation.ukCore("Bundle"));
    }

    /** The validator has teeth here too: a RelatedPerson without its (required) patient is an error. */
    @Test
    void validator_relatedPersonWithoutPatient_reportsError() {
        var person = CareMapping.toRelatedPerson(Caregiver.of("CG-1", CaregiverRelationship.BIRTH_MOTHER),
                SyntheticEpisode.PATIENT);
        person.setPatient(null);
        assertTrue(!Validation.errors(Validation.validate(person, Optional.empty())).isEmpty(),
                "RelatedPerson.patient is required (1..1)");
    }
}
