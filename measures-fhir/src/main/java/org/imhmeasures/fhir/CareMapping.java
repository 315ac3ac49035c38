/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.fhir;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.CodeSystemContentMode;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.EpisodeOfCare.EpisodeOfCareStatus;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestIntent;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;
import org.imhmeasures.core.care.Caregiver;
import org.imhmeasures.core.care.CaregiverRelationship;
import org.imhmeasures.core.care.DischargeReason;
import org.imhmeasures.core.care.Episode;
import org.imhmeasures.core.care.Referral;
import org.imhmeasures.core.care.ReferralSource;
import org.imhmeasures.core.instrument.Codes.SnomedConcept;
import org.imhmeasures.core.risk.ReferralReason;
import org.imhmeasures.core.risk.RiskFactor;
import org.imhmeasures.core.risk.RiskTaxonomy;

/**
 * Maps the care model ({@link Referral}, {@link Caregiver}, {@link Episode}, {@link RiskFactor}) to FHIR R4
 * ServiceRequest, RelatedPerson, EpisodeOfCare and Condition (base R4 and the UK Core profiles of the same
 * names). The host system supplies its own Patient (the infant) and, optionally, Practitioner or
 * Organization references; this library never creates Patients, so NHS numbers, names and dates of birth
 * stay with the host.
 *
 * <p>Coding:
 * <ul>
 * <li>Relationship (RelatedPerson): HL7 v3 RoleCode where one fits ({@code NMTH}, {@code NFTH},
 * {@code PRNFOST}, {@code ADOPTP}, {@code GRPRN}; a parent's {@code PARTNER} as {@code FAMMEMB}) or v2-0131
 * {@code O} (other), all in UKCore-PersonRelationshipType, plus our own code.</li>
 * <li>Risk factors (Condition.code): the taxonomy's SNOMED CT concepts where it has them, always plus our
 * {@value #RISK_FACTOR_CODES} code (the factor id) so factors without a SNOMED CT concept are coded too;
 * category {@code problem-list-item}.</li>
 * <li>Referral reasons (ServiceRequest.reasonCode) and sources: the MHSDS two-digit reason and the NHS Data
 * Dictionary source-of-referral codes, carried in our CodeSystems (no FHIR CodeSystem for them is published
 * in UK Core); discharge reasons likewise. {@link #codeSystems(RiskTaxonomy)} builds them all.</li>
 * </ul>
 * Identifiers carry the pseudonymous ids in system {@value #ID_SYSTEM}{@code /<kind>}. Not mapped: parental
 * ACEs (they describe the caregiver, not the patient), household, ethnic category, parent age and
 * intervention deliveries (left to the host).
 *
 * <p>Thread-safe and stateless.
 *
 * @since 0.1.0
 */
public final class CareMapping {

    /** Base of identifier systems for pseudonymous ids: {@code <base>/referral}, {@code /episode}, {@code /caregiver}. */
    public static final String ID_SYSTEM = FhirUris.BASE + "/NamingSystem";
    /** Our CodeSystem for the service's own concepts (referral, episode type). */
    public static final String CARE_CODES = FhirUris.BASE + "/CodeSystem/care";
    /** Our CodeSystem of risk factor ids (taxonomy version in {@code CodeSystem.version}). */
    public static final String RISK_FACTOR_CODES = FhirUris.BASE + "/CodeSystem/risk-factor";
    /** Our CodeSystem for MHSDS reason-for-referral codes ({@code 04} depression …). */
    public static final String REFERRAL_REASON_CODES = FhirUris.BASE + "/CodeSystem/referral-reason";
    /** Our CodeSystem for NHS Data Dictionary source-of-referral codes ({@code A1} …). */
    public static final String REFERRAL_SOURCE_CODES = FhirUris.BASE + "/CodeSystem/referral-source";
    /** Our CodeSystem for caregiver relationships. */
    public static final String RELATIONSHIP_CODES = FhirUris.BASE + "/CodeSystem/caregiver-relationship";
    /** Our CodeSystem for discharge reasons. */
    public static final String DISCHARGE_REASON_CODES = FhirUris.BASE + "/CodeSystem/discharge-reason";
    /** Extension on ServiceRequest: the source of referral (valueCoding in {@link #REFERRAL_SOURCE_CODES}). */
    public static final String REFERRAL_SOURCE_EXTENSION = FhirUris.BASE + "/StructureDefinition/referral-source";
    /** Extension on EpisodeOfCare: why it ended (valueCoding in {@link #DISCHARGE_REASON_CODES}). */
    public static final String DISCHARGE_REASON_EXTENSION = FhirUris.BASE + "/StructureDefinition/discharge-reason";

    static final String V3_ROLE_CODE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";
    static final String V2_0131 = "http://terminology.hl7.org/CodeSystem/v2-0131";
    static final String CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";
    static final String CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";

    private CareMapping() {
    }

    /**
     * Maps a referral to an active ServiceRequest for the infant mental health service.
     *
     * @param referral the referral
     * @param patient the host's reference to the infant's Patient
     * @return a new ServiceRequest without id: identifier = referral id, {@code authoredOn} = referral date,
     *         {@code reasonCode} = referral reasons, source of referral as extension
     */
    public static ServiceRequest toServiceRequest(Referral referral, Reference patient) {
        Require.notNull(referral, "referral");
        requireReference(patient, "patient");
        ServiceRequest request = new ServiceRequest();
        request.addIdentifier(identifier("referral", referral.id().value()));
        request.setStatus(ServiceRequestStatus.ACTIVE);
        request.setIntent(ServiceRequestIntent.ORDER);
        request.setCode(new CodeableConcept(new Coding(CARE_CODES, "imh-referral",
                "Referral to infant mental health service")));
        request.setSubject(patient.copy());
        request.setAuthoredOnElement(new DateTimeType(referral.date().toString()));
        ReferralSource source = referral.source();
        request.addExtension(REFERRAL_SOURCE_EXTENSION, new Coding(REFERRAL_SOURCE_CODES, source.code(),
                source.label()));
        for (ReferralReason reason : referral.reasons()) {
            request.addReasonCode(new CodeableConcept(new Coding(REFERRAL_REASON_CODES, reason.code(),
                    reason.label())));
        }
        return request;
    }

    /**
     * Maps a caregiver to a RelatedPerson of the infant.
     *
     * @param caregiver the caregiver (pseudonymous id and relationship)
     * @param patient the host's reference to the infant's Patient
     * @return a new RelatedPerson without id; no name, contact or birth date is ever set
     */
    public static RelatedPerson toRelatedPerson(Caregiver caregiver, Reference patient) {
        Require.notNull(caregiver, "caregiver");
        requireReference(patient, "patient");
        RelatedPerson person = new RelatedPerson();
        person.addIdentifier(identifier("caregiver", caregiver.id().value()));
        person.setActive(true);
        person.setPatient(patient.copy());
        CaregiverRelationship relationship = caregiver.relationship();
        CodeableConcept concept = new CodeableConcept().setText(label(relationship.name()));
        concept.addCoding(standardRelationship(relationship));
        concept.addCoding(new Coding(RELATIONSHIP_CODES, code(relationship.name()), label(relationship.name())));
        person.addRelationship(concept);
        return person;
    }

    /**
     * The HL7 coding (v3 RoleCode or v2-0131) for a relationship to the infant.
     *
     * @param relationship the relationship
     * @return a new Coding from UKCore-PersonRelationshipType
     */
    public static Coding standardRelationship(CaregiverRelationship relationship) {
        Require.notNull(relationship, "relationship");
        return switch (relationship) {
            case BIRTH_MOTHER -> new Coding(V3_ROLE_CODE, "NMTH", "natural mother");
            case BIRTH_FATHER -> new Coding(V3_ROLE_CODE, "NFTH", "natural father");
            case PARTNER -> new Coding(V3_ROLE_CODE, "FAMMEMB", "family member");
            case FOSTER_CARER -> new Coding(V3_ROLE_CODE, "PRNFOST", "foster parent");
            case ADOPTIVE_PARENT -> new Coding(V3_ROLE_CODE, "ADOPTP", "adoptive parent");
            case GRANDPARENT -> new Coding(V3_ROLE_CODE, "GRPRN", "grandparent");
            case OTHER -> new Coding(V2_0131, "O", "Other");
        };
    }

    /**
     * Maps an episode to an EpisodeOfCare: {@code active} while open, {@code finished} with its end date and
     * discharge reason (extension) once closed.
     *
     * @param episode the episode
     * @param patient the host's reference to the infant's Patient
     * @param referral reference to the episode's ServiceRequest, if the host has one
     * @param organization the host's managing Organization, if any
     * @return a new EpisodeOfCare without id
     */
    public static EpisodeOfCare toEpisodeOfCare(Episode episode, Reference patient, Optional<Reference> referral,
            Optional<Reference> organization) {
        Require.notNull(episode, "episode");
        requireReference(patient, "patient");
        Require.notNull(referral, "referral");
        Require.notNull(organization, "organization");
        EpisodeOfCare care = new EpisodeOfCare();
        care.addIdentifier(identifier("episode", episode.id().value()));
        care.setStatus(episode.end().isPresent() ? EpisodeOfCareStatus.FINISHED : EpisodeOfCareStatus.ACTIVE);
        care.addType(new CodeableConcept(new Coding(CARE_CODES, "imh-episode", "Infant mental health episode of care")));
        care.setPatient(patient.copy());
        Period period = new Period().setStartElement(dateTime(episode.start()));
        episode.end().ifPresent(end -> period.setEndElement(dateTime(end)));
        care.setPeriod(period);
        referral.ifPresent(r -> care.addReferralRequest(r.copy()));
        organization.ifPresent(o -> care.setManagingOrganization(o.copy()));
        episode.dischargeReason().ifPresent(reason -> care.addExtension(DISCHARGE_REASON_EXTENSION,
                new Coding(DISCHARGE_REASON_CODES, code(reason.name()), label(reason.name()))));
        return care;
    }

    /**
     * Maps a risk factor of a referral to a Condition on the infant's problem list.
     *
     * @param factor the risk factor
     * @param patient the host's reference to the infant's Patient
     * @param recorded when it was recorded (the referral date)
     * @return a new Condition without id: {@code clinicalStatus} active, category {@code problem-list-item},
     *         code = SNOMED CT concepts of the factor (if any) + our risk-factor code, text = label
     */
    public static Condition toCondition(RiskFactor factor, Reference patient, LocalDate recorded) {
        Require.notNull(factor, "risk factor");
        requireReference(patient, "patient");
        Require.notNull(recorded, "recorded date");
        Condition condition = new Condition();
        condition.setClinicalStatus(new CodeableConcept(new Coding(CONDITION_CLINICAL, "active", "Active")));
        condition.addCategory(new CodeableConcept(new Coding(CONDITION_CATEGORY, "problem-list-item",
                "Problem List Item")));
        CodeableConcept code = new CodeableConcept().setText(factor.label());
        for (SnomedConcept concept : factor.snomed()) {
            code.addCoding(new Coding(FhirUris.SNOMED_CT, concept.id(), concept.term().orElse(null)));
        }
        code.addCoding(new Coding(RISK_FACTOR_CODES, factor.id(), factor.label()));
        condition.setCode(code);
        condition.setSubject(patient.copy());
        condition.setRecordedDateElement(dateTime(recorded));
        return condition;
    }

    /**
     * Our CodeSystems used by this mapping, complete, for a terminology server or validator: care,
     * risk factors (of {@code taxonomy}), referral reasons, referral sources, caregiver relationships and
     * discharge reasons.
     *
     * @param taxonomy the risk taxonomy whose factors and referral reasons to include
     * @return new CodeSystems
     */
    public static List<CodeSystem> codeSystems(RiskTaxonomy taxonomy) {
        Require.notNull(taxonomy, "taxonomy");
        List<CodeSystem> systems = new ArrayList<>();
        CodeSystem care = codeSystem("imh-care", CARE_CODES, "ImhMeasuresCare", "imh-measures care concepts");
        care.addConcept().setCode("imh-referral").setDisplay("Referral to infant mental health service");
        care.addConcept().setCode("imh-episode").setDisplay("Infant mental health episode of care");
        systems.add(care);
        CodeSystem factors = codeSystem("imh-risk-factor", RISK_FACTOR_CODES, "ImhMeasuresRiskFactor",
                "imh-measures risk factors").setVersion(taxonomy.version());
        taxonomy.factors().forEach(f -> factors.addConcept().setCode(f.id()).setDisplay(f.label())
                .setDefinition(f.label() + " (area: " + f.area().label() + "; source: " + f.source().citation() + ")"));
        systems.add(factors);
        CodeSystem reasons = codeSystem("imh-referral-reason", REFERRAL_REASON_CODES, "ImhMeasuresReferralReason",
                "Reason for referral (MHSDS codes)");
        taxonomy.referralReasons().forEach(r -> reasons.addConcept().setCode(r.code()).setDisplay(r.label()));
        systems.add(reasons);
        CodeSystem sources = codeSystem("imh-referral-source", REFERRAL_SOURCE_CODES, "ImhMeasuresReferralSource",
                "Source of referral (NHS Data Dictionary codes)");
        for (ReferralSource s : ReferralSource.values()) {
            sources.addConcept().setCode(s.code()).setDisplay(s.label());
        }
        systems.add(sources);
        CodeSystem relationships = codeSystem("imh-caregiver-relationship", RELATIONSHIP_CODES,
                "ImhMeasuresCaregiverRelationship", "Caregiver relationship to the infant");
        for (CaregiverRelationship r : CaregiverRelationship.values()) {
            relationships.addConcept().setCode(code(r.name())).setDisplay(label(r.name()));
        }
        systems.add(relationships);
        CodeSystem discharge = codeSystem("imh-discharge-reason", DISCHARGE_REASON_CODES, "ImhMeasuresDischargeReason",
                "Why an episode of care ended");
        for (DischargeReason r : DischargeReason.values()) {
            discharge.addConcept().setCode(code(r.name())).setDisplay(label(r.name()));
        }
        systems.add(discharge);
        return systems;
    }

    private static CodeSystem codeSystem(String id, String url, String name, String title) {
        CodeSystem system = new CodeSystem();
        system.setId(id);
        system.setUrl(url);
        system.setName(name);
        system.setTitle(title);
        system.setStatus(PublicationStatus.ACTIVE);
        system.setExperimental(false);
        system.setCaseSensitive(true);
        system.setContent(CodeSystemContentMode.COMPLETE);
        system.setDescription(title + ", as used by imh-measures");
        return system;
    }

    static Identifier identifier(String kind, String value) {
        return new Identifier().setSystem(ID_SYSTEM + "/" + kind).setValue(value);
    }

    private static void requireReference(Reference reference, String what) {
        Require.notNull(reference, what);
        Require.argument(reference.hasReference(), "%s reference must have a reference: %s", what, "none");
    }

    private static DateTimeType dateTime(LocalDate date) {
        return new DateTimeType(date.toString());
    }

    /** {@code BIRTH_MOTHER} → {@code birth-mother}. */
    private static String code(String enumName) {
        return enumName.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code BIRTH_MOTHER} → {@code birth mother}. */
    private static String label(String enumName) {
        return enumName.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
