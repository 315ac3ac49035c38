/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.examples.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.imhmeasures.portal.submission.SubmissionValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The portal's 201 answer names a critical item left unanswered, next to the critical alerts. */
@Timeout(30)
class PortalCriticalUnansweredTest {

    @Test
    void post_submissionWithoutItem9_answersCriticalUnanswered() throws Exception {
        String body;
        try (InputStream in = PortalServerTest.class.getResourceAsStream("valid-submission.json")) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(", \"phq9_9\": \"0\"", "");
        }
        try (PortalServer server = PortalServer.start(0, SubmissionValidator.create())) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                    + PortalServer.PATH)).timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(201, response.statusCode(), response.body());
            JsonNode score = new ObjectMapper().readTree(response.body()).at("/scores/0");
            assertEquals("not_scorable", score.get("result").asText(), response.body());
            assertEquals("phq9_9", score.at("/criticalUnanswered/0/item").asText(), response.body());
            assertEquals("unanswered", score.at("/criticalUnanswered/0/cause").asText(), response.body());
            assertEquals(0, new ObjectMapper().readTree(response.body()).at("/scores/1/criticalUnanswered").size());
        }
    }
}
