/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.imhmeasures.cli.files.OutputFiles;
import org.imhmeasures.core.care.EligibilityPolicy;
import org.imhmeasures.portal.profile.ReferralProfile;
import org.imhmeasures.portal.submission.Submission;
import org.imhmeasures.portal.submission.SubmissionResult;
import org.imhmeasures.portal.submission.SubmissionValidator;
import org.imhmeasures.portal.submission.Violation;
import org.imhmeasures.scoring.dataset.BoundedLines;
import org.imhmeasures.scoring.dataset.DatasetException;
import org.imhmeasures.scoring.dataset.DatasetInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code profile --input referrals.jsonl [--output profile.json] [--top N] [--upper-age YEARS]}: the pooled
 * referral profile
 * of a JSON Lines file with one portal submission per line.
 *
 * <p>Every line is validated as a submission; rejected lines are reported on standard error by line
 * number with their violation codes and paths (never their content) and left out of the profile. The
 * profile is printed as text tables, and written as JSON to {@code --output} when given.
 * {@link #load(Path, int)} and {@link #render(ReferralProfile)} are public for reports.
 */
@Command(name = "profile", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, sortSynopsis = false, separator = " ",
        description = "Pooled referral profile of portal submissions (JSON Lines, one per line).",
        footerHeading = "%nExample:%n",
        footer = {"  imh-measures profile --input referrals.jsonl --output profile.json \\", "      --upper-age 3"},
        exitCodeListHeading = Main.EXIT_HEADING, exitCodeList = {Main.EXIT_0, Main.EXIT_1, Main.EXIT_2})
public final class ProfileCommand implements Callable<Integer> {

    /** The outcome of reading a JSON Lines file. */
    public record Loaded(ReferralProfile profile, int lines, List<String> rejections) {
    }

    /** Kept strongly reachable so the level holds: Hibernate Validator's start-up banner is noise here. */
    private static final Logger VALIDATOR_LOG = Logger.getLogger(
            "org.hibernate.validator");

    @ParentCommand
    private Main main;

    @Option(names = "--input", required = true, paramLabel = "REFERRALS.jsonl",
            description = "portal submissions, one JSON object per line")
    private Path input;

    @Option(names = "--output", paramLabel = "PROFILE.json", description = "the profile as JSON")
    private Path outputFile;

    @Option(names = "--top", paramLabel = "N", converter = Converters.Top.class,
            description = "risk factors to list, 1 to 100 (default: " + ReferralProfile.DEFAULT_TOP_N + ")")
    private Integer topOption;

    @Option(names = "--upper-age", paramLabel = "YEARS", converter = Converters.UpperAge.class,
            description = "the service takes referrals up to this age, 2 to 18 years (default: the second birthday)")
    private Period upperAge;

    private ProfileCommand() {
    }

    /**
     * Profiles the input.
     *
     * @return the exit status
     * @throws CommandFailure when the file cannot be read
     * @throws OutputFiles.SameFileException when the output is the input
     */
    @Override
    public Integer call() throws CommandFailure, OutputFiles.SameFileException {
        return run(main.out, main.err);
    }

    private int run(PrintStream out, PrintStream err) throws CommandFailure, OutputFiles.SameFileException {
        VALIDATOR_LOG.setLevel(Level.WARNING);
        EligibilityPolicy policy = EligibilityPolicy.defaults();
        if (upperAge != null) {
            policy = policy.withUpperAge(upperAge);
        }
        Optional<Path> output = Optional.ofNullable(outputFile);
        int top = topOption == null ? ReferralProfile.DEFAULT_TOP_N : topOption;
        Loaded loaded;
        // the JSON goes to a temporary file, moved into place only when the whole input was profiled
        try (OutputFiles files = RunFiles.open(List.of(OutputFiles.Named.of("--input", input)),
                RunFiles.optional("--output", output))) {
            loaded = load(input, top, policy);
            if (output.isPresent()) {
                files.writer(output.get()).write(loaded.profile().toJson());
            }
            files.commit();
        } catch (IOException e) {
            throw RunFiles.failure("--input", input, e);
        }
        loaded.rejections().forEach(r -> err.println("imh-measures: " + r));
        out.print(render(loaded.profile()));
        out.println(loaded.profile().pooled().referrals() + " of " + loaded.lines() + " submissions profiled, "
                + loaded.rejections().size() + " rejected");
        return 0;
    }

    /**
     * Reads and validates a JSON Lines file of submissions and profiles the accepted ones. Blank lines
     * are skipped; a leading byte-order mark is dropped; a line over {@link SubmissionValidator#MAX_BYTES}
     * characters is rejected as {@code line_too_long} without being held in memory.
     *
     * @param input the file
     * @param topN how many risk factors to list
     * @return the profile, the number of submissions read, and one line per rejected submission
     * @throws CommandFailure when the file cannot be read
     */
    public static Loaded load(Path input, int topN) throws CommandFailure {
        return load(input, topN, EligibilityPolicy.defaults());
    }

    /**
     * As {@link #load(Path, int)}, with the service's eligibility policy (e.g. referrals up to age 3).
     *
     * @param input the file
     * @param topN how many risk factors to list
     * @param policy the eligibility policy submissions are validated against
     * @return the profile, the number of submissions read, and one line per rejected submission
     * @throws CommandFailure when the file cannot be read
     */
    public static Loaded load(Path input, int topN, EligibilityPolicy policy)
            throws CommandFailure {
        List<Submission> accepted = new ArrayList<>();
        List<String> rejections = new ArrayList<>();
        int lines = 0;
        // a line over the submission size limit is skipped without being held: a 400 MB line costs nothing
        try (SubmissionValidator validator = SubmissionValidator.builder().policy(policy).build();
                BoundedLines in = BoundedLines.of(DatasetInput.open(input), SubmissionValidator.MAX_BYTES)) {
            Optional<BoundedLines.Line> next;
            while ((next = in.next()).isPresent()) {
                long number = next.get().number();
                lines++;
                if (next.get() instanceof BoundedLines.TooLong) {
                    rejections.add("line " + number + " must be a valid submission: line_too_long");
                    continue;
                }
                SubmissionResult result = validator.validate(((BoundedLines.Text) next.get()).text());
                if (result instanceof SubmissionResult.Accepted) {
                    accepted.add(((SubmissionResult.Accepted) result).submission());
                } else {
                    List<Violation> violations = ((SubmissionResult.Rejected) result).violations();
                    rejections.add("line " + number + " must be a valid submission: " + violations.stream().map(
                            v -> v.code() + (v.path().isEmpty() ? "" : " at " + v.path())).collect(Collectors
                                    .joining(", ")));
                }
            }
        } catch (DatasetException e) {
            throw new CommandFailure("--input " + input.getFileName() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new CommandFailure("--input must be readable UTF-8: " + e.getClass().getSimpleName(), e);
        }
        return new Loaded(ReferralProfile.of(accepted, topN), lines, rejections);
    }

    /**
     * The profile as readable text tables (pooled, then per team), for the CLI and reports.
     *
     * @param profile the profile
     * @return the text
     */
    public static String render(ReferralProfile profile) {
        return profile.toText();
    }
}
