/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.change;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.imhmeasures.core.instrument.Direction;
import org.imhmeasures.core.internal.Check;

/**
 * The parameters a {@link ChangeModel} uses, and where they came from. Reported with every cohort
 * summary so a result can be reproduced.
 *
 * @param instrumentId the instrument
 * @param definitionVersion its definition version
 * @param method the reliable-change method
 * @param source published norms or sample estimates
 * @param direction which way is better
 * @param threshold the fixed threshold, for {@link RciMethod#FIXED_THRESHOLD}
 * @param sd the reference SD (pre scores or clinical norm)
 * @param reliability the reliability used
 * @param reliabilityPost the post reliability (Nunnally–Kotsch)
 * @param meanPre the reference mean (pre scores or clinical norm)
 * @param meanPost the sample post mean
 * @param sdPost the sample post SD
 * @param correlation the sample pre–post correlation
 * @param criticalValue the critical value the RCI is compared with (absent for fixed thresholds)
 * @param cutoff the functional cut-off for clinical significance, if any
 * @param sources where each value came from, in words
 * @since 0.1.0
 */
public record ChangeParameters(String instrumentId, String definitionVersion, RciMethod method,
        ParameterSource source, Direction direction, OptionalDouble threshold, OptionalDouble sd,
        OptionalDouble reliability, OptionalDouble reliabilityPost, OptionalDouble meanPre, OptionalDouble meanPost,
        OptionalDouble sdPost, OptionalDouble correlation, OptionalDouble criticalValue,
        Optional<FunctionalCutoff> cutoff, List<String> sources) {

    /**
     * Validates and copies.
     *
     * @param instrumentId the instrument
     * @param definitionVersion its definition version
     * @param method the reliable-change method
     * @param source published norms or sample estimates
     * @param direction which way is better
     * @param threshold the fixed threshold, for {@link RciMethod#FIXED_THRESHOLD}
     * @param sd the reference SD (pre scores or clinical norm)
     * @param reliability the reliability used
     * @param reliabilityPost the post reliability (Nunnally–Kotsch)
     * @param meanPre the reference mean (pre scores or clinical norm)
     * @param meanPost the sample post mean
     * @param sdPost the sample post SD
     * @param correlation the sample pre–post correlation
     * @param criticalValue the critical value the RCI is compared with (absent for fixed thresholds)
     * @param cutoff the functional cut-off for clinical significance, if any
     * @param sources where each value came from, in words
     */
    public ChangeParameters {
        Check.notBlank(instrumentId, "instrument id");
        Check.notBlank(definitionVersion, "definition version");
        Check.notNull(method, "method");
        Check.notNull(source, "source");
        Check.notNull(direction, "direction");
        for (OptionalDouble value : List.of(threshold, sd, reliability, reliabilityPost, meanPre, meanPost, sdPost,
                correlation, criticalValue)) {
            Check.notNull(value, "parameter");
        }
        Check.notNull(cutoff, "cutoff");
        sources = List.copyOf(Check.notNull(sources, "sources"));
    }
}
