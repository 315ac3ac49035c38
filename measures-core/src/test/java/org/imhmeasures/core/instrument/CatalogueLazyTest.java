/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The built-in catalogue reads a definition only when it is asked for, once, from any thread. */
class CatalogueLazyTest {

    @Test
    void ids_listEveryBuiltInInOrder_readingNone() {
        Catalogue catalogue = Catalogue.builtInUnread();
        assertEquals(List.copyOf(Catalogue.BUILT_IN_INDEX.keySet()), catalogue.ids());
        assertEquals("Catalogue" + catalogue.ids(), catalogue.toString());
        assertEquals(List.of(), catalogue.readIds());
    }

    @Test
    void get_readsOnlyTheInstrumentAskedFor() {
        Catalogue catalogue = Catalogue.builtInUnread();
        assertEquals("PHQ-9", catalogue.get("PHQ-9").id());
        assertEquals(List.of("PHQ-9"), catalogue.readIds());
        assertEquals("EPDS", catalogue.find("EPDS").orElseThrow().id());
        assertEquals(List.of("PHQ-9", "EPDS"), catalogue.readIds());
    }

    @Test
    void get_unknownId_failsListingEveryIdWithoutReadingAny() {
        Catalogue catalogue = Catalogue.builtInUnread();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> catalogue.get("PHQ9"));
        assertEquals("instrument must be one of " + catalogue.ids() + ": PHQ9", e.getMessage());
        assertTrue(catalogue.find("PHQ9").isEmpty());
        assertEquals(List.of(), catalogue.readIds());
    }

    @Test
    void instruments_readsEveryDefinitionAndMatchesTheIndex() {
        Catalogue catalogue = Catalogue.builtInUnread();
        List<String> ids = new ArrayList<>();
        catalogue.instruments().forEach(i -> ids.add(i.id()));
        assertEquals(catalogue.ids(), ids);
        assertEquals(catalogue.ids(), catalogue.readIds());
    }

    @Test
    void with_keepsUnreadEntriesUnread_andSharesThem() {
        Catalogue catalogue = Catalogue.builtInUnread();
        Instrument phq9 = Catalogue.builtIn().get("PHQ-9");
        Catalogue extended = catalogue.with(phq9);
        assertEquals(List.of("PHQ-9"), extended.readIds());
        assertSame(extended.get("GAD-7"), catalogue.get("GAD-7"));
        assertEquals(List.of("GAD-7"), catalogue.readIds());
    }

    @Test
    void get_fromManyThreadsAtOnce_readsOneInstance() throws Exception {
        Catalogue catalogue = Catalogue.builtInUnread();
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Instrument>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return catalogue.get("CORE-10");
                }));
            }
            start.countDown();
            Instrument first = results.get(0).get();
            for (Future<Instrument> result : results) {
                assertSame(first, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
