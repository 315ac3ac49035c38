/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.examples.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.imhmeasures.portal.submission.SubmissionValidator;
import org.junit.jupiter.api.Test;

/** The documented defaults, copies that change one limit, and the ranges. */
class PortalOptionsTest {

    @Test
    void defaults_areTheDocumentedOnes() {
        PortalOptions o = PortalOptions.defaults();
        assertEquals(Duration.ofSeconds(5), o.readTimeout());
        assertEquals(Duration.ofSeconds(10), o.requestTimeout());
        assertEquals(SubmissionValidator.MAX_BYTES, o.maxBodyBytes());
        assertEquals(100, o.maxViolations());
        assertEquals(16, o.connectionThreads());
        assertEquals(64, o.connectionQueue());
        assertEquals(2, o.workerThreads());
        assertEquals(32, o.workQueue());
    }

    @Test
    void with_changesOneLimitAndLeavesTheOriginal() {
        PortalOptions changed = PortalOptions.defaults().withReadTimeout(Duration.ofSeconds(1)).withWorkQueue(3);
        assertEquals(Duration.ofSeconds(1), changed.readTimeout());
        assertEquals(3, changed.workQueue());
        assertEquals(Duration.ofSeconds(10), changed.requestTimeout());
        assertEquals(Duration.ofSeconds(5), PortalOptions.defaults().readTimeout());
        assertNotEquals(PortalOptions.defaults(), changed);
        assertEquals(PortalOptions.defaults().withWorkQueue(3).withReadTimeout(Duration.ofSeconds(1)), changed);
        assertEquals(changed.hashCode(), PortalOptions.defaults().withWorkQueue(3)
                .withReadTimeout(Duration.ofSeconds(1)).hashCode());
    }

    @Test
    void outOfRange_isRefusedWithTheRule() {
        PortalOptions d = PortalOptions.defaults();
        assertEquals("body limit must be within 1..1048576: 1048577", assertThrows(IllegalArgumentException.class,
                () -> d.withMaxBodyBytes(SubmissionValidator.MAX_BYTES + 1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> d.withReadTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> d.withRequestTimeout(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> d.withRequestTimeout(Duration.ofHours(2)));
        assertThrows(NullPointerException.class, () -> d.withReadTimeout(null));
        assertThrows(IllegalArgumentException.class, () -> d.withMaxViolations(0));
        assertThrows(IllegalArgumentException.class, () -> d.withConnectionThreads(0));
        assertThrows(IllegalArgumentException.class, () -> d.withConnectionQueue(0));
        assertThrows(IllegalArgumentException.class, () -> d.withWorkerThreads(0));
        assertThrows(IllegalArgumentException.class, () -> d.withWorkQueue(0));
    }
}
