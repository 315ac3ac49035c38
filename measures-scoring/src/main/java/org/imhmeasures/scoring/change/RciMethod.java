/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.change;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * How reliable change is decided. Each constant carries its formula: the index it computes from a pair
 * and the resolved {@link ChangeParameters}, and the critical value the index is compared with. The
 * distribution-based methods follow the R package clinicalsignificance 3.x ({@code R/calc_rci.R}; Claus,
 * Wager &amp; Bonnet 2024, J Stat Softw 111(1), doi:10.18637/jss.v111.i01); {@link #FIXED_THRESHOLD}
 * applies the instrument's published threshold and computes no index.
 *
 * <p>Notation: SD and M of the reference (pre) scores, r the reliability, SEM = SD·√(1−r). Which
 * parameters each method needs is resolved, with the reason when one is missing, by the
 * {@link ChangeModel}; the formulas here are only ever called with every parameter they read present.
 *
 * @since 0.1.0
 */
public enum RciMethod {
    /**
     * Jacobson &amp; Truax (1991): RCI = (post − pre) / (√2·SEM). Needs SD and r.
     * J Consult Clin Psychol 59(1):12–19, doi:10.1037/0022-006X.59.1.12.
     */
    JACOBSON_TRUAX(false, false) {
        @Override
        double index(double pre, double post, ChangeParameters p) {
            return (post - pre) / (Math.sqrt(2) * sem(p));
        }
    },
    /**
     * Gulliksen–Lord–Novick (Hsu 1989, J Consult Clin Psychol 57(1):131–137): RCI = [(post − M_pre) −
     * r·(pre − M_pre)] / (SD·√(1−r²)). Needs SD, r and M_pre.
     */
    GULLIKSEN_LORD_NOVICK(true, false) {
        @Override
        double index(double pre, double post, ChangeParameters p) {
            double r = p.reliability().getAsDouble();
            double mPre = p.meanPre().getAsDouble();
            return ((post - mPre) - r * (pre - mPre)) / (p.sd().getAsDouble() * Math.sqrt(1 - r * r));
        }
    },
    /**
     * Hsu–Linn–Lord (Hsu 1995, Psychol Assess 7(3):267–276): RCI = [(post − M_post) − r·(pre − M_pre)] /
     * (SD·√(1−r²)), Gulliksen–Lord–Novick with post centred on M_post. Needs sample statistics.
     */
    HSU_LINN_LORD(true, true) {
        @Override
        double index(double pre, double post, ChangeParameters p) {
            double r = p.reliability().getAsDouble();
            double mPre = p.meanPre().getAsDouble();
            double mPost = p.meanPost().getAsDouble();
            return ((post - mPost) - r * (pre - mPre)) / (p.sd().getAsDouble() * Math.sqrt(1 - r * r));
        }
    },
    /**
     * Edwards–Nunnally (Speer 1992, J Consult Clin Psychol 60(3):402–408): true pre = r·(pre − M_pre) +
     * M_pre; RCI = (post − true pre) / SEM. Needs SD, r and M_pre.
     */
    EDWARDS_NUNNALLY(true, false) {
        @Override
        double index(double pre, double post, ChangeParameters p) {
            return (post - truePre(pre, p)) / sem(p);
        }
    },
    /**
     * Nunnally–Kotsch (1983): RCI = (post − true pre) / √(r²·SD²·(1−r) + SD²·(1−r_post)), true pre as
     * for Edwards–Nunnally; r_post defaults to r. Needs SD, r and M_pre.
     */
    NUNNALLY_KOTSCH(true, false) {
        @Override
        double index(double pre, double post, ChangeParameters p) {
            double sd = p.sd().getAsDouble();
            double r = p.reliability().getAsDouble();
            double rPost = p.reliabilityPost().getAsDouble();
            return (post - truePre(pre, p)) / Math.sqrt(r * r * sd * sd * (1 - r) + sd * sd * (1 - rPost));
        }
    },
    /**
     * Hageman &amp; Arrindell (1999), Behav Res Ther 37:1169–1193: RC = [(post − pre)·r_DD + (M_post −
     * M_pre)·(1 − r_DD)] / (√r_DD·√2·SEM), with the reliability of the difference r_DD from both SDs and
     * the pre–post correlation ρ ({@link #reliabilityOfDifference}); decided against the one-sided critical
     * value (1.645 at α = .05). Needs sample statistics.
     *
     * <p>Clinical significance follows the same paper, not the plain Jacobson–Truax cut-off: a true-score
     * cut-off a_true or c_true and the individual clinical-significance index CS_indiv (see {@link ChangeModel},
     * "Hageman–Arrindell"). Criterion b, caseness and a supplied cut-off are refused with
     * {@link ChangeResult.Reason#UNSUPPORTED_COMBINATION} rather than mixed with this index.
     */
    HAGEMAN_ARRINDELL(true, true) {
        @Override
        double index(double pre, double post, ChangeParameters p) {
            double sem = sem(p);
            double rDd = reliabilityOfDifference(p.sd().getAsDouble(), p.sdPost().getAsDouble(),
                    p.reliability().getAsDouble(), p.correlation().getAsDouble());
            double mDiff = p.meanPost().getAsDouble() - p.meanPre().getAsDouble();
            return ((post - pre) * rDd + mDiff * (1 - rDd)) / (Math.sqrt(rDd) * Math.sqrt(2 * sem * sem));
        }

        @Override
        double criticalValue(double alpha) {
            return STANDARD_NORMAL.inverseCumulativeProbability(1 - alpha);
        }
    },
    /**
     * Anchor-based change (clinicalsignificance {@code R/calc_anchor.R}; Claus, Wager &amp; Bonnet 2024, J Stat
     * Softw 111(1), doi:10.18637/jss.v111.i01): with d = +1 when higher is better and −1 otherwise, improved
     * when {@code d·(post − pre) ≥ MID_improvement}, deteriorated when {@code d·(post − pre) ≤ −MID_deterioration}
     * (both inclusive), unchanged otherwise. The minimal important differences come from an anchor study for
     * the instrument and population; no definition publishes one yet, so the caller gives both
     * ({@link ChangeOptions#withMinimalImportantDifference}), and without them the model is unusable
     * ({@link ChangeResult.Reason#NO_MINIMAL_IMPORTANT_DIFFERENCE}). No index is computed.
     *
     * @since 0.1.0
     */
    ANCHOR_BASED(false, false) {
        @Override
        double index(double pre, double post, ChangeParameters p) {
            throw new IllegalStateException("method must use an RCI: " + name());
        }

        @Override
        boolean hasIndex() {
            return false;
        }
    },
    /**
     * Percentage change relative to baseline (clinicalsignificance {@code R/calc_percentage.R}): with d as for
     * {@link #ANCHOR_BASED} and p = (post − pre) / pre, improved when {@code d·p ≥ P_improvement}, deteriorated
     * when {@code d·p ≤ −P_deterioration} (both inclusive; P as fractions, 0.5 = 50%), unchanged otherwise and
     * whenever post = pre. A baseline of 0 (or below) has no relative change: that pair is
     * {@link ChangeResult.Reason#BASELINE_NOT_POSITIVE}, never a division by zero (R counts 0 → anything higher
     * as improved whatever the direction; we refuse instead). The caller gives both thresholds
     * ({@link ChangeOptions#withPercentageChange}). No index is computed.
     *
     * @since 0.1.0
     */
    PERCENTAGE_CHANGE(false, false) {
        @Override
        double index(double pre, double post, ChangeParameters p) {
            throw new IllegalStateException("method must use an RCI: " + name());
        }

        @Override
        boolean hasIndex() {
            return false;
        }
    },
    /**
     * The instrument's published fixed threshold in score points, inclusive: reliable when |post − pre|
     * ≥ threshold (NHS Talking Therapies and MHSDS: PHQ-9 6, GAD-7 4, CORE-10 5, GBO 3 per goal, SWEMWBS
     * 3, WEMWBS 9; EPDS 4 from Matthey 2004). No RCI is computed.
     */
    FIXED_THRESHOLD(false, false) {
        @Override
        double index(double pre, double post, ChangeParameters p) {
            throw new IllegalStateException("method must use an RCI: " + name());
        }

        @Override
        boolean hasIndex() {
            return false;
        }
    };

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    /**
     * The method's index for a pair.
     *
     * @throws IllegalStateException for {@link #FIXED_THRESHOLD}, which has none
     */
    abstract double index(double pre, double post, ChangeParameters p);

    /** Whether the method computes an index ({@code false} for fixed threshold, anchor and percentage). */
    boolean hasIndex() {
        return true;
    }

    /** The critical value at level α: z = Φ⁻¹(1 − α/2), two-sided (one-sided for Hageman–Arrindell). */
    double criticalValue(double alpha) {
        return STANDARD_NORMAL.inverseCumulativeProbability(1 - alpha / 2);
    }

    /** SEM = SD·√(1 − r). */
    private static double sem(ChangeParameters p) {
        return p.sd().getAsDouble() * Math.sqrt(1 - p.reliability().getAsDouble());
    }

    /** True pre score r·(pre − M_pre) + M_pre. */
    private static double truePre(double pre, ChangeParameters p) {
        double mPre = p.meanPre().getAsDouble();
        return p.reliability().getAsDouble() * (pre - mPre) + mPre;
    }

    /**
     * Reliability of the difference score (Hageman &amp; Arrindell 1999): with SEM = SD_pre·√(1 − r),
     * r_xx1 = (SD_pre² − SEM²)/SD_pre², r_xx2 = (SD_post² − SEM²)/SD_post², r_DD = (SD_pre²·r_xx1 +
     * SD_post²·r_xx2 − 2·SD_pre·SD_post·ρ) / (SD_pre² + SD_post² − 2·SD_pre·SD_post·ρ).
     */
    static double reliabilityOfDifference(double sdPre, double sdPost, double r, double rho) {
        double sem2 = sdPre * sdPre * (1 - r);
        double rxx1 = (sdPre * sdPre - sem2) / (sdPre * sdPre);
        double rxx2 = (sdPost * sdPost - sem2) / (sdPost * sdPost);
        double cross = 2 * sdPre * sdPost * rho;
        return (sdPre * sdPre * rxx1 + sdPost * sdPost * rxx2 - cross) / (sdPre * sdPre + sdPost * sdPost - cross);
    }

    private final boolean needsReferenceMean;
    private final boolean needsPostStatistics;

    RciMethod(boolean needsReferenceMean, boolean needsPostStatistics) {
        this.needsReferenceMean = needsReferenceMean;
        this.needsPostStatistics = needsPostStatistics;
    }

    boolean needsReferenceMean() {
        return needsReferenceMean;
    }

    boolean needsPostStatistics() {
        return needsPostStatistics;
    }
}
