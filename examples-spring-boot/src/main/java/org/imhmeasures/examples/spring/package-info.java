/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * A Spring Boot 4 portal backend on measures-spring-boot: {@code POST /submissions} (201 or 422),
 * {@code POST /score} (200 or 422) and {@code GET /instruments}. Results are written in the library's JSON
 * form, refusals as RFC 9457 problem details.
 */
@NullMarked
package org.imhmeasures.examples.spring;

import org.jspecify.annotations.NullMarked;
