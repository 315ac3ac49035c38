/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.examples.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.imhmeasures.portal.submission.SubmissionResult;
import org.imhmeasures.portal.submission.SubmissionValidator;
import org.imhmeasures.portal.submission.Violation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Failures and overload, with the check injected through the package-private constructor: a failing check
 * answers 500 without its text; a full work queue and a missed deadline answer 503 with
 * {@code Retry-After}; the violation list is capped; the body limit holds for chunked bodies too.
 */
@Timeout(30)
class PortalServerFailureTest {

    private static final String SECRET = "Jane Smith 9434765919";

    private final HttpClient client = PortalServerTest.client();
    private final SubmissionValidator validator = SubmissionValidator.create();
    private final List<PortalServer> servers = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        servers.forEach(PortalServer::close);
        validator.close();
    }

    private PortalServer start(PortalServer.Check check, PortalOptions options) throws Exception {
        PortalServer server = new PortalServer(0, check, () -> { }, options);
        servers.add(server);
        return server;
    }

    private HttpResponse<String> post(PortalServer server, String body) throws Exception {
        return PortalServerTest.post(client, server.port(), PortalServer.PATH, "application/json", body);
    }

    private CompletableFuture<HttpResponse<String>> postAsync(PortalServer server) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.port()
                + PortalServer.PATH)).timeout(Duration.ofSeconds(15)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(PortalServerTest.valid())).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private void awaitRelease() {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void failingCheck_answers500WithoutTheExceptionText() throws Exception {
        PortalServer server = start(body -> {
            throw new IllegalStateException(SECRET);
        }, PortalOptions.defaults());
        HttpResponse<String> response = post(server, PortalServerTest.valid());
        assertEquals(500, response.statusCode());
        JsonNode body = PortalServerTest.JSON.readTree(response.body());
        assertEquals("error", body.get("status").asText());
        assertEquals("request must be processable: internal error", body.get("message").asText());
        assertFalse(response.body().contains("Jane"), response.body());
        assertFalse(response.body().contains("IllegalState"), response.body());
        // the server carries on
        assertEquals(500, post(server, "{}").statusCode());
    }

    @Test
    void checkThrowingAnError_answers500() throws Exception {
        PortalServer server = start(body -> {
            throw new StackOverflowError(SECRET);
        }, PortalOptions.defaults());
        HttpResponse<String> response = post(server, PortalServerTest.valid());
        assertEquals(500, response.statusCode());
        assertFalse(response.body().contains("Jane"), response.body());
    }

    @Test
    void fullWorkQueue_answers503WithRetryAfter_andQueuedWorkStillCompletes() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        PortalServer server = start(body -> {
            entered.countDown();
            awaitRelease();
            return validator.validate(body);
        }, PortalOptions.defaults().withWorkerThreads(1).withWorkQueue(1));
        CompletableFuture<HttpResponse<String>> running = postAsync(server);
        assertTrue(entered.await(5, TimeUnit.SECONDS), "the first request must reach the worker");
        CompletableFuture<HttpResponse<String>> queued = postAsync(server);
        for (int i = 0; i < 500 && server.queuedWork() < 1; i++) {
            Thread.sleep(10);
        }
        assertEquals(1, server.queuedWork(), "the second request must wait in the queue");

        HttpResponse<String> refused = post(server, PortalServerTest.valid());
        assertEquals(503, refused.statusCode(), refused.body());
        assertEquals("1", refused.headers().firstValue("Retry-After").orElse(""));
        assertEquals("error", PortalServerTest.JSON.readTree(refused.body()).get("status").asText());

        release.countDown();
        assertEquals(201, running.get(10, TimeUnit.SECONDS).statusCode());
        assertEquals(201, queued.get(10, TimeUnit.SECONDS).statusCode());
    }

    @Test
    void processingPastTheDeadline_answers503WithRetryAfter() throws Exception {
        PortalServer server = start(body -> {
            awaitRelease();
            return validator.validate(body);
        }, PortalOptions.defaults().withRequestTimeout(Duration.ofSeconds(1)));
        long begin = System.nanoTime();
        HttpResponse<String> response = post(server, PortalServerTest.valid());
        long millis = (System.nanoTime() - begin) / 1_000_000;
        assertEquals(503, response.statusCode(), response.body());
        assertEquals("1", response.headers().firstValue("Retry-After").orElse(""));
        assertTrue(millis < 6_000, millis + " ms");
    }

    @Test
    void manyViolations_areCappedWithTheTotalCount() throws Exception {
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            violations.add(new Violation("administrations[" + i + "].answers", "code_not_allowed",
                    "answer must be allowed"));
        }
        PortalServer server = start(body -> new SubmissionResult.Rejected(violations), PortalOptions.defaults());
        HttpResponse<String> response = post(server, PortalServerTest.valid());
        assertEquals(422, response.statusCode());
        JsonNode body = PortalServerTest.JSON.readTree(response.body());
        assertEquals(100, body.get("violations").size());
        assertEquals(150, body.get("total").asInt());
        assertTrue(body.get("truncated").asBoolean());
        assertEquals("administrations[99].answers", body.at("/violations/99/path").asText());
    }

    @Test
    void configuredViolationCap_cutsARealRejection() throws Exception {
        PortalServer server = start(validator::validate, PortalOptions.defaults().withMaxViolations(1));
        HttpResponse<String> response = post(server, PortalServerTest.invalid());
        assertEquals(422, response.statusCode());
        JsonNode body = PortalServerTest.JSON.readTree(response.body());
        assertEquals(1, body.get("violations").size());
        assertEquals(2, body.get("total").asInt());
        assertTrue(body.get("truncated").asBoolean());
    }

    @Test
    void bodyAtTheLimit_isRead_andOneByteOver_is413() throws Exception {
        String valid = PortalServerTest.valid();
        int size = valid.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        PortalServer exact = start(validator::validate, PortalOptions.defaults().withMaxBodyBytes(size));
        assertEquals(201, post(exact, valid).statusCode());
        PortalServer under = start(validator::validate, PortalOptions.defaults().withMaxBodyBytes(size - 1));
        HttpResponse<String> response = post(under, valid);
        assertEquals(413, response.statusCode(), response.body());
        assertEquals("error", PortalServerTest.JSON.readTree(response.body()).get("status").asText());
    }

    @Test
    void chunkedBodyOverTheLimit_is413() throws Exception {
        PortalServer server = start(validator::validate, PortalOptions.defaults().withMaxBodyBytes(1024));
        try (RawClient raw = new RawClient(server.port())) {
            String chunk = "x".repeat(2048);
            raw.send(RawClient.head("POST", PortalServer.PATH, "Content-Type: application/json",
                    "Transfer-Encoding: chunked") + Integer.toHexString(chunk.length()) + "\r\n" + chunk
                    + "\r\n0\r\n\r\n");
            RawClient.Outcome outcome = raw.read(Duration.ofSeconds(5));
            assertEquals(413, outcome.status(), outcome.head());
            assertEquals("close", outcome.header("Connection"));
        }
    }
}
