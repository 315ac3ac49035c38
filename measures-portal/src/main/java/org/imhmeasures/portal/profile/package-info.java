/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Pooled referral profiles, the statistics a parent-infant portal reports: percentages of young
 * parents and single-parent households, ethnic category, top risk factors, sources of referral and
 * infant age bands, per team and pooled ({@link org.imhmeasures.portal.profile.ReferralProfile}).
 *
 * @since 0.1.0
 */
@NullMarked
package org.imhmeasures.portal.profile;

import org.jspecify.annotations.NullMarked;
