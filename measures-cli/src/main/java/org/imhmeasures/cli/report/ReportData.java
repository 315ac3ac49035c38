/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli.report;

import java.util.List;
import java.util.Optional;
import org.imhmeasures.portal.profile.ReferralProfile;
import org.imhmeasures.scoring.cohort.Suppression;

/**
 * Everything one report shows.
 *
 * @param title the report's title
 * @param measures one section per measure, in report order
 * @param profile the referral profile, when submissions were given
 * @param settings the run's settings for the provenance footer (pairing, grouping, parameters given)
 * @param suppression small-number suppression for publication
 */
public record ReportData(String title, List<MeasureData> measures, Optional<Profile> profile, List<Setting> settings,
        Suppression suppression) {

    /**
     * Copies.
     *
     * @param title the report's title
     * @param measures one section per measure
     * @param profile the referral profile
     * @param settings the run's settings
     * @param suppression small-number suppression
     */
    public ReportData {
        measures = List.copyOf(measures);
        settings = List.copyOf(settings);
    }

    /**
     * The referral profile of the submissions given.
     *
     * @param profile the pooled and per-team profile of the accepted submissions
     * @param submissions submissions read
     * @param rejected submissions rejected by validation
     */
    public record Profile(ReferralProfile profile, int submissions, int rejected) {
    }

    /**
     * One setting of the run, e.g. {@code --post} = {@code last}.
     *
     * @param name the option or parameter
     * @param value its value
     * @param source where it came from, e.g. {@code given}, {@code default}
     */
    public record Setting(String name, String value, String source) {
    }
}
