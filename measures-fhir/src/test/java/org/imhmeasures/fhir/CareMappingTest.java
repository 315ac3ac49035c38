/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.imhmeasures.core.care.Caregiver;
import org.imhmeasures.core.care.CaregiverRelationship;
import org.imhmeasures.core.care.Episode;
import org.imhmeasures.core.care.PseudonymousId;
import org.imhmeasures.core.care.Referral;
import org.imhmeasures.core.risk.RiskFactor;
import org.imhmeasures.core.risk.RiskTaxonomy;
import org.junit.jupiter.api.Test;

class CareMappingTest {

    private static final Reference PATIENT = SyntheticEpisode.PATIENT;

    @Test
    void toServiceRequest_referral_carriesIdDateReasonsAndSource() {
        Referral referral = SyntheticEpisode.referral();
        ServiceRequest request = CareMapping.toServiceRequest(referral, PATIENT);
        assertEquals("REF-1", request.getIdentifierFirstRep().getValue());
        assertEquals(CareMapping.ID_SYSTEM + "/referral", request.getIdentifierFirstRep().getSystem());
        assertEquals("active", request.getStatus().toCode());
        assertEquals("order", request.getIntent().toCode());
        assertEquals(referral.date().toString(), request.getAuthoredOnElement().getValueAsString());
        assertEquals("Patient/infant-example", request.getSubject().getReference());
        assertEquals(2, request.getReasonCode().size());
        assertEquals(referral.reasons().get(0).code(), request.getReasonCodeFirstRep().getCodingFirstRep().getCode());
        Coding source = (Coding) request.getExtensionByUrl(CareMapping.REFERRAL_SOURCE_EXTENSION).getValue();
        assertEquals("A2", source.getCode());
    }

    @Test
    void toServiceRequest_patientWithoutReference_isRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CareMapping.toServiceRequest(SyntheticEpisode.referral(), new Reference()));
        assertEquals("patient reference must have a reference: none", e.getMessage());
    }

    @Test
    void toRelatedPerson_everyRelationship_hasHl7CodingAndOurs() {
        Set<String> hl7 = new HashSet<>();
        for (CaregiverRelationship relationship : CaregiverRelationship.values()) {
            RelatedPerson person = CareMapping.toRelatedPerson(Caregiver.of("CG-9", relationship), PATIENT);
            List<Coding> codings = person.getRelationshipFirstRep().getCoding();
            assertEquals(2, codings.size(), relationship.name());
            assertTrue(Set.of(CareMapping.V3_ROLE_CODE, CareMapping.V2_0131).contains(codings.get(0).getSystem()));
            assertEquals(CareMapping.RELATIONSHIP_CODES, codings.get(1).getSystem());
            assertFalse(person.hasName(), "no names, ever");
            hl7.add(codings.get(0).getCode());
        }
        assertEquals(CaregiverRelationship.values().length, hl7.size(), "distinct HL7 codes: " + hl7);
        assertEquals("NMTH", CareMapping.standardRelationship(CaregiverRelationship.BIRTH_MOTHER).getCode());
    }

    @Test
    void toEpisodeOfCare_openAndClosed_statusPeriodAndDischargeReason() {
        Episode closed = SyntheticEpisode.episode();
        EpisodeOfCare finished = CareMapping.toEpisodeOfCare(closed, PATIENT, Optional.of(new Reference(
                "ServiceRequest/sr-1")), Optional.empty());
        assertEquals("finished", finished.getStatus().toCode());
        assertEquals(closed.end().get().toString(), finished.getPeriod().getEndElement().getValueAsString());
        assertEquals("work-completed", ((Coding) finished.getExtensionByUrl(CareMapping.DISCHARGE_REASON_EXTENSION)
                .getValue()).getCode());
        assertEquals("ServiceRequest/sr-1", finished.getReferralRequestFirstRep().getReference());
        EpisodeOfCare open = CareMapping.toEpisodeOfCare(Episode.open(PseudonymousId.of("EP-2"), closed.start(),
                List.of()), PATIENT, Optional.empty(), Optional.empty());
        assertEquals("active", open.getStatus().toCode());
        assertFalse(open.getPeriod().hasEnd());
        assertFalse(open.hasExtension(CareMapping.DISCHARGE_REASON_EXTENSION));
    }

    @Test
    void toCondition_everyFactor_snomedWhereTaxonomyHasItAndAlwaysOurCode() {
        for (RiskFactor factor : RiskTaxonomy.builtIn().factors()) {
            Condition condition = CareMapping.toCondition(factor, PATIENT, SyntheticEpisode.BIRTH);
            List<Coding> codings = condition.getCode().getCoding();
            assertEquals(factor.snomed().size() + 1, codings.size(), factor.id());
            assertEquals(factor.snomed().size(), codings.stream().filter(c -> c.getSystem().equals(FhirUris.SNOMED_CT))
                    .count());
            assertEquals(factor.id(), codings.get(codings.size() - 1).getCode());
            assertEquals("problem-list-item", condition.getCategoryFirstRep().getCodingFirstRep().getCode());
            assertEquals(factor.label(), condition.getCode().getText());
        }
        assertFalse(SyntheticEpisode.snomedFactorIds().isEmpty(), "the taxonomy has SNOMED CT concepts");
    }

    @Test
    void codeSystems_coverEveryCodeTheMappingUses() {
        List<CodeSystem> systems = CareMapping.codeSystems(RiskTaxonomy.builtIn());
        Set<String> known = systems.stream().flatMap(s -> s.getConcept().stream().map(c -> s.getUrl() + "|"
                + c.getCode())).collect(Collectors.toSet());
        Bundle bundle = SyntheticEpisode.bundle();
        Set<String> ours = new HashSet<>();
        String json = Validation.CONTEXT.newJsonParser().encodeResourceToString(bundle);
        var matcher = java.util.regex.Pattern.compile("\"system\":\"(https://imh-measures.org/fhir/CodeSystem/"
                + "(?:care|risk-factor|referral-reason|referral-source|caregiver-relationship|discharge-reason))\","
                + "\"code\":\"([^\"]+)\"").matcher(json);
        while (matcher.find()) {
            ours.add(matcher.group(1) + "|" + matcher.group(2));
        }
        assertTrue(ours.size() > 10, ours.toString());
        ours.forEach(code -> assertTrue(known.contains(code), code));
    }

    @Test
    void toTransaction_syntheticEpisode_linksEntriesByUrn() {
        Bundle bundle = SyntheticEpisode.bundle();
        assertEquals("transaction", bundle.getType().toCode());
        Referral referral = SyntheticEpisode.referral();
        int factors = referral.risks().factors().size();
        assertEquals(1 + 2 + 1 + factors + 4 + 4, bundle.getEntry().size());
        Set<String> urls = new HashSet<>();
        for (BundleEntryComponent entry : bundle.getEntry()) {
            assertTrue(entry.getFullUrl().startsWith("urn:uuid:"), entry.getFullUrl());
            assertTrue(urls.add(entry.getFullUrl()), "unique " + entry.getFullUrl());
            assertEquals("POST", entry.getRequest().getMethod().toCode());
            assertEquals(entry.getResource().fhirType(), entry.getRequest().getUrl());
            assertFalse(entry.getResource().hasId());
        }
        ServiceRequest request = (ServiceRequest) bundle.getEntry().get(0).getResource();
        assertEquals("completed", request.getStatus().toCode(), "the episode is closed");
        assertEquals(factors, request.getReasonReference().size());
        request.getReasonReference().forEach(r -> assertTrue(urls.contains(r.getReference())));
        EpisodeOfCare care = (EpisodeOfCare) bundle.getEntry().get(3).getResource();
        assertEquals(bundle.getEntry().get(0).getFullUrl(), care.getReferralRequestFirstRep().getReference());
        List<Observation> observations = bundle.getEntry().stream().map(BundleEntryComponent::getResource)
                .filter(Observation.class::isInstance).map(Observation.class::cast).toList();
        assertEquals(4, observations.size());
        observations.forEach(o -> assertTrue(urls.contains(o.getDerivedFromFirstRep().getReference()),
                o.getDerivedFromFirstRep().getReference()));
        // inputs are untouched, and the same episode gives the same bundle
        assertEquals("QuestionnaireResponse/qr-1", SyntheticEpisode.observations().get(0).getDerivedFromFirstRep()
                .getReference());
        assertTrue(bundle.equalsDeep(SyntheticEpisode.bundle()));
    }

    @Test
    void toTransaction_responseWithoutId_isRejected() {
        var response = SyntheticEpisode.responses().get(0);
        response.setId((String) null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EpisodeBundle.toTransaction(
                SyntheticEpisode.referral(), SyntheticEpisode.episode(), PATIENT, Optional.empty(), List.of(response),
                List.of()));
        assertEquals("QuestionnaireResponse must have an id: none", e.getMessage());
        assertEquals(EnumSet.allOf(CaregiverRelationship.class).size(), CaregiverRelationship.values().length);
    }
}
