/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Validation of portal submissions: one referral with its episode and administrations as a JSON
 * document (format {@code imh-measures/submission@1}), checked by
 * {@link org.imhmeasures.portal.submission.SubmissionValidator} with Jakarta Validation (Hibernate
 * Validator) and scored. A validator is built with
 * {@link org.imhmeasures.portal.submission.SubmissionValidator#builder()} from a catalogue, a risk taxonomy,
 * an eligibility policy, messages and {@link org.imhmeasures.portal.submission.SubmissionLimits} (the
 * built-in ones by default), is thread-safe, and is closed when done.
 *
 * <p>The result is {@link org.imhmeasures.portal.submission.SubmissionResult.Accepted} with the typed
 * {@link org.imhmeasures.portal.submission.Submission} and scores, or
 * {@link org.imhmeasures.portal.submission.SubmissionResult.Rejected} with every
 * {@link org.imhmeasures.portal.submission.Violation} (JSON path, stable code, message without
 * identifiers). Stable codes: {@code json.too_large}, {@code json.limits}, {@code json.malformed},
 * {@code json.empty}, {@code field.unknown}, {@code type.string}, {@code type.integer},
 * {@code type.object}, {@code type.array}, {@code type.date}, {@code type.answer}, {@code required},
 * {@code format}, {@code pseudonym}, {@code nhs_number}, {@code code.unknown}, {@code caregivers.size},
 * {@code caregivers.distinct}, {@code list.size}, {@code parent_age.range}, {@code intervention.id},
 * {@code sessions.range}, {@code sessions.add_up}, {@code infant.one_date},
 * {@code episode.discharge_incomplete}, {@code administrations.duplicate_timepoint},
 * {@code answers.instrument_unknown}, {@code answers.unknown_item}, {@code answers.duplicate_item},
 * {@code answers.code_not_allowed},
 * {@code dates.start_before_referral}, {@code dates.end_before_start},
 * {@code dates.administration_before_referral}, {@code dates.administration_before_start},
 * {@code dates.administration_after_end}, {@code eligibility.before_conception},
 * {@code eligibility.expected_date_passed}, {@code eligibility.above_upper_age}.
 *
 * @since 0.1.0
 */
@NullMarked
package org.imhmeasures.portal.submission;

import org.jspecify.annotations.NullMarked;
