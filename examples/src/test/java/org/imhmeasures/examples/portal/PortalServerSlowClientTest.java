/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.examples.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.imhmeasures.portal.submission.SubmissionValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Slow and short clients over raw loopback sockets: the read timeout, the whole-request deadline and the
 * bounded connection threads. The server runs with a read timeout of 1.5 s, a deadline of 2.5 s and only
 * three connection threads, so two slow clients hold two of them; bounds on elapsed time are generous
 * (the server must act within its limits plus several seconds).
 */
@Timeout(30)
class PortalServerSlowClientTest {

    private static final Duration READ_TIMEOUT = Duration.ofMillis(1_500);
    private static final Duration REQUEST_TIMEOUT = Duration.ofMillis(2_500);
    private static final long SLACK_MILLIS = 4_000;

    private PortalServer server;
    private final HttpClient client = PortalServerTest.client();
    private final ExecutorService slowClients = Executors.newFixedThreadPool(2);

    private static SubmissionValidator validator;

    @BeforeAll
    static void createValidator() throws Exception {
        validator = SubmissionValidator.create();
        validator.validate(PortalServerTest.valid()); // the first validation builds the validator's metadata
    }

    @AfterAll
    static void closeValidator() {
        validator.close();
    }

    @BeforeEach
    void start() throws Exception {
        server = new PortalServer(0, validator::validate, () -> { }, PortalOptions.defaults()
                .withReadTimeout(READ_TIMEOUT).withRequestTimeout(REQUEST_TIMEOUT).withConnectionThreads(3));
        assertEquals(201, PortalServerTest.post(client, server.port(), PortalServer.PATH, "application/json",
                PortalServerTest.valid()).statusCode());
    }

    @AfterEach
    void stop() {
        slowClients.shutdownNow();
        server.close();
    }

    private CompletableFuture<RawClient.Outcome> dribble(byte[] fast, byte[] slow, CountDownLatch started) {
        return CompletableFuture.supplyAsync(() -> {
            try (RawClient raw = new RawClient(server.port())) {
                if (fast.length > 0) {
                    raw.send(fast);
                }
                started.countDown();
                return raw.dribble(slow);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, slowClients);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void twoClientsSendingOneBytePerSecond_doNotDelayANormalRequest_andAreClosedWithinTheirLimits()
            throws Exception {
        String head = RawClient.head("POST", PortalServer.PATH, "Content-Type: application/json",
                "Content-Length: 1000");
        CountDownLatch started = new CountDownLatch(2);
        // one dribbles its headers, the other sends its headers at once and dribbles the body
        CompletableFuture<RawClient.Outcome> slowHead = dribble(new byte[0], ascii(head), started);
        CompletableFuture<RawClient.Outcome> slowBody = dribble(ascii(head), ascii("{\"format\": \"x\"".repeat(4)),
                started);
        assertTrue(started.await(5, TimeUnit.SECONDS));
        Thread.sleep(300); // both exchanges are now holding a connection thread

        long begin = System.nanoTime();
        HttpResponse<String> response = PortalServerTest.post(client, server.port(), PortalServer.PATH,
                "application/json", PortalServerTest.valid());
        long millis = (System.nanoTime() - begin) / 1_000_000;
        assertEquals(201, response.statusCode(), response.body());
        assertTrue(millis < 2_000, "a normal request must complete promptly beside slow clients: " + millis + " ms");

        RawClient.Outcome head1 = slowHead.get(20, TimeUnit.SECONDS);
        assertTrue(head1.closedWithoutResponse(), "slow headers: " + head1);
        assertTrue(head1.millis() < READ_TIMEOUT.toMillis() + SLACK_MILLIS, "slow headers closed after "
                + head1.millis() + " ms");
        RawClient.Outcome body1 = slowBody.get(20, TimeUnit.SECONDS);
        assertTrue(body1.closedWithoutResponse(), "slow body: " + body1);
        assertTrue(body1.millis() < REQUEST_TIMEOUT.toMillis() + SLACK_MILLIS, "slow body closed after "
                + body1.millis() + " ms");
    }

    @Test
    void contentLengthLargerThanTheBody_isClosedWithinTheReadTimeout() throws Exception {
        try (RawClient raw = new RawClient(server.port())) {
            raw.send(RawClient.head("POST", PortalServer.PATH, "Content-Type: application/json",
                    "Content-Length: 100") + "{\"format\":");
            RawClient.Outcome outcome = raw.read(Duration.ofMillis(READ_TIMEOUT.toMillis() + SLACK_MILLIS));
            assertTrue(outcome.closedWithoutResponse() || outcome.status() == 408, outcome.toString());
            assertTrue(outcome.closed(), "the connection must not be left open: " + outcome);
        }
        // and the server still serves
        assertEquals(201, PortalServerTest.post(client, server.port(), PortalServer.PATH, "application/json",
                PortalServerTest.valid()).statusCode());
    }

    @Test
    void connectionWithoutACompleteHead_isClosedWithinTheReadTimeout() throws Exception {
        try (RawClient raw = new RawClient(server.port())) {
            raw.send("POST /submissions HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            RawClient.Outcome outcome = raw.read(Duration.ofMillis(READ_TIMEOUT.toMillis() + SLACK_MILLIS));
            assertTrue(outcome.closedWithoutResponse(), outcome.toString());
        }
    }

    @Test
    void moreSlowClientsThanConnectionThreads_delayANormalRequestOnlyUntilTheirDeadline() throws Exception {
        String head = RawClient.head("POST", PortalServer.PATH, "Content-Type: application/json",
                "Content-Length: 1000");
        CountDownLatch started = new CountDownLatch(3);
        ExecutorService three = Executors.newFixedThreadPool(3);
        try {
            for (int i = 0; i < 3; i++) {
                CompletableFuture.runAsync(() -> {
                    try (RawClient raw = new RawClient(server.port())) {
                        raw.send(ascii(head));
                        started.countDown();
                        raw.dribble(ascii("{\"format\": \"x\""));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }, three);
            }
            assertTrue(started.await(5, TimeUnit.SECONDS));
            Thread.sleep(300);
            long begin = System.nanoTime();
            HttpResponse<String> response = PortalServerTest.post(client, server.port(), PortalServer.PATH,
                    "application/json", PortalServerTest.valid());
            long millis = (System.nanoTime() - begin) / 1_000_000;
            assertEquals(201, response.statusCode(), response.body());
            assertTrue(millis < REQUEST_TIMEOUT.toMillis() + SLACK_MILLIS, "queued behind slow clients for "
                    + millis + " ms");
        } finally {
            three.shutdownNow();
        }
    }
}
