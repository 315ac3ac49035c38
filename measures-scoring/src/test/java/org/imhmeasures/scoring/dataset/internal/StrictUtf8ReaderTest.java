/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.imhmeasures.scoring.dataset.DatasetException;
import org.junit.jupiter.api.Test;

/** Strict UTF-8 whose errors are located exactly, at any offset and through the position tracking. */
class StrictUtf8ReaderTest {

    private static String readAll(Reader reader, int chunk) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[chunk];
        int n;
        while ((n = reader.read(buffer, 0, chunk)) >= 0) {
            text.append(buffer, 0, n);
        }
        return text.toString();
    }

    @Test
    void read_validText_anyChunkSize_roundTripsEverything() throws IOException {
        String text = "a\u00e9\u20ac\uD83D\uDE00z\n".repeat(5_000);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int chunk : new int[] {1, 2, 3, 7, 4000, 65_536}) {
            assertEquals(text, readAll(new StrictUtf8Reader(new ByteArrayInputStream(bytes)), chunk), "chunk " + chunk);
        }
    }

    @Test
    void read_invalidByte_deliversEverythingBeforeItThenThrows() throws IOException {
        long seed = 8;
        Random random = new Random(seed);
        for (int trial = 0; trial < 200; trial++) {
            int before = random.nextInt(70_000);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.writeBytes("x".repeat(before).getBytes(StandardCharsets.US_ASCII));
            bytes.write(random.nextBoolean() ? 0xFF : 0x80); // never valid / a lone continuation byte
            bytes.writeBytes("tail".getBytes(StandardCharsets.US_ASCII));
            StrictUtf8Reader reader = new StrictUtf8Reader(new ByteArrayInputStream(bytes.toByteArray()));
            char[] buffer = new char[1 + random.nextInt(9000)];
            long delivered = 0;
            int n;
            try {
                while ((n = reader.read(buffer, 0, buffer.length)) >= 0) {
                    delivered += n;
                }
                throw new AssertionError("no error: seed " + seed + " trial " + trial);
            } catch (MalformedInputException e) {
                assertEquals(before, delivered, "seed " + seed + " trial " + trial);
            }
        }
    }

    @Test
    void read_truncatedSequenceAtEnd_isMalformed() {
        byte[] bytes = {'a', (byte) 0xE2, (byte) 0x82};
        assertThrows(MalformedInputException.class, () -> readAll(new StrictUtf8Reader(new ByteArrayInputStream(
                bytes)), 10));
    }

    @Test
    void positionReader_badByteOnALaterLine_isLocatedAtItsLineAndColumn() {
        String text = "l1\r\nl2\rl3\n" + "y".repeat(30_000) + "\nabc";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        bytes.write(0xC0); // an overlong lead byte: never valid
        bytes.write(0x80);
        PositionReader reader = PositionReader.text(new StrictUtf8Reader(new ByteArrayInputStream(
                bytes.toByteArray())));
        LocatedInputException e = assertThrows(LocatedInputException.class, () -> readAll(reader, 4000));
        DatasetException located = e.located();
        assertEquals(5, located.line(), located.getMessage());
        assertEquals(4, located.column(), located.getMessage());
    }

    @Test
    void positionReader_byteOrderMarkOnly_isEmptyText() throws IOException {
        assertEquals("", readAll(PositionReader.text(new java.io.StringReader("\uFEFF")), 1));
        assertEquals("a", readAll(PositionReader.text(new java.io.StringReader("\uFEFFa")), 1));
    }
}
