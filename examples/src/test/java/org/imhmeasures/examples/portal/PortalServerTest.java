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
import org.imhmeasures.scoring.submission.SubmissionValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** End to end over loopback: an ephemeral port on 127.0.0.1, bounded timeouts, stopped after the tests. */
@Timeout(30)
class PortalServerTest {

    private static PortalServer server;
    private static HttpClient client;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws IOException {
        server = PortalServer.start(0, SubmissionValidator.create());
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String valid() throws IOException {
        try (InputStream in = PortalServerTest.class.getResourceAsStream("valid-submission.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
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
    void post_invalidSubmission_is422WithEveryViolation() throws Exception {
        String invalid = valid().replace("943 476 5919", "943 476 5918").replace("\"A2\"", "\"ZZ\"");
        HttpResponse<String> response = post(PortalServer.PATH, invalid);
        assertEquals(422, response.statusCode(), response.body());
        JsonNode violations = JSON.readTree(response.body()).get("violations");
        assertEquals(2, violations.size(), response.body());
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
}
