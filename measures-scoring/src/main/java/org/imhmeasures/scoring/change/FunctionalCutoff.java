/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.change;

import java.math.BigDecimal;
import java.util.Optional;
import org.imhmeasures.core.instrument.Cutoff;
import org.imhmeasures.core.instrument.Direction;
import org.imhmeasures.core.internal.Check;

/**
 * The cut-off between the dysfunctional and the functional range used for clinical significance.
 *
 * <p>For a Jacobson–Truax criterion, a score is functional when it lies strictly beyond the cut-off in
 * the better direction (a score exactly on the cut-off stays dysfunctional). For the caseness criterion,
 * a score is functional when it is not a case.
 *
 * @param criterion the criterion that produced it (never {@link SignificanceCriterion#AUTO})
 * @param value the cut-off score
 * @param direction the instrument's direction
 * @param caseness the caseness cut-off, for {@link SignificanceCriterion#CASENESS}
 * @since 0.1.0
 */
public record FunctionalCutoff(SignificanceCriterion criterion, double value, Direction direction,
        Optional<Cutoff> caseness) {

    /**
     * Validates.
     *
     * @param criterion the criterion that produced it (never {@link SignificanceCriterion#AUTO})
     * @param value the cut-off score
     * @param direction the instrument's direction
     * @param caseness the caseness cut-off, for {@link SignificanceCriterion#CASENESS}
     */
    public FunctionalCutoff {
        Check.notNull(criterion, "criterion");
        Check.argument(criterion != SignificanceCriterion.AUTO, "criterion must be resolved: AUTO");
        Check.argument(Double.isFinite(value), "cut-off must be finite: %s", value);
        Check.notNull(direction, "direction");
        Check.notNull(caseness, "caseness");
        Check.argument(criterion != SignificanceCriterion.CASENESS || caseness.isPresent(),
                "caseness criterion must carry the cut-off: none");
    }

    /**
     * Tells whether a score lies in the functional range.
     *
     * @param score a total
     * @return {@code true} when functional
     */
    public boolean isFunctional(double score) {
        if (criterion == SignificanceCriterion.CASENESS) {
            return !caseness.orElseThrow().isCase(BigDecimal.valueOf(score));
        }
        return direction == Direction.HIGHER_IS_BETTER ? score > value : score < value;
    }
}
