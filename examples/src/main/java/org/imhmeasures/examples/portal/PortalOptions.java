/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.examples.portal;

import java.time.Duration;
import java.util.Objects;
import org.imhmeasures.portal.submission.SubmissionValidator;

/**
 * The limits of a {@link PortalServer}: immutable; start from {@link #defaults()} and change one limit at
 * a time with the {@code with...} methods, each returning a copy.
 *
 * <table>
 *   <caption>Limits and their defaults</caption>
 *   <tr><th>Limit</th><th>Default</th><th>When exceeded</th></tr>
 *   <tr><td>{@link #readTimeout()}: the longest wait for the client: for the request line and headers
 *       (all of them), for each further part of the body, and for the client to take the response</td>
 *       <td>5 s</td><td>connection closed, no response</td></tr>
 *   <tr><td>{@link #requestTimeout()}: the whole-request deadline, from the first byte of the request
 *       until the response is ready (reading, waiting for a worker, validating and scoring)</td>
 *       <td>10 s</td><td>connection closed while the request is still arriving; 503 with
 *       {@code Retry-After} once it has arrived</td></tr>
 *   <tr><td>{@link #maxBodyBytes()}: the largest request body</td>
 *       <td>{@value SubmissionValidator#MAX_BYTES} bytes (also the most allowed)</td><td>413</td></tr>
 *   <tr><td>{@link #maxViolations()}: the most violations listed in a 422 response ({@code total} always
 *       gives the full count, {@code truncated} says whether the list was cut)</td><td>100</td>
 *       <td>list cut</td></tr>
 *   <tr><td>{@link #connectionThreads()}: threads that read requests and write responses (the JDK
 *       server holds one per request in progress, from its first byte)</td><td>16</td><td>requests
 *       wait in the connection queue</td></tr>
 *   <tr><td>{@link #connectionQueue()}: requests that may wait for a connection thread</td><td>64</td>
 *       <td>connection closed by the JDK server, no response</td></tr>
 *   <tr><td>{@link #workerThreads()}: threads that validate and score</td><td>2</td><td>work waits in
 *       the work queue</td></tr>
 *   <tr><td>{@link #workQueue()}: validated requests that may wait for a worker</td><td>32</td>
 *       <td>503 with {@code Retry-After: 1}</td></tr>
 * </table>
 *
 * <p>So one request holds a connection thread for at most {@code requestTimeout + readTimeout}, and
 * slow clients can hold at most {@link #connectionThreads()} of them at once; a normal request is served
 * as long as one is free. Equality is by value.
 *
 * @since 0.1.0
 */
public final class PortalOptions {

    private static final PortalOptions DEFAULTS = new PortalOptions(Duration.ofSeconds(5), Duration.ofSeconds(10),
            SubmissionValidator.MAX_BYTES, 100, 16, 64, 2, 32);

    private final Duration readTimeout;
    private final Duration requestTimeout;
    private final int maxBodyBytes;
    private final int maxViolations;
    private final int connectionThreads;
    private final int connectionQueue;
    private final int workerThreads;
    private final int workQueue;

    private PortalOptions(Duration readTimeout, Duration requestTimeout, int maxBodyBytes, int maxViolations,
            int connectionThreads, int connectionQueue, int workerThreads, int workQueue) {
        this.readTimeout = readTimeout;
        this.requestTimeout = requestTimeout;
        this.maxBodyBytes = maxBodyBytes;
        this.maxViolations = maxViolations;
        this.connectionThreads = connectionThreads;
        this.connectionQueue = connectionQueue;
        this.workerThreads = workerThreads;
        this.workQueue = workQueue;
    }

    /**
     * The defaults in the class table.
     *
     * @return the default options
     */
    public static PortalOptions defaults() {
        return DEFAULTS;
    }

    private static Duration timeout(Duration value, String name) {
        Objects.requireNonNull(value, name + " must not be null");
        if (value.isNegative() || value.isZero() || value.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException(name + " must be more than 0 and at most 1 hour: " + value);
        }
        return value;
    }

    private static int count(int value, int max, String name) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(name + " must be within 1.." + max + ": " + value);
        }
        return value;
    }

    /**
     * A copy with another read timeout.
     *
     * @param value more than zero, at most one hour
     * @return the copy
     * @throws IllegalArgumentException when out of range
     */
    public PortalOptions withReadTimeout(Duration value) {
        return new PortalOptions(timeout(value, "read timeout"), requestTimeout, maxBodyBytes, maxViolations,
                connectionThreads, connectionQueue, workerThreads, workQueue);
    }

    /**
     * A copy with another whole-request deadline.
     *
     * @param value more than zero, at most one hour
     * @return the copy
     * @throws IllegalArgumentException when out of range
     */
    public PortalOptions withRequestTimeout(Duration value) {
        return new PortalOptions(readTimeout, timeout(value, "request timeout"), maxBodyBytes, maxViolations,
                connectionThreads, connectionQueue, workerThreads, workQueue);
    }

    /**
     * A copy with another body limit.
     *
     * @param value within 1..{@value SubmissionValidator#MAX_BYTES}
     * @return the copy
     * @throws IllegalArgumentException when out of range
     */
    public PortalOptions withMaxBodyBytes(int value) {
        return new PortalOptions(readTimeout, requestTimeout, count(value, SubmissionValidator.MAX_BYTES,
                "body limit"), maxViolations, connectionThreads, connectionQueue, workerThreads, workQueue);
    }

    /**
     * A copy with another cap on the violations listed per response.
     *
     * @param value within 1..10000
     * @return the copy
     * @throws IllegalArgumentException when out of range
     */
    public PortalOptions withMaxViolations(int value) {
        return new PortalOptions(readTimeout, requestTimeout, maxBodyBytes, count(value, 10_000,
                "violations per response"), connectionThreads, connectionQueue, workerThreads, workQueue);
    }

    /**
     * A copy with another number of connection threads.
     *
     * @param value within 1..1000
     * @return the copy
     * @throws IllegalArgumentException when out of range
     */
    public PortalOptions withConnectionThreads(int value) {
        return new PortalOptions(readTimeout, requestTimeout, maxBodyBytes, maxViolations, count(value, 1000,
                "connection threads"), connectionQueue, workerThreads, workQueue);
    }

    /**
     * A copy with another connection queue length.
     *
     * @param value within 1..100000
     * @return the copy
     * @throws IllegalArgumentException when out of range
     */
    public PortalOptions withConnectionQueue(int value) {
        return new PortalOptions(readTimeout, requestTimeout, maxBodyBytes, maxViolations, connectionThreads,
                count(value, 100_000, "connection queue"), workerThreads, workQueue);
    }

    /**
     * A copy with another number of worker threads.
     *
     * @param value within 1..1000
     * @return the copy
     * @throws IllegalArgumentException when out of range
     */
    public PortalOptions withWorkerThreads(int value) {
        return new PortalOptions(readTimeout, requestTimeout, maxBodyBytes, maxViolations, connectionThreads,
                connectionQueue, count(value, 1000, "worker threads"), workQueue);
    }

    /**
     * A copy with another work queue length.
     *
     * @param value within 1..100000
     * @return the copy
     * @throws IllegalArgumentException when out of range
     */
    public PortalOptions withWorkQueue(int value) {
        return new PortalOptions(readTimeout, requestTimeout, maxBodyBytes, maxViolations, connectionThreads,
                connectionQueue, workerThreads, count(value, 100_000, "work queue"));
    }

    /**
     * The longest wait for the client at any one point.
     *
     * @return the read timeout
     */
    public Duration readTimeout() {
        return readTimeout;
    }

    /**
     * The whole-request deadline.
     *
     * @return the request timeout
     */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /**
     * The largest request body in bytes.
     *
     * @return the body limit
     */
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /**
     * The most violations listed in one response.
     *
     * @return the cap
     */
    public int maxViolations() {
        return maxViolations;
    }

    /**
     * Threads that read requests and write responses.
     *
     * @return the number of connection threads
     */
    public int connectionThreads() {
        return connectionThreads;
    }

    /**
     * Requests that may wait for a connection thread.
     *
     * @return the connection queue length
     */
    public int connectionQueue() {
        return connectionQueue;
    }

    /**
     * Threads that validate and score.
     *
     * @return the number of worker threads
     */
    public int workerThreads() {
        return workerThreads;
    }

    /**
     * Requests that may wait for a worker before the server answers 503.
     *
     * @return the work queue length
     */
    public int workQueue() {
        return workQueue;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PortalOptions o && readTimeout.equals(o.readTimeout)
                && requestTimeout.equals(o.requestTimeout) && maxBodyBytes == o.maxBodyBytes
                && maxViolations == o.maxViolations && connectionThreads == o.connectionThreads
                && connectionQueue == o.connectionQueue && workerThreads == o.workerThreads
                && workQueue == o.workQueue;
    }

    @Override
    public int hashCode() {
        return Objects.hash(readTimeout, requestTimeout, maxBodyBytes, maxViolations, connectionThreads,
                connectionQueue, workerThreads, workQueue);
    }

    @Override
    public String toString() {
        return "PortalOptions[readTimeout=" + readTimeout + ", requestTimeout=" + requestTimeout
                + ", maxBodyBytes=" + maxBodyBytes + ", maxViolations=" + maxViolations + ", connectionThreads="
                + connectionThreads + ", connectionQueue=" + connectionQueue + ", workerThreads=" + workerThreads
                + ", workQueue=" + workQueue + "]";
    }
}
