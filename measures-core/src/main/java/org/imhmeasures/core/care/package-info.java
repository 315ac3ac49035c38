/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The care model of parent-infant work: the {@link org.imhmeasures.core.care.Infant} (date of birth or
 * expected date) and {@link org.imhmeasures.core.care.Caregiver}s forming a dyad or triad, the
 * {@link org.imhmeasures.core.care.Referral} with NHS source-of-referral and ethnic-category codes,
 * the {@link org.imhmeasures.core.care.EligibilityPolicy} (conception to the second birthday by default),
 * {@link org.imhmeasures.core.care.First1001Days} and {@link org.imhmeasures.core.care.AgeBand} helpers,
 * and the {@link org.imhmeasures.core.care.Episode} with its interventions and discharge reason.
 *
 * <p>Identifiers are pseudonymised ({@link org.imhmeasures.core.care.PseudonymousId}); an
 * {@link org.imhmeasures.core.care.NhsNumber} is validated (Modulus 11) and never printed. Dates and
 * ages are redacted from {@code toString()}.
 *
 * @since 0.1.0
 */
@NullMarked
package org.imhmeasures.core.care;

import org.jspecify.annotations.NullMarked;
