/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.spark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.imhmeasures.scoring.AnswerKind;
import org.imhmeasures.scoring.MissingItemPolicy;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.ScoringOptions;

/**
 * The scorers of this JVM, built once per definition and options: scorers are immutable and thread-safe,
 * so every task of an executor shares one, and none is ever serialised.
 */
final class Scorers {

    private static final Map<String, Scorer> SCORERS = new ConcurrentHashMap<>();

    private Scorers() {
    }

    static Scorer get(InstrumentSource source, AnswerKind kind, MissingItemPolicy policy) {
        return SCORERS.computeIfAbsent(source.key() + "|" + kind + "|" + policy,
                key -> Scorer.of(source.instrument(), options(kind, policy)));
    }

    static ScoringOptions options(AnswerKind kind, MissingItemPolicy policy) {
        return ScoringOptions.defaults().with(kind).with(policy);
    }
}
