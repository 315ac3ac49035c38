/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.fhir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves the test page and the LHC-Forms files on loopback, on a free port, so that the browser needs no
 * other host. Only GET of {@code /page.html} and of files under {@code /lforms/} is answered.
 */
final class PageServer implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.of("js", "text/javascript", "css", "text/css", "html",
            "text/html; charset=utf-8", "png", "image/png", "ico", "image/x-icon", "map", "application/json",
            "json", "application/json");

    private final HttpServer server;
    private final ExecutorService executor;
    private final Path lforms;

    private PageServer(HttpServer server, ExecutorService executor, Path lforms) {
        this.server = server;
        this.executor = executor;
        this.lforms = lforms.toAbsolutePath().normalize();
    }

    static PageServer start(Path lforms) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        PageServer pages = new PageServer(server, executor, lforms);
        server.createContext("/", pages::handle);
        server.start();
        return pages;
    }

    /** The address of the test page. */
    String page() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/page.html";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body = null;
            if (exchange.getRequestMethod().equals("GET")) {
                if (path.equals("/page.html")) {
                    try (InputStream in = PageServer.class.getResourceAsStream("/renderer/page.html")) {
                        body = in == null ? null : in.readAllBytes();
                    }
                } else if (path.startsWith("/lforms/")) {
                    Path file = lforms.resolve(path.substring("/lforms/".length())).normalize();
                    if (file.startsWith(lforms) && Files.isRegularFile(file)) {
                        body = Files.readAllBytes(file);
                    }
                }
            }
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String extension = path.substring(path.lastIndexOf('.') + 1);
            exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(extension, "application/octet-stream"));
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
