/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.core.instrument.InstrumentDefinitions;

/**
 * The answers-only test fixture {@code TEST-FEEDBACK} (test resources, {@code test-feedback.json}): a made-up
 * three-item feedback form, codes {@code 1..6} / {@code yes, no, unsure} / {@code 0..2}, at least two answered.
 * Not a real instrument: the catalogue ships none that records answers only yet.
 */
public final class TestFeedback {

    private TestFeedback() {
    }

    /**
     * Reads the fixture.
     *
     * @return the instrument
     */
    public static Instrument instrument() {
        try (InputStream in = TestFeedback.class.getResourceAsStream("test-feedback.json")) {
            return InstrumentDefinitions.read(in, "test-feedback.json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
