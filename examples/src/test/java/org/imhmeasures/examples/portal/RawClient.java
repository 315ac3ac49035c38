/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.examples.portal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * A raw HTTP/1.1 client over a loopback socket, for what {@code HttpClient} will not send: slow bytes, a
 * body shorter than its {@code Content-Length}, chunked bodies of a chosen size. Every wait is bounded.
 */
final class RawClient implements AutoCloseable {

    /** What came back: a response, or the connection closed without one. */
    record Outcome(boolean closed, int status, String head, String body, long millis) {

        boolean closedWithoutResponse() {
            return closed && status == 0;
        }

        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    RawClient(int port) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        in = socket.getInputStream();
    }

    static String head(String method, String path, String... headers) {
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        return head.append("\r\n").toString();
    }

    void send(String ascii) throws IOException {
        send(ascii.getBytes(StandardCharsets.ISO_8859_1));
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /**
     * Sends {@code bytes} one a second, watching for the server closing the connection in between;
     * stops when it closes or after all bytes and one more second.
     */
    Outcome dribble(byte[] bytes) throws IOException {
        long start = System.nanoTime();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        for (int i = 0; i <= bytes.length; i++) {
            if (i < bytes.length) {
                try {
                    out.write(bytes[i]);
                    out.flush();
                } catch (IOException e) {
                    return outcome(true, received, start);
                }
            }
            socket.setSoTimeout(1_000);
            try {
                int b = in.read();
                if (b < 0) {
                    return outcome(true, received, start);
                }
                received.write(b);
                received.write(in.readNBytes(Math.max(0, in.available())));
            } catch (SocketTimeoutException e) {
                // a second passed without news: send the next byte
            } catch (IOException e) {
                return outcome(true, received, start);
            }
        }
        return outcome(false, received, start);
    }

    /** Reads one response (head and a Content-Length body), or until the server closes, within {@code bound}. */
    Outcome read(Duration bound) throws IOException {
        long start = System.nanoTime();
        long end = start + bound.toNanos();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        int bodyLength = -1;
        int headLength = -1;
        while (System.nanoTime() < end) {
            socket.setSoTimeout((int) Math.max(1, (end - System.nanoTime()) / 1_000_000));
            int b;
            try {
                b = in.read();
            } catch (SocketTimeoutException e) {
                break;
            } catch (IOException e) {
                return outcome(true, received, start);
            }
            if (b < 0) {
                return outcome(true, received, start);
            }
            received.write(b);
            if (headLength < 0) {
                String text = received.toString(StandardCharsets.ISO_8859_1);
                if (text.endsWith("\r\n\r\n")) {
                    headLength = received.size();
                    bodyLength = 0;
                    for (String line : text.split("\r\n")) {
                        if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                            bodyLength = Integer.parseInt(line.substring(15).trim());
                        }
                    }
                }
            }
            if (headLength >= 0 && received.size() == headLength + bodyLength) {
                return outcome(false, received, start);
            }
        }
        return outcome(false, received, start);
    }

    private static Outcome outcome(boolean closed, ByteArrayOutputStream received, long start) {
        String text = received.toString(StandardCharsets.UTF_8);
        int status = 0;
        if (text.startsWith("HTTP/1.1 ") && text.length() >= 12) {
            status = Integer.parseInt(text.substring(9, 12));
        }
        int split = text.indexOf("\r\n\r\n");
        String head = split < 0 ? text : text.substring(0, split);
        String body = split < 0 ? "" : text.substring(split + 4);
        return new Outcome(closed, status, head, body, (System.nanoTime() - start) / 1_000_000);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
