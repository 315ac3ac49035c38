/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.risk;

import org.imhmeasures.core.instrument.Source;
import org.imhmeasures.core.internal.Check;

/**
 * A primary reason for referral to mental health services ({@code PrimReasonReferralMH} in the Mental
 * Health Services Data Set), from the subset relevant to perinatal and parent-infant work that the
 * taxonomy ships.
 *
 * @param code the two-digit national code, e.g. {@code 21}
 * @param label the label, e.g. {@code Attachment difficulties}
 * @param source where the code was seen
 * @since 0.1.0
 */
public record ReferralReason(String code, String label, Source source) {

    /**
     * Validates.
     *
     * @param code the two-digit national code, e.g. {@code 21}
     * @param label the label, e.g. {@code Attachment difficulties}
     * @param source where the code was seen
     */
    public ReferralReason {
        code = Check.notBlank(code, "referral reason code");
        Check.argument(code.matches("\\d{2}"), "referral reason code must be two digits: %s", code);
        label = Check.notBlank(label, "referral reason label");
        Check.notNull(source, "referral reason source");
    }
}
