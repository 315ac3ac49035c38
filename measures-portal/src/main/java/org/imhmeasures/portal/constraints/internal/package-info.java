/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The constraint validators of {@link org.imhmeasures.portal.constraints}, instantiated by the host's
 * Hibernate Validator (or its framework's constraint validator factory). Not API: do not use.
 */
@NullMarked
package org.imhmeasures.portal.constraints.internal;

import org.jspecify.annotations.NullMarked;
