/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * imh-measures core: typed, immutable infant mental health instrument definitions and the built-in
 * catalogue, the care model (whose values redact dates and identifiers in {@code toString()}), the risk
 * taxonomy, the competency framework and service models. Scoring lives in measures-scoring.
 *
 * @since 0.1.0
 */
// the qualified export below names a module compiled after this one: javac's "module not found" warning
@SuppressWarnings("module")
module org.imhmeasures.core {
    requires static transitive org.jspecify;
    requires com.fasterxml.jackson.databind;

    exports org.imhmeasures.core;
    exports org.imhmeasures.core.instrument;
    exports org.imhmeasures.core.care;
    exports org.imhmeasures.core.risk;
    exports org.imhmeasures.core.competency;
    exports org.imhmeasures.core.service;
    // shared precondition and JSON helpers for our own modules only; not API
    exports org.imhmeasures.core.internal to org.imhmeasures.scoring, org.imhmeasures.portal;
}
