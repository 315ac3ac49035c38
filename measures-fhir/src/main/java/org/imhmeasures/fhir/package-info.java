/**
 * FHIR R4 mapping: {@link org.imhmeasures.fhir.QuestionnaireMapping} turns an instrument into a
 * {@code Questionnaire}; {@link org.imhmeasures.fhir.ResponseMapping} turns an administration into a
 * {@code QuestionnaireResponse} and an inbound one back into an administration, failing with a typed
 * {@link org.imhmeasures.fhir.FhirMappingException} that names the element path;
 * {@link org.imhmeasures.fhir.ScoreMapping} turns a score into an {@code Observation}. The resources
 * follow base R4 and the UK Core profiles (UKCore-Questionnaire, UKCore-QuestionnaireResponse,
 * UKCore-Observation); {@link org.imhmeasures.fhir.FhirUris} holds every URL we mint.
 *
 * <p>Scoring happens in Java, not in the form: the Questionnaire carries each option's score as an
 * {@code ordinalValue} so that SDC renderers can show running totals, but the reported score is the
 * library's, published as an Observation derived from the QuestionnaireResponse.
 *
 * @since 0.1.0
 */
package org.imhmeasures.fhir;
