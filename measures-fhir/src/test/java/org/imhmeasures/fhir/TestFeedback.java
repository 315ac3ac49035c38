/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.fhir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.core.instrument.InstrumentDefinitions;

/**
 * The answers-only test fixture {@code TEST-FEEDBACK} (test resources, {@code test-feedback.json}): a made-up
 * three-item feedback form, codes {@code 1..6} (labelled) / {@code yes, no, unsure} / {@code 0..2}, at least two
 * answered. Not a real instrument.
 */
final class TestFeedback {

    private TestFeedback() {
    }

    static Instrument instrument() {
        try (InputStream in = TestFeedback.class.getResourceAsStream("test-feedback.json")) {
            return InstrumentDefinitions.read(in, "test-feedback.json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The built-in catalogue with the fixture. */
    static Catalogue catalogue() {
        return Catalogue.builtIn().with(instrument());
    }
}
