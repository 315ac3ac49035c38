/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The data files shipped in the jar cite published sources only: none may point at the developers' private
 * research notes or seed documents, which a user of the library cannot open.
 */
class ShippedDataTest {

    /** The module's resource root for the core package, relative to the module directory (the test's working directory). */
    private static final Path RESOURCES = Path.of("src", "main", "resources", "org", "imhmeasures", "core");

    /** Pointers to the project's private notes: the shared folder and the note files by name. */
    private static final List<String> PRIVATE_POINTERS = List.of("../shared", "shared/research", "shared/seeds",
            "instruments.md", "instruments-2.md", "domain.md", "peers.md", "aesthetics.md", "project seed",
            "research notes");

    /** Data files loaded by name outside the instrument indexes (competency, risk and service models). */
    private static final Set<String> OTHER_DATA_FILES = Set.of("competency/imhcf.json",
            "competency/mi-aimh-endorsement.json", "risk/risk-taxonomy.json", "service/interventions.json",
            "service/staffing-models.json", "service/team-definition.json");

    /** Every file under the resource root, as a path relative to it with '/' separators; never empty. */
    static List<String> shippedFiles() {
        assertTrue(Files.isDirectory(RESOURCES), "resource directory not found: " + RESOURCES.toAbsolutePath());
        try (Stream<Path> walk = Files.walk(RESOURCES)) {
            List<String> files = walk.filter(Files::isRegularFile)
                    .map(p -> RESOURCES.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .collect(Collectors.toList());
            assertFalse(files.isEmpty(), "no resource files found under " + RESOURCES.toAbsolutePath());
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The walk sees every file the catalogue and the other models load, so it cannot silently skip one. */
    @Test
    void walkCoversEveryKnownDataFile() {
        Set<String> files = new TreeSet<>(shippedFiles());
        List<String> expected = new ArrayList<>(OTHER_DATA_FILES);
        Catalogue.BUILT_IN_INDEX.values().forEach(f -> expected.add("instrument/catalogue/" + f));
        Catalogue.BUILT_IN_REFERENCES.values().forEach(f -> expected.add("instrument/catalogue/references/" + f));
        assertTrue(expected.size() > OTHER_DATA_FILES.size() + 20, "the indexes name " + expected.size() + " files");
        for (String name : expected) {
            assertTrue(files.contains(name), "walk missed " + name);
        }
    }

    @Test
    void noShippedFileCitesThePrivateResearchNotes() {
        List<String> hits = new ArrayList<>();
        List<String> files = shippedFiles();
        for (String name : files) {
            String source = read(RESOURCES.resolve(name));
            String shipped = classpathCopy(name);
            assertEquals(source, shipped, name + ": the classpath copy differs from the source (rebuild)");
            for (String pointer : PRIVATE_POINTERS) {
                int at = shipped.indexOf(pointer);
                if (at >= 0) {
                    hits.add(name + " line " + lineOf(shipped, at) + ": " + pointer);
                }
            }
        }
        assertEquals(List.of(), hits, "shipped data must cite published sources, not the project's notes");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The copy that ships: read from the module's classpath, as the library itself reads it. */
    private static String classpathCopy(String name) {
        try (InputStream in = Catalogue.class.getResourceAsStream("/org/imhmeasures/core/" + name)) {
            assertNotNull(in, "not on the classpath: " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lineOf(String text, int index) {
        return text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }
}
