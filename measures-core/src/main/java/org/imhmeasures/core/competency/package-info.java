/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Competency frameworks for infant mental health practice and the team view of them: the AIMH UK
 * Infant Mental Health Competency Framework and the MI-AIMH endorsement categories as data
 * ({@link org.imhmeasures.core.competency.CompetencyFramework}), practitioners with their
 * {@link org.imhmeasures.core.competency.Profession}, WTE, experience and
 * {@link org.imhmeasures.core.competency.SelfAssessment}s, a team's
 * {@link org.imhmeasures.core.competency.TeamCoverage} of domains by level with gaps, and the
 * reflective {@link org.imhmeasures.core.competency.SupervisionRequirement}.
 *
 * <p>Framework wording is copyright: only structure and confirmed identifiers are shipped.
 *
 * @since 0.1.0
 */
@NullMarked
package org.imhmeasures.core.competency;

import org.jspecify.annotations.NullMarked;
