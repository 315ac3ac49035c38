/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.competency;

import java.util.Optional;
import org.imhmeasures.core.internal.Check;

/**
 * A practitioner's self-assessment against one competency, or a whole domain where the framework
 * lists no competencies for it, at one level: working towards or achieved, with evidence.
 *
 * <p>{@link #toString()} shows the length of the evidence only: evidence can describe casework.
 *
 * @param targetId a competency id ({@code 1.01}) or a domain id ({@code 2})
 * @param levelId the level id ({@code level_2})
 * @param status working towards or achieved
 * @param evidence the evidence recorded, if any
 * @since 0.1.0
 */
public record SelfAssessment(String targetId, String levelId, Status status, Optional<String> evidence) {

    /** The self-assessment grid's columns (AIMH UK IMHCF assessment grid). */
    public enum Status {
        /** Working towards the competency. */
        WORKING_TOWARDS,
        /** Competency achieved. */
        ACHIEVED
    }

    /**
     * Validates.
     *
     * @param targetId a competency id ({@code 1.01}) or a domain id ({@code 2})
     * @param levelId the level id ({@code level_2})
     * @param status working towards or achieved
     * @param evidence the evidence recorded, if any
     */
    public SelfAssessment {
        targetId = Check.notBlank(targetId, "assessment target");
        levelId = Check.notBlank(levelId, "assessment level");
        Check.notNull(status, "assessment status");
        evidence = Check.notNull(evidence, "evidence").map(String::strip).filter(e -> !e.isEmpty());
    }

    /**
     * An assessment without evidence.
     *
     * @param targetId competency or domain id
     * @param levelId level id
     * @param status status
     * @return the assessment
     */
    public static SelfAssessment of(String targetId, String levelId, Status status) {
        return new SelfAssessment(targetId, levelId, status, Optional.empty());
    }

    /** Redacted evidence. */
    @Override
    public String toString() {
        return "SelfAssessment[" + targetId + " at " + levelId + ": " + status + evidence.map(e -> ", evidence="
                + e.length() + " chars").orElse("") + "]";
    }
}
