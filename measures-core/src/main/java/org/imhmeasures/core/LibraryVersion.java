/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of the imh-measures library that is running, as recorded by the build.
 *
 * <p>Scoring results carry it in their provenance, so a stored score can always be traced to the
 * code that produced it.
 *
 * @since 0.1.0
 */
public final class LibraryVersion {

    private static final String VERSION = load();

    private LibraryVersion() {
    }

    /**
     * Returns the library version, for example {@code 0.1.0-SNAPSHOT}.
     *
     * @return the version string written by the build, never empty
     */
    public static String current() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = LibraryVersion.class.getResourceAsStream("library.properties")) {
            if (in == null) {
                throw new IllegalStateException("library.properties must be on the class path: missing");
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "").trim();
            if (version.isEmpty() || version.startsWith("${")) {
                throw new IllegalStateException("library version must be set by the build: " + version);
            }
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
