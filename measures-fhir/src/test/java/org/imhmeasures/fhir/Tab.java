/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.fhir;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One browser tab: navigation, script evaluation, trusted mouse and keyboard input (the same events a user's
 * would be), screenshots, and every console error, uncaught exception and error log entry the page produced.
 */
final class Tab implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(50);

    private final Chromium browser;
    private final String targetId;
    private final String sessionId;
    private final List<String> errors = new ArrayList<>();
    private final Consumer<JsonNode> listener;
    private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();

    Tab(Chromium browser, String targetId, String sessionId) {
        this.browser = browser;
        this.targetId = targetId;
        this.sessionId = sessionId;
        this.listener = this::event;
        browser.listen(listener);
        call("Page.enable", Chromium.params());
        call("Runtime.enable", Chromium.params());
        call("Log.enable", Chromium.params());
        call("Emulation.setDeviceMetricsOverride", Chromium.params().put("width", 1000).put("height", 1400)
                .put("deviceScaleFactor", 1).put("mobile", false));
    }

    private void event(JsonNode message) {
        if (!sessionId.equals(message.path("sessionId").asText())) {
            return;
        }
        JsonNode params = message.path("params");
        switch (message.path("method").asText()) {
            case "Page.loadEventFired" -> loaded.complete(null);
            case "Runtime.consoleAPICalled" -> {
                String type = params.path("type").asText();
                if (type.equals("error") || type.equals("assert")) {
                    StringBuilder text = new StringBuilder("console." + type + ":");
                    params.path("args").forEach(arg -> text.append(' ').append(arg.has("value")
                            ? arg.get("value").asText() : arg.path("description").asText()));
                    record(text.toString());
                }
            }
            case "Runtime.exceptionThrown" -> {
                JsonNode details = params.path("exceptionDetails");
                record("uncaught exception: " + details.path("exception").path("description")
                        .asText(details.path("text").asText()));
            }
            case "Log.entryAdded" -> {
                JsonNode entry = params.path("entry");
                if (entry.path("level").asText().equals("error")) {
                    record("log error (" + entry.path("source").asText() + "): " + entry.path("text").asText() + " "
                            + entry.path("url").asText());
                }
            }
            default -> {
                // other events are not needed
            }
        }
    }

    private void record(String error) {
        synchronized (errors) {
            errors.add(error);
        }
    }

    /** The errors so far, emptied. */
    List<String> drainErrors() {
        synchronized (errors) {
            List<String> copy = List.copyOf(errors);
            errors.clear();
            return copy;
        }
    }

    JsonNode call(String method, ObjectNode params) {
        return browser.call(sessionId, method, params);
    }

    /** Loads {@code url} and waits for its load event. */
    void navigate(String url) {
        loaded = new CompletableFuture<>();
        JsonNode result = call("Page.navigate", Chromium.params().put("url", url));
        if (result.hasNonNull("errorText")) {
            throw new IllegalStateException("navigation to " + url + " failed: " + result.get("errorText").asText());
        }
        try {
            loaded.get(Chromium.CALL.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("page " + url + " did not load within " + Chromium.CALL.toSeconds() + " s", e);
        }
    }

    /** Evaluates a script expression (awaiting a promise) and returns its JSON value. */
    JsonNode evaluate(String expression) {
        JsonNode result = call("Runtime.evaluate", Chromium.params().put("expression", expression)
                .put("awaitPromise", true).put("returnByValue", true));
        if (result.has("exceptionDetails")) {
            JsonNode details = result.get("exceptionDetails");
            throw new IllegalStateException("script failed: " + details.path("exception").path("description")
                    .asText(details.path("text").asText()) + " in: " + abbreviate(expression));
        }
        return result.path("result").path("value");
    }

    /** Evaluates a call of a page function with JSON-encoded arguments. */
    JsonNode invoke(String function, Object... arguments) {
        StringBuilder expression = new StringBuilder(function).append('(');
        for (int i = 0; i < arguments.length; i++) {
            if (i > 0) {
                expression.append(',');
            }
            try {
                expression.append(Chromium.json().writeValueAsString(arguments[i]));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("argument must be JSON-encodable", e);
            }
        }
        return evaluate(expression.append(')').toString());
    }

    /** Polls {@code expression} until its value passes {@code test}; fails with {@code what} otherwise. */
    JsonNode await(String expression, Predicate<JsonNode> test, String what) {
        return await(expression, test, what, Chromium.CALL);
    }

    /** Polls {@code expression} for at most {@code timeout} until its value passes {@code test}. */
    JsonNode await(String expression, Predicate<JsonNode> test, String what, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode value = evaluate(expression);
        while (!test.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " did not happen within " + timeout.toSeconds()
                        + " s; last value " + value);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            value = evaluate(expression);
        }
        return value;
    }

    /** A left click at viewport coordinates, as trusted input events. */
    void click(double x, double y) {
        mouse("mouseMoved", x, y, 0);
        mouse("mousePressed", x, y, 1);
        mouse("mouseReleased", x, y, 1);
    }

    private void mouse(String type, double x, double y, int clicks) {
        ObjectNode params = Chromium.params().put("type", type).put("x", x).put("y", y);
        if (clicks > 0) {
            params.put("button", "left").put("clickCount", clicks);
        }
        call("Input.dispatchMouseEvent", params);
    }

    /** Types text into the focused element. */
    void type(String text) {
        call("Input.insertText", Chromium.params().put("text", text));
    }

    /** Presses and releases the Tab key. */
    void pressTab() {
        ObjectNode down = Chromium.params().put("type", "keyDown").put("key", "Tab").put("code", "Tab")
                .put("windowsVirtualKeyCode", 9).put("nativeVirtualKeyCode", 9);
        call("Input.dispatchKeyEvent", down);
        ObjectNode up = down.deepCopy().put("type", "keyUp");
        call("Input.dispatchKeyEvent", up);
    }

    /** A PNG of a region of the page, in CSS pixels from the document's top left. */
    byte[] screenshot(double x, double y, double width, double height) {
        ObjectNode clip = Chromium.params().put("x", x).put("y", y).put("width", width).put("height", height)
                .put("scale", 1);
        ObjectNode params = Chromium.params().put("format", "png").put("captureBeyondViewport", true);
        params.set("clip", clip);
        return Base64.getDecoder().decode(call("Page.captureScreenshot", params).path("data").asText());
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    @Override
    public void close() {
        browser.unlisten(listener);
        try {
            browser.call(null, "Target.closeTarget", Chromium.params().put("targetId", targetId));
        } catch (RuntimeException e) {
            // closing the browser closes the tab too
        }
    }
}
