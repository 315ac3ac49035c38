/**
 * imh-measures FHIR: maps instruments, administrations and scores to FHIR R4 resources
 * (Questionnaire, QuestionnaireResponse, Observation) and inbound QuestionnaireResponses back to
 * administrations. The only module that depends on HAPI FHIR.
 *
 * <p>HAPI FHIR 8.8.1 jars carry neither a module descriptor nor an {@code Automatic-Module-Name}, so
 * the names required here are derived from the jar file names ({@code hapi-fhir-base-8.8.1.jar} →
 * {@code hapi.fhir.base}); the packages of these jars do not overlap.
 *
 * @since 0.1.0
 */
module org.imhmeasures.fhir {
    requires transitive org.imhmeasures.scoring;
    requires transitive hapi.fhir.base;
    requires transitive org.hl7.fhir.r4;
    requires hapi.fhir.structures.r4;

    exports org.imhmeasures.fhir;
}
