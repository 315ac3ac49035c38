/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.examples.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.imhmeasures.portal.submission.SubmissionResult;
import org.imhmeasures.portal.submission.SubmissionValidator;
import org.imhmeasures.portal.submission.Violation;
import org.imhmeasures.scoring.Administration;
import org.imhmeasures.scoring.CriticalAlert;
import org.imhmeasures.scoring.NotScorable;
import org.imhmeasures.scoring.Problem;
import org.imhmeasures.scoring.ScoreResult;
import org.imhmeasures.scoring.Scored;

/**
 * A minimal portal backend on the JDK's {@link HttpServer}, written to be safe to copy: {@code POST
 * /submissions} with a submission document (format {@code imh-measures/submission@1}, content type
 * {@code application/json}) answers {@code 201 Created} with the score of each administration, or
 * {@code 422 Unprocessable Content} with its violations. It listens on 127.0.0.1 only and stores nothing
 * (a real backend would persist the accepted submission).
 *
 * <h2>Responses</h2>
 * <table>
 *   <caption>Status codes</caption>
 *   <tr><th>Status</th><th>When</th></tr>
 *   <tr><td>201</td><td>accepted: {@code {"status":"accepted","scores":[...]}}</td></tr>
 *   <tr><td>422</td><td>rejected: {@code {"status":"rejected","total":N,"truncated":false,"violations":[...]}};
 *       at most {@link PortalOptions#maxViolations()} violations are listed, {@code total} counts them
 *       all</td></tr>
 *   <tr><td>404 / 405</td><td>another path / another method than POST ({@code Allow: POST})</td></tr>
 *   <tr><td>413</td><td>a body (declared or read) over {@link PortalOptions#maxBodyBytes()}</td></tr>
 *   <tr><td>415</td><td>a content type other than {@code application/json}, or a charset other than
 *       UTF-8 (JSON is UTF-8, RFC 8259 §8.1); {@code application/fhir+json} is refused too: the body is
 *       a submission, not a FHIR resource</td></tr>
 *   <tr><td>500</td><td>an unexpected failure: a fixed message, never the exception's text</td></tr>
 *   <tr><td>503</td><td>the work queue is full, or the request could not be processed before its
 *       deadline; with {@code Retry-After: 1}</td></tr>
 *   <tr><td>(closed)</td><td>the client was too slow: the request line, headers or the next part of
 *       the body did not arrive within {@link PortalOptions#readTimeout()}, or the request had not arrived
 *       by {@link PortalOptions#requestTimeout()} (a {@code Content-Length} larger than the body ends
 *       here); or the connection queue was full</td></tr>
 * </table>
 * Every error body is {@code {"status":"error","message":"..."}}. Responses never echo a submitted
 * value; failures are logged by exception class only.
 *
 * <h2>Threads</h2>
 * Connection threads read requests and write responses, each exchange under a deadline (see the
 * package-private {@code DeadlineExecutor} for how); a separate bounded pool of workers validates and scores. Slow clients can therefore hold at
 * most the connection threads, each for at most {@code requestTimeout + readTimeout}, and never a worker.
 * Behind a reverse proxy that buffers requests (its own header and body timeouts) the JDK server sees
 * only fast clients; the limits here still bound what reaches it.
 *
 * <p>Run with {@code java -cp ... org.imhmeasures.examples.portal.PortalServer [port]}.
 */
public final class PortalServer implements AutoCloseable {

    /** The path submissions are posted to. */
    public static final String PATH = "/submissions";

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final System.Logger LOG = System.getLogger(PortalServer.class.getName());
    private static final String RETRY_AFTER_SECONDS = "1";

    /** What the server does with a body: a {@link SubmissionValidator} outside tests. */
    @FunctionalInterface
    interface Check {
        SubmissionResult validate(byte[] body);
    }

    /** A response ready to send. */
    private record Reply(int status, byte[] body, Map<String, String> headers) {
    }

    private final HttpServer server;
    private final DeadlineExecutor connections;
    private final ThreadPoolExecutor workers;
    private final Check check;
    private final Runnable onClose;
    private final PortalOptions options;

    /** For tests: any {@link Check}, for instance one that fails or blocks. */
    PortalServer(int port, Check check, Runnable onClose, PortalOptions options) throws IOException {
        this.check = Objects.requireNonNull(check, "check must not be null");
        this.onClose = Objects.requireNonNull(onClose, "close action must not be null");
        this.options = Objects.requireNonNull(options, "options must not be null");
        this.connections = new DeadlineExecutor(options.connectionThreads(), options.connectionQueue(),
                options.readTimeout(), options.requestTimeout());
        this.workers = new ThreadPoolExecutor(options.workerThreads(), options.workerThreads(), 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(options.workQueue()), DeadlineExecutor.daemons("portal-worker"),
                new ThreadPoolExecutor.AbortPolicy());
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        } catch (IOException e) {
            connections.shutdownNow();
            workers.shutdownNow();
            throw e;
        }
        server.createContext("/", this::handle);
        server.setExecutor(connections);
        server.start();
    }

    /**
     * Starts a server on 127.0.0.1 with {@link PortalOptions#defaults() the default limits}.
     *
     * @param port the port, 0 for an ephemeral one
     * @param validator the validator (closed with the server)
     * @return the running server
     * @throws IOException when the port cannot be bound
     */
    public static PortalServer start(int port, SubmissionValidator validator) throws IOException {
        return start(port, validator, PortalOptions.defaults());
    }

    /**
     * Starts a server on 127.0.0.1.
     *
     * @param port the port, 0 for an ephemeral one
     * @param validator the validator (closed with the server)
     * @param options the limits
     * @return the running server
     * @throws IOException when the port cannot be bound
     */
    public static PortalServer start(int port, SubmissionValidator validator, PortalOptions options)
            throws IOException {
        Objects.requireNonNull(validator, "validator must not be null");
        return new PortalServer(port, validator::validate, validator::close, options);
    }

    /**
     * The bound port.
     *
     * @return the port
     */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * The limits in force.
     *
     * @return the options
     */
    public PortalOptions options() {
        return options;
    }

    /** For tests: requests waiting for a worker. */
    int queuedWork() {
        return workers.getQueue().size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        DeadlineExecutor.Guard guard = DeadlineExecutor.current();
        guard.progress(); // the request line and headers have arrived
        try {
            Reply reply;
            try {
                reply = reply(exchange, guard);
            } catch (RuntimeException | Error e) {
                LOG.log(Level.ERROR, "portal request failed: " + e.getClass().getName());
                reply = internalError();
            }
            send(exchange, guard, reply);
        } catch (IOException e) {
            // the client went away, or was too slow and the guard closed the connection: nobody to answer.
            // Rethrown so that the JDK server also drops the connection from its own books (closing the
            // exchange alone closes the socket but leaves the connection registered).
            LOG.log(Level.DEBUG, () -> "portal connection ended: " + (guard.expired() ? "timed out"
                    : e.getClass().getName()));
            throw e;
        } finally {
            exchange.close(); // after the response is sent, never before
        }
    }

    private Reply reply(HttpExchange exchange, DeadlineExecutor.Guard guard) throws IOException {
        if (!exchange.getRequestURI().getPath().equals(PATH)) {
            return error(404, "path must be " + PATH + ": not found", true);
        }
        if (!exchange.getRequestMethod().equals("POST")) {
            Reply reply = error(405, "method must be POST", true);
            reply.headers().put("Allow", "POST");
            return reply;
        }
        List<String> types = exchange.getRequestHeaders().get("Content-Type");
        if (types == null || types.size() != 1 || !isJson(types.get(0))) {
            Reply reply = error(415, "content type must be application/json (charset utf-8 if given)", true);
            reply.headers().put("Accept-Post", "application/json");
            return reply;
        }
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null && declaredLength(declared) > options.maxBodyBytes()) {
            return tooLarge();
        }
        byte[] body = readBody(exchange.getRequestBody(), guard);
        if (body == null) {
            return tooLarge();
        }
        guard.awaitingWork();
        Future<Reply> work;
        try {
            work = workers.submit(() -> process(body));
        } catch (RejectedExecutionException e) {
            return busy("server must have a free worker: try again later");
        }
        try {
            return work.get(Math.max(0, guard.remainingNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            work.cancel(true);
            return busy("request must be processed within " + options.requestTimeout().toMillis()
                    + " ms: try again later");
        } catch (ExecutionException e) {
            LOG.log(Level.ERROR, "portal request failed: " + e.getCause().getClass().getName());
            return internalError();
        } catch (InterruptedException e) {
            work.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("request interrupted");
        }
    }

    /** On a worker: validate, score and render. */
    private Reply process(byte[] body) throws IOException {
        SubmissionResult result = check.validate(body);
        if (result instanceof SubmissionResult.Accepted accepted) {
            return json(201, accepted(accepted), false);
        }
        return json(422, rejected(((SubmissionResult.Rejected) result).violations(), options.maxViolations()),
                false);
    }

    private static long declaredLength(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE; // the JDK server has refused malformed lengths already
        }
    }

    /**
     * Reads the body, at most one byte over the limit.
     *
     * @return the body, or {@code null} when over the limit
     */
    private byte[] readBody(InputStream in, DeadlineExecutor.Guard guard) throws IOException {
        int limit = options.maxBodyBytes();
        ByteArrayOutputStream body = new ByteArrayOutputStream(Math.min(limit + 1, 8192));
        byte[] buffer = new byte[8192];
        while (body.size() <= limit) {
            int n = in.read(buffer, 0, Math.min(buffer.length, limit + 1 - body.size()));
            if (n < 0) {
                return body.toByteArray();
            }
            body.write(buffer, 0, n);
            guard.progress();
        }
        return null;
    }

    /**
     * Whether a {@code Content-Type} value is {@code application/json}, with parameters allowed and a
     * {@code charset} parameter, if any, UTF-8 (quoted or not, any case).
     *
     * @param value the header value
     * @return whether it is accepted
     */
    static boolean isJson(String value) {
        String[] parts = value.split(";", -1);
        if (!parts[0].strip().toLowerCase(Locale.ROOT).equals("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            int equals = parameter.indexOf('=');
            if (equals <= 0) {
                return false;
            }
            String name = parameter.substring(0, equals).strip();
            String argument = parameter.substring(equals + 1).strip();
            if (argument.length() >= 2 && argument.startsWith("\"") && argument.endsWith("\"")) {
                argument = argument.substring(1, argument.length() - 1);
            }
            if (name.equalsIgnoreCase("charset") && !argument.equalsIgnoreCase("utf-8")) {
                return false;
            }
        }
        return true;
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
            node.put("timepoint", a.timepoint().map(t -> t.name().toLowerCase(Locale.ROOT)).orElse(null));
            if (score instanceof Scored scored) {
                node.put("result", "scored");
                scored.total().ifPresent(t -> node.put("total", t));
                scored.band().ifPresent(b -> node.put("band", b.label()));
                node.put("caseness", scored.caseness().name().toLowerCase(Locale.ROOT));
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
                    .put("cause", item.cause().name().toLowerCase(Locale.ROOT)).put("reason", item.reason()));
        }
        return root;
    }

    /** The first {@code max} violations, with the total count and whether the list was cut. */
    static ObjectNode rejected(List<Violation> violations, int max) {
        ObjectNode root = JSON.createObjectNode();
        root.put("status", "rejected");
        root.put("total", violations.size());
        root.put("truncated", violations.size() > max);
        ArrayNode array = root.putArray("violations");
        for (Violation v : violations.subList(0, Math.min(max, violations.size()))) {
            array.addObject().put("path", v.path()).put("code", v.code()).put("message", v.message());
        }
        return root;
    }

    private static Reply json(int status, ObjectNode body, boolean close) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json; charset=utf-8");
        if (close) {
            // the body may not have been read: do not read it for the next request
            headers.put("Connection", "close");
        }
        return new Reply(status, JSON.writeValueAsBytes(body), headers);
    }

    private static Reply error(int status, String message, boolean close) {
        ObjectNode root = JSON.createObjectNode();
        root.put("status", "error");
        root.put("message", message);
        try {
            return json(status, root, close);
        } catch (IOException e) {
            throw new IllegalStateException("an error body must be writable", e);
        }
    }

    private Reply tooLarge() {
        return error(413, "body must be at most " + options.maxBodyBytes() + " bytes", true);
    }

    private static Reply busy(String message) {
        Reply reply = error(503, message, false);
        reply.headers().put("Retry-After", RETRY_AFTER_SECONDS);
        return reply;
    }

    private static Reply internalError() {
        return error(500, "request must be processable: internal error", true);
    }

    private static void send(HttpExchange exchange, DeadlineExecutor.Guard guard, Reply reply) throws IOException {
        guard.responding();
        reply.headers().forEach(exchange.getResponseHeaders()::set);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(reply.status(), head ? -1 : reply.body().length);
        // closing the body stream flushes it, then lets the JDK server skip what is left of the request
        // (up to 64 KiB, sun.net.httpserver.drainAmount): the guard bounds that too
        try (OutputStream out = exchange.getResponseBody()) {
            if (!head) {
                out.write(reply.body());
            }
        }
    }

    /**
     * Stops accepting requests, waits up to one second for running ones (none when idle), stops the
     * threads and releases the validator.
     */
    @Override
    public void close() {
        server.stop(connections.idle() ? 0 : 1);
        connections.shutdownNow();
        workers.shutdownNow();
        onClose.run();
    }

    /**
     * Runs the example server with the default limits until interrupted.
     *
     * @param args optional port (default 8080)
     * @throws IOException when the port cannot be bound
     */
    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        PortalServer portal = start(port, SubmissionValidator.create());
        Runtime.getRuntime().addShutdownHook(new Thread(portal::close));
        System.out.println("imh-measures portal example: POST http://127.0.0.1:" + portal.port() + PATH + " ("
                + portal.options() + ")");
    }
}
