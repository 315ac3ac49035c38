/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * FHIR R4 mapping: {@link org.imhmeasures.fhir.QuestionnaireMapping} turns an instrument into a
 * {@code Questionnaire}; {@link org.imhmeasures.fhir.ResponseMapping} turns an administration into a
 * {@code QuestionnaireResponse} and an inbound one back into an administration, failing with a typed
 * {@link org.imhmeasures.fhir.FhirMappingException} that names the element path;
 * {@link org.imhmeasures.fhir.ScoreMapping} turns a score into an {@code Observation};
 * {@link org.imhmeasures.fhir.CareMapping} turns referrals, caregivers, episodes and risk factors into
 * {@code ServiceRequest}, {@code RelatedPerson}, {@code EpisodeOfCare} and {@code Condition}, and
 * {@link org.imhmeasures.fhir.EpisodeBundle} gathers one episode into a transaction {@code Bundle}. The
 * resources follow base R4 and the UK Core profiles of the same names; the host supplies its own Patient
 * and Organization references. {@link org.imhmeasures.fhir.FhirUris} holds the shared URLs we mint.
 *
 * <p>Scoring happens in Java, not in the form: the Questionnaire carries each option's score as an
 * {@code ordinalValue} so that SDC renderers can show running totals, but the reported score is the
 * library's, published as an Observation derived from the QuestionnaireResponse.
 *
 * @since 0.1.0
 */
@NullMarked
package org.imhmeasures.fhir;

import org.jspecify.annotations.NullMarked;
