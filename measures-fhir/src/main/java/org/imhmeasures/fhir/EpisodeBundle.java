/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.fhir;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;
import org.imhmeasures.core.care.Caregiver;
import org.imhmeasures.core.care.Episode;
import org.imhmeasures.core.care.Referral;
import org.imhmeasures.core.risk.RiskFactor;

/**
 * A FHIR R4 {@code transaction} Bundle for one episode: its ServiceRequest (referral), one RelatedPerson per
 * caregiver, the EpisodeOfCare, one Condition per risk factor, and the episode's QuestionnaireResponses and
 * score/change Observations, each as a {@code POST} entry.
 *
 * <p>Entries are linked by {@code urn:uuid} full URLs, which the receiving server replaces with its own ids:
 * EpisodeOfCare.referralRequest → ServiceRequest, ServiceRequest.reasonReference → Conditions, and every
 * Observation.derivedFrom that names a QuestionnaireResponse or Observation of the bundle by its id
 * ({@code QuestionnaireResponse/qr-1}) is rewritten to that entry's URN. The UUIDs are name-based (type 3,
 * from the episode id, resource type and local key), so the same episode always gives the same bundle.
 * Resources are copied (the caller's are not changed) and posted without ids. The host's Patient and
 * Organization references are used as given and are not entries.
 *
 * <p>Thread-safe and stateless.
 *
 * @since 0.1.0
 */
public final class EpisodeBundle {

    private EpisodeBundle() {
    }

    /**
     * Builds the transaction bundle of an episode.
     *
     * @param referral the referral that opened the episode (caregivers and risk factors come from it)
     * @param episode the episode
     * @param patient the host's reference to the infant's Patient
     * @param organization the host's managing Organization, if any
     * @param responses the episode's QuestionnaireResponses; each must have an id
     * @param observations score and change Observations; each must have an id
     * @return a new transaction Bundle
     * @throws IllegalArgumentException if a response or observation lacks an id, or two share one
     */
    public static Bundle toTransaction(Referral referral, Episode episode, Reference patient,
            Optional<Reference> organization, List<QuestionnaireResponse> responses, List<Observation> observations) {
        Require.notNull(referral, "referral");
        Require.notNull(episode, "episode");
        Require.notNull(patient, "patient");
        Require.notNull(organization, "organization");
        Require.notNull(responses, "responses");
        Require.notNull(observations, "observations");
        String episodeKey = episode.id().value();
        Bundle bundle = new Bundle();
        bundle.setType(BundleType.TRANSACTION);

        List<String> conditionUrns = new ArrayList<>();
        List<Resource> conditions = new ArrayList<>();
        for (RiskFactor factor : referral.risks().factors()) {
            Condition condition = CareMapping.toCondition(factor, patient, referral.date());
            conditions.add(condition);
            conditionUrns.add(urn(episodeKey, "Condition", factor.id()));
        }
        ServiceRequest request = CareMapping.toServiceRequest(referral, patient);
        if (episode.end().isPresent()) {
            request.setStatus(ServiceRequestStatus.COMPLETED);
        }
        conditionUrns.forEach(u -> request.addReasonReference(new Reference(u)));
        String requestUrn = urn(episodeKey, "ServiceRequest", referral.id().value());
        add(bundle, requestUrn, request);
        for (Caregiver caregiver : referral.unit().caregivers()) {
            add(bundle, urn(episodeKey, "RelatedPerson", caregiver.id().value()),
                    CareMapping.toRelatedPerson(caregiver, patient));
        }
        EpisodeOfCare care = CareMapping.toEpisodeOfCare(episode, patient, Optional.of(new Reference(requestUrn)),
                organization);
        add(bundle, urn(episodeKey, "EpisodeOfCare", episodeKey), care);
        for (int i = 0; i < conditions.size(); i++) {
            add(bundle, conditionUrns.get(i), conditions.get(i));
        }

        Map<String, String> urnByReference = new HashMap<>();
        List<Resource> clinical = new ArrayList<>();
        List<String> clinicalUrns = new ArrayList<>();
        for (Resource resource : concat(responses, observations)) {
            Require.notNull(resource, "response or observation");
            Require.argument(resource.getIdElement().hasIdPart(), "%s must have an id: none",
                    resource.fhirType());
            String reference = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
            String urn = urn(episodeKey, resource.fhirType(), resource.getIdElement().getIdPart());
            Require.argument(urnByReference.put(reference, urn) == null, "%s ids must be unique: %s",
                    resource.fhirType(), reference);
            clinical.add(resource);
            clinicalUrns.add(urn);
        }
        for (int i = 0; i < clinical.size(); i++) {
            Resource copy = clinical.get(i).copy();
            if (copy instanceof Observation observation) {
                for (Reference derived : observation.getDerivedFrom()) {
                    String target = urnByReference.get(derived.getReference());
                    if (target != null) {
                        derived.setReference(target);
                    }
                }
            }
            add(bundle, clinicalUrns.get(i), copy);
        }
        return bundle;
    }

    private static List<Resource> concat(List<QuestionnaireResponse> responses, List<Observation> observations) {
        List<Resource> all = new ArrayList<>(responses);
        all.addAll(observations);
        return all;
    }

    private static void add(Bundle bundle, String urn, Resource resource) {
        resource.setId((String) null);
        bundle.addEntry().setFullUrl(urn).setResource(resource).getRequest().setMethod(HTTPVerb.POST)
                .setUrl(resource.fhirType());
    }

    /** Name-based UUID URN, stable for the same episode, type and key. */
    static String urn(String episodeKey, String type, String key) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(("imh-measures/" + episodeKey + "/" + type + "/" + key)
                .getBytes(StandardCharsets.UTF_8));
    }
}
