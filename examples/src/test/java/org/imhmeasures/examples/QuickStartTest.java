/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class QuickStartTest {

    @Test
    void run_printsWhatTheReadmePromises() {
        assertEquals("13 moderate caseness=CASE alerts=1", QuickStart.run());
    }

    /** README's example is copied from QuickStart's README region: keep them identical. */
    @Test
    void readmeSnippet_isTheCompiledExample() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<String> source = Files.readAllLines(root.resolve(
                "examples/src/main/java/org/imhmeasures/examples/QuickStart.java"));
        int start = source.indexOf("        // README:start");
        int end = source.indexOf("        // README:end");
        assertTrue(start > 0 && end > start, "README region markers");
        String region = source.subList(start + 1, end).stream().map(l -> l.length() >= 8 ? l.substring(8) : l.strip())
                .collect(Collectors.joining("\n"));
        String readme = Files.readString(root.resolve("README.md"));
        assertTrue(readme.contains("```java\n" + region + "\n```"), "README must contain the QuickStart region:\n"
                + region);
        assertTrue(region.lines().count() <= 12, "the README example stays short");
    }
}
