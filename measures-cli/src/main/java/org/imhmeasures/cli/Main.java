/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.imhmeasures.cli.files.OutputFiles;
import org.imhmeasures.core.instrument.DefinitionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The imh-measures command-line tool; {@code imh-measures --help} and {@code imh-measures <command> --help}
 * describe every command and option (the same text as {@code docs/cli.md}, which is generated from this
 * command model).
 *
 * <pre>
 * imh-measures demo [--families N] [--seed S] [--out DIR]
 * imh-measures instruments [--json]
 * imh-measures score --instrument ID --input IN --output OUT.csv [--rejects REJ.csv] ...
 * imh-measures change --instrument ID --input IN.csv --output OUT.csv ...
 * imh-measures outcome --from-scores DIR --measures ID,ID --output OUT.csv ...
 * imh-measures report --scores DIR --output REPORT.html [--submissions REFERRALS.jsonl] ...
 * imh-measures profile --input REFERRALS.jsonl [--output PROFILE.json] ...
 * imh-measures fhir --instrument ID --input IN.csv --output OUT.ndjson ...
 * imh-measures fhir-score --input QR.json
 * </pre>
 * Exit status: 0 when the run completed (rejected rows included), 1 for unreadable or unusable files or a
 * run that failed (and, with the type only, for an internal error), 2 for unusable arguments (including an
 * output that is an input or another output), 3 for a completed run that rejected more rows than
 * {@code --max-rejects} allows. Errors are one line on standard error and never quote input content: no
 * stack trace is printed. Every output appears only when its run completed ({@link OutputFiles}).
 */
@Command(name = "imh-measures", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, sortSynopsis = false, separator = " ",
        description = "Score, report and map infant mental health outcome measures.",
        subcommands = {DemoCommand.class, InstrumentsCommand.class, ScoreCommand.class, ChangeCommand.class,
            OutcomeCommand.class,
            ReportCommand.class, ProfileCommand.class, FhirCommand.class, FhirScoreCommand.class, InspectCommand.class,
            CodesCommand.class},
        commandListHeading = "%nCommands:%n",
        footerHeading = "%n",
        footer = {"Outputs are written to a temporary file and moved into place only when the run completed; an "
                + "output that is an input or another output is refused. CSV text cells beginning with = + - @ TAB or "
                + "CR get a leading ' (spreadsheet formula injection); --raw-csv writes them as they are, for "
                + "pipelines. Arguments may be read from a file: @FILE.", "",
            "Example:", "  imh-measures demo", "  imh-measures score --help"},
        exitCodeListHeading = Main.EXIT_HEADING, exitCodeList = {Main.EXIT_0, Main.EXIT_1, Main.EXIT_2, Main.EXIT_3})
public final class Main implements Callable<Integer> {

    static final String EXIT_HEADING = "%nExit status:%n";
    static final String EXIT_0 = "0:the run completed (rejected rows included)";
    static final String EXIT_1 = "1:a file is unreadable or unusable, or the run failed";
    static final String EXIT_2 = "2:unusable arguments";
    static final String EXIT_3 = "3:the run completed but rejected more rows than --max-rejects allows";

    /** Exit status of a completed run that rejected more rows than {@code --max-rejects} allows. */
    static final int TOO_MANY_REJECTS = 3;

    /** Columns of the help text (synopses with file names such as PROFILE.json stay on one line). */
    static final int HELP_WIDTH = 100;

    /** A synopsis of every command, from the command model. */
    static final String USAGE = usage();

    /** Kept strongly reachable so the level holds: Hibernate Validator's start-up banner is noise here. */
    private static final Logger VALIDATOR_LOG = Logger.getLogger("org.hibernate.validator");

    final PrintStream out;
    final PrintStream err;

    @Spec
    private CommandSpec spec;

    private Main() {
        this(System.out, System.err);
    }

    private Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * Runs the tool and exits with its status.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        // the report draws its charts with AWT: never look for a display, even where DISPLAY is set
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        int status = run(Arrays.asList(args), System.out, System.err);
        System.exit(status);
    }

    /**
     * Runs the tool without exiting; used by tests.
     *
     * @param args arguments
     * @param out standard output
     * @param err standard error
     * @return the exit status
     */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        VALIDATOR_LOG.setLevel(Level.WARNING);
        CommandLine cli = commandLine(out, err);
        return cli.execute(args.toArray(String[]::new));
    }

    /** The command model, writing to {@code out} and {@code err}, with the project's error handling. */
    static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new Main(out, err));
        cli.setUsageHelpWidth(HELP_WIDTH);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        // a value that looks like an option is a forgotten value, not a file called "--output"
        cli.setUnmatchedOptionsAllowedAsOptionParameters(false);
        cli.setParameterExceptionHandler(Errors::usage);
        cli.setExecutionExceptionHandler((e, command, parsed) -> Errors.execution(e, err));
        return cli;
    }

    /** Without a command: the usage on standard error, exit 2. */
    @Override
    public Integer call() {
        spec.commandLine().usage(err);
        return 2;
    }

    private static String usage() {
        CommandLine cli = commandLine(System.out, System.err);
        StringBuilder text = new StringBuilder("usage: imh-measures <command> [options]");
        for (CommandLine sub : cli.getSubcommands().values()) {
            sub.setUsageHelpWidth(1000); // one line per synopsis
            text.append(System.lineSeparator()).append("  ").append(sub.getHelp().synopsis(0).strip()
                    .replaceFirst("^imh-measures ", ""));
            text.append(System.lineSeparator()).append("      ").append(sub.getCommandSpec().usageMessage()
                    .description()[0]);
        }
        return text.toString();
    }

    /** Maps picocli's and the commands' exceptions to one line on standard error and an exit status. */
    static final class Errors {

        private Errors() {
        }

        static int usage(CommandLine.ParameterException e, String[] args) {
            CommandLine command = e.getCommandLine();
            PrintWriter err = command.getErr();
            err.println("imh-measures: " + message(e));
            err.println("see: " + command.getCommandSpec().qualifiedName() + " --help");
            return 2;
        }

        static String message(CommandLine.ParameterException e) {
            if (e.getCause() instanceof CommandLine.TypeConversionException conversion) {
                return conversion.getMessage();
            }
            CommandSpec spec = e.getCommandLine().getCommandSpec();
            if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
                String arg = unmatched.getUnmatched().get(0);
                if (spec.parent() == null && !arg.startsWith("-")) {
                    return "command must be one of " + List.copyOf(spec.subcommands().keySet()) + ": " + arg;
                }
                return "argument must be one of " + spec.options().stream().filter(o -> !o.usageHelp()
                        && !o.versionHelp()).map(CommandLine.Model.OptionSpec::longestName).sorted().toList()
                        + ": " + arg;
            }
            if (e instanceof CommandLine.OverwrittenOptionException overwritten) {
                return name(overwritten.getOverwritten()) + " must be given once: repeated";
            }
            if (e instanceof CommandLine.MissingParameterException missing && !missing.getMissing().isEmpty()) {
                return name(missing.getMissing().get(0)) + (e.getMessage().startsWith("Missing required option")
                        ? " must be given: missing" : " must be followed by a value: none given");
            }
            if (e.getMessage().startsWith("Expected parameter for option") && e.getArgSpec() != null) {
                return name(e.getArgSpec()) + " must be followed by a value: none given";
            }
            return "arguments must be usable: " + e.getMessage();
        }

        private static String name(CommandLine.Model.ArgSpec arg) {
            return arg instanceof CommandLine.Model.OptionSpec option ? option.longestName() : arg.paramLabel();
        }

        static int execution(Exception e, PrintStream err) {
            if (e instanceof UsageException) {
                err.println("imh-measures: " + e.getMessage());
                return 2;
            } else if (e instanceof OutputFiles.SameFileException) {
                // refused before anything was opened for writing
                err.println("imh-measures: " + e.getMessage());
                return 2;
            } else if (e instanceof CommandFailure) {
                err.println("imh-measures: " + e.getMessage());
                return 1;
            } else if (e instanceof DefinitionException) {
                // only possible with a damaged jar: the built-in catalogue is validated by the build's tests
                err.println("imh-measures: catalogue must load: " + e.getMessage());
                return 1;
            }
            // a defect, not an input problem: one line and the type only, since a message (or a stack
            // trace's) may quote the input, and the input may hold patient identifiers
            err.println("imh-measures: run must complete: internal error (" + e.getClass().getName() + ")");
            return 1;
        }
    }
}
