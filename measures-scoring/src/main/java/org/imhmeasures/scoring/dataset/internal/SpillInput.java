/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset.internal;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads what {@link SpillOutput} wrote. */
final class SpillInput implements Closeable {

    private final InputStream in;
    private final byte[] buffer = new byte[32_768];
    private int position;
    private int end;

    SpillInput(InputStream in) {
        this.in = in;
    }

    /** Whether the input is at its end (between records only). */
    boolean atEnd() throws IOException {
        return position == end && !fill();
    }

    private boolean fill() throws IOException {
        int kept = end - position;
        System.arraycopy(buffer, position, buffer, 0, kept);
        position = 0;
        end = kept;
        int n = in.read(buffer, end, buffer.length - end);
        if (n > 0) {
            end += n;
            return true;
        }
        return false;
    }

    private void need(int bytes) throws IOException {
        while (end - position < bytes) {
            if (!fill()) {
                throw new EOFException("spill file must hold whole records: truncated");
            }
        }
    }

    int readByte() throws IOException {
        need(1);
        return buffer[position++] & 0xFF;
    }

    int readInt() throws IOException {
        need(4);
        int value = (buffer[position] & 0xFF) << 24 | (buffer[position + 1] & 0xFF) << 16
                | (buffer[position + 2] & 0xFF) << 8 | buffer[position + 3] & 0xFF;
        position += 4;
        return value;
    }

    long readLong() throws IOException {
        return (long) readInt() << 32 | readInt() & 0xFFFFFFFFL;
    }

    String readText() throws IOException {
        int length = readInt();
        if (length <= buffer.length / 3 && end - position >= length) {
            // all ASCII, the common case: one check for the whole string
            int ascii = 0;
            while (ascii < length && buffer[position + ascii] > 0) {
                ascii++;
            }
            if (ascii == length) {
                String text = new String(buffer, position, length, StandardCharsets.ISO_8859_1);
                position += length;
                return text;
            }
        }
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            need(1);
            int b = buffer[position] & 0xFF;
            if (b < 0x80) {
                position++;
                chars[i] = (char) b;
            } else if (b < 0xE0) {
                need(2);
                chars[i] = (char) ((b & 0x1F) << 6 | buffer[position + 1] & 0x3F);
                position += 2;
            } else {
                need(3);
                chars[i] = (char) ((b & 0x0F) << 12 | (buffer[position + 1] & 0x3F) << 6 | buffer[position + 2] & 0x3F);
                position += 3;
            }
        }
        return new String(chars);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
