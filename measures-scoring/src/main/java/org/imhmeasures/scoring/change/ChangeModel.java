/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.change;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.imhmeasures.core.instrument.Cutoff;
import org.imhmeasures.core.instrument.Direction;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.core.instrument.Norm;
import org.imhmeasures.core.instrument.ReliableChange;
import org.imhmeasures.core.instrument.ScoreRange;
import org.imhmeasures.core.instrument.ScoringRule;
import org.imhmeasures.core.internal.Check;
import org.imhmeasures.scoring.change.ChangeResult.NotAssessable;
import org.imhmeasures.scoring.change.ChangeResult.Reason;
import org.imhmeasures.scoring.internal.Vocabulary;

/**
 * Assesses individual change on one instrument with fixed parameters. Immutable and thread-safe.
 *
 * <h2>Reliable change</h2>
 * See {@link RciMethod} for each formula. With direction d = +1 when higher is better and −1 otherwise,
 * a pair is reliably improved when {@code d·RCI > z}, reliably deteriorated when {@code d·RCI < −z}
 * (strict, as clinicalsignificance {@code .calc_improvement}), with z = Φ⁻¹(1 − α/2) (1.96), or
 * Φ⁻¹(1 − α) (1.645) for Hageman–Arrindell. The fixed-threshold method is inclusive, as in NHS code:
 * reliable when {@code |post − pre| >= threshold} in the improving or worsening direction.
 *
 * <h2>Clinical significance</h2>
 * Jacobson &amp; Truax (1991) cut-offs, d as above: a = M_dys + d·2·SD_dys; b = M_func − d·2·SD_func;
 * c = (SD_func·M_dys + SD_dys·M_func) / (SD_func + SD_dys). Criterion b uses the <em>functional</em> SD
 * as the 1991 paper does; clinicalsignificance uses the clinical SD there ({@code R/calc_cutoff.R},
 * commit eecbd53), so b differs from the R package by design. The dysfunctional reference is the
 * instrument's published clinical norm, or with {@link ParameterSource#SAMPLE} the sample's pre scores
 * (as in R); the functional reference is the published non-clinical norm. The caseness criterion uses the
 * instrument's cut-off: functional = not a case.
 *
 * <h2>Categories</h2>
 * J&amp;T: recovered = reliably improved and moved from dysfunctional to functional; improved = reliably
 * improved otherwise; deteriorated = reliably deteriorated; harmed = reliably deteriorated from functional
 * to dysfunctional; unchanged otherwise. NHS (fixed threshold): reliable deterioration first; then
 * reliable recovery (case at start, not at end, reliable improvement); reliable improvement; recovery
 * without reliable improvement; otherwise no reliable change.
 *
 * <h2>Edge cases</h2>
 * Scores outside the instrument's range, instruments without a total (HADS), missing published values
 * and degenerate samples (fewer than 2 pairs, zero SD) give {@link NotAssessable} with a typed reason —
 * never a guessed parameter.
 *
 * @since 0.1.0
 */
public final class ChangeModel {

    private static final double EPSILON = 1e-9;

    private final Instrument instrument;
    private final ChangeOptions options;
    private final Optional<NotAssessable> unusable;
    private final ChangeParameters parameters;
    private final ScoreRange range;

    private ChangeModel(Instrument instrument, ChangeOptions options, Optional<SampleStatistics> sample) {
        this.instrument = Check.notNull(instrument, "instrument");
        this.options = Check.notNull(options, "options");
        Builder b = new Builder(instrument, options, sample);
        this.range = b.range;
        this.unusable = Optional.ofNullable(b.problem);
        this.parameters = b.parameters();
    }

    /**
     * A model with the instrument's published parameters (and the caller's reliability, if given).
     *
     * @param instrument the instrument
     * @param options the options; {@link ChangeOptions#parameters()} is taken as {@link ParameterSource#PUBLISHED}
     * @return the model; check {@link #unusable()}
     */
    public static ChangeModel published(Instrument instrument, ChangeOptions options) {
        return new ChangeModel(instrument, options.with(ParameterSource.PUBLISHED), Optional.empty());
    }

    /**
     * A model with parameters estimated from a sample of paired totals.
     *
     * @param instrument the instrument
     * @param options the options; taken as {@link ParameterSource#SAMPLE}
     * @param sample statistics of the cohort's paired totals
     * @return the model; check {@link #unusable()}
     */
    public static ChangeModel fromSample(Instrument instrument, ChangeOptions options, SampleStatistics sample) {
        return new ChangeModel(instrument, options.with(ParameterSource.SAMPLE), Optional.of(sample));
    }

    /**
     * The range of the score whose change an instrument measures: the total, or for per-goal instruments
     * one goal's rating.
     *
     * @param instrument the instrument
     * @return the range, or empty when the instrument reports no single score (HADS)
     */
    public static Optional<ScoreRange> changeRange(Instrument instrument) {
        if (instrument.totalRange().isPresent()) {
            return instrument.totalRange();
        }
        if (instrument.scoring() instanceof ScoringRule.PerGoal && !instrument.subscales().isEmpty()) {
            return Optional.of(instrument.subscales().get(0).range());
        }
        return Optional.empty();
    }

    /**
     * Why this model cannot assess any pair, if it cannot.
     *
     * @return the reason, or empty when usable
     */
    public Optional<NotAssessable> unusable() {
        return unusable;
    }

    /**
     * The parameters in use and their sources.
     *
     * @return the parameters
     */
    public ChangeParameters parameters() {
        return parameters;
    }

    /**
     * The options in force.
     *
     * @return the options
     */
    public ChangeOptions options() {
        return options;
    }

    /**
     * Assesses the change from {@code pre} to {@code post}. See the class documentation.
     *
     * @param pre the earlier total (as scoring reports it)
     * @param post the later total
     * @return the assessment, or why none is possible
     */
    public ChangeResult assess(double pre, double post) {
        if (unusable.isPresent()) {
            return unusable.get();
        }
        double[] scores = {pre, post};
        for (int s = 0; s < 2; s++) {
            double score = scores[s];
            if (!Double.isFinite(score) || score < range.min().doubleValue() - EPSILON
                    || score > range.max().doubleValue() + EPSILON) {
                // the rule and which score broke it, never the value: a misplaced cell may hold an identifier
                return new NotAssessable(Reason.SCORE_OUT_OF_RANGE, "score of " + instrument.id() + " must lie within "
                        + range + ": " + (s == 0 ? "pre" : "post") + (Double.isFinite(score) ? " is outside"
                                : " is not a number"));
            }
        }
        double change = post - pre;
        int d = instrument.direction() == Direction.HIGHER_IS_BETTER ? 1 : -1;
        OptionalDouble rci;
        ReliableChangeDirection reliable;
        if (options.method() == RciMethod.FIXED_THRESHOLD) {
            rci = OptionalDouble.empty();
            double threshold = parameters.threshold().getAsDouble();
            boolean beyond = Math.abs(change) >= threshold - EPSILON;
            reliable = !beyond || change == 0 ? ReliableChangeDirection.NONE
                    : d * change > 0 ? ReliableChangeDirection.IMPROVED : ReliableChangeDirection.DETERIORATED;
        } else {
            double value = rci(pre, post);
            rci = OptionalDouble.of(value);
            double critical = parameters.criticalValue().getAsDouble();
            reliable = d * value > critical ? ReliableChangeDirection.IMPROVED
                    : d * value < -critical ? ReliableChangeDirection.DETERIORATED : ReliableChangeDirection.NONE;
        }
        Optional<FunctionalCutoff> cutoff = parameters.cutoff();
        ClinicalSignificance significance = ClinicalSignificance.NOT_DEFINED;
        Optional<Boolean> dysfunctionalAtStart = Optional.empty();
        boolean crossedIn = false;
        boolean crossedOut = false;
        if (cutoff.isPresent()) {
            boolean preFunctional = cutoff.get().isFunctional(pre);
            boolean postFunctional = cutoff.get().isFunctional(post);
            crossedIn = !preFunctional && postFunctional;
            crossedOut = preFunctional && !postFunctional;
            dysfunctionalAtStart = Optional.of(!preFunctional);
            significance = crossedIn ? ClinicalSignificance.SIGNIFICANT : ClinicalSignificance.NOT_SIGNIFICANT;
        }
        return new ChangeResult.Assessed(pre, post, change, rci, reliable, significance, dysfunctionalAtStart,
                category(reliable, crossedIn, crossedOut));
    }

    private Category category(ReliableChangeDirection reliable, boolean crossedIn, boolean crossedOut) {
        if (options.method() == RciMethod.FIXED_THRESHOLD) {
            if (reliable == ReliableChangeDirection.DETERIORATED) {
                return Category.RELIABLE_DETERIORATION;
            }
            if (reliable == ReliableChangeDirection.IMPROVED) {
                return crossedIn ? Category.RELIABLE_RECOVERY : Category.RELIABLE_IMPROVEMENT;
            }
            return crossedIn ? Category.RECOVERY_WITHOUT_RELIABLE_IMPROVEMENT : Category.NO_RELIABLE_CHANGE;
        }
        if (reliable == ReliableChangeDirection.IMPROVED) {
            return crossedIn ? Category.RECOVERED : Category.IMPROVED;
        }
        if (reliable == ReliableChangeDirection.DETERIORATED) {
            return crossedOut ? Category.HARMED : Category.DETERIORATED;
        }
        return Category.UNCHANGED;
    }

    private double rci(double pre, double post) {
        double sd = parameters.sd().getAsDouble();
        double r = parameters.reliability().getAsDouble();
        double sem = sd * Math.sqrt(1 - r);
        switch (options.method()) {
            case JACOBSON_TRUAX:
                return (post - pre) / (Math.sqrt(2) * sem);
            case GULLIKSEN_LORD_NOVICK: {
                double mPre = parameters.meanPre().getAsDouble();
                return ((post - mPre) - r * (pre - mPre)) / (sd * Math.sqrt(1 - r * r));
            }
            case HSU_LINN_LORD: {
                double mPre = parameters.meanPre().getAsDouble();
                double mPost = parameters.meanPost().getAsDouble();
                return ((post - mPost) - r * (pre - mPre)) / (sd * Math.sqrt(1 - r * r));
            }
            case EDWARDS_NUNNALLY: {
                double truePre = r * (pre - parameters.meanPre().getAsDouble()) + parameters.meanPre().getAsDouble();
                return (post - truePre) / sem;
            }
            case NUNNALLY_KOTSCH: {
                double truePre = r * (pre - parameters.meanPre().getAsDouble()) + parameters.meanPre().getAsDouble();
                double rPost = parameters.reliabilityPost().getAsDouble();
                return (post - truePre) / Math.sqrt(r * r * sd * sd * (1 - r) + sd * sd * (1 - rPost));
            }
            case HAGEMAN_ARRINDELL: {
                double sdPost = parameters.sdPost().getAsDouble();
                double rho = parameters.correlation().getAsDouble();
                double rDd = hageman(sd, sdPost, r, rho);
                double mDiff = parameters.meanPost().getAsDouble() - parameters.meanPre().getAsDouble();
                return ((post - pre) * rDd + mDiff * (1 - rDd)) / (Math.sqrt(rDd) * Math.sqrt(2 * sem * sem));
            }
            default:
                throw new IllegalStateException("method must use an RCI: " + options.method());
        }
    }

    /**
     * Reliability of the difference score (Hageman &amp; Arrindell 1999): with SEM = SD_pre·√(1 − r),
     * r_xx1 = (SD_pre² − SEM²)/SD_pre², r_xx2 = (SD_post² − SEM²)/SD_post², r_DD = (SD_pre²·r_xx1 +
     * SD_post²·r_xx2 − 2·SD_pre·SD_post·ρ) / (SD_pre² + SD_post² − 2·SD_pre·SD_post·ρ).
     */
    static double hageman(double sdPre, double sdPost, double r, double rho) {
        double sem2 = sdPre * sdPre * (1 - r);
        double rxx1 = (sdPre * sdPre - sem2) / (sdPre * sdPre);
        double rxx2 = (sdPost * sdPost - sem2) / (sdPost * sdPost);
        double cross = 2 * sdPre * sdPost * rho;
        return (sdPre * sdPre * rxx1 + sdPost * sdPost * rxx2 - cross) / (sdPre * sdPre + sdPost * sdPost - cross);
    }

    static String stripZeros(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** Resolves parameters once, recording the first problem. */
    private static final class Builder {
        final Instrument instrument;
        final ChangeOptions options;
        final Optional<SampleStatistics> sample;
        final List<String> sources = new ArrayList<>();
        ScoreRange range;
        NotAssessable problem;
        OptionalDouble threshold = OptionalDouble.empty();
        OptionalDouble sd = OptionalDouble.empty();
        OptionalDouble reliability = OptionalDouble.empty();
        OptionalDouble reliabilityPost = OptionalDouble.empty();
        OptionalDouble meanPre = OptionalDouble.empty();
        OptionalDouble meanPost = OptionalDouble.empty();
        OptionalDouble sdPost = OptionalDouble.empty();
        OptionalDouble correlation = OptionalDouble.empty();
        OptionalDouble critical = OptionalDouble.empty();
        Optional<FunctionalCutoff> cutoff = Optional.empty();

        Builder(Instrument instrument, ChangeOptions options, Optional<SampleStatistics> sample) {
            this.instrument = instrument;
            this.options = options;
            this.sample = sample;
            resolveRange();
            if (problem == null) {
                resolveReliableChange();
            }
            if (problem == null) {
                resolveCutoff();
            }
        }

        ChangeParameters parameters() {
            return new ChangeParameters(instrument.id(), instrument.definitionVersion(), options.method(),
                    options.parameters(), instrument.direction(), threshold, sd, reliability, reliabilityPost, meanPre,
                    meanPost, sdPost, correlation, critical, cutoff, sources);
        }

        private void fail(Reason reason, String message) {
            if (problem == null) {
                problem = new NotAssessable(reason, message);
            }
        }

        private void resolveRange() {
            Optional<ScoreRange> changeRange = changeRange(instrument);
            if (changeRange.isPresent()) {
                range = changeRange.get();
                if (instrument.totalRange().isEmpty()) {
                    sources.add("per-goal change: each goal's rating " + range);
                }
            } else {
                range = ScoreRange.of(0, 0);
                fail(Reason.NO_TOTAL, "total of " + instrument.id() + " must exist for change: the instrument reports "
                        + "subscales only");
            }
        }

        private Optional<Norm> norm(Norm.Role role) {
            return instrument.norms().stream().filter(n -> n.role() == role).findFirst();
        }

        private Optional<ReliableChange.FromReliability> fromReliability() {
            return instrument.reliableChange().stream().filter(ReliableChange.FromReliability.class::isInstance)
                    .map(ReliableChange.FromReliability.class::cast).findFirst();
        }

        private void resolveReliableChange() {
            RciMethod method = options.method();
            if (method == RciMethod.FIXED_THRESHOLD) {
                Optional<ReliableChange.FixedThreshold> fixed = instrument.reliableChange().stream()
                        .filter(ReliableChange.FixedThreshold.class::isInstance)
                        .map(ReliableChange.FixedThreshold.class::cast).findFirst();
                if (fixed.isEmpty()) {
                    fail(Reason.NO_PUBLISHED_PARAMETERS, "fixed reliable-change threshold of " + instrument.id()
                            + " must be published: none");
                    return;
                }
                threshold = OptionalDouble.of(fixed.get().threshold().doubleValue());
                sources.add("threshold " + fixed.get().threshold().toPlainString() + " (" + fixed.get().scheme()
                        + "): " + fixed.get().source().citation());
                return;
            }
            double alpha = options.alpha();
            critical = OptionalDouble.of(NormalDistribution.of(0, 1).inverseCumulativeProbability(
                    method == RciMethod.HAGEMAN_ARRINDELL ? 1 - alpha : 1 - alpha / 2));
            // reliability: the caller's, else published
            if (options.reliability().isPresent()) {
                reliability = options.reliability();
                sources.add("reliability " + stripZeros(reliability.getAsDouble()) + ": supplied by the caller");
            } else if (fromReliability().isPresent()) {
                reliability = OptionalDouble.of(fromReliability().get().reliability().doubleValue());
                sources.add("reliability (" + fromReliability().get().reliabilityKind() + "): "
                        + fromReliability().get().source().citation());
            } else {
                fail(options.parameters() == ParameterSource.SAMPLE ? Reason.NO_RELIABILITY
                        : Reason.NO_PUBLISHED_PARAMETERS, "reliability of " + instrument.id()
                        + " must be published or supplied: none");
                return;
            }
            reliabilityPost = options.reliabilityPost().isPresent() ? options.reliabilityPost() : reliability;
            if (options.parameters() == ParameterSource.SAMPLE) {
                SampleStatistics s = sample.orElseThrow();
                if (s.n() < 2 || !(s.sdPre() > 0)) {
                    fail(Reason.DEGENERATE_SAMPLE, "sample must have at least 2 pairs and pre-score variance: n = "
                            + s.n() + ", SD = " + (Double.isNaN(s.sdPre()) ? "undefined" : stripZeros(s.sdPre())));
                    return;
                }
                sd = OptionalDouble.of(s.sdPre());
                meanPre = OptionalDouble.of(s.meanPre());
                meanPost = OptionalDouble.of(s.meanPost());
                sdPost = OptionalDouble.of(s.sdPost());
                if (Double.isFinite(s.correlation())) {
                    correlation = OptionalDouble.of(s.correlation());
                }
                sources.add("SD, means and correlation: sample of " + s.n() + " pairs");
                if (method == RciMethod.HAGEMAN_ARRINDELL && (correlation.isEmpty() || !(s.sdPost() > 0))) {
                    fail(Reason.DEGENERATE_SAMPLE, "sample must have post-score variance for Hageman-Arrindell: SD = "
                            + stripZeros(s.sdPost()));
                }
                return;
            }
            if (method.needsPostStatistics()) {
                fail(Reason.NEEDS_SAMPLE_STATISTICS, "method " + Vocabulary.rciMethod(method)
                        + " must use sample parameters (post mean and SD): published parameters given");
                return;
            }
            Optional<Norm> clinical = norm(Norm.Role.DYSFUNCTIONAL);
            if (clinical.isPresent()) {
                sd = OptionalDouble.of(clinical.get().sd().doubleValue());
                meanPre = OptionalDouble.of(clinical.get().mean().doubleValue());
                sources.add("SD and mean: " + clinical.get().population() + " norm, " + clinical.get().source()
                        .citation());
            } else if (fromReliability().isPresent() && !method.needsReferenceMean()) {
                sd = OptionalDouble.of(fromReliability().get().sd().doubleValue());
                sources.add("SD: " + fromReliability().get().source().citation());
            } else {
                fail(Reason.NO_PUBLISHED_PARAMETERS, "clinical-sample SD" + (method.needsReferenceMean() ? " and mean"
                        : "") + " of " + instrument.id() + " must be published: none");
            }
        }

        private void resolveCutoff() {
            Optional<Cutoff> caseness = instrument.caseness();
            SignificanceCriterion criterion = options.criterion();
            Optional<double[]> dysfunctional = Optional.empty(); // {mean, sd}
            if (options.parameters() == ParameterSource.SAMPLE && sample.isPresent() && sample.get().n() >= 2
                    && sample.get().sdPre() > 0) {
                dysfunctional = Optional.of(new double[] {sample.get().meanPre(), sample.get().sdPre()});
            } else if (norm(Norm.Role.DYSFUNCTIONAL).isPresent()) {
                Norm n = norm(Norm.Role.DYSFUNCTIONAL).get();
                dysfunctional = Optional.of(new double[] {n.mean().doubleValue(), n.sd().doubleValue()});
            }
            Optional<double[]> functional = norm(Norm.Role.FUNCTIONAL)
                    .map(n -> new double[] {n.mean().doubleValue(), n.sd().doubleValue()});
            if (criterion == SignificanceCriterion.AUTO) {
                criterion = options.method() != RciMethod.FIXED_THRESHOLD && dysfunctional.isPresent()
                        && functional.isPresent() ? SignificanceCriterion.JT_C : SignificanceCriterion.CASENESS;
            }
            int d = instrument.direction() == Direction.HIGHER_IS_BETTER ? 1 : -1;
            switch (criterion) {
                case CASENESS:
                    caseness.ifPresent(c -> {
                        cutoff = Optional.of(new FunctionalCutoff(SignificanceCriterion.CASENESS,
                                c.threshold().doubleValue(), instrument.direction(), caseness));
                        sources.add("functional range: not a case at the caseness cut-off, " + c.source().citation());
                    });
                    break;
                case JT_A:
                    dysfunctional.ifPresent(dys -> set(SignificanceCriterion.JT_A, dys[0] + d * 2 * dys[1]));
                    break;
                case JT_B:
                    functional.ifPresent(f -> set(SignificanceCriterion.JT_B, f[0] - d * 2 * f[1]));
                    break;
                case JT_C:
                    if (dysfunctional.isPresent() && functional.isPresent()) {
                        double[] dys = dysfunctional.get();
                        double[] f = functional.get();
                        set(SignificanceCriterion.JT_C, (f[1] * dys[0] + dys[1] * f[0]) / (f[1] + dys[1]));
                    }
                    break;
                default:
                    break;
            }
            if (cutoff.isEmpty()) {
                sources.add("clinical significance: no " + criterion.name().toLowerCase(java.util.Locale.ROOT)
                        + " cut-off available for " + instrument.id());
            }
        }

        private void set(SignificanceCriterion criterion, double value) {
            cutoff = Optional.of(new FunctionalCutoff(criterion, value, instrument.direction(), Optional.empty()));
            sources.add("functional range: Jacobson-Truax criterion " + criterion.name().substring(3).toLowerCase(
                    java.util.Locale.ROOT) + " = " + stripZeros(Math.round(value * 10000) / 10000.0)
                    + " (Jacobson & Truax 1991; references: " + (options.parameters() == ParameterSource.SAMPLE
                    ? "dysfunctional = sample pre scores" : "published norms") + ")");
        }
    }
}
