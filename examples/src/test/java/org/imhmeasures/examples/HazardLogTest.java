/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The clinical-safety hazard log names, for every control, the test classes that verify it. This test
 * keeps the log honest: every hazard has controls and verifying tests, and every test class (and
 * {@code Class#method}) it names exists in some module's {@code src/test/java}.
 */
class HazardLogTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path LOG = ROOT.resolve("docs/clinical-safety/hazard-log.md");

    /** A test reference in backticks: {@code FooTest} or {@code FooTest#method_name}. */
    private static final Pattern TEST_REF = Pattern.compile("`([A-Z][A-Za-z0-9]*(?:Test|IT))(?:#([A-Za-z0-9_]+))?`");
    private static final Pattern HAZARD = Pattern.compile("^## (H-\\d{2}) .+$");

    @Test
    void everyReferencedTestClassAndMethod_exists() throws IOException {
        Map<String, List<Path>> sources = testSources();
        Set<String> missing = new TreeSet<>();
        Matcher refs = TEST_REF.matcher(Files.readString(LOG));
        int count = 0;
        while (refs.find()) {
            count++;
            List<Path> files = sources.getOrDefault(refs.group(1), List.of());
            if (files.isEmpty()) {
                missing.add(refs.group(1));
            } else if (refs.group(2) != null && files.stream().noneMatch(f -> declares(f, refs.group(2)))) {
                missing.add(refs.group(1) + "#" + refs.group(2));
            }
        }
        assertTrue(count >= 20, "the hazard log must reference its verifying tests: " + count + " references");
        assertEquals(Set.of(), missing, "hazard log references tests that do not exist");
    }

    @Test
    void everyHazard_hasCausesControlsVerificationAndResidualRisk() throws IOException {
        Map<String, String> hazards = hazards(Files.readAllLines(LOG));
        assertTrue(hazards.size() >= 8, "hazards in the log: " + hazards.keySet());
        for (Map.Entry<String, String> hazard : hazards.entrySet()) {
            String body = hazard.getValue();
            for (String field : List.of("**Causes.**", "**Effect.**", "**Controls.**", "**Verified by.**",
                    "**Residual risk.**")) {
                assertTrue(body.contains(field), hazard.getKey() + " must state " + field);
            }
            String verified = body.substring(body.indexOf("**Verified by.**"), body.indexOf("**Residual risk.**"));
            assertTrue(TEST_REF.matcher(verified).find(), hazard.getKey() + " must name at least one test");
        }
    }

    @Test
    void hazardIds_areUniqueAndInOrder() throws IOException {
        List<String> ids = Files.readAllLines(LOG).stream().map(HAZARD::matcher).filter(Matcher::matches)
                .map(m -> m.group(1)).toList();
        assertFalse(ids.isEmpty());
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(String.format("H-%02d", i + 1), ids.get(i), "hazard ids run H-01, H-02, ...");
        }
    }

    private static Map<String, String> hazards(List<String> lines) {
        Map<String, String> hazards = new LinkedHashMap<>();
        String current = null;
        StringBuilder body = new StringBuilder();
        for (String line : lines) {
            Matcher m = HAZARD.matcher(line);
            if (m.matches() || line.startsWith("## ")) {
                if (current != null) {
                    hazards.put(current, body.toString());
                }
                current = m.matches() ? m.group(1) : null;
                body.setLength(0);
            } else if (current != null) {
                body.append(line).append('\n');
            }
        }
        if (current != null) {
            hazards.put(current, body.toString());
        }
        return hazards;
    }

    private static boolean declares(Path file, String method) {
        try {
            return Pattern.compile("\\b" + Pattern.quote(method) + "\\s*\\(").matcher(Files.readString(file)).find();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Test source files of every module, by simple class name. */
    private static Map<String, List<Path>> testSources() throws IOException {
        List<Path> roots = new ArrayList<>();
        try (Stream<Path> modules = Files.list(ROOT)) {
            modules.map(m -> m.resolve("src/test/java")).filter(Files::isDirectory).forEach(roots::add);
        }
        assertFalse(roots.isEmpty(), "no test sources found under " + ROOT.getFileName());
        Map<String, List<Path>> byName = new LinkedHashMap<>();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).collect(Collectors.toList())) {
                    String name = file.getFileName().toString();
                    byName.computeIfAbsent(name.substring(0, name.length() - ".java".length()),
                            k -> new ArrayList<>()).add(file);
                }
            }
        }
        return byName;
    }
}
