/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.change;

import org.imhmeasures.core.internal.Check;

/**
 * Hageman &amp; Arrindell's (1999) group-level estimates for a sample: the expected proportion whose true
 * change is in the better direction, and the expected proportion whose true post score lies in the
 * functional range. With d = +1 when higher is better and Φ the standard normal distribution function:
 * z_changed = (0 − M_D) / (SD_D·√r_DD) and z_functional = (cut-off − M_post) / (SD_post·√r_post), where M_D
 * and SD_D are the mean and SD of post − pre (SD_D² = SD_pre² + SD_post² − 2ρ·SD_pre·SD_post); changed =
 * 1 − Φ(z_changed) and functional = 1 − Φ(z_functional) when higher is better, Φ(z) when lower is better.
 * Sources: Hageman &amp; Arrindell 1999, Behav Res Ther 37:1169–1193; as clinicalsignificance 3.0.0 prints
 * them ("Group Level Summary", {@code R/create_summary_table.R}).
 *
 * @param changed the expected proportion with true change in the better direction, in [0, 1]
 * @param functional the expected proportion with a true post score in the functional range, in [0, 1]
 * @since 0.1.0
 */
public record GroupSignificance(double changed, double functional) {

    /**
     * Validates.
     *
     * @param changed a proportion in [0, 1]
     * @param functional a proportion in [0, 1]
     */
    public GroupSignificance {
        Check.argument(changed >= 0 && changed <= 1, "changed proportion must lie in [0, 1]: %s", changed);
        Check.argument(functional >= 0 && functional <= 1, "functional proportion must lie in [0, 1]: %s",
                functional);
    }
}
