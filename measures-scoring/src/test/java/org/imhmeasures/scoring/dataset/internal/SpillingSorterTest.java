/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sorting through temporary files: same order as sorting in memory, every character kept, files deleted. */
class SpillingSorterTest {

    private record Value(long key, String text) {
    }

    private static final Comparator<Value> ORDER = Comparator.comparing(Value::text).thenComparingLong(Value::key);

    private static final SpillingSorter.Codec<Value> CODEC = new SpillingSorter.Codec<>() {
        @Override
        public void write(SpillOutput out, Value value) throws IOException {
            out.writeLong(value.key());
            out.writeText(value.text());
        }

        @Override
        public Value read(SpillInput in) throws IOException {
            return new Value(in.readLong(), in.readText());
        }

        @Override
        public long estimate(Value value) {
            return 64 + 2L * value.text().length();
        }
    };

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(5)) {
                case 0 -> text.append((char) random.nextInt(0x80)); // includes NUL
                case 1 -> text.append((char) (0x80 + random.nextInt(0x780)));
                case 2 -> text.append((char) (0x800 + random.nextInt(0xF7FF))); // includes lone surrogates
                case 3 -> text.appendCodePoint(0x10000 + random.nextInt(0xFFFFF));
                default -> text.append("r").append(random.nextInt(50));
            }
        }
        return text.toString();
    }

    private static List<Value> sorted(SpillingSorter<Value> sorter) throws IOException {
        List<Value> out = new ArrayList<>();
        try (SpillingSorter.Cursor<Value> cursor = sorter.sorted()) {
            Value value;
            while ((value = cursor.next()) != null) {
                out.add(value);
            }
        }
        return out;
    }

    private static long files(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void sorted_manyRunsAndMergePasses_equalsSortingInMemory(@TempDir Path tmp) throws IOException {
        long seed = 20261201;
        Random random = new Random(seed);
        List<Value> values = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            values.add(new Value(i, randomText(random)));
        }
        try (SpillDirectory directory = new SpillDirectory(tmp);
                SpillingSorter<Value> sorter = new SpillingSorter<>(ORDER, CODEC, 4_000, directory)) {
            for (Value value : values) {
                sorter.add(value);
            }
            assertTrue(sorter.runs() > SpillingSorter.FAN_IN, "runs: " + sorter.runs());
            List<Value> expected = new ArrayList<>(values);
            expected.sort(ORDER);
            assertEquals(expected, sorted(sorter), "seed " + seed);
            assertEquals(0, files(tmp), "merged runs must be deleted");
        }
        assertEquals(0, files(tmp));
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(0, left.count(), "the run's directory must be deleted");
        }
    }

    @Test
    void sorted_withinBudget_touchesNoDisk(@TempDir Path tmp) throws IOException {
        try (SpillDirectory directory = new SpillDirectory(tmp);
                SpillingSorter<Value> sorter = new SpillingSorter<>(ORDER, CODEC, 1 << 20, directory)) {
            sorter.add(new Value(2, "b"));
            sorter.add(new Value(1, "a"));
            assertEquals(List.of(new Value(1, "a"), new Value(2, "b")), sorted(sorter));
            assertTrue(!directory.used());
        }
    }

    @Test
    void close_beforeReading_deletesTheRuns(@TempDir Path tmp) throws IOException {
        try (SpillDirectory directory = new SpillDirectory(tmp)) {
            SpillingSorter<Value> sorter = new SpillingSorter<>(ORDER, CODEC, 100, directory);
            for (int i = 0; i < 100; i++) {
                sorter.add(new Value(i, "value " + i));
            }
            assertTrue(files(tmp) > 0);
            sorter.close();
            assertEquals(0, files(tmp));
        }
    }
}
