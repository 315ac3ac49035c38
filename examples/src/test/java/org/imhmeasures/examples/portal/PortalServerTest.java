/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.examples.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.imhmeasures.portal.submission.SubmissionValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * End to end over loopback with the default limits: an ephemeral port on 127.0.0.1, bounded timeouts,
 * stopped after the tests. Slow clients: {@link PortalServerSlowClientTest}; failures and overload:
 * {@link PortalServerFailureTest}.
 */
@Timeout(30)
class PortalServerTest {

    private static PortalServer server;
    private static HttpClient client;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws IOException {
        server = PortalServer.start(0, SubmissionValidator.create());
        client = client();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    static String valid() throws IOException {
        try (InputStream in = PortalServerTest.class.getResourceAsStream("valid-submission.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String invalid() throws IOException {
        return valid().replace("943 476 5919", "943 476 5918").replace("\"A2\"", "\"ZZ\"");
    }

    static HttpResponse<String> post(HttpClient client, int port, String path, String contentType, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return post(client, server.port(), path, "application/json", body);
    }

    @Test
    void post_validSubmission_is201WithScores() throws Exception {
        HttpResponse<String> response = post(PortalServer.PATH, valid());
        assertEquals(201, response.statusCode(), response.body());
        JsonNode body = JSON.readTree(response.body());
        assertEquals("accepted", body.get("status").asText());
        assertEquals(2, body.get("scores").size());
        assertEquals("PHQ-9", body.at("/scores/0/instrument").asText());
        assertEquals("scored", body.at("/scores/0/result").asText());
        assertEquals(12, body.at("/scores/0/total").asInt());
        assertEquals("baseline", body.at("/scores/0/timepoint").asText());
        assertFalse(response.body().contains("9434765919"));
    }

    @Test
    void post_invalidSubmission_is422WithEveryViolationAndTheCount() throws Exception {
        HttpResponse<String> response = post(PortalServer.PATH, invalid());
        assertEquals(422, response.statusCode(), response.body());
        JsonNode body = JSON.readTree(response.body());
        JsonNode violations = body.get("violations");
        assertEquals(2, violations.size(), response.body());
        assertEquals(2, body.get("total").asInt());
        assertFalse(body.get("truncated").asBoolean());
        assertEquals("infant.nhsNumber", violations.get(0).get("path").asText());
        assertEquals("nhs_number", violations.get(0).get("code").asText());
        assertEquals("referral.source", violations.get(1).get("path").asText());
        assertFalse(response.body().contains("5918"));
    }

    @Test
    void post_malformedJson_is422InTheSameFormat() throws Exception {
        HttpResponse<String> response = post(PortalServer.PATH, "{\"team\": Jane");
        assertEquals(422, response.statusCode());
        JsonNode body = JSON.readTree(response.body());
        assertEquals("json.malformed", body.at("/violations/0/code").asText());
        assertFalse(response.body().contains("Jane"));
    }

    @Test
    void otherPathOrMethod_is404Or405() throws Exception {
        assertEquals(404, post("/elsewhere", "{}").statusCode());
        HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + PortalServer.PATH))
                .timeout(Duration.ofSeconds(10)).GET().build();
        HttpResponse<String> response = client.send(get, HttpResponse.BodyHandlers.ofString());
        assertEquals(405, response.statusCode());
        assertTrue(response.headers().firstValue("Allow").orElse("").contains("POST"));
    }

    @Test
    void head_is405WithoutABody() throws Exception {
        try (RawClient raw = new RawClient(server.port())) {
            raw.send(RawClient.head("HEAD", PortalServer.PATH));
            RawClient.Outcome outcome = raw.read(Duration.ofSeconds(5));
            assertEquals(405, outcome.status(), outcome.head());
            assertEquals("", outcome.body());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "Application/JSON;charset=\"UTF-8\"",
        "application/json; charset=UTF-8; profile=x"})
    void post_jsonContentType_isAccepted(String contentType) throws Exception {
        HttpResponse<String> response = post(client, server.port(), PortalServer.PATH, contentType, valid());
        assertEquals(201, response.statusCode(), response.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/fhir+json",
        "application/json; charset=iso-8859-1", "application/jsonx", "application/json; charset", ""})
    void post_otherContentType_is415(String contentType) throws Exception {
        HttpResponse<String> response = post(client, server.port(), PortalServer.PATH, contentType, valid());
        assertEquals(415, response.statusCode(), response.body());
        assertEquals("error", JSON.readTree(response.body()).get("status").asText());
        assertEquals("application/json", response.headers().firstValue("Accept-Post").orElse(""));
    }

    @Test
    void post_noContentType_is415() throws Exception {
        HttpResponse<String> response = post(client, server.port(), PortalServer.PATH, null, valid());
        assertEquals(415, response.statusCode(), response.body());
    }

    @Test
    void post_declaredLengthOverTheLimit_is413WithoutReadingTheBody() throws Exception {
        try (RawClient raw = new RawClient(server.port())) {
            raw.send(RawClient.head("POST", PortalServer.PATH, "Content-Type: application/json",
                    "Content-Length: " + (SubmissionValidator.MAX_BYTES + 1)));
            RawClient.Outcome outcome = raw.read(Duration.ofSeconds(5));
            assertEquals(413, outcome.status(), outcome.head());
            assertEquals("close", outcome.header("Connection"));
            assertTrue(outcome.body().contains("at most " + SubmissionValidator.MAX_BYTES + " bytes"), outcome.body());
        }
    }

    @Test
    void isJson_acceptsJsonWithUtf8OrNoCharsetOnly() {
        assertTrue(PortalServer.isJson("application/json"));
        assertTrue(PortalServer.isJson(" application/json ; charset = utf-8 "));
        assertFalse(PortalServer.isJson("application/json; charset=\"\""));
        assertFalse(PortalServer.isJson("application/json; =utf-8"));
        assertFalse(PortalServer.isJson("application/json, text/plain"));
        assertFalse(PortalServer.isJson("application/*"));
    }
}
