/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.competency;

import java.math.BigDecimal;
import java.util.List;
import org.imhmeasures.core.care.PseudonymousId;
import org.imhmeasures.core.internal.Check;

/**
 * A member of a parent-infant team: profession, whole-time equivalent, experience with children under
 * two, and self-assessments.
 *
 * @param id pseudonymised id
 * @param profession profession or role
 * @param wte whole-time equivalent, above 0 and at most 1 (scale normalised: 0.50 equals 0.5)
 * @param yearsWithUnderTwos years of experience working with children under two in a mental health
 *        context, 0 to 60
 * @param assessments self-assessments
 * @since 0.1.0
 */
public record Practitioner(PseudonymousId id, Profession profession, BigDecimal wte, BigDecimal yearsWithUnderTwos,
        List<SelfAssessment> assessments) {

    /**
     * Validates and normalises.
     *
     * @param id pseudonymised id
     * @param profession profession or role
     * @param wte whole-time equivalent, above 0 and at most 1 (scale normalised: 0.50 equals 0.5)
     * @param yearsWithUnderTwos years of experience working with children under two in a mental health
     *     context, 0 to 60
     * @param assessments self-assessments
     */
    public Practitioner {
        Check.notNull(id, "practitioner id");
        Check.notNull(profession, "profession");
        Check.notNull(wte, "wte");
        Check.argument(wte.signum() > 0 && wte.compareTo(BigDecimal.ONE) <= 0, "wte must be above 0 and at most 1: %s",
                Check.show(wte));
        wte = wte.stripTrailingZeros();
        Check.notNull(yearsWithUnderTwos, "years with under twos");
        Check.argument(yearsWithUnderTwos.signum() >= 0 && yearsWithUnderTwos.compareTo(BigDecimal.valueOf(60)) <= 0,
                "years with under twos must be 0 to 60: %s", Check.show(yearsWithUnderTwos));
        yearsWithUnderTwos = yearsWithUnderTwos.stripTrailingZeros();
        assessments = List.copyOf(Check.notNull(assessments, "assessments"));
    }

    /**
     * A practitioner without self-assessments.
     *
     * @param id pseudonymised id
     * @param profession profession
     * @param wte whole-time equivalent, e.g. {@code "0.6"}
     * @param years years with under-twos, e.g. {@code "2.5"}
     * @return the practitioner
     * @throws IllegalArgumentException when a number is not a plain ASCII decimal ({@code -?[0-9]+(\\.[0-9]+)?},
     *         at most 32 characters) or is out of range
     */
    public static Practitioner of(String id, Profession profession, String wte, String years) {
        Check.argument(Check.plainDecimal(wte, 32), "wte must be a plain decimal such as 0.6: not one");
        Check.argument(Check.plainDecimal(years, 32), "years with under twos must be a plain decimal such as 2.5: "
                + "not one");
        return new Practitioner(PseudonymousId.of(id), profession, new BigDecimal(wte), new BigDecimal(years),
                List.of());
    }

    /**
     * A copy with these self-assessments.
     *
     * @param assessments the assessments
     * @return the practitioner
     */
    public Practitioner withAssessments(List<SelfAssessment> assessments) {
        return new Practitioner(id, profession, wte, yearsWithUnderTwos, assessments);
    }
}
