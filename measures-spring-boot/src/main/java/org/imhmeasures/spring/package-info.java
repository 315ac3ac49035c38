/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Spring Boot 4 auto-configuration for imh-measures: a {@link org.imhmeasures.core.instrument.Catalogue}
 * (built-in instruments plus the host's definitions, {@code imh-measures.definitions}), a
 * {@link org.imhmeasures.spring.ScorerCache}, a
 * {@link org.imhmeasures.portal.submission.SubmissionValidator} (closed when the context closes), the library's
 * JSON wire form for Jackson 3 ({@link org.imhmeasures.spring.ImhMeasuresJacksonModule}, the same form as the
 * Jackson 2 module of measures-scoring) and RFC 9457 problem
 * details for results that cannot be scored and rejected submissions
 * ({@link org.imhmeasures.spring.ImhProblemDetails}). Each bean backs off when the host defines its own.
 * Settings: {@link org.imhmeasures.spring.ImhMeasuresProperties}.
 *
 * @since 0.1.0
 */
@NullMarked
package org.imhmeasures.spring;

import org.jspecify.annotations.NullMarked;
