/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Parent-infant relationship teams and services: the definition of a specialised parent-infant
 * relationship team as an evaluable checklist ({@link org.imhmeasures.core.service.TeamDefinition},
 * {@link org.imhmeasures.core.service.TeamProfile}, {@link org.imhmeasures.core.service.TeamAssessment}),
 * the Parent-Infant Foundation self-audit characteristics, staffing models scalable by population or
 * births and compared with an establishment, and the interventions catalogue with EIF ratings where
 * confirmed. All lists are versioned data files with a source on every fact.
 *
 * @since 0.1.0
 */
@NullMarked
package org.imhmeasures.core.service;

import org.jspecify.annotations.NullMarked;
