/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The JSON wire form of results and of an administration, documented in {@code docs/json.md} and
 * described by the JSON Schemas {@code docs/json/result.schema.json} and
 * {@code docs/json/administration.schema.json}.
 *
 * <p>{@link org.imhmeasures.scoring.json.ImhMeasuresModule} is the Jackson 2 module: register it on any
 * {@code ObjectMapper} and {@code Scored}, {@code NotScorable}, {@code ChangeResult}s, {@code Problem}s and
 * cohort reports serialise in that form, and an {@link org.imhmeasures.scoring.json.AdministrationRequest}
 * is read from it. {@link org.imhmeasures.scoring.json.WireForm} gives the same form as plain Java maps and
 * lists, for other JSON libraries (Jackson 3 as Spring Boot 4 uses it, JSON-B, Gson). No form ever holds a
 * value the user supplied that is not known to be safe: unknown answer keys and rejected codes are located
 * by position or item, never echoed.
 *
 * @since 0.1.0
 */
@NullMarked
package org.imhmeasures.scoring.json;

import org.jspecify.annotations.NullMarked;
