/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/cli.md} is generated from the command model and checked in; this test fails when the two
 * differ, and with {@code -Dimh.cli.docs.write=true} rewrites the file instead ({@link CliDocs#REGENERATE}).
 */
class CliDocsTest {

    private static final Path DOCS = Path.of("").toAbsolutePath().getParent().resolve("docs/cli.md");

    @Test
    void checkedInDocs_matchTheCommandModel() throws Exception {
        String generated = CliDocs.markdown();
        if (Boolean.getBoolean("imh.cli.docs.write")) {
            Files.writeString(DOCS, generated, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(DOCS), "docs/cli.md must exist: regenerate it with " + CliDocs.REGENERATE);
        assertEquals(generated, Files.readString(DOCS, StandardCharsets.UTF_8),
                "docs/cli.md must match the command model: regenerate it with " + CliDocs.REGENERATE);
    }

    @Test
    void docs_holdEveryCommandsHelp() {
        String md = CliDocs.markdown();
        for (String command : Main.commandLine(System.out, System.err).getSubcommands().keySet()) {
            assertTrue(md.contains("## imh-measures " + command + "\n"), command);
        }
        assertTrue(md.contains("--max-rejects N|P%"), md);
        assertTrue(md.contains("Exit status:"), md);
    }

    @Test
    void completion_coversCommandsAndInstrumentIds() {
        String script = CliDocs.completion();
        assertTrue(script.contains("complete -F _complete_imh-measures") || script.contains("_complete_imh-measures"),
                "a bash completion function");
        assertTrue(script.contains("fhir-score"), "subcommands");
        assertTrue(script.contains("--max-rejects"), "options");
        assertTrue(script.contains("PHQ-9"), "instrument ids as candidates");
    }
}
