/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.change;

/**
 * How reliable change is decided. The distribution-based methods follow the R package
 * clinicalsignificance 3.x ({@code R/calc_rci.R}; Claus, Wager &amp; Bonnet 2024, J Stat Softw 111(1),
 * doi:10.18637/jss.v111.i01); {@link #FIXED_THRESHOLD} applies the instrument's published threshold.
 *
 * <p>Notation: SD and M of the reference (pre) scores, r the reliability, SEM = SD·√(1−r).
 *
 * @since 0.1.0
 */
public enum RciMethod {
    /**
     * Jacobson &amp; Truax (1991): RCI = (post − pre) / (√2·SEM). Needs SD and r.
     * J Consult Clin Psychol 59(1):12–19, doi:10.1037/0022-006X.59.1.12.
     */
    JACOBSON_TRUAX(false, false),
    /**
     * Gulliksen–Lord–Novick (Hsu 1989): RCI = [(post − M_pre) − r·(pre − M_pre)] / (SD·√(1−r²)). Needs
     * SD, r and M_pre.
     */
    GULLIKSEN_LORD_NOVICK(true, false),
    /**
     * Hsu–Linn–Lord: as Gulliksen–Lord–Novick with post centred on M_post. Needs sample statistics.
     */
    HSU_LINN_LORD(true, true),
    /**
     * Edwards–Nunnally (Speer 1992): true pre = r·(pre − M_pre) + M_pre; RCI = (post − true pre) / SEM.
     */
    EDWARDS_NUNNALLY(true, false),
    /**
     * Nunnally–Kotsch (1983): RCI = (post − true pre) / √(r²·SD²·(1−r) + SD²·(1−r_post)); r_post defaults
     * to r.
     */
    NUNNALLY_KOTSCH(true, false),
    /**
     * Hageman &amp; Arrindell (1999), Behav Res Ther 37:1169–1193: RC = [(post − pre)·r_DD + (M_post −
     * M_pre)·(1 − r_DD)] / (√r_DD·√2·SEM), with the reliability of the difference r_DD from both SDs and
     * the pre–post correlation; decided against the one-sided critical value (1.645 at α = .05). Needs
     * sample statistics.
     */
    HAGEMAN_ARRINDELL(true, true),
    /**
     * The instrument's published fixed threshold in score points, inclusive: reliable when |post − pre|
     * ≥ threshold (NHS Talking Therapies and MHSDS: PHQ-9 6, GAD-7 4, CORE-10 5, GBO 3 per goal, SWEMWBS
     * 3, WEMWBS 9; EPDS 4 from Matthey 2004). No RCI is computed.
     */
    FIXED_THRESHOLD(false, false);

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
