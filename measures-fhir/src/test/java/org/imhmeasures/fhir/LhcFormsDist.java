/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.fhir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * LHC-Forms' prebuilt distribution, fetched with {@code npm pack lforms@<version>} into {@code target/lforms/},
 * checked against the registry's published sha512 integrity before it is unpacked, and reused while it stays
 * intact. Nothing is installed and no package script runs.
 */
final class LhcFormsDist {

    /** The LHC-Forms release the renderer test pins. */
    static final String VERSION = "40.1.3";

    /** {@code npm view lforms@40.1.3 dist.integrity}, the registry's SRI hash of the tarball. */
    static final String INTEGRITY =
            "sha512-WLruTm+BcVnafC0rSAQ3/cNqhxvclBUxyBG68aub/uha2NaK9H8ZZcEXTTuORuGzzCt0wa7fvhuieZtcDIdPzQ==";

    private static final long NPM_TIMEOUT_MINUTES = 5;

    private LhcFormsDist() {
    }

    /**
     * The unpacked {@code dist/lforms} directory (holding {@code webcomponent/} and {@code fhir/}).
     *
     * @param target the module's build directory
     * @return the directory
     * @throws IOException if npm is missing or fails, or the tarball does not match {@link #INTEGRITY}
     */
    static Path fetch(Path target) throws IOException, InterruptedException {
        Path directory = target.resolve("lforms").toAbsolutePath();
        Path tarball = directory.resolve("lforms-" + VERSION + ".tgz");
        Path unpacked = directory.resolve(VERSION);
        Path dist = unpacked.resolve("package").resolve("dist").resolve("lforms");
        Files.createDirectories(directory);
        if (!Files.isRegularFile(tarball) || !integrity(tarball).equals(INTEGRITY)) {
            Files.deleteIfExists(tarball);
            pack(directory);
        }
        String found = integrity(tarball);
        if (!found.equals(INTEGRITY)) {
            Files.delete(tarball);
            throw new IOException("lforms-" + VERSION + ".tgz must match the registry integrity " + INTEGRITY + ": "
                    + found);
        }
        if (!Files.isRegularFile(dist.resolve("webcomponent").resolve("main.js"))) {
            Files.createDirectories(unpacked);
            run(List.of("tar", "-xzf", tarball.toString(), "-C", unpacked.toString(), "--no-same-owner"), directory,
                    "tar");
        }
        for (String file : List.of("webcomponent/main.js", "webcomponent/styles.css", "fhir/R4/lformsFHIR.min.js")) {
            if (!Files.isRegularFile(dist.resolve(file))) {
                throw new IOException("lforms " + VERSION + " must ship dist/lforms/" + file + ": missing");
            }
        }
        return dist;
    }

    private static void pack(Path directory) throws IOException, InterruptedException {
        Optional<Path> npm = Chromium.onPath(List.of("npm"));
        if (npm.isEmpty()) {
            throw new IOException("npm must be on PATH to fetch lforms@" + VERSION + " (npm pack): not found; install "
                    + "Node.js with npm (Debian: apt-get install npm) or run .ci/run");
        }
        run(List.of(npm.get().toString(), "pack", "lforms@" + VERSION, "--pack-destination", directory.toString(),
                "--ignore-scripts", "--no-fund", "--no-audit", "--loglevel=error"), directory, "npm pack lforms@" + VERSION);
    }

    private static void run(List<String> command, Path directory, String what) throws IOException, InterruptedException {
        Path log = Files.createTempFile(directory, "run-", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("NPM_CONFIG_UPDATE_NOTIFIER", "false");
            Process process = builder.start();
            if (!process.waitFor(NPM_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException(what + " must finish within " + NPM_TIMEOUT_MINUTES + " minutes: timed out");
            }
            if (process.exitValue() != 0) {
                throw new IOException(what + " must succeed: exit " + process.exitValue() + ": "
                        + Files.readString(log, StandardCharsets.UTF_8).strip());
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** The SRI form {@code sha512-<base64>} of a file's SHA-512. */
    static String integrity(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-512");
            return "sha512-" + Base64.getEncoder().encodeToString(digest.digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-512", e);
        }
    }
}
