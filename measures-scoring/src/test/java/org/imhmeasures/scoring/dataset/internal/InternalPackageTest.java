/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The dataset readers are implementation: their package is not exported, to anyone. */
class InternalPackageTest {

    @Test
    void moduleDescriptor_exportsNoInternalPackage() throws IOException, URISyntaxException {
        ModuleDescriptor descriptor = descriptor();
        for (ModuleDescriptor.Exports export : descriptor.exports()) {
            assertTrue(!export.source().contains(".internal"), export.toString());
        }
        assertTrue(descriptor.packages().contains(DatasetReader.class.getPackageName()));
    }

    /**
     * The module's descriptor: from the module when the tests run on the module path, else read from the
     * {@code module-info.class} beside the classes (a folder or the jar), so the check never depends on how the
     * tests are launched.
     */
    private static ModuleDescriptor descriptor() throws IOException, URISyntaxException {
        Module module = DatasetReader.class.getModule();
        if (module.isNamed()) {
            return module.getDescriptor();
        }
        Path location = Path.of(DatasetReader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(location)) {
            try (InputStream in = Files.newInputStream(location.resolve("module-info.class"))) {
                return ModuleDescriptor.read(in);
            }
        }
        try (JarFile jar = new JarFile(location.toFile()); InputStream in = jar.getInputStream(
                jar.getEntry("module-info.class"))) {
            return ModuleDescriptor.read(in);
        }
    }
}
