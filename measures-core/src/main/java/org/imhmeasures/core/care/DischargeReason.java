/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.care;

/**
 * Why an episode ended. This is the library's own list for parent-infant work (no national list for
 * parent-infant teams was confirmed); map it to MHSDS referral closure reasons where you report them.
 *
 * @since 0.1.0
 */
public enum DischargeReason {
    /** The planned work was completed. */
    WORK_COMPLETED,
    /** The family chose to end the work. */
    FAMILY_WITHDREW,
    /** The family stopped attending and could not be re-engaged. */
    DISENGAGED,
    /** Referred on or transferred to another service. */
    TRANSFERRED,
    /** The family moved out of the area. */
    MOVED_AWAY,
    /** The infant reached the service's upper age limit. */
    AGE_LIMIT_REACHED,
    /** Any other reason. */
    OTHER
}
