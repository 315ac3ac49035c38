/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Implementation of portal submission validation: the JSON tree reader, the binding targets read by
 * Hibernate Validator and the custom constraint validators. Not exported by the module: do not use.
 */
@NullMarked
package org.imhmeasures.portal.submission.internal;

import org.jspecify.annotations.NullMarked;
