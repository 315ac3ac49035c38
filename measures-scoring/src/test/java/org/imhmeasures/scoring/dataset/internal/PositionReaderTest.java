/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.Random;
import org.imhmeasures.scoring.dataset.DatasetException;
import org.junit.jupiter.api.Test;

/** Line and column of every character, whatever blocks the text arrives in, against a plain count. */
class PositionReaderTest {

    private static final String ALPHABET = "ab1,\"\n\r \u00e9";

    /** Delivers {@code text} in blocks of random size. */
    private static Reader blocks(String text, Random random) {
        return new Reader() {
            private int position;

            @Override
            public int read(char[] buffer, int offset, int length) {
                if (position == text.length()) {
                    return -1;
                }
                int n = Math.min(Math.min(length, 1 + random.nextInt(50)), text.length() - position);
                text.getChars(position, position + n, buffer, offset);
                position += n;
                return n;
            }

            @Override
            public void close() {
            }
        };
    }

    /** {line, column} of the character at {@code index}, counted plainly. */
    private static long[] position(String text, int index) {
        long line = 1;
        long column = 1;
        for (int i = 0; i < index; i++) {
            char c = text.charAt(i);
            if (c == '\n' && i > 0 && text.charAt(i - 1) == '\r') {
                continue;
            }
            if (c == '\n' || c == '\r') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new long[] {line, column};
    }

    @Test
    void lineAndColumn_afterEveryBlock_matchAPlainCount() throws IOException {
        long seed = 20261201;
        Random random = new Random(seed);
        for (int trial = 0; trial < 200; trial++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(400);
            for (int i = 0; i < length; i++) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String t = text.toString();
            for (boolean csv : new boolean[] {false, true}) {
                PositionReader reader = csv ? PositionReader.csv(blocks(t, random), Integer.MAX_VALUE)
                        : PositionReader.text(blocks(t, random));
                char[] buffer = new char[64];
                int read = 0;
                int n;
                try {
                    while ((n = reader.read(buffer, 0, 1 + random.nextInt(64))) >= 0) {
                        read += n;
                        long[] expected = position(t, read);
                        assertEquals(expected[0], reader.line(), "line: seed " + seed + " trial " + trial);
                        assertEquals(expected[1], reader.column(), "column: seed " + seed + " trial " + trial);
                    }
                } catch (LocatedInputException unclosedQuote) {
                    // random text often ends inside a quoted cell: the CSV mode refuses it at the end
                    assertEquals(t.length(), read, "seed " + seed + " trial " + trial);
                }
            }
        }
    }

    @Test
    void csv_cellOverTheLimit_isLocatedAtItsStart_acrossBlocks() {
        Random random = new Random(3);
        String text = "a,b\r\nxy,\"12\"\"34\",c\n" + "z,\"" + "q".repeat(30) + "\"\n";
        PositionReader reader = PositionReader.csv(blocks(text, random), 20);
        LocatedInputException e = assertThrows(LocatedInputException.class, () -> {
            char[] buffer = new char[7];
            while (reader.read(buffer, 0, buffer.length) >= 0) {
                // read on
            }
        });
        DatasetException located = e.located();
        assertEquals(3, located.line());
        assertEquals(3, located.column());
    }

    @Test
    void csv_doubledQuotes_countOnceTowardsTheLimit() throws IOException {
        String text = "\"" + "\"\"".repeat(10) + "\"\n";
        PositionReader reader = PositionReader.csv(new StringReader(text), 10);
        char[] buffer = new char[100];
        while (reader.read(buffer, 0, buffer.length) >= 0) {
            // ten characters once decoded: within the limit
        }
        assertEquals(2, reader.line());
    }
}
