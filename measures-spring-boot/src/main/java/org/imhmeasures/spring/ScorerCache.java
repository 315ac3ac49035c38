/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.spring;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.ScoreResult;
import org.imhmeasures.scoring.Scorer;

/**
 * One {@link Scorer} per instrument of a catalogue, built on first use and shared: scorers are immutable
 * and thread-safe, and building one validates the definition, so a service builds each once. Thread-safe.
 *
 * @since 0.1.0
 */
public final class ScorerCache {

    private final Catalogue catalogue;
    private final ConcurrentMap<String, Scorer> scorers = new ConcurrentHashMap<>();

    private ScorerCache(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * A cache over {@code catalogue}.
     *
     * @param catalogue the instruments
     * @return a new, empty cache
     */
    public static ScorerCache of(Catalogue catalogue) {
        if (catalogue == null) {
            throw new NullPointerException("catalogue must not be null");
        }
        return new ScorerCache(catalogue);
    }

    /**
     * The catalogue the scorers come from.
     *
     * @return the catalogue
     */
    public Catalogue catalogue() {
        return catalogue;
    }

    /**
     * The scorer of an instrument.
     *
     * @param instrumentId the id, exactly as the catalogue spells it (e.g. {@code PHQ-9})
     * @return the shared scorer, or empty when the catalogue has no such instrument
     */
    public Optional<Scorer> find(String instrumentId) {
        if (instrumentId == null) {
            return Optional.empty();
        }
        Optional<Instrument> instrument = catalogue.find(instrumentId);
        return instrument.map(i -> scorers.computeIfAbsent(i.id(), id -> Scorer.of(i)));
    }

    /**
     * Scores an administration with the scorer of its instrument.
     *
     * @param administration the answers
     * @return the result, or empty when the catalogue has no instrument of the administration's id
     */
    public Optional<ScoreResult> score(Administration administration) {
        return find(administration.instrumentId()).map(s -> s.score(administration));
    }

    @Override
    public String toString() {
        return "ScorerCache[instruments=" + catalogue.instruments().size() + ", built=" + scorers.size() + "]";
    }
}
