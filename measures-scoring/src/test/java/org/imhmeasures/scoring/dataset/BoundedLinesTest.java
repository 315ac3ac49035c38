/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Bounded line reading: numbering as BufferedReader has it, blank lines skipped, long lines not held. */
class BoundedLinesTest {

    private static List<BoundedLines.Line> lines(String text, int max) throws IOException {
        List<BoundedLines.Line> lines = new ArrayList<>();
        BoundedLines reader = BoundedLines.of(new StringReader(text), max);
        Optional<BoundedLines.Line> line;
        while ((line = reader.next()).isPresent()) {
            lines.add(line.get());
        }
        return lines;
    }

    @Test
    void next_everyLineEnd_countsLinesAsReadLineDoes() throws IOException {
        assertEquals(List.of(new BoundedLines.Text(1, "a"), new BoundedLines.Text(2, "b"),
                new BoundedLines.Text(3, "c"), new BoundedLines.Text(5, " d "), new BoundedLines.Text(7, " e")),
                lines("a\r\nb\rc\n\n d \r\n\t\r\n e", 100));
    }

    @Test
    void next_lineOverLimit_isTooLongAndTheNextLineIsRead() throws IOException {
        String text = "{}\n" + "x".repeat(20_001) + "\r\n" + "y".repeat(20_000) + "\n";
        assertEquals(List.of(new BoundedLines.Text(1, "{}"), new BoundedLines.TooLong(2),
                new BoundedLines.Text(3, "y".repeat(20_000))), lines(text, 20_000));
    }

    @Test
    void next_longBlankLine_isSkippedLikeAnyBlankLine() throws IOException {
        assertEquals(List.of(new BoundedLines.Text(2, "a")), lines(" ".repeat(50_000) + "\na", 10));
    }

    @Test
    void next_leadingByteOrderMark_isDropped() throws IOException {
        assertEquals(List.of(new BoundedLines.Text(1, "{}")), lines("\uFEFF{}", 10));
    }

    @Test
    void text_toString_showsNoContent() {
        String shown = new BoundedLines.Text(3, "{\"record_id\":\"9434765919\"}").toString();
        assertFalse(shown.contains("9434765919"), shown);
        assertEquals("Text[number=3, length=26]", shown);
    }

    @Test
    void of_nonPositiveLimit_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> BoundedLines.of(new StringReader(""), 0));
    }
}
