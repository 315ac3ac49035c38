/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.module.ModuleDescriptor;
import org.junit.jupiter.api.Test;

/** The dataset readers are implementation: their package is not exported, to anyone. */
class InternalPackageTest {

    @Test
    void moduleDescriptor_exportsNoInternalPackage() {
        Module module = DatasetReader.class.getModule();
        assumeTrue(module.isNamed(), "tests run on the class path: no module descriptor to check");
        for (ModuleDescriptor.Exports export : module.getDescriptor().exports()) {
            assertTrue(!export.source().contains(".internal"), export.toString());
        }
        assertTrue(module.getDescriptor().packages().contains(DatasetReader.class.getPackageName()));
    }
}
