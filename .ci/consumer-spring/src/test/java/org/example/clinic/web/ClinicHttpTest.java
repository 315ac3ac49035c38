/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.example.clinic.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * The application on a random port, driven over HTTP as the record system's front end would: an EPDS stored as
 * item scores keeps its item-10 alert, a {@code Scored} comes back as JSON, and a LOINC-coded PHQ-9 response
 * from a form renderer becomes an Observation in one call.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClinicHttpTest {

    /** EPDS item scores as a record system stores them: 1 on items 1-9, 3 (most severe) on item 10. */
    private static final String EPDS = "{\"instrument\":\"EPDS\",\"answerKind\":\"%s\",\"answers\":{"
            + "\"epds_1\":1,\"epds_2\":1,\"epds_3\":1,\"epds_4\":1,\"epds_5\":1,\"epds_6\":1,\"epds_7\":1,"
            + "\"epds_8\":1,\"epds_9\":1,\"epds_10\":3}}";

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    private int port;

    private HttpResponse<String> post(String path, String contentType, byte[] body) throws IOException,
            InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", contentType).header("Accept", "application/json, application/fhir+json, "
                        + "application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void epdsStoredScores_scoredWithTheItem10Alert_returnedAsJson() throws Exception {
        HttpResponse<String> response = post("/scores", "application/json",
                EPDS.formatted("scores").getBytes(StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = json.readTree(response.body());
        assertEquals("imh-measures/result@1", body.get("format").asString());
        assertEquals("scored", body.get("status").asString());
        assertEquals(12, body.get("total").asInt(), "1 x 9 + 3");
        assertEquals("epds_10", body.at("/criticalAlerts/0/itemId").asString());
        assertEquals(3, body.at("/itemScores/epds_10").asInt());
    }

    @Test
    void epdsStoredScoresSentAsCodes_isTheTrapTheAnswerKindPrevents() throws Exception {
        JsonNode asCodes = json.readTree(post("/scores", "application/json",
                EPDS.formatted("codes").getBytes(StandardCharsets.UTF_8)).body());
        // read as position codes, item 10's "3" is its least severe answer: no alert, a different total
        assertEquals(0, asCodes.get("criticalAlerts").size(), asCodes.toString());
        assertTrue(asCodes.get("total").asInt() != 12, asCodes.toString());
    }

    @Test
    void loincCodedPhq9Response_becomesAnObservationInOneCall() throws Exception {
        byte[] qr;
        try (InputStream in = getClass().getResourceAsStream("/phq9-loinc-form-response.json")) {
            qr = in.readAllBytes();
        }
        HttpResponse<String> response = post("/fhir/observations", "application/fhir+json", qr);
        assertEquals(201, response.statusCode(), response.body());
        JsonNode observation = json.readTree(response.body());
        assertEquals("Observation", observation.get("resourceType").asString());
        assertEquals("final", observation.get("status").asString());
        assertEquals(13, observation.get("valueInteger").asInt());
        assertEquals("Patient/example", observation.at("/subject/reference").asString());
        assertEquals("2026-11-30T10:15:00Z", observation.get("effectiveDateTime").asString());
        assertTrue(response.body().contains("\"code\":\"44261-6\""), "the PHQ-9 total's LOINC code");
        assertTrue(response.body().contains("critical item phq9_9"), "item 9 answered: the alert travels");
    }

    @Test
    void unscorableResponse_isA422OperationOutcome() throws Exception {
        HttpResponse<String> response = post("/fhir/observations", "application/fhir+json",
                "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"questionnaire\":\"urn:x\"}"
                        .getBytes(StandardCharsets.UTF_8));
        assertEquals(422, response.statusCode(), response.body());
        assertEquals("OperationOutcome", json.readTree(response.body()).get("resourceType").asString());
    }
}
