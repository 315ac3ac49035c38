package org.imhmeasures.examples.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.CriticalAlert;
import org.imhmeasures.scoring.NotScorable;
import org.imhmeasures.scoring.Problem;
import org.imhmeasures.scoring.ScoreResult;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.submission.SubmissionResult;
import org.imhmeasures.scoring.submission.SubmissionValidator;
import org.imhmeasures.scoring.submission.Violation;

/**
 * A minimal portal backend on the JDK's {@link HttpServer}: {@code POST /submissions} with a submission
 * document (format {@code imh-measures/submission@1}) answers {@code 201 Created} with the score of each
 * administration, or {@code 422 Unprocessable Content} with every violation (path, code, message).
 * Other paths answer 404, other methods 405. Bodies above {@link SubmissionValidator#MAX_BYTES} are
 * not read further and answered 422 ({@code json.too_large}).
 *
 * <p>Nothing is stored: a real backend would persist the accepted submission. Responses never echo a
 * submitted identifier. Run with {@code java -cp ... org.imhmeasures.examples.portal.PortalServer [port]};
 * it listens on 127.0.0.1 only.
 */
public final class PortalServer implements AutoCloseable {

    /** The path submissions are posted to. */
    public static final String PATH = "/submissions";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final ExecutorService executor;
    private final SubmissionValidator validator;

    private PortalServer(HttpServer server, ExecutorService executor, SubmissionValidator validator) {
        this.server = server;
        this.executor = executor;
        this.validator = validator;
    }

    /**
     * Starts a server on 127.0.0.1.
     *
     * @param port the port, 0 for an ephemeral one
     * @param validator the validator (closed with the server)
     * @return the running server
     * @throws IOException when the port cannot be bound
     */
    public static PortalServer start(int port, SubmissionValidator validator) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        ExecutorService executor = Executors.newFixedThreadPool(2);
        PortalServer portal = new PortalServer(server, executor, validator);
        server.createContext("/", portal::handle);
        server.setExecutor(executor);
        server.start();
        return portal;
    }

    /**
     * The bound port.
     *
     * @return the port
     */
    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(PATH)) {
                send(exchange, 404, error("path must be " + PATH + ": not found"));
                return;
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().set("Allow", "POST");
                send(exchange, 405, error("method must be POST: " + exchange.getRequestMethod().replaceAll(
                        "[^A-Z]", "?")));
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(SubmissionValidator.MAX_BYTES + 1);
            }
            SubmissionResult result = validator.validate(body);
            if (result instanceof SubmissionResult.Accepted) {
                send(exchange, 201, accepted((SubmissionResult.Accepted) result));
            } else {
                send(exchange, 422, rejected(((SubmissionResult.Rejected) result).violations()));
            }
        } catch (RuntimeException e) {
            // never leak internals; the exchange is closed by try-with-resources
            send(exchange, 500, error("request must be processable: internal error"));
        }
    }

    private static ObjectNode accepted(SubmissionResult.Accepted accepted) {
        ObjectNode root = JSON.createObjectNode();
        root.put("status", "accepted");
        ArrayNode scores = root.putArray("scores");
        List<Administration> administrations = accepted.submission().administrations();
        for (int i = 0; i < administrations.size(); i++) {
            Administration a = administrations.get(i);
            ScoreResult score = accepted.scores().get(i);
            ObjectNode node = scores.addObject();
            node.put("index", i);
            node.put("instrument", a.instrumentId());
            node.put("timepoint", a.timepoint().map(t -> t.name().toLowerCase(java.util.Locale.ROOT)).orElse(null));
            if (score instanceof Scored) {
                Scored scored = (Scored) score;
                node.put("result", "scored");
                scored.total().ifPresent(t -> node.put("total", t));
                scored.band().ifPresent(b -> node.put("band", b.label()));
                node.put("caseness", scored.caseness().name().toLowerCase(java.util.Locale.ROOT));
                node.put("prorated", scored.prorated());
            } else {
                node.put("result", "not_scorable");
                ArrayNode problems = node.putArray("problems");
                for (Problem p : ((NotScorable) score).problems()) {
                    problems.addObject().put("code", p.code()).put("message", p.message());
                }
            }
            ArrayNode alerts = node.putArray("criticalAlerts");
            for (CriticalAlert alert : score.criticalAlerts()) {
                alerts.addObject().put("item", alert.itemId()).put("score", alert.score()).put("reason", alert
                        .reason());
            }
            // a critical item without a valid answer: its alert status is unknown, never silent
            ArrayNode unanswered = node.putArray("criticalUnanswered");
            score.criticalUnanswered().forEach(item -> unanswered.addObject().put("item", item.itemId())
                    .put("cause", item.cause().name().toLowerCase(java.util.Locale.ROOT)).put("reason", item.reason()));
        }
        return root;
    }

    private static ObjectNode rejected(List<Violation> violations) {
        ObjectNode root = JSON.createObjectNode();
        root.put("status", "rejected");
        ArrayNode array = root.putArray("violations");
        for (Violation v : violations) {
            array.addObject().put("path", v.path()).put("code", v.code()).put("message", v.message());
        }
        return root;
    }

    private static ObjectNode error(String message) {
        ObjectNode root = JSON.createObjectNode();
        root.put("status", "error");
        root.put("message", message);
        return root;
    }

    private static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Stops accepting requests, waits up to one second for running ones, and releases the validator. */
    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
        validator.close();
    }

    /**
     * Runs the example server until interrupted.
     *
     * @param args optional port (default 8080)
     * @throws IOException when the port cannot be bound
     */
    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        PortalServer portal = start(port, SubmissionValidator.create());
        Runtime.getRuntime().addShutdownHook(new Thread(portal::close));
        System.out.println("imh-measures portal example: POST http://127.0.0.1:" + portal.port() + PATH);
    }
}
