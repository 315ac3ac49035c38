/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report in a real browser (issue 12 §6): the system's headless Chromium opens the file with the network
 * off (every host name unresolvable), without DevTools: {@code --dump-dom} gives the DOM, which must hold every
 * section, and {@code --enable-logging=stderr} its console, which must be silent (a control page that breaks
 * the report's own Content-Security-Policy shows that a console message would be seen); {@code --screenshot}
 * gives a picture that must not be blank. Runs with {@code -Prenderer}; without Chromium it fails, never skips.
 * With {@code -Dimh.docs.write=true} the demo report's screenshot becomes {@code docs/images/report.png}.
 */
@Tag("renderer")
class ReportBrowserTest {

    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");
    private static final String CONSOLE = ":CONSOLE";
    private static Path chromium;

    @BeforeAll
    static void findChromium() {
        chromium = executable().orElse(null);
        if (chromium == null) {
            fail("the report browser test (-Prenderer) needs Chromium: none of " + NAMES + " is on PATH and "
                    + "-Dimh.chromium is not set; install it (Debian: apt-get install chromium) or run .ci/run");
        }
    }

    @Test
    void demoReport_opensOffline_withEverySection_noConsoleMessage_andANonBlankScreenshot(@TempDir Path dir)
            throws Exception {
        CliRun demo = CliRun.of("demo", "--families", "240", "--out", dir.resolve("demo-out").toString());
        assertEquals(0, demo.status(), demo.err());
        Path html = dir.resolve("demo-out/report.html");
        assertTrue(demo.out().contains("Report: " + html.toAbsolutePath().normalize()), demo.out());

        Run dom = chromium(dir, List.of("--dump-dom", html.toUri().toString()));
        for (String id : List.of("m-phq9", "m-phq9-jt", "m-phq9-categories", "m-phq9-cohort", "m-phq9-by-team",
                "m-phq9-by-age-band", "m-gad7", "m-epds", "m-pirgas-not-assessable", "referral-profile", "provenance")) {
            assertTrue(dom.out().contains("id=\"" + id + "\""), "the DOM has " + id);
        }
        // the demo has PHQ-9 and GAD-7 assessed (plot, categories, by team, by age band each) and EPDS
        assertTrue(count(dom.out(), "<svg ") >= 8, "inline SVG charts in the DOM");
        assertEquals(count(dom.out(), "<figure "), count(dom.out(), "<svg "), "one SVG per figure");
        assertFalse(dom.out().contains("data:image"), "no raster image");
        assertEquals(List.of(), console(dom), "console messages");

        Path png = dir.resolve("report.png");
        Run shot = chromium(dir, List.of("--window-size=1200,1500", "--screenshot=" + png, html.toUri().toString()));
        assertEquals(List.of(), console(shot), "console messages");
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1200, image.getWidth());
        assertNotBlank(image);
        Path target = Path.of("target", "images", "report.png");
        Files.createDirectories(target.getParent());
        Files.copy(png, target, StandardCopyOption.REPLACE_EXISTING);
        if (Boolean.getBoolean("imh.docs.write")) {
            Path docs = Path.of("..", "docs", "images", "report.png");
            Files.createDirectories(docs.getParent());
            Files.copy(png, docs, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void goldenReport_showsItsNumbersInTheBrowser_andAControlPageShowsTheConsoleIsWatched(@TempDir Path dir)
            throws Exception {
        Path scores = ReportCommandTest.goldenScores(dir, "South");
        Path html = dir.resolve("report.html");
        CliRun r = CliRun.of("report", "--scores", scores.toString(), "--post", "discharge", "--output", html.toString());
        assertEquals(0, r.status(), r.err());
        Run dom = chromium(dir, List.of("--dump-dom", html.toUri().toString()));
        assertTrue(dom.out().contains("<td>-4.20</td>"), "the mean change, rendered");
        assertTrue(dom.out().contains("<td>2 of 5 (40.0%)</td>"), "reliable improvement, rendered");
        assertEquals(List.of(), console(dom));

        Path control = Files.writeString(dir.resolve("control.html"), "<!DOCTYPE html><html><head><meta "
                + "http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\"></head><body>"
                + "<img src=\"http://example.invalid/x.png\" alt=\"\"><p>control</p></body></html>");
        Run seen = chromium(dir, List.of("--dump-dom", control.toUri().toString()));
        assertEquals(1, console(seen).size(), "the blocked fetch of the control page is seen: " + seen.err());
    }

    private static void assertNotBlank(BufferedImage image) {
        int background = image.getRGB(2, 2);
        Set<Integer> colours = new HashSet<>();
        long other = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y);
                colours.add(rgb);
                other += rgb != background ? 1 : 0;
            }
        }
        double share = other / (double) ((image.getWidth() / 2) * (image.getHeight() / 2));
        assertTrue(colours.size() > 16, "more than one colour: " + colours.size());
        assertTrue(share > 0.05, "a reasonable share of non-background pixels: " + share);
    }

    private record Run(String out, String err) {
    }

    private static List<String> console(Run run) {
        List<String> lines = new ArrayList<>();
        run.err().lines().filter(l -> l.contains(CONSOLE)).forEach(lines::add);
        return lines;
    }

    private static Run chromium(Path dir, List<String> args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(dir, "chromium-");
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless=new", "--no-sandbox",
                "--disable-gpu", "--user-data-dir=" + profile, "--no-first-run", "--no-default-browser-check",
                "--disable-extensions", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-default-apps", "--hide-scrollbars", "--mute-audio",
                // the network is off: no host name resolves, and no proxy is reachable
                "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9",
                "--enable-logging=stderr", "--v=0"));
        command.addAll(args);
        Path out = dir.resolve(profile.getFileName() + ".out");
        Path err = dir.resolve(profile.getFileName() + ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("chromium must finish within 120 s: " + args);
        }
        assertEquals(0, process.exitValue(), "chromium: " + Files.readString(err, StandardCharsets.UTF_8));
        return new Run(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static Optional<Path> executable() {
        String configured = System.getProperty("imh.chromium");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        for (String name : NAMES) {
            for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, name))) {
                    return Optional.of(Path.of(directory, name));
                }
            }
        }
        return Optional.empty();
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
