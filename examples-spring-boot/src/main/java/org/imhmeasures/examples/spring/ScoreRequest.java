/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.examples.spring;

import jakarta.validation.constraints.NotNull;
import java.util.Map;
import org.imhmeasures.portal.constraints.KnownInstrument;

/**
 * The body of {@code POST /score}: {@code {"instrument":"PHQ-9","answers":{"phq9_1":"2",...}}}, answers given
 * as codes.
 *
 * @param instrument the instrument id, one of the application's catalogue
 * @param answers answer codes by item id
 */
public record ScoreRequest(@NotNull @KnownInstrument String instrument, @NotNull Map<String, String> answers) {
}
