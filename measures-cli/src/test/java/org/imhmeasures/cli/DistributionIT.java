/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution zip as a user gets it (failsafe, after {@code package}): unzipped into a fresh folder, its
 * launcher run by a plain {@code sh} with only a JDK ({@code JAVA_HOME}), from another working directory.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "runs the POSIX launcher")
class DistributionIT {

    @TempDir
    static Path unpacked;

    private static Path home;

    @BeforeAll
    static void unzip() throws IOException {
        Path zip = Path.of(System.getProperty("imh.distribution", "target/imh-measures-"
                + System.getProperty("imh.version") + ".zip"));
        assertTrue(Files.isRegularFile(zip), "the distribution must be built by package: " + zip);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = unpacked.resolve(entry.getName()).normalize();
                assertTrue(target.startsWith(unpacked), "entry inside the folder: " + entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target);
                }
            }
        }
        home = unpacked.resolve("imh-measures-" + System.getProperty("imh.version"));
    }

    @Test
    void zip_holdsLauncherJarLegalFilesDocsAndCompletion() throws IOException {
        Set<String> files = new TreeSet<>();
        try (var walk = Files.walk(home)) {
            walk.filter(Files::isRegularFile).forEach(f -> files.add(home.relativize(f).toString().replace('\\', '/')));
        }
        assertEquals(new TreeSet<>(List.of("bin/imh-measures", "bin/imh-measures.cmd", "lib/imh-measures-cli.jar",
                "completion/imh-measures.bash", "docs/cli.md", "LICENSE", "NOTICE")), files);
        assertTrue(Files.readString(home.resolve("bin/imh-measures.cmd")).contains("\r\n"), "Windows line ends");
        assertTrue(Files.readString(home.resolve("completion/imh-measures.bash")).contains("fhir-score"));
    }

    @Test
    void jar_holdsEveryChartLibrarysLicenceAndNotice() throws IOException {
        try (JarFile jar = new JarFile(home.resolve("lib/imh-measures-cli.jar").toFile())) {
            // JFreeChart's jar ships no licence text: the LGPL 2.1 comes from src/main/licenses
            assertTrue(text(jar, "META-INF/licenses/jfreechart/LICENSE").contains(
                    "GNU LESSER GENERAL PUBLIC LICENSE\n                       Version 2.1, February 1999"));
            for (String batik : List.of("batik-svggen", "batik-awt-util", "batik-util", "batik-constants",
                    "batik-i18n", "batik-shared-resources", "xmlgraphics-commons")) {
                assertTrue(text(jar, "META-INF/licenses/" + batik + "/LICENSE").contains("Apache License"), batik);
                assertTrue(text(jar, "META-INF/licenses/" + batik + "/NOTICE").contains("Apache Software Foundation"),
                        batik);
            }
            assertTrue(text(jar, "META-INF/NOTICE").contains("Apache Batik"), "Batik's NOTICE merged");
        }
    }

    private static String text(JarFile jar, String name) throws IOException {
        ZipEntry entry = jar.getEntry(name);
        assertTrue(entry != null, name + " in the jar");
        try (var in = jar.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void help_commandHelp_version(@TempDir Path cwd) throws Exception {
        Run help = sh(cwd, "--help");
        assertEquals(0, help.status(), help.err());
        assertTrue(help.out().startsWith("Usage: imh-measures "), help.out());
        Run score = sh(cwd, "score", "--help");
        assertEquals(0, score.status(), score.err());
        assertTrue(score.out().contains("--max-rejects N|P%"), score.out());
        Run version = sh(cwd, "--version");
        assertEquals(0, version.status(), version.err());
        assertTrue(version.out().startsWith("imh-measures " + System.getProperty("imh.version") + "\n"),
                version.out());
        assertTrue(version.out().contains("\n  PHQ-9 "), version.out());
        // the instrument is resolved after parsing (--definition may add one), so give the required options
        Run bad = sh(cwd, "score", "--instrument", "PHQ9", "--input", "in.csv", "--output", "out.csv");
        assertEquals(2, bad.status(), bad.err());
        assertTrue(bad.err().startsWith("imh-measures: --instrument must be one of [PHQ-9"), bad.err());
    }

    @Test
    void demo_runsAndWritesItsOutputs(@TempDir Path cwd) throws Exception {
        Run demo = sh(cwd, "demo", "--families", "60");
        assertEquals(0, demo.status(), demo.err());
        assertTrue(demo.out().contains("Outputs: "), demo.out());
        assertTrue(Files.isRegularFile(cwd.resolve("demo-out/report.txt")), "the report, in the working directory");
        assertTrue(Files.isRegularFile(cwd.resolve("demo-out/summary.json")));
        // the shaded jar draws the charts as inline SVG (Batik's classes and resources are all there)
        String html = Files.readString(cwd.resolve("demo-out/report.html"));
        assertTrue(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\"") && !html.contains("data:image"),
                "inline SVG charts");
    }

    private record Run(int status, String out, String err) {
    }

    /** {@code sh bin/imh-measures ARGS} in {@code cwd}, with JAVA_HOME set to this JDK. */
    private static Run sh(Path cwd, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", home.resolve("bin/imh-measures").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("JAVA_OPTS");
        Path out = Files.createTempFile(cwd, "out", ".txt");
        Path err = Files.createTempFile(cwd, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bin/imh-measures " + String.join(" ", args) + " did not finish within 300 s");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
