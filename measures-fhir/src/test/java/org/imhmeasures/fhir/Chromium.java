/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The system's Chromium in headless mode, driven over the Chrome DevTools Protocol with the JDK's own
 * WebSocket client: no browser download, no driver. The browser may resolve loopback only.
 */
final class Chromium implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STARTUP = Duration.ofSeconds(60);
    static final Duration CALL = Duration.ofSeconds(60);
    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<Consumer<JsonNode>> listeners = new CopyOnWriteArrayList<>();
    private final Deque<String> stderrTail;

    private Chromium(Process process, Path profile, WebSocket socket, Deque<String> stderrTail) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
        this.stderrTail = stderrTail;
    }

    /**
     * The browser executable: {@code -Dimh.chromium=<path>}, else the first of chromium, chromium-browser,
     * google-chrome on PATH.
     */
    static Optional<Path> executable() {
        String configured = System.getProperty("imh.chromium");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        return onPath(NAMES);
    }

    static Optional<Path> onPath(List<String> names) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String name : names) {
            for (String directory : path.split(File.pathSeparator)) {
                if (!directory.isEmpty()) {
                    Path candidate = Path.of(directory, name);
                    if (Files.isExecutable(candidate)) {
                        return Optional.of(candidate);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Starts the browser and connects to its DevTools endpoint (announced on stderr). */
    static Chromium launch(Path executable) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("imh-chromium-");
        List<String> command = List.of(executable.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--remote-debugging-port=0", "--user-data-dir=" + profile, "--no-first-run",
                "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-default-apps", "--mute-audio",
                "--hide-scrollbars", "--window-size=1000,1400",
                // no network beyond loopback: every other host fails to resolve
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1", "about:blank");
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Deque<String> tail = new ArrayDeque<>();
        CompletableFuture<String> endpoint = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = err.readLine()) != null) {
                    synchronized (tail) {
                        tail.addLast(line);
                        if (tail.size() > 40) {
                            tail.removeFirst();
                        }
                    }
                    int at = line.indexOf("ws://");
                    if (line.startsWith("DevTools listening on ") && at >= 0) {
                        endpoint.complete(line.substring(at).trim());
                    }
                }
            } catch (IOException e) {
                endpoint.completeExceptionally(e);
            }
            endpoint.completeExceptionally(new IOException("chromium exited before announcing DevTools"));
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        String url;
        try {
            url = endpoint.get(STARTUP.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("chromium did not start (" + executable + "): " + e.getMessage() + "; stderr tail: "
                    + String.join(" | ", snapshot(tail)), e);
        }
        Holder holder = new Holder();
        WebSocket socket;
        try {
            socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(STARTUP)
                    .buildAsync(URI.create(url), new Listener(holder)).get(STARTUP.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("cannot connect to chromium DevTools at " + url, e);
        }
        Chromium chromium = new Chromium(process, profile, socket, tail);
        holder.chromium = chromium;
        return chromium;
    }

    private static List<String> snapshot(Deque<String> tail) {
        synchronized (tail) {
            return new ArrayList<>(tail);
        }
    }

    /** Opens a new tab and attaches to it. */
    Tab newTab() {
        JsonNode target = call(null, "Target.createTarget", params().put("url", "about:blank"));
        String targetId = target.path("targetId").asText();
        JsonNode attached = call(null, "Target.attachToTarget", params().put("targetId", targetId)
                .put("flatten", true));
        return new Tab(this, targetId, attached.path("sessionId").asText());
    }

    static ObjectNode params() {
        return JSON.createObjectNode();
    }

    static ObjectMapper json() {
        return JSON;
    }

    void listen(Consumer<JsonNode> listener) {
        listeners.add(listener);
    }

    void unlisten(Consumer<JsonNode> listener) {
        listeners.remove(listener);
    }

    /** Sends one command (to a session, or to the browser when {@code sessionId} is null) and waits for its result. */
    JsonNode call(String sessionId, String method, ObjectNode params) {
        int id = ids.incrementAndGet();
        ObjectNode message = params().put("id", id).put("method", method);
        message.set("params", params);
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        try {
            synchronized (socket) {
                socket.sendText(JSON.writeValueAsString(message), true).get(CALL.toSeconds(), TimeUnit.SECONDS);
            }
            JsonNode answer = reply.get(CALL.toSeconds(), TimeUnit.SECONDS);
            if (answer.has("error")) {
                throw new IllegalStateException(method + " failed: " + answer.get("error"));
            }
            return answer.path("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " interrupted", e);
        } catch (ExecutionException | TimeoutException | IOException e) {
            throw new IllegalStateException(method + " got no answer within " + CALL.toSeconds() + " s; chromium "
                    + (process.isAlive() ? "alive" : "exited") + "; stderr tail: "
                    + String.join(" | ", snapshot(stderrTail)), e);
        } finally {
            pending.remove(id);
        }
    }

    private void received(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (IOException e) {
            return;
        }
        if (message.has("id")) {
            CompletableFuture<JsonNode> reply = pending.get(message.get("id").asInt());
            if (reply != null) {
                reply.complete(message);
            }
        } else {
            for (Consumer<JsonNode> listener : listeners) {
                listener.accept(message);
            }
        }
    }

    @Override
    public void close() {
        try {
            call(null, "Browser.close", params());
        } catch (RuntimeException e) {
            // the browser may already be gone; it is stopped below either way
        }
        socket.abort();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temp profile left behind is harmless
        }
    }

    /** Lets the listener reach the instance created after the socket opened. */
    private static final class Holder {
        volatile Chromium chromium;
    }

    /** Collects text frames (a CDP message may span several) and hands whole messages on. */
    private static final class Listener implements WebSocket.Listener {
        private final Holder holder;
        private final StringBuilder partial = new StringBuilder();

        Listener(Holder holder) {
            this.holder = holder;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                Chromium chromium = holder.chromium;
                if (chromium != null) {
                    chromium.received(text);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
