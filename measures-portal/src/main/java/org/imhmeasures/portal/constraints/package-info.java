/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Jakarta Validation constraints for a record system's own types: put them on the fields of your DTOs
 * and validate with your own Hibernate Validator, with no configuration.
 *
 * <ul>
 *   <li>{@link org.imhmeasures.portal.constraints.ValidNhsNumber}: a ten-digit NHS number with a valid
 *       Modulus 11 check digit, on {@code String} or {@link org.imhmeasures.core.care.NhsNumber};</li>
 *   <li>{@link org.imhmeasures.portal.constraints.ValidPseudonym}: a pseudonymised id that is not an NHS
 *       number;</li>
 *   <li>{@link org.imhmeasures.portal.constraints.KnownInstrument}: an instrument id of the catalogue;</li>
 *   <li>{@link org.imhmeasures.portal.constraints.KnownCode}: a code of a named code list (NHS ethnic
 *       category, source of referral, ...).</li>
 * </ul>
 *
 * <p>Each constraint accepts {@code null} (add {@code @NotNull} where the value is required), works on
 * Jakarta Validation 3.0 (Hibernate Validator 8.0, Spring Boot 3.5) and 3.1 (Hibernate Validator 9, Spring
 * Boot 4), and finds its message in the {@code ContributorValidationMessages.properties} at the root of the
 * measures-portal jar, which Hibernate Validator's default message interpolators read. A host overrides a
 * message with the key (e.g. {@code org.imhmeasures.portal.constraints.ValidNhsNumber.message}) in its own
 * {@code ValidationMessages.properties}. Messages never contain the validated value.
 *
 * @since 0.1.0
 */
@NullMarked
package org.imhmeasures.portal.constraints;

import org.jspecify.annotations.NullMarked;
