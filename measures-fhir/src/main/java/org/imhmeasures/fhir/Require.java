/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.fhir;

import java.util.Locale;

/**
 * Preconditions in the house message style {@code <what> must <rule>: <offending value>}. A copy of
 * measures-core's internal helper: measures-fhir ships as an automatic module (see package docs), to
 * which core's qualified export of its internal package cannot reliably apply.
 */
final class Require {

    private Require() {
    }

    static void argument(boolean condition, String template, Object... args) {
        if (!condition) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, template, args));
        }
    }

    static <T> T notNull(T value, String name) {
        if (value == null) {
            throw new NullPointerException(name + " must not be null");
        }
        return value;
    }
}
