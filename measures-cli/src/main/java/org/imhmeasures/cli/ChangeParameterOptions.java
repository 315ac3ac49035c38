/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli;

import java.io.PrintStream;
import org.imhmeasures.scoring.change.ChangeOptions;
import org.imhmeasures.scoring.change.ParameterSource;
import org.imhmeasures.scoring.change.RciMethod;
import org.imhmeasures.scoring.change.SignificanceCriterion;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * Every clinical parameter of individual change, shared by {@code change}, {@code outcome} and
 * {@code report}. What is not given comes from the instrument's definition; the summary's
 * {@code parameters.suppliedByCaller} and {@code sources} say which was which.
 */
final class ChangeParameterOptions {

    /** Printed once on standard error when {@code --method hll} is used. */
    static final String HLL_WARNING = "imh-measures: warning: hll compares each change with the group's mean change "
            + "(Hsu-Linn-Lord), so \"deteriorated\" can rise while the cohort improves; use jt or nhs to compare with "
            + "no change";

    @Option(names = "--method", paramLabel = "jt|gln|en|ha|nk|hll|nhs|anchor|percentage",
            converter = Converters.Method.class,
            description = "reliable change method (default: nhs, the instrument's published fixed threshold); "
                    + "anchor and percentage need the caller's thresholds below")
    RciMethod method;

    @Option(names = "--params", paramLabel = "published|sample", converter = Converters.Params.class,
            description = "published norms or the sample's own statistics (default: published)")
    ParameterSource params;

    @Option(names = "--threshold", paramLabel = "POINTS", converter = Positive.class,
            description = "fixed reliable-change threshold in points for --method nhs, instead of the published one")
    Double threshold;

    @Option(names = "--reliability", paramLabel = "R", converter = Converters.Reliability.class,
            description = "reliability between 0 and 1, instead of the published one")
    Double reliability;

    @Option(names = "--reliability-post", paramLabel = "R", converter = Converters.Reliability.class,
            description = "post-score reliability between 0 and 1 (nk), default the --reliability one")
    Double reliabilityPost;

    @Option(names = "--alpha", paramLabel = "A", converter = Alpha.class,
            description = "two-sided significance level of the index, between 0 and 0.5 (default: 0.05)")
    Double alpha;

    @Option(names = "--criterion", paramLabel = "a|b|c|caseness", converter = Criterion.class,
            description = "Jacobson-Truax cut-off criterion a, b (functional SD, as JT 1991) or c, or caseness "
                    + "(default: c when both norms exist and the method has an index, else caseness)")
    SignificanceCriterion criterion;

    @Option(names = "--cutoff", paramLabel = "SCORE", converter = Number.class,
            description = "functional cut-off score instead of any criterion; a score on it stays dysfunctional")
    Double cutoff;

    @Option(names = "--functional-mean", paramLabel = "M", converter = Number.class,
            description = "functional (non-clinical) reference mean; give with --functional-sd")
    Double functionalMean;

    @Option(names = "--functional-sd", paramLabel = "SD", converter = Positive.class,
            description = "functional reference SD")
    Double functionalSd;

    @Option(names = "--clinical-mean", paramLabel = "M", converter = Number.class,
            description = "clinical (dysfunctional) reference mean; give with --clinical-sd")
    Double clinicalMean;

    @Option(names = "--clinical-sd", paramLabel = "SD", converter = Positive.class,
            description = "clinical reference SD (also the SD of the index under published parameters)")
    Double clinicalSd;

    @Option(names = "--mid-improvement", paramLabel = "POINTS", converter = Positive.class,
            description = "minimal important difference for improvement in points, for --method anchor "
                    + "(give with --mid-deterioration; no definition publishes one)")
    Double midImprovement;

    @Option(names = "--mid-deterioration", paramLabel = "POINTS", converter = Positive.class,
            description = "minimal important difference for deterioration in points, for --method anchor")
    Double midDeterioration;

    @Option(names = "--pct-improvement", paramLabel = "FRACTION", converter = Positive.class,
            description = "change relative to baseline that counts as improvement, for --method percentage, as a "
                    + "fraction (0.5 = 50%%; give with --pct-deterioration)")
    Double pctImprovement;

    @Option(names = "--pct-deterioration", paramLabel = "FRACTION", converter = Positive.class,
            description = "change relative to baseline that counts as deterioration, for --method percentage, as "
                    + "a fraction")
    Double pctDeterioration;

    /** The options given; exit 2 for a mean without its SD (or the reverse). */
    ChangeOptions options() throws UsageException {
        ChangeOptions options = ChangeOptions.defaults();
        if (method != null) {
            options = options.with(method);
        }
        if (params != null) {
            options = options.with(params);
        }
        if (criterion != null) {
            options = options.with(criterion);
        }
        if (threshold != null) {
            options = options.withThreshold(threshold);
        }
        if (reliability != null) {
            options = options.withReliability(reliability);
        }
        if (reliabilityPost != null) {
            options = options.withReliabilityPost(reliabilityPost);
        }
        if (alpha != null) {
            options = options.withAlpha(alpha);
        }
        if (cutoff != null) {
            options = options.withCutoff(cutoff);
        }
        if ((functionalMean == null) != (functionalSd == null)) {
            throw new UsageException("--functional-mean and --functional-sd must be given together: "
                    + (functionalMean == null ? "--functional-sd" : "--functional-mean") + " alone");
        }
        if ((clinicalMean == null) != (clinicalSd == null)) {
            throw new UsageException("--clinical-mean and --clinical-sd must be given together: "
                    + (clinicalMean == null ? "--clinical-sd" : "--clinical-mean") + " alone");
        }
        if (functionalMean != null) {
            options = options.withFunctionalNorm(functionalMean, functionalSd);
        }
        if (clinicalMean != null) {
            options = options.withClinicalNorm(clinicalMean, clinicalSd);
        }
        if (threshold != null && options.method() != RciMethod.FIXED_THRESHOLD) {
            throw new UsageException("--threshold must go with --method nhs: --method " + methodWord());
        }
        options = anchorAndPercentage(options);
        if (options.method() == RciMethod.HAGEMAN_ARRINDELL && (cutoff != null
                || criterion == SignificanceCriterion.JT_B || criterion == SignificanceCriterion.CASENESS)) {
            // refused by the model too; said here so that --params sample fails before any input is read
            throw new UsageException("clinical significance with --method ha must use a true-score cut-off "
                    + "(--criterion a or c): " + (cutoff != null ? "--cutoff given" : "--criterion "
                    + (criterion == SignificanceCriterion.JT_B ? "b" : "caseness")));
        }
        return options;
    }

    /** The caller's MIDs or percentages: both of a pair, only with their method, never a default. */
    private ChangeOptions anchorAndPercentage(ChangeOptions options) throws UsageException {
        if ((midImprovement != null || midDeterioration != null) && options.method() != RciMethod.ANCHOR_BASED) {
            throw new UsageException("--mid-improvement and --mid-deterioration must go with --method anchor: "
                    + "--method " + methodWord());
        }
        if ((pctImprovement != null || pctDeterioration != null)
                && options.method() != RciMethod.PERCENTAGE_CHANGE) {
            throw new UsageException("--pct-improvement and --pct-deterioration must go with --method percentage: "
                    + "--method " + methodWord());
        }
        if (options.method() == RciMethod.ANCHOR_BASED) {
            if (midImprovement == null || midDeterioration == null) {
                throw new UsageException("--mid-improvement and --mid-deterioration must both be given with --method "
                        + "anchor (no instrument definition publishes a minimal important difference): "
                        + (midImprovement == null && midDeterioration == null ? "neither given"
                                : (midImprovement == null ? "--mid-deterioration" : "--mid-improvement") + " alone"));
            }
            return options.withMinimalImportantDifference(midImprovement, midDeterioration);
        }
        if (options.method() == RciMethod.PERCENTAGE_CHANGE) {
            if (pctImprovement == null || pctDeterioration == null) {
                throw new UsageException("--pct-improvement and --pct-deterioration must both be given with --method "
                        + "percentage: " + (pctImprovement == null && pctDeterioration == null ? "neither given"
                                : (pctImprovement == null ? "--pct-deterioration" : "--pct-improvement") + " alone"));
            }
            return options.withPercentageChange(pctImprovement, pctDeterioration);
        }
        return options;
    }

    /** Warns once when the method is commonly misread. */
    void warn(PrintStream err) {
        if (method == RciMethod.HSU_LINN_LORD) {
            err.println(HLL_WARNING);
        }
    }

    private String methodWord() {
        return method == null ? "nhs" : new Converters.Method().word(method);
    }

    /** A plain ASCII decimal, possibly negative. */
    static class Number implements ITypeConverter<Double> {
        @Override
        public Double convert(String text) {
            if (!text.matches("-?[0-9]{1,9}(\\.[0-9]{1,15})?")) {
                throw new TypeConversionException("number must be a plain decimal such as 10 or 9.5: " + text);
            }
            return Double.parseDouble(text);
        }
    }

    /** A plain ASCII decimal greater than 0. */
    static final class Positive extends Number {
        @Override
        public Double convert(String text) {
            double value = super.convert(text);
            if (!(value > 0)) {
                throw new TypeConversionException("threshold and SD must be greater than 0: " + text);
            }
            return value;
        }
    }

    /** {@code --alpha}: strictly between 0 and 0.5. */
    static final class Alpha extends Number {
        @Override
        public Double convert(String text) {
            double value = text.startsWith("-") ? -1 : super.convert(text);
            if (!(value > 0 && value < 0.5)) {
                throw new TypeConversionException("--alpha must be a number between 0 and 0.5: " + text);
            }
            return value;
        }
    }

    /** {@code --criterion a|b|c|caseness}. */
    static final class Criterion implements ITypeConverter<SignificanceCriterion> {
        @Override
        public SignificanceCriterion convert(String text) {
            switch (text) {
                case "a":
                    return SignificanceCriterion.JT_A;
                case "b":
                    return SignificanceCriterion.JT_B;
                case "c":
                    return SignificanceCriterion.JT_C;
                case "caseness":
                    return SignificanceCriterion.CASENESS;
                default:
                    throw new TypeConversionException("--criterion must be one of [a, b, c, caseness]: " + text);
            }
        }
    }
}
