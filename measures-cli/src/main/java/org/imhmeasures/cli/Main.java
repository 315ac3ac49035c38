/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import org.imhmeasures.cli.files.OutputFiles;

/**
 * The imh-measures command-line tool.
 *
 * <pre>
 * java -jar measures-cli/target/imh-measures-cli.jar instruments [--json]
 * java -jar measures-cli/target/imh-measures-cli.jar score --instrument ID --input IN.csv --output OUT.csv
 *                                                     [--rejects REJ.csv] [--missing strict|prorate] [--raw-csv]
 * java -jar measures-cli/target/imh-measures-cli.jar profile --input REFERRALS.jsonl [--output PROFILE.json] [--top N]
 * java -jar measures-cli/target/imh-measures-cli.jar fhir --instrument ID --input IN.csv --output OUT.ndjson [--rejects REJ.csv]
 *                                                    [--raw-csv]
 * java -jar measures-cli/target/imh-measures-cli.jar fhir-score --input QR.json
 * </pre>
 * Exit status: 0 when the run completed (rejected rows included), 2 for unusable arguments (including an
 * output that is an input or another output), 1 for unreadable or unusable files (and, with the type only,
 * for an internal error). Errors are one line on standard error and never quote input content: no stack
 * trace is printed. Every output appears only when its run completed ({@link OutputFiles}).
 */
public final class Main {

    static final String USAGE = String.join(System.lineSeparator(),
            "usage: imh-measures <command> [options]",
            "  demo [--families N] [--seed S] [--out DIR]",
            "                                        the main job: score and report a synthetic service",
            "  instruments [--json]                  list the instrument catalogue",
            "  score --instrument ID --input IN --output OUT.csv [--rejects REJ.csv] [--missing strict|prorate]",
            "        [--format wide|long|jsonl] [--raw-csv]",
            "                                        score a dataset (default wide CSV: record_id + item columns)",
            "  change --instrument ID --input IN.csv --output OUT.csv [--summary SUMMARY.json]",
            "         [--method jt|gln|en|ha|nk|hll|nhs] [--params published|sample] [--reliability R] [--rejects REJ.csv]",
            "         [--group-by COLUMN[,COLUMN]] [--raw-csv]",
            "                                        reliable and clinically significant change (record_id,pre,post)",
            "  profile --input REFERRALS.jsonl [--output PROFILE.json] [--top N] [--upper-age YEARS]",
            "                                        pooled referral profile of portal submissions",
            "  fhir --instrument ID --input IN.csv --output OUT.ndjson [--rejects REJ.csv] [--raw-csv]",
            "                                        score a wide CSV; FHIR QuestionnaireResponse + Observation per row",
            "  fhir-score --input QR.json            score an inbound FHIR R4 QuestionnaireResponse, print the Observation",
            "Outputs are written to a temporary file and moved into place only when the run completed; an output",
            "that is an input or another output is refused. CSV text cells beginning with = + - @ TAB or CR get",
            "a leading ' (spreadsheet formula injection); --raw-csv writes them as they are, for pipelines.");

    /** Kept strongly reachable so the level holds: Hibernate Validator's start-up banner is noise here. */
    private static final java.util.logging.Logger VALIDATOR_LOG = java.util.logging.Logger.getLogger(
            "org.hibernate.validator");

    private Main() {
    }

    /**
     * Runs the tool and exits with its status.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
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
        VALIDATOR_LOG.setLevel(java.util.logging.Level.WARNING);
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h")) {
            (args.isEmpty() ? err : out).println(USAGE);
            return args.isEmpty() ? 2 : 0;
        }
        List<String> rest = args.subList(1, args.size());
        try {
            switch (args.get(0)) {
                case "instruments":
                    return InstrumentsCommand.run(rest, out);
                case "score":
                    return ScoreCommand.run(rest, out, err);
                case "change":
                    return ChangeCommand.run(rest, out, err);
                case "demo":
                    return DemoCommand.run(rest, out);
                case "profile":
                    return ProfileCommand.run(rest, out, err);
                case "fhir":
                    return FhirCommand.run(rest, out, err);
                case "fhir-score":
                    return FhirScoreCommand.run(rest, out, err);
                default:
                    throw new UsageException("command must be one of [demo, instruments, score, change, profile, fhir, fhir-score]: "
                            + args.get(0));
            }
        } catch (UsageException e) {
            err.println("imh-measures: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (OutputFiles.SameFileException e) {
            // refused before anything was opened for writing; one line, no usage text
            err.println("imh-measures: " + e.getMessage());
            return 2;
        } catch (CommandFailure e) {
            err.println("imh-measures: " + e.getMessage());
            return 1;
        } catch (org.imhmeasures.core.instrument.DefinitionException e) {
            // only possible with a damaged jar: the built-in catalogue is validated by the build's tests
            err.println("imh-measures: catalogue must load: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            // a defect, not an input problem: one line and the type only, since a message (or a stack
            // trace's) may quote the input, and the input may hold patient identifiers
            err.println("imh-measures: run must complete: internal error (" + e.getClass().getName() + ")");
            return 1;
        }
    }
}
