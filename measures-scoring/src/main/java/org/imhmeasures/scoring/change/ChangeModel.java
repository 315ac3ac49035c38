/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.change;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.imhmeasures.core.instrument.Direction;
import org.imhmeasures.core.instrument.Instrument;
import org.imhmeasures.core.instrument.ScoreRange;
import org.imhmeasures.core.instrument.ScoringRule;
import org.imhmeasures.core.internal.Check;
import org.imhmeasures.scoring.Provenance;
import org.imhmeasures.scoring.Scored;
import org.imhmeasures.scoring.SubscaleScore;
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
 * as the 1991 paper does (b = M_func − d·2·SD_func: "within two standard deviations of the functional
 * mean"); clinicalsignificance 3.0.0 computes b = M_func − d·2·SD_dys with the clinical SD
 * ({@code R/calc_cutoff.R}, changed in 2022, commit eecbd53), so b differs from the R package by design
 * whenever the two SDs differ. The dysfunctional reference is the
 * instrument's published clinical norm, or with {@link ParameterSource#SAMPLE} the sample's pre scores
 * (as in R); the functional reference is the published non-clinical norm (see {@link ChangeParameters}
 * for how every parameter is resolved). The caseness criterion uses the instrument's cut-off: functional =
 * not a case.
 *
 * <h2>A score exactly on the cut-off</h2>
 * One rule, at both times: a score exactly on a Jacobson–Truax, true-score or supplied cut-off is
 * <em>dysfunctional</em>; functional means strictly beyond it in the better direction. So every score is
 * either functional or dysfunctional, a pre score on the cut-off counts as dysfunctional at the start (and
 * can recover), and a post score on it has not reached the functional range — the same side a caseness
 * cut-off "≥ X is a case" puts it on. clinicalsignificance 3.0.0 differs at the start: it treats
 * pre = cut-off as <em>not clinical</em> ({@code direction * pre < direction * cutoff}) and post = cut-off as
 * not functional, so a score on the cut-off is in neither range; we keep one partition on purpose, so that
 * "dysfunctional at start" and the NHS caseness denominator agree.
 *
 * <h2>Hageman–Arrindell</h2>
 * With {@link RciMethod#HAGEMAN_ARRINDELL} clinical significance is the published true-score approach
 * (Hageman &amp; Arrindell 1999, Behav Res Ther 37:1169–1193), not the plain cut-off: the cut-off is a_true
 * or c_true ({@link ChangeParameters.TrueScore}; AUTO picks c_true when a functional reference exists, else
 * a_true), the start is the observed pre score against it (on it = dysfunctional), and the end is decided
 * by CS_indiv against the one-sided critical value z = Φ⁻¹(1 − α): recovered = reliably improved
 * (d·RC_indiv &gt; z), dysfunctional at the start and d·CS_indiv &gt; z; improved = reliably improved otherwise;
 * harmed = reliably deteriorated, functional at the start and d·CS_indiv &lt; −z; deteriorated = reliably
 * deteriorated otherwise; unchanged otherwise. clinicalsignificance 3.0.0 computes the same CS_indiv and
 * its "clinical post" flag but labels as harmed every reliable deterioration from a non-clinical start
 * (its harmed test reads the functional flag, which is false whenever pre is not clinical); we use the
 * CS_indiv condition it computes, symmetric with recovery. Criterion b, caseness and a supplied cut-off
 * are refused ({@link Reason#UNSUPPORTED_COMBINATION}).
 *
 * <h2>Anchor-based and percentage change</h2>
 * {@link RciMethod#ANCHOR_BASED} and {@link RciMethod#PERCENTAGE_CHANGE} give improved / deteriorated /
 * none from the caller's minimal important differences or percentages (formulas there); with a cut-off
 * the categories are those of J&amp;T (recovered = improved and crossed into the functional range, as
 * clinicalsignificance's combined anchor approach), without one improved, unchanged or deteriorated.
 *
 * <h2>Categories</h2>
 * J&amp;T: recovered = reliably improved and moved from dysfunctional to functional; improved = reliably
 * improved otherwise; deteriorated = reliably deteriorated; harmed = reliably deteriorated from functional
 * to dysfunctional; unchanged otherwise. NHS (fixed threshold): reliable deterioration first; then
 * reliable recovery (case at start, not at end, reliable improvement); reliable improvement; recovery
 * without reliable improvement; otherwise no reliable change.
 *
 * <h2>Edge cases</h2>
 * An instrument that records answers only (a feedback question) has no score: every model of it is
 * unusable with {@link Reason#ANSWERS_ONLY}, whatever the options.
 * Scores outside the instrument's range, instruments without a total (HADS), missing published values,
 * missing minimal important differences or percentages, degenerate samples (fewer than 2 pairs, zero SD,
 * r_DD outside (0, 1]) and, for percentage change, a baseline of 0 or below give {@link NotAssessable} with
 * a typed reason — never a guessed parameter.
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
        ChangeParameters.Resolution resolved = ChangeParameters.resolve(instrument, options, sample);
        this.range = resolved.range();
        this.unusable = resolved.unusable();
        this.parameters = resolved.parameters();
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
     * Hageman &amp; Arrindell's group-level estimates for the sample this model was built from
     * ({@link GroupSignificance}).
     *
     * @return the estimates for a usable {@link RciMethod#HAGEMAN_ARRINDELL} model with a true-score cut-off
     *     and a sample whose changes vary; empty otherwise
     * @since 0.1.0
     */
    public Optional<GroupSignificance> groupSignificance() {
        if (unusable.isPresent() || parameters.trueScore().isEmpty() || parameters.cutoff().isEmpty()) {
            return Optional.empty();
        }
        ChangeParameters.TrueScore t = parameters.trueScore().get();
        double sdPre = parameters.sd().getAsDouble();
        double sdPost = parameters.sdPost().getAsDouble();
        double meanChange = parameters.meanPost().getAsDouble() - parameters.meanPre().getAsDouble();
        double sdChange = Math.sqrt(sdPre * sdPre + sdPost * sdPost
                - 2 * parameters.correlation().getAsDouble() * sdPre * sdPost);
        if (!(sdChange > 0)) {
            return Optional.empty();
        }
        double zChanged = (0 - meanChange) / (sdChange * Math.sqrt(t.reliabilityOfDifference()));
        double zFunctional = (parameters.cutoff().get().value() - t.meanPost()) / (sdPost
                * Math.sqrt(t.reliabilityPost()));
        boolean higherIsBetter = instrument.direction() == Direction.HIGHER_IS_BETTER;
        NormalDistribution phi = NormalDistribution.of(0, 1);
        return Optional.of(new GroupSignificance(
                higherIsBetter ? phi.survivalProbability(zChanged) : phi.cumulativeProbability(zChanged),
                higherIsBetter ? phi.survivalProbability(zFunctional) : phi.cumulativeProbability(zFunctional)));
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
     * Assesses the change between two scored results of this model's instrument, taking the value change
     * is measured on: the reported {@link Scored#total()} (the SWEMWBS metric score, the CORE-10 clinical
     * score, a prorated total), never the raw sum. Results are checked first, in this order: both of the
     * model's instrument ({@link Reason#INSTRUMENT_MISMATCH}), both scored against its definition version
     * ({@link Reason#DEFINITION_VERSION_MISMATCH}); then the model's own usability; an instrument that
     * reports change per goal (GBO) needs {@link #assess(Scored, Scored, String)}
     * ({@link Reason#NEEDS_SUBSCALE}), one without a total (HADS) is {@link Reason#NO_TOTAL}.
     *
     * @param pre the earlier result
     * @param post the later result
     * @return the assessment, or why none is possible
     * @since 0.1.0
     */
    public ChangeResult assess(Scored pre, Scored post) {
        Optional<NotAssessable> mismatch = mismatch(pre, post);
        if (mismatch.isPresent()) {
            return mismatch.get();
        }
        if (unusable.isPresent()) {
            return unusable.get();
        }
        if (pre.total().isEmpty() || post.total().isEmpty()) {
            return instrument.scoring() instanceof ScoringRule.PerGoal
                    ? new NotAssessable(Reason.NEEDS_SUBSCALE, "goal of " + instrument.id()
                            + " must be named for change: change is read per goal")
                    : new NotAssessable(Reason.NO_TOTAL, "total of " + instrument.id()
                            + " must exist for change: none reported");
        }
        return assess(pre.total().get().doubleValue(), post.total().get().doubleValue());
    }

    /**
     * Assesses the change of one goal of a per-goal instrument (GBO {@code goal_1}) between two scored
     * results, with the instrument's per-goal parameters. Checks as {@link #assess(Scored, Scored)}; then the
     * subscale must be one of the instrument's ({@link Reason#UNKNOWN_SUBSCALE}), the instrument must report
     * change per goal, since published parameters are for totals ({@link Reason#NO_SUBSCALE_PARAMETERS}), and
     * the goal must have a score in both results ({@link Reason#NO_SCORE}).
     *
     * @param pre the earlier result
     * @param post the later result
     * @param subscaleId the goal's subscale id, e.g. {@code goal_1}
     * @return the assessment, or why none is possible
     * @since 0.1.0
     */
    public ChangeResult assess(Scored pre, Scored post, String subscaleId) {
        Check.notNull(subscaleId, "subscale id");
        Optional<NotAssessable> mismatch = mismatch(pre, post);
        if (mismatch.isPresent()) {
            return mismatch.get();
        }
        if (unusable.isPresent()) {
            return unusable.get();
        }
        if (instrument.subscales().stream().noneMatch(s -> s.id().equals(subscaleId))) {
            // the id is the caller's text: described, not echoed
            return new NotAssessable(Reason.UNKNOWN_SUBSCALE, "subscale must be one of " + instrument.id()
                    + "'s subscales: unknown id");
        }
        if (!(instrument.scoring() instanceof ScoringRule.PerGoal)) {
            return new NotAssessable(Reason.NO_SUBSCALE_PARAMETERS, "change of subscale " + subscaleId + " of "
                    + instrument.id() + " must use parameters published for it: the instrument's are for its total");
        }
        Optional<BigDecimal> before = Optional.ofNullable(pre.subscales().get(subscaleId)).flatMap(SubscaleScore::score);
        Optional<BigDecimal> after = Optional.ofNullable(post.subscales().get(subscaleId)).flatMap(SubscaleScore::score);
        if (before.isEmpty() || after.isEmpty()) {
            return new NotAssessable(Reason.NO_SCORE, "goal " + subscaleId + " of " + instrument.id()
                    + " must be rated at both times: " + (before.isEmpty() ? "pre" : "post") + " has no rating");
        }
        return assess(before.get().doubleValue(), after.get().doubleValue());
    }

    /** A result of another instrument or definition version than the model's, pre first. */
    private Optional<NotAssessable> mismatch(Scored pre, Scored post) {
        Check.notNull(pre, "pre");
        Check.notNull(post, "post");
        String[] names = {"pre", "post"};
        Scored[] results = {pre, post};
        for (int i = 0; i < 2; i++) {
            Provenance p = results[i].provenance();
            if (!p.instrumentId().equals(instrument.id())) {
                return Optional.of(new NotAssessable(Reason.INSTRUMENT_MISMATCH, "instrument of " + names[i]
                        + " must be " + instrument.id() + ": " + p.instrumentId()));
            }
        }
        for (int i = 0; i < 2; i++) {
            Provenance p = results[i].provenance();
            if (!p.definitionVersion().equals(instrument.definitionVersion())) {
                return Optional.of(new NotAssessable(Reason.DEFINITION_VERSION_MISMATCH, "definition version of "
                        + names[i] + " must be " + instrument.definitionVersion() + ": " + p.definitionVersion()));
            }
        }
        return Optional.empty();
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
        RciMethod method = options.method();
        OptionalDouble relativeChange = OptionalDouble.empty();
        if (method == RciMethod.ANCHOR_BASED) {
            rci = OptionalDouble.empty();
            ChangeOptions.MinimalImportantDifference mid = parameters.minimalImportantDifference().orElseThrow();
            reliable = d * change >= mid.improvement() - EPSILON ? ReliableChangeDirection.IMPROVED
                    : d * change <= -mid.deterioration() + EPSILON ? ReliableChangeDirection.DETERIORATED
                    : ReliableChangeDirection.NONE;
        } else if (method == RciMethod.PERCENTAGE_CHANGE) {
            if (pre <= 0) {
                // the rule and which score broke it, never the value
                return new NotAssessable(Reason.BASELINE_NOT_POSITIVE, "baseline score of " + instrument.id()
                        + " must be greater than 0 for percentage change: pre is not");
            }
            rci = OptionalDouble.empty();
            ChangeOptions.PercentageChange pct = parameters.percentageChange().orElseThrow();
            double relative = change / pre;
            relativeChange = OptionalDouble.of(relative);
            reliable = change == 0 ? ReliableChangeDirection.NONE
                    : d * relative >= pct.improvement() - EPSILON ? ReliableChangeDirection.IMPROVED
                    : d * relative <= -pct.deterioration() + EPSILON ? ReliableChangeDirection.DETERIORATED
                    : ReliableChangeDirection.NONE;
        } else if (!method.hasIndex()) {
            rci = OptionalDouble.empty();
            double threshold = parameters.threshold().getAsDouble();
            boolean beyond = Math.abs(change) >= threshold - EPSILON;
            reliable = !beyond || change == 0 ? ReliableChangeDirection.NONE
                    : d * change > 0 ? ReliableChangeDirection.IMPROVED : ReliableChangeDirection.DETERIORATED;
        } else {
            double value = method.index(pre, post, parameters);
            rci = OptionalDouble.of(value);
            double critical = parameters.criticalValue().getAsDouble();
            reliable = d * value > critical ? ReliableChangeDirection.IMPROVED
                    : d * value < -critical ? ReliableChangeDirection.DETERIORATED : ReliableChangeDirection.NONE;
        }
        Optional<FunctionalCutoff> cutoff = parameters.cutoff();
        CutoffCrossing crossing = CutoffCrossing.NOT_DEFINED;
        Optional<Boolean> dysfunctionalAtStart = Optional.empty();
        boolean crossedIn = false;
        boolean crossedOut = false;
        if (cutoff.isPresent() && parameters.trueScore().isPresent()) {
            return hagemanArrindell(pre, post, change, rci, reliable, cutoff.get(), parameters.trueScore().get());
        }
        if (cutoff.isPresent()) {
            boolean preFunctional = cutoff.get().isFunctional(pre);
            boolean postFunctional = cutoff.get().isFunctional(post);
            crossedIn = !preFunctional && postFunctional;
            crossedOut = preFunctional && !postFunctional;
            dysfunctionalAtStart = Optional.of(!preFunctional);
            crossing = crossedIn ? CutoffCrossing.INTO_FUNCTIONAL : CutoffCrossing.NOT_INTO_FUNCTIONAL;
        }
        return new ChangeResult.Assessed(pre, post, change, rci, reliable, crossing, dysfunctionalAtStart,
                category(reliable, crossedIn, crossedOut), OptionalDouble.empty(), relativeChange);
    }

    /**
     * Hageman–Arrindell categories: the pre score against the true-score cut-off decides the start (a score
     * on it is dysfunctional); CS_indiv decides, beyond the one-sided critical value, whether the end is
     * reliably functional (from a dysfunctional start) or reliably dysfunctional (from a functional start).
     */
    private ChangeResult hagemanArrindell(double pre, double post, double change, OptionalDouble rci,
            ReliableChangeDirection reliable, FunctionalCutoff cutoff, ChangeParameters.TrueScore trueScore) {
        int d = instrument.direction() == Direction.HIGHER_IS_BETTER ? 1 : -1;
        double critical = parameters.criticalValue().getAsDouble();
        double cs = trueScore.clinicalSignificanceIndex(post, cutoff.value());
        boolean dysfunctionalAtStart = !cutoff.isFunctional(pre);
        boolean reliablyFunctional = dysfunctionalAtStart && d * cs > critical;
        boolean reliablyDysfunctional = !dysfunctionalAtStart && d * cs < -critical;
        Category category = reliable == ReliableChangeDirection.IMPROVED
                ? reliablyFunctional ? Category.RECOVERED : Category.IMPROVED
                : reliable == ReliableChangeDirection.DETERIORATED
                        ? reliablyDysfunctional ? Category.HARMED : Category.DETERIORATED
                        : Category.UNCHANGED;
        return new ChangeResult.Assessed(pre, post, change, rci, reliable, reliablyFunctional
                ? CutoffCrossing.INTO_FUNCTIONAL : CutoffCrossing.NOT_INTO_FUNCTIONAL,
                Optional.of(dysfunctionalAtStart), category, OptionalDouble.of(cs), OptionalDouble.empty());
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
}
