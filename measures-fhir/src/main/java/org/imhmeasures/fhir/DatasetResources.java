/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.fhir;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.NotScorable;
import org.imhmeasures.scoring.Scored;

/**
 * The FHIR resources of a dataset's administrations with stable ids, for exports that are replayed: a
 * QuestionnaireResponse and score Observation per scored administration, an alert Observation per
 * administration that could not be scored but has something critical, and a {@code transaction} Bundle of a
 * record's resources.
 *
 * <p>Per administration, identified by its {@link AdministrationKey}:
 * <ul>
 * <li>ids {@link AdministrationKey#id(String)} of {@code QuestionnaireResponse} and {@code Observation}: the
 *     same key gives the same ids in every run; the score Observation and the alert Observation of one key
 *     share the id, so a corrected export replaces the alert with the score;</li>
 * <li>the record id as {@code identifier} (system {@value #RECORD_ID_SYSTEM}) of the QuestionnaireResponse, or
 *     of the alert Observation, which has no response;</li>
 * <li>{@code subject}: none by default; {@link #withSubjectSystem} makes it a logical reference,
 *     {@code subject.identifier} = the record id in that system (no {@code reference}: the record system
 *     resolves its own patient);</li>
 * <li>{@code authored} (response) and {@code effectiveDateTime} (Observations) = the date, day precision;</li>
 * <li>the timepoint extension {@link ResponseMapping#TIMEPOINT_EXTENSION} (a {@code valueCode} of
 *     {@code baseline}, {@code review}, {@code discharge} or {@code follow-up}) on the response and on its
 *     Observations, so that a record system can file a score by timepoint without reading the response;</li>
 * <li>everything else as {@link ResponseMapping#toResponse}, {@link ScoreMapping#toObservation} (a prorated
 *     total keeps its {@code note}) and {@link ScoreMapping#toAlertObservation}.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class DatasetResources {

    /** Identifier system for a dataset's pseudonymous record id. */
    public static final String RECORD_ID_SYSTEM = FhirUris.BASE + "/NamingSystem/record-id";

    private static final Pattern UUID_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final String URN_UUID = "urn:uuid:";

    private final Optional<String> subjectSystem;

    private DatasetResources(Optional<String> subjectSystem) {
        this.subjectSystem = subjectSystem;
    }

    /**
     * No subject; the record id as identifier only.
     *
     * @return the defaults
     */
    public static DatasetResources defaults() {
        return new DatasetResources(Optional.empty());
    }

    /**
     * A copy that writes the record id as the subject's identifier in {@code system}.
     *
     * @param system an absolute URI naming the record id's identifier system, e.g. the service's own
     *        {@code https://trust.example.nhs.uk/Id/client}
     * @return the copy
     * @throws IllegalArgumentException when {@code system} is not an absolute URI
     */
    public DatasetResources withSubjectSystem(String system) {
        Require.notNull(system, "subject system");
        boolean absolute;
        try {
            absolute = new URI(system).isAbsolute() && !system.isBlank() && system.strip().equals(system);
        } catch (URISyntaxException e) {
            absolute = false;
        }
        Require.argument(absolute, "subject system must be an absolute URI such as https://example.org/Id/client: %s",
                Redact.clip(system));
        return new DatasetResources(Optional.of(system));
    }

    /**
     * The subject identifier system, if any.
     *
     * @return the system
     */
    public Optional<String> subjectSystem() {
        return subjectSystem;
    }

    /**
     * The QuestionnaireResponse of an administration.
     *
     * @param instrument the instrument
     * @param administration the answers, with the date and timepoint of {@code key}
     * @param key the administration's key
     * @return a new QuestionnaireResponse with its stable id
     * @throws IllegalArgumentException as {@link ResponseMapping#toResponse}, or when the key is not that of
     *         the administration (instrument, date or timepoint differ)
     */
    public QuestionnaireResponse response(Instrument instrument, Administration administration,
            AdministrationKey key) {
        Require.notNull(administration, "administration");
        Require.notNull(key, "key");
        Require.argument(AdministrationKey.of(key.recordId(), administration).equals(key),
                "administration must have the key's instrument, timepoint and date: %s", key);
        QuestionnaireResponse response = ResponseMapping.toResponse(instrument, administration, subject(key));
        response.setId(key.id("QuestionnaireResponse"));
        response.setIdentifier(recordIdentifier(key));
        return response;
    }

    /**
     * The score Observation of a scored administration, derived from its response.
     *
     * @param instrument the instrument
     * @param scored the score
     * @param response the administration's response from {@link #response}
     * @param key the administration's key
     * @return a new Observation with its stable id
     * @throws NoScoreException if the instrument records answers only: write its response alone
     * @throws IllegalArgumentException as {@link ScoreMapping#toObservation}
     */
    public Observation observation(Instrument instrument, Scored scored, QuestionnaireResponse response,
            AdministrationKey key) {
        Require.notNull(key, "key");
        Observation observation = ScoreMapping.toObservation(instrument, scored, response);
        observation.setId(key.id("Observation"));
        timepoint(observation, key);
        return observation;
    }

    /**
     * The alert Observation of an administration that could not be scored but has a critical item at alert
     * level or without a valid answer (see {@link ScoreMapping#toAlertObservation}; no response exists).
     *
     * @param instrument the instrument
     * @param result the result
     * @param key the administration's key
     * @return a new Observation with its stable id, the record id as identifier
     * @throws IllegalArgumentException as {@link ScoreMapping#toAlertObservation}
     */
    public Observation alert(Instrument instrument, NotScorable result, AdministrationKey key) {
        Require.notNull(key, "key");
        Observation alert = ScoreMapping.toAlertObservation(instrument, result, Optional.empty());
        alert.setId(key.id("Observation"));
        alert.addIdentifier(recordIdentifier(key));
        subject(key).ifPresent(alert::setSubject);
        key.date().ifPresent(date -> alert.setEffective(new DateTimeType(date.toString())));
        timepoint(alert, key);
        return alert;
    }

    /**
     * A {@code transaction} Bundle of resources made here: one entry per resource, {@code fullUrl}
     * {@code urn:uuid:<id>}, request {@code PUT <type>/<id>} (an update by stable id, so replaying the Bundle
     * changes nothing the second time); an Observation's {@code derivedFrom} naming a response of the Bundle
     * ({@code QuestionnaireResponse/<id>}) is rewritten to that entry's {@code fullUrl}, which the server
     * resolves to the same id. Resources are copied.
     *
     * @param resources resources with stable ids ({@link AdministrationKey#id}), at least one, ids unique per
     *        type
     * @return a new Bundle
     * @throws IllegalArgumentException when there are none, a resource has no UUID id, or two share one
     */
    public static Bundle transaction(List<? extends Resource> resources) {
        Require.notNull(resources, "resources");
        Require.argument(!resources.isEmpty(), "resources must number at least 1: %d", 0);
        Map<String, String> urnByReference = new HashMap<>();
        for (Resource resource : resources) {
            Require.notNull(resource, "resource");
            String id = resource.getIdElement().getIdPart();
            Require.argument(id != null && UUID_ID.matcher(id).matches(), "%s id must be a UUID: %s",
                    resource.fhirType(), id == null ? "none" : Redact.clip(id));
            Require.argument(urnByReference.put(resource.fhirType() + "/" + id, URN_UUID + id) == null,
                    "%s ids must be unique in a bundle: %s repeated", resource.fhirType(), id);
        }
        Bundle bundle = new Bundle().setType(BundleType.TRANSACTION);
        for (Resource resource : resources) {
            Resource copy = resource.copy();
            String id = resource.getIdElement().getIdPart();
            if (copy instanceof Observation observation) {
                for (Reference derived : observation.getDerivedFrom()) {
                    String target = urnByReference.get(derived.getReference());
                    if (target != null) {
                        derived.setReference(target);
                    }
                }
            }
            copy.setId(id);
            bundle.addEntry().setFullUrl(URN_UUID + id).setResource(copy).getRequest().setMethod(HTTPVerb.PUT)
                    .setUrl(resource.fhirType() + "/" + id);
        }
        return bundle;
    }

    private Optional<Reference> subject(AdministrationKey key) {
        return subjectSystem.map(system -> new Reference().setIdentifier(new Identifier().setSystem(system)
                .setValue(key.recordId())));
    }

    private static Identifier recordIdentifier(AdministrationKey key) {
        return new Identifier().setSystem(RECORD_ID_SYSTEM).setValue(key.recordId());
    }

    private static void timepoint(Observation observation, AdministrationKey key) {
        key.timepoint().ifPresent(t -> observation.addExtension(ResponseMapping.TIMEPOINT_EXTENSION,
                new CodeType(ResponseMapping.timepointCode(t))));
    }

    /** Shows the options; holds no patient data. */
    @Override
    public String toString() {
        return "DatasetResources[subjectSystem=" + subjectSystem.orElse("none") + "]";
    }
}
