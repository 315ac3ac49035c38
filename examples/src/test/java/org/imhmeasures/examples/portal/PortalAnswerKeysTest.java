/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.examples.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;
import org.imhmeasures.portal.submission.SubmissionValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The portal example over loopback: an answer key repeated once trimmed is 422 {@code duplicate_item}
 * (never last-one-wins), a blank key is 422 {@code unknown_item} (never a 500), and no planted identifier
 * is echoed.
 */
@Timeout(30)
class PortalAnswerKeysTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static PortalServer server;
    private static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        server = PortalServer.start(0, SubmissionValidator.create());
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> post(Consumer<ObjectNode> answers) throws Exception {
        ObjectNode doc;
        try (InputStream in = PortalAnswerKeysTest.class.getResourceAsStream("valid-submission.json")) {
            doc = (ObjectNode) JSON.readTree(in);
        }
        answers.accept((ObjectNode) doc.get("administrations").get(0).get("answers"));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + PortalServer.PATH))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(doc.toString())).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void post_keyRepeatedOnceTrimmed_is422DuplicateItem() throws Exception {
        HttpResponse<String> response = post(a -> a.put("phq9_9 ", "3"));
        assertEquals(422, response.statusCode(), response.body());
        JsonNode violations = JSON.readTree(response.body()).get("violations");
        assertEquals(2, violations.size(), response.body());
        assertEquals("answers.duplicate_item", violations.get(0).get("code").asText());
        assertEquals("administrations[0].answers.<key#8>", violations.get(0).get("path").asText());
        assertEquals("administrations[0].answers.<key#9>", violations.get(1).get("path").asText());
    }

    @Test
    void post_blankOrNamedKey_is422UnknownItem_withoutEcho() throws Exception {
        for (String key : new String[] {"", "  ", "Quartermaine", "9434765919"}) {
            HttpResponse<String> response = post(a -> a.put(key, "1"));
            assertEquals(422, response.statusCode(), response.body());
            assertEquals("answers.unknown_item", JSON.readTree(response.body()).at("/violations/0/code").asText());
            assertFalse(response.body().contains("Quartermaine") || response.body().contains("5919"),
                    response.body());
        }
    }
}
