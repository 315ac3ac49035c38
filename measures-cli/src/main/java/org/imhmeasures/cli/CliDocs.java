/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/**
 * Documents generated from the command model, so that help, {@code docs/cli.md} and shell completion never
 * disagree: {@code docs/cli.md} (checked by {@code CliDocsTest}) and the bash/zsh completion script of the
 * distribution (written at {@code package} by the build: {@code CliDocs completion FILE}).
 */
final class CliDocs {

    /** The command that rewrites {@code docs/cli.md} from the command model. */
    static final String REGENERATE = "./mvnw -B -ntp -pl measures-cli -am test -Dtest=CliDocsTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dimh.cli.docs.write=true";

    private CliDocs() {
    }

    /**
     * Writes a generated document.
     *
     * @param args {@code completion FILE} or {@code markdown FILE}
     * @throws IOException when the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2 || !(args[0].equals("completion") || args[0].equals("markdown"))) {
            throw new IllegalArgumentException("arguments must be completion|markdown FILE: " + String.join(" ", args));
        }
        Path file = Path.of(args[1]);
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        Files.writeString(file, args[0].equals("completion") ? completion() : markdown(), StandardCharsets.UTF_8);
    }

    /** The bash completion script (zsh loads it through {@code bashcompinit}). */
    static String completion() {
        return AutoComplete.bash("imh-measures", model());
    }

    /** {@code docs/cli.md}: an introduction, then every command's help text as {@code --help} prints it. */
    static String markdown() {
        CommandLine top = model();
        StringBuilder md = new StringBuilder();
        md.append("# The imh-measures command line\n\n")
                .append("<!-- Generated from the command model (measures-cli, CliDocs); do not edit. CliDocsTest "
                        + "fails when this file is out of date:\n     ")
                .append(REGENERATE).append(" -->\n\n")
                .append("Install: unzip `imh-measures-<version>.zip` (built by `./mvnw package` at "
                        + "`measures-cli/target/`) and put its `bin/` on the `PATH`; it needs only a Java 17+ "
                        + "runtime (`JAVA_HOME` or `java` on the `PATH`; `JAVA_OPTS` is passed to it). Without the "
                        + "zip: `java -jar measures-cli/target/imh-measures-cli.jar <command> ...`.\n\n")
                .append("Shell completion (bash, and zsh after `autoload -U +X bashcompinit && bashcompinit`): "
                        + "`source completion/imh-measures.bash` from the unzipped folder.\n\n")
                .append("Arguments may be read from a file, one or more per line: `imh-measures @args.txt`.\n\n")
                .append("Commands:");
        for (Map.Entry<String, CommandLine> sub : top.getSubcommands().entrySet()) {
            md.append(" [`").append(sub.getKey()).append("`](#imh-measures-").append(sub.getKey()).append(")");
        }
        md.append(".\n\n");
        section(md, "imh-measures", top);
        for (Map.Entry<String, CommandLine> sub : top.getSubcommands().entrySet()) {
            section(md, "imh-measures " + sub.getKey(), sub.getValue());
        }
        return md.toString();
    }

    private static void section(StringBuilder md, String title, CommandLine command) {
        md.append("## ").append(title).append("\n\n```text\n")
                .append(command.getUsageMessage(Ansi.OFF).replace("\r\n", "\n").stripTrailing())
                .append("\n```\n\n");
    }

    private static CommandLine model() {
        PrintStream none = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return Main.commandLine(none, none);
    }
}
