/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * A portal-backend example: {@link org.imhmeasures.examples.portal.PortalServer} accepts a submission
 * over HTTP with the JDK's {@code HttpServer} and answers 201 with scores or 422 with its violations,
 * within the limits of {@link org.imhmeasures.examples.portal.PortalOptions} (read timeout, whole-request
 * deadline, body size, content type, violations per response, bounded connection and worker pools).
 */
@NullMarked
package org.imhmeasures.examples.portal;

import org.jspecify.annotations.NullMarked;
