/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.examples.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The backend started on a random port and driven over real HTTP, as a portal front end would: scores in the
 * library's JSON form, refusals as problem details, never a submitted value in a response.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
        "imh-measures.definitions=classpath:measures/*.json")
class PortalBackendHttpTest {

    private static final String PLANTED = "Jane Planted";
    private static final String PHQ9 = "{\"instrument\":\"PHQ-9\",\"answers\":{\"phq9_1\":\"2\",\"phq9_2\":\"2\","
            + "\"phq9_3\":\"1\",\"phq9_4\":\"3\",\"phq9_5\":\"1\",\"phq9_6\":\"2\",\"phq9_7\":\"1\",\"phq9_8\":\"0\","
            + "\"phq9_9\":\"%s\"}}";

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    private int port;

    private HttpResponse<String> send(String method, String path, String body) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header(
                "Accept", "application/json, application/problem+json");
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(
                    body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void instruments_listsTheBuiltInAndTheServicesOwn() throws Exception {
        HttpResponse<String> response = send("GET", "/instruments", null);
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("\"id\":\"PHQ-9\"") && response.body().contains("\"id\":\"TEAM-CHECK\""),
                response.body());
    }

    @Test
    void score_returnsTheScoredResultAsJson_withTheAlert() throws Exception {
        HttpResponse<String> response = send("POST", "/score", PHQ9.formatted("1"));
        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = json.readTree(response.body());
        assertEquals("imh-measures/result@1", body.get("format").asString());
        assertEquals("scored", body.get("status").asString());
        assertEquals(13, body.get("total").asInt());
        assertEquals("in_band", body.get("bandStatus").asString());
        assertEquals("moderate", body.at("/band/label").asString());
        assertEquals("phq9_9", body.at("/criticalAlerts/0/itemId").asString());
    }

    @Test
    void score_notScorable_isA422Problem_keepingTheCriticalItem_withoutTheValue() throws Exception {
        HttpResponse<String> response = send("POST", "/score", PHQ9.formatted(PLANTED));
        assertEquals(422, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonNode body = json.readTree(response.body());
        assertEquals("urn:imh-measures:problem:not-scorable", body.get("type").asString());
        assertEquals("code_not_allowed", body.at("/problems/0/code").asString());
        assertEquals("phq9_9", body.at("/problems/0/item").asString());
        assertEquals("0..3", body.at("/problems/0/allowed").asString());
        assertEquals("phq9_9", body.at("/criticalUnanswered/0/itemId").asString());
        assertFalse(response.body().contains("Planted"), response.body());
    }

    @Test
    void score_unknownInstrument_isA422_withTheConstraintsReadableMessage() throws Exception {
        HttpResponse<String> response = send("POST", "/score", "{\"instrument\":\"" + PLANTED + "\",\"answers\":{}}");
        assertEquals(422, response.statusCode(), response.body());
        JsonNode body = json.readTree(response.body());
        assertEquals("instrument", body.at("/violations/0/path").asString());
        assertEquals("instrument must be one of the catalogue's instrument ids: unknown", body.at(
                "/violations/0/message").asString());
        assertFalse(response.body().contains("Planted") || response.body().contains("{org."), response.body());
    }

    @Test
    void score_theServicesOwnInstrument() throws Exception {
        HttpResponse<String> response = send("POST", "/score",
                "{\"instrument\":\"TEAM-CHECK\",\"answers\":{\"teamcheck_1\":\"2\",\"teamcheck_2\":\"2\"}}");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(4, json.readTree(response.body()).get("total").asInt());
    }

    @Test
    void submissions_validIs201_withScores() throws Exception {
        HttpResponse<String> response = send("POST", "/submissions", fixture());
        assertEquals(201, response.statusCode(), response.body());
        JsonNode body = json.readTree(response.body());
        assertEquals("accepted", body.get("status").asString());
        assertTrue(body.get("scores").size() > 0);
        assertEquals("imh-measures/result@1", body.at("/scores/0/format").asString(), response.body());
        assertTrue(body.at("/scores/0/status").asString().matches("scored|not_scorable"), response.body());
    }

    @Test
    void submissions_invalidIs422_locatedAndRedacted() throws Exception {
        String planted = fixture().replace("943 476 5919", "943 476 5918").replace("\"INF-0042\"", "\"" + PLANTED
                + "\"");
        HttpResponse<String> response = send("POST", "/submissions", planted);
        assertEquals(422, response.statusCode(), response.body());
        JsonNode body = json.readTree(response.body());
        assertEquals("urn:imh-measures:problem:submission-rejected", body.get("type").asString());
        assertTrue(response.body().contains("\"path\":\"infant.nhsNumber\",\"code\":\"nhs_number\""), response.body());
        assertTrue(response.body().contains("\"path\":\"infant.id\",\"code\":\"pseudonym\""), response.body());
        assertFalse(response.body().contains("Planted") || response.body().contains("5918"), response.body());
    }

    private static String fixture() throws IOException {
        try (InputStream in = PortalBackendHttpTest.class.getResourceAsStream("/valid-submission.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
