/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Buffered binary output for spill files: fixed-width numbers and length-prefixed strings in modified
 * UTF-8 (every {@code char} round-trips, lone surrogates included, and no length limit).
 */
final class SpillOutput implements Closeable {

    private final OutputStream out;
    private final byte[] buffer = new byte[65_536];
    private int size;

    SpillOutput(OutputStream out) {
        this.out = out;
    }

    private void room(int bytes) throws IOException {
        if (size + bytes > buffer.length) {
            out.write(buffer, 0, size);
            size = 0;
        }
    }

    void writeByte(int value) throws IOException {
        room(1);
        buffer[size++] = (byte) value;
    }

    void writeInt(int value) throws IOException {
        room(4);
        buffer[size++] = (byte) (value >>> 24);
        buffer[size++] = (byte) (value >>> 16);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
    }

    void writeLong(long value) throws IOException {
        writeInt((int) (value >>> 32));
        writeInt((int) value);
    }

    void writeText(String text) throws IOException {
        int length = text.length();
        writeInt(length);
        if (length <= buffer.length / 3) {
            // room for the worst case at once: no check per character
            room(3 * length);
            for (int i = 0; i < length; i++) {
                char c = text.charAt(i);
                if (c != 0 && c < 0x80) {
                    buffer[size++] = (byte) c;
                } else if (c < 0x800) {
                    buffer[size++] = (byte) (0xC0 | c >> 6);
                    buffer[size++] = (byte) (0x80 | c & 0x3F);
                } else {
                    buffer[size++] = (byte) (0xE0 | c >> 12);
                    buffer[size++] = (byte) (0x80 | c >> 6 & 0x3F);
                    buffer[size++] = (byte) (0x80 | c & 0x3F);
                }
            }
            return;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            room(3);
            if (c != 0 && c < 0x80) {
                buffer[size++] = (byte) c;
            } else if (c < 0x800) {
                buffer[size++] = (byte) (0xC0 | c >> 6);
                buffer[size++] = (byte) (0x80 | c & 0x3F);
            } else {
                buffer[size++] = (byte) (0xE0 | c >> 12);
                buffer[size++] = (byte) (0x80 | c >> 6 & 0x3F);
                buffer[size++] = (byte) (0x80 | c & 0x3F);
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            out.write(buffer, 0, size);
            size = 0;
        } finally {
            out.close();
        }
    }
}
